using System.CommandLine;
using Parley.Pipeline;
using Parley.Corpus.Ingest;
using Parley.Corpus.Store;
using Parley.Text;

namespace Parley.Cli.Commands;

/// <summary><c>parley ingest PATH... [--db FILE]</c>: read articles into the corpus database.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders (searched recursively): .txt, .html/.htm, RSS/Atom (.xml/.rss/.atom), JSONL (.jsonl); - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var workers = new Option<int>("--workers", "-j") { Description = "Analysis threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Articles per transaction", DefaultValueFactory = _ => 200 };
        var maxSize = new Option<long>("--max-size") { Description = "Largest file accepted, in bytes", DefaultValueFactory = _ => TextDecoder.DefaultMaxBytes };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar" };
        var pipelineName = PipelineOption.Create();
        var command = new Command("ingest", "Read articles into the corpus: analyse them and store statements, actors and quotes.")
        {
            paths, db, format, workers, batch, maxSize, quiet, pipelineName,
        };
        command.SetAction(parse => CliErrors.Guard(() => Run(
            parse.GetValue(paths) ?? [], parse.GetValue(db)!, parse.GetValue(format)!, parse.GetValue(workers), parse.GetValue(batch),
            parse.GetValue(maxSize), parse.GetValue(quiet), parse.GetValue(pipelineName)!)));
        return command;
    }

    private static int Run(string[] paths, string db, string format, int workers, int batch, long maxBytes, bool quiet, string pipelineName)
    {
        if (workers < 1 || batch < 1) throw new UsageException("--workers and --batch must be at least 1");
        if (maxBytes <= 0) throw new UsageException("--max-size must be positive");
        foreach (string path in paths)
            if (path != "-" && !File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"{path}: no such file or folder");

        using var store = SqliteCorpusStore.Open(db);
        var reader = new InputReader(maxBytes);
        bool showProgress = !quiet && !Console.IsErrorRedirected;
        var bar = showProgress ? new ProgressBar(InputReader.EstimateCount(paths)) : null;
        var summary = new Ingestor(store, new IngestOptions { Workers = workers, BatchSize = batch, Pipeline = ParleyPipeline.Get(pipelineName) })
            .Run(reader, paths, bar is null ? null : new Progress(bar));
        bar?.Finish();

        foreach (var failure in summary.Failures) CliErrors.Error($"{failure.Origin}: {failure.Reason}");
        if (format == "json")
        {
            CorpusCli.WriteJson(new
            {
                database = db,
                added = summary.Added,
                updated = summary.Updated,
                duplicates = summary.Duplicates,
                near_duplicates = summary.NearDuplicates,
                failed = summary.Failures.Count,
                failures = summary.Failures.Select(f => new { origin = f.Origin, reason = f.Reason }),
                statements = summary.Statements,
                ignored_files = summary.Ignored,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                write_seconds = Math.Round(summary.WriteTime.TotalSeconds, 3),
                articles_per_second = Math.Round(summary.ArticlesPerSecond, 1),
            });
        }
        else
        {
            Console.WriteLine($"{db}: added {summary.Added}, updated {summary.Updated}, skipped {summary.Duplicates} as duplicate, failed {summary.Failures.Count}");
            Console.WriteLine($"  {summary.Statements} statements; {summary.NearDuplicates} near-duplicate (wire copy) articles linked" +
                (summary.Ignored > 0 ? $"; {summary.Ignored} files ignored (not .txt/.html/.xml/.rss/.atom/.jsonl)" : ""));
            Console.WriteLine($"  {summary.Elapsed.TotalSeconds:0.0} s, {summary.ArticlesPerSecond:0.0} articles/s");
        }
        return summary.Failures.Count > 0 ? CliErrors.InputFailed : 0;
    }

    private sealed class Progress(ProgressBar bar) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => bar.Draw(value);
    }

    /// <summary>A one-line progress bar on standard error: done/total, articles/s, failures.</summary>
    private sealed class ProgressBar(int total)
    {
        private long _lastDraw;

        public void Draw(IngestProgress p)
        {
            long now = Environment.TickCount64;
            if (now - _lastDraw < 100) return;
            _lastDraw = now;
            int width = 30;
            double fraction = total > 0 ? Math.Min(0.999, p.Processed / (double)total) : 0;
            int filled = (int)(fraction * width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Processed:N0}/{Math.Max(total, p.Processed):N0} · {p.PerSecond:0.0} articles/s · {p.Failed} failed   ");
        }

        public void Finish() => Console.Error.Write("\r" + new string(' ', 100) + "\r");
    }
}
