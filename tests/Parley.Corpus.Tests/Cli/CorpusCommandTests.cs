using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Corpus.Tests.Ingest;
using Parley.Tests;

namespace Parley.Corpus.Tests.Cli;

/// <summary>The corpus commands run as a user runs them: the real CLI in a child process.</summary>
public sealed class CorpusCommandTests
{
    private static string WriteInputs(TempDir dir)
    {
        string folder = Path.Combine(dir.Path, "in");
        Directory.CreateDirectory(Path.Combine(folder, "feeds"));
        Directory.CreateDirectory(Path.Combine(folder, "pages"));
        File.WriteAllText(Path.Combine(folder, "pages", "port-strike.html"), HtmlExtractorTests.Page);
        File.WriteAllText(Path.Combine(folder, "feeds", "courier.xml"), FeedReaderTests.Rss);
        File.WriteAllText(Path.Combine(folder, "feeds", "wire.atom"), FeedReaderTests.Atom);
        File.WriteAllText(Path.Combine(folder, "wire.jsonl"), JsonlReaderTests.Lines);
        File.WriteAllText(Path.Combine(folder, "note.txt"), "The committee met on Tuesday. \"We have made real progress,\" the chair said.");
        File.WriteAllBytes(Path.Combine(folder, "binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(folder, "latin1.txt"), [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E]);
        File.WriteAllText(Path.Combine(folder, "photo.jpg"), "not read");
        return folder;
    }

    private static JsonElement Json(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public void IngestsEveryFormatAndReportsFailuresWithReasons()
    {
        using var dir = new TempDir();
        string folder = WriteInputs(dir);
        string db = Path.Combine(dir.Path, "corpus.db");

        var first = CliRunner.Run("ingest", folder, "--db", db, "--format", "json");
        Assert.Equal(1, first.ExitCode);
        var summary = JsonDocument.Parse(first.Stdout).RootElement;
        // 1 HTML page + 2 RSS items + 2 Atom entries + 2 JSONL lines + 1 text file.
        Assert.Equal(8, summary.GetProperty("added").GetInt32());
        Assert.Equal(1, summary.GetProperty("ignored_files").GetInt32());
        var reasons = summary.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("origin").GetString() + ": " + f.GetProperty("reason").GetString()).ToList();
        Assert.Contains(reasons, r => r.Contains("wire.jsonl: line 2: invalid JSON"));
        Assert.Contains(reasons, r => r.Contains("wire.jsonl: line 5"));
        Assert.Contains(reasons, r => r.Contains("binary.txt") && r.Contains("binary"));
        Assert.Contains(reasons, r => r.Contains("latin1.txt") && r.Contains("UTF-8"));
        Assert.Contains(reasons, r => r.Contains("courier.xml#item 3") && r.Contains("no content"));
        Assert.Contains("wire.jsonl: line 2: invalid JSON", first.Stderr);

        var page = Json(CliRunner.Run("article", "https://ledger.example/news/port-strike", "--db", db, "--format", "json"));
        Assert.Equal("The Coastal Ledger", page.GetProperty("outlet").GetString());
        Assert.Equal("2025-02-11T07:30:00Z", page.GetProperty("published").GetString());
        Assert.True(page.GetProperty("has_html_map").GetBoolean());
        Assert.DoesNotContain("disgrace", page.GetProperty("text").GetString());

        var stats = Json(CliRunner.Run("stats", "--db", db, "--format", "json"));
        Assert.Equal(8, stats.GetProperty("articles").GetInt32());
        Assert.True(stats.TryGetProperty("statements", out _));
    }

    [Fact]
    public void IngestingTheSameFolderTwiceChangesNothing()
    {
        using var dir = new TempDir();
        string folder = WriteInputs(dir);
        string db = Path.Combine(dir.Path, "corpus.db");
        CliRunner.Run("ingest", folder, "--db", db);
        string before = CliRunner.Run("stats", "--db", db, "--format", "json").Stdout;
        var again = JsonDocument.Parse(CliRunner.Run("ingest", folder, "--db", db, "--format", "json").Stdout).RootElement;
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(8, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(before, CliRunner.Run("stats", "--db", db, "--format", "json").Stdout);
    }

    [Fact]
    public void ChangedFileBecomesANewVersion()
    {
        using var dir = new TempDir();
        string db = Path.Combine(dir.Path, "corpus.db");
        string file = dir.File("story.txt", "Storm closes schools\n\nSchools closed on Monday as the storm hit the coast.");
        CliRunner.Run("ingest", file, "--db", db);
        File.WriteAllText(file, "Storm closes schools\n\nSchools closed on Monday and Tuesday as the storm hit the coast.");
        var result = JsonDocument.Parse(CliRunner.Run("ingest", file, "--db", db, "--format", "json").Stdout).RootElement;
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var article = Json(CliRunner.Run("article", "story", "--db", db, "--format", "json"));
        Assert.Equal(2, article.GetProperty("version").GetInt32());
        Assert.Equal(1, Json(CliRunner.Run("stats", "--db", db, "--format", "json")).GetProperty("articles").GetInt32());
    }

    [Fact]
    public void StandardInputIsSniffed()
    {
        using var dir = new TempDir();
        string db = Path.Combine(dir.Path, "corpus.db");
        var result = CliRunner.RunWithInput(FeedReaderTests.Atom, "ingest", "-", "--db", db, "--format", "json");
        Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("added").GetInt32());
    }

    [Fact]
    public void QueriesAnswerInTextAndJson()
    {
        using var dir = new TempDir();
        string folder = WriteInputs(dir);
        string db = Path.Combine(dir.Path, "corpus.db");
        CliRunner.Run("ingest", folder, "--db", db);
        Assert.True(Json(CliRunner.Run("who-said", "strike", "--db", db, "--format", "json")).TryGetProperty("results", out _));
        Assert.True(Json(CliRunner.Run("quotes", "--db", db, "--format", "json", "--since", "2025-01-01", "--kind", "direct")).TryGetProperty("statements", out _));
        Assert.Equal(0, CliRunner.Run("stats", "--db", db).ExitCode);
        Assert.Equal(0, CliRunner.Run("article", "w-1", "--db", db).ExitCode);
        var missing = CliRunner.Run("actor", "Nobody Known", "--db", db);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no actor", missing.Stderr);
        var badDate = CliRunner.Run("quotes", "--db", db, "--since", "last tuesday");
        Assert.Equal(2, badDate.ExitCode);

        var csv = CliRunner.Run("export", "--db", db, "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("article,outlet,date,", csv.Stdout);
        Assert.Equal(0, CliRunner.Run("export", "--db", db, "--format", "gdelt").ExitCode);
        Assert.Equal(0, CliRunner.Run("export", "--db", db, "--format", "jsonl").ExitCode);
    }

    [Fact]
    public void ForeignOrCorruptDatabaseGivesOneLineError()
    {
        using var dir = new TempDir();
        string notDb = dir.File("notes.db", "these are my notes, not a database");
        var result = CliRunner.Run("stats", "--db", notDb);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"parley: {notDb}: not a Parley corpus (not an SQLite database file)", result.Stderr.Trim());
        Assert.Equal("these are my notes, not a database", File.ReadAllText(notDb));

        var ingest = CliRunner.Run("ingest", dir.File("a.txt", "Some article text here."), "--db", notDb);
        Assert.Equal(2, ingest.ExitCode);
        Assert.Single(ingest.Stderr.Trim().Split('\n'));

        var missing = CliRunner.Run("who-said", "x", "--db", Path.Combine(dir.Path, "none.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such database", missing.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "none.db")));
    }

    [Fact]
    public void KilledIngestLeavesAConsistentDatabaseAndARerunCompletesIt()
    {
        using var dir = new TempDir();
        const int total = 1200;
        string folder = Path.Combine(dir.Path, "articles");
        ArticleGenerator.WriteFolder(folder, total);
        string db = Path.Combine(dir.Path, "crash.db");

        using (var process = CliRunner.Start("ingest", folder, "--db", db, "--batch", "25", "--quiet"))
        {
            // Kill once some batches are committed, well before the end.
            var watch = Stopwatch.StartNew();
            long committed = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
            {
                Thread.Sleep(50);
                committed = CountArticles(db);
                if (committed >= 100) break;
            }
            Assert.False(process.HasExited, "ingest finished before it could be killed; make the corpus larger");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        long afterKill = CountArticles(db);
        Assert.InRange(afterKill, 1, total - 1);
        Assert.Equal("ok", Query(db, "PRAGMA integrity_check"));

        var rerun = CliRunner.Run("ingest", folder, "--db", db, "--format", "json");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var summary = JsonDocument.Parse(rerun.Stdout).RootElement;
        Assert.Equal(total, summary.GetProperty("added").GetInt32() + summary.GetProperty("duplicates").GetInt32());
        Assert.Equal(afterKill, summary.GetProperty("duplicates").GetInt32());

        string clean = Path.Combine(dir.Path, "clean.db");
        Assert.Equal(0, CliRunner.Run("ingest", folder, "--db", clean).ExitCode);
        Assert.Equal(CliRunner.Run("stats", "--db", clean, "--format", "json").Stdout, CliRunner.Run("stats", "--db", db, "--format", "json").Stdout);
        Assert.Equal("ok", Query(db, "PRAGMA integrity_check"));
        Assert.Equal(total.ToString(), Query(db, "SELECT count(DISTINCT ext_id) FROM articles"));
        Assert.Equal(total.ToString(), Query(db, "SELECT count(*) FROM articles"));
    }

    private static long CountArticles(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            return long.Parse(Query(db, "SELECT count(*) FROM articles"));
        }
        catch (SqliteException)
        {
            return 0; // Not created yet, or busy.
        }
    }

    private static string Query(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
