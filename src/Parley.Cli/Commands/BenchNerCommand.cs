using System.CommandLine;
using System.Diagnostics;
using Parley.Entities.Tagging;
using Parley.Learning;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench ner FILE</c>: times model loading and tagging on one thread.</summary>
internal static class BenchNerCommand
{
    /// <summary>Builds the <c>bench ner</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A CoNLL file whose tokens are tagged" };
        var model = new Option<string?>("--model") { Description = $"Model file (default: {NerTagger.DefaultRelativePath} beside parley)" };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds over the file (after one warm-up round)", DefaultValueFactory = _ => 3 };
        var command = new Command("ner", "Time the entity tagger: model load, and tokens per second on one core.") { file, model, rounds };
        command.SetAction(parse =>
        {
            try
            {
                var clock = Stopwatch.StartNew();
                int entries = Gazetteers.Default.Count;
                double gazetteers = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var tagger = EvalNerCommand.LoadTagger(parse.GetValue(model));
                double load = clock.Elapsed.TotalMilliseconds;
                var texts = NerCorpus.From(ConllReader.Read(parse.GetValue(file)!)).Select(e => e.Text).ToList();
                long tokens = texts.Sum(t => (long)t.Tokens.Length);
                for (int w = 0; w < 2; w++) foreach (var t in texts) tagger.TagLabels(t); // warm-up: JIT, tiered compilation
                int n = Math.Max(1, parse.GetValue(rounds));
                double best = double.MaxValue, bestCpu = double.MaxValue, total = 0, totalCpu = 0;
                for (int r = 0; r < n; r++)
                {
                    // CPU time as well as wall time: on a shared machine the wall clock includes waiting for a core.
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    clock.Restart();
                    foreach (var t in texts) tagger.TagLabels(t);
                    double seconds = clock.Elapsed.TotalSeconds;
                    double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    best = Math.Min(best, seconds); bestCpu = Math.Min(bestCpu, cpuSeconds);
                    total += seconds; totalCpu += cpuSeconds;
                }
                Console.WriteLine($"gazetteers: {gazetteers:F0} ms ({entries} entries); model load: {load:F0} ms ({tagger.Stages} passes, {tagger.FeatureCount} features)");
                Console.WriteLine($"{tokens} tokens × {n} rounds on one thread: mean {tokens * n / total:F0} tokens/s, best round {tokens / best:F0} tokens/s (wall); " +
                                  $"per CPU second: mean {tokens * n / totalCpu:F0}, best {tokens / bestCpu:F0}");
                return 0;
            }
            catch (Exception e) when (e is ConllFormatException or ModelFormatException)
            {
                Console.Error.WriteLine($"parley: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
