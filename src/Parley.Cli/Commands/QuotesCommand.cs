using System.CommandLine;
using Parley.Corpus.Queries;
using Parley.Corpus.Store;

namespace Parley.Cli.Commands;

/// <summary><c>parley quotes [--speaker --outlet --kind --source-type --since --until]</c>: list statements.</summary>
internal static class QuotesCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var limit = CorpusCli.LimitOption(100);
        var speaker = new Option<string?>("--speaker") { Description = "Speaker or actor name (spelling variants match)" };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name" };
        var kind = new Option<string?>("--kind") { Description = "Statement kind" };
        kind.AcceptOnlyFromAmong([.. SqliteCorpusStore.KindNames]);
        var sourceType = new Option<string?>("--source-type") { Description = "Speaker type" };
        sourceType.AcceptOnlyFromAmong([.. SqliteCorpusStore.SpeakerTypeNames]);
        var since = new Option<string?>("--since") { Description = "Published on or after (yyyy-mm-dd)" };
        var until = new Option<string?>("--until") { Description = "Published on or before (yyyy-mm-dd)" };
        var command = new Command("quotes", "List statements, filtered by speaker, outlet, kind, source type and date.")
        {
            db, format, limit, speaker, outlet, kind, sourceType, since, until,
        };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var filter = new QuoteFilter
            {
                Speaker = parse.GetValue(speaker),
                Outlet = parse.GetValue(outlet),
                Kind = parse.GetValue(kind),
                SourceType = parse.GetValue(sourceType),
                Since = CorpusCli.ParseDate(parse.GetValue(since), "--since"),
                Until = CorpusCli.ParseDate(parse.GetValue(until), "--until", endOfDay: true),
                Limit = Math.Max(1, parse.GetValue(limit)),
            };
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var rows = store.Quotes(filter);
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(new { count = rows.Count, statements = rows });
                return 0;
            }
            if (rows.Count == 0) Console.WriteLine("No statements match.");
            foreach (var r in rows)
            {
                string provenance = r.QuoteId is { } q ? $" · quote q{q} (parley provenance {q})" : "";
                Console.WriteLine($"{CorpusCli.Day(r.Published)} · {r.Outlet ?? "—"} · {r.Speaker ?? "(unattributed)"} [{r.SpeakerType}] · {r.Kind}{provenance}");
                Console.WriteLine($"    {CorpusCli.Shorten(r.Content, 200)}");
            }
            return 0;
        }));
        return command;
    }
}
