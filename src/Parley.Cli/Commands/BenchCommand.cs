using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley bench DIR</c>: runs the whole pipeline over every .txt file of a folder on one thread and
/// reports documents/s, MB/s, words/s, allocation and peak memory. Files are read into memory first,
/// so only decoding and analysis are timed.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder of .txt files (searched recursively)" };
        var repeat = new Option<int>("--repeat", "-n") { Description = "Timed passes over the files", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed passes first (lets the JIT settle)", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var perStage = new Option<bool>("--stages") { Description = "Also time each pipeline stage (one thread only)" };
        var threads = new Option<int>("--threads", "-t") { Description = "Documents analysed in parallel (the pipeline is shared)", DefaultValueFactory = _ => 1 };
        var pipelineName = PipelineOption.Create();
        var command = new Command("bench", "Measure pipeline throughput on a folder of text files (bench ner: the entity tagger alone).") { dir, repeat, warmup, format, perStage, pipelineName, threads };
        command.Subcommands.Add(BenchNerCommand.Create());
        command.SetAction(parse => CliErrors.Guard(() => Run(
            parse.GetValue(dir)!, parse.GetValue(repeat), parse.GetValue(warmup), parse.GetValue(format)!, parse.GetValue(perStage), parse.GetValue(pipelineName)!, parse.GetValue(threads))));
        return command;
    }

    private static int Run(string dir, int repeat, int warmup, string format, bool perStage, string pipelineName, int threads)
    {
        if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder");
        if (repeat < 1 || warmup < 0) throw new UsageException("--repeat must be at least 1 and --warmup at least 0");
        if (threads < 1 || threads > 64) throw new UsageException("--threads must be between 1 and 64");
        if (threads > 1 && perStage) throw new UsageException("--stages times one thread; leave out --threads");
        var files = Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new UsageException($"{dir}: no .txt files");
        var inputs = files.Select(File.ReadAllBytes).ToArray();
        long bytes = inputs.Sum(b => (long)b.Length);

        var pipeline = ParleyPipeline.Get(pipelineName);
        long words = 0, statements = 0, sentences = 0;
        foreach (var input in inputs)
        {
            var doc = pipeline.Process(TextDecoder.Decode(input));
            foreach (var token in doc.Tokens) if (token.Kind is TokenKind.Word or TokenKind.Number) words++;
            statements += doc.Statements.Length;
            sentences += doc.Sentences.Length;
        }
        for (int i = 1; i < warmup; i++) Pass(pipeline, inputs, null, null, threads);

        var stageTimes = perStage ? new double[pipeline.Stages.Length] : null;
        var stageBytes = perStage ? new long[pipeline.Stages.Length] : null;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < repeat; i++) Pass(pipeline, inputs, stageTimes, stageBytes, threads);
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        double seconds = watch.Elapsed.TotalSeconds / repeat;
        var result = new BenchResult(
            Pipeline: pipelineName,
            Threads: threads,
            Files: files.Length,
            Bytes: bytes,
            Words: words,
            Sentences: sentences,
            Statements: statements,
            SecondsPerPass: seconds,
            DocumentsPerSecond: files.Length / seconds,
            MegabytesPerSecond: bytes / 1e6 / seconds,
            WordsPerSecond: words / seconds,
            AllocatedBytesPerDocument: allocated / (double)(files.Length * repeat),
            PeakWorkingSetBytes: Process.GetCurrentProcess().PeakWorkingSet64,
            Stages: stageTimes is null ? null : pipeline.Stages.Select((s, i) => new StageTime(s.Name, stageTimes[i] / repeat, stageBytes![i] / (double)(files.Length * repeat))).ToArray());

        if (format == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            return 0;
        }
        Console.WriteLine($"files        {result.Files:N0} ({result.Bytes / 1e6:0.00} MB, {result.Words:N0} words, {result.Sentences:N0} sentences, {result.Statements:N0} statements)");
        Console.WriteLine($"pipeline     {pipelineName}: {string.Join(", ", pipeline.Stages.Select(s => s.Name))}");
        Console.WriteLine($"passes       {repeat} timed after {warmup} warm-up, {threads} thread(s), {Environment.ProcessorCount} cores available");
        Console.WriteLine($"time/pass    {result.SecondsPerPass * 1000:0.0} ms");
        Console.WriteLine($"documents/s  {result.DocumentsPerSecond:N0}");
        Console.WriteLine($"MB/s         {result.MegabytesPerSecond:0.00}");
        Console.WriteLine($"words/s      {result.WordsPerSecond:N0}");
        Console.WriteLine($"alloc/doc    {result.AllocatedBytesPerDocument / 1024:0.0} KiB");
        Console.WriteLine($"peak memory  {result.PeakWorkingSetBytes / 1048576.0:0.0} MiB (process peak working set)");
        if (result.Stages is not null)
            foreach (var stage in result.Stages)
                Console.WriteLine($"  stage {stage.Name,-20} {stage.SecondsPerPass * 1000,8:0.0} ms/pass  ({bytes / 1e6 / stage.SecondsPerPass,6:0.0} MB/s, {stage.AllocatedBytesPerDocument / 1024,6:0.0} KiB/doc)");
        return 0;
    }

    private static void Pass(TextPipeline pipeline, byte[][] inputs, double[]? stageTimes, long[]? stageBytes, int threads)
    {
        if (threads > 1)
        {
            Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = threads }, input => pipeline.Process(TextDecoder.Decode(input)));
            return;
        }
        foreach (var input in inputs)
        {
            string text = TextDecoder.Decode(input);
            if (stageTimes is null)
            {
                pipeline.Process(text);
                continue;
            }
            var doc = new Document(text);
            for (int s = 0; s < pipeline.Stages.Length; s++)
            {
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                pipeline.Stages[s].Process(doc, CancellationToken.None);
                stageTimes[s] += Stopwatch.GetElapsedTime(start).TotalSeconds;
                stageBytes![s] += GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
        }
    }

    private sealed record StageTime(string Name, double SecondsPerPass, double AllocatedBytesPerDocument);

    private sealed record BenchResult(
        string Pipeline, int Threads, int Files, long Bytes, long Words, long Sentences, long Statements, double SecondsPerPass,
        double DocumentsPerSecond, double MegabytesPerSecond, double WordsPerSecond,
        double AllocatedBytesPerDocument, long PeakWorkingSetBytes, StageTime[]? Stages);
}
