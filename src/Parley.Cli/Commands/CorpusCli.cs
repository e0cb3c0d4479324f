using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Corpus.Store;

namespace Parley.Cli.Commands;

/// <summary>Options and helpers shared by the corpus commands (ingest, who-said, quotes, actor, article, stats, export).</summary>
internal static class CorpusCli
{
    /// <summary>The default database file.</summary>
    public const string DefaultDb = "parley.db";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Adds the corpus commands to the root command.</summary>
    public static void AddCommands(RootCommand root)
    {
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(WhoSaidCommand.Create());
        root.Subcommands.Add(QuotesCommand.Create());
        root.Subcommands.Add(ProvenanceCommand.Create());
        root.Subcommands.Add(ActorCommand.Create());
        root.Subcommands.Add(ArticleCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
    }

    public static Option<string> DbOption() => new("--db")
    {
        Description = "Corpus database file (SQLite)",
        DefaultValueFactory = _ => DefaultDb,
    };

    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static Option<int> LimitOption(int value) => new("--limit", "-n") { Description = "Most results shown", DefaultValueFactory = _ => value };

    public static Option<int> TimingOption() => new("--timing")
    {
        Description = "Run the query this many times and print latency percentiles (p50, p95, max) to standard error",
    };

    /// <summary>
    /// Runs <paramref name="query"/> once, or <paramref name="runs"/> times when timing, and reports the
    /// latency percentiles on stderr (in-process, so process start-up is not counted).
    /// </summary>
    public static T Timed<T>(int runs, Func<T> query)
    {
        var result = query();
        if (runs <= 0) return result;
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            result = query();
            times[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        double P(double q) => times[Math.Min(runs - 1, (int)Math.Ceiling(q * runs) - 1)];
        Console.Error.WriteLine($"timing: {runs} runs after 1 warm-up, p50 {P(0.5):0.00} ms, p95 {P(0.95):0.00} ms, max {times[^1]:0.00} ms");
        return result;
    }

    /// <summary>Opens an existing corpus for a query (never creates one).</summary>
    public static SqliteCorpusStore OpenExisting(string db) => SqliteCorpusStore.Open(db, create: false);

    /// <summary>Writes <paramref name="value"/> as indented snake_case JSON.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A date argument: yyyy-MM-dd or any ISO 8601 date-time (UTC when no zone is given).</summary>
    public static DateTimeOffset? ParseDate(string? value, string option, bool endOfDay = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
            return endOfDay ? day.AddDays(1) : day;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
        throw new UsageException($"{option}: '{value}' is not a date (use yyyy-mm-dd)");
    }

    /// <summary>The date part of an ISO timestamp, or "—".</summary>
    public static string Day(string? iso) => iso is { Length: >= 10 } ? iso[..10] : "—";

    /// <summary>One line, at most <paramref name="max"/> characters.</summary>
    public static string Shorten(string? value, int max)
    {
        if (string.IsNullOrEmpty(value)) return "";
        value = value.ReplaceLineEndings(" ");
        return value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
    }
}
