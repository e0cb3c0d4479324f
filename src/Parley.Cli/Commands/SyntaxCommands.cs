using System.CommandLine;
using System.Diagnostics;
using Parley.Syntax;

namespace Parley.Cli.Commands;

/// <summary>
/// Syntax commands, as standalone subcommands to attach under <c>train</c> (<see cref="CreateTrainPos"/>,
/// <see cref="CreateTrainParser"/>) and <c>eval</c> (<see cref="CreateEvalSyntax"/>).
/// </summary>
internal static class SyntaxCommands
{
    /// <summary><c>train pos --train FILE --dev FILE --out MODEL [--epochs N] [--seed S]</c>.</summary>
    public static Command CreateTrainPos()
    {
        var train = new Option<string>("--train") { Description = "Training CoNLL-U file (XPOS = PTB tag)", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development CoNLL-U file, scored after training" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed", DefaultValueFactory = _ => 1 };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times", DefaultValueFactory = _ => 2 };
        var texts = TextDirOptions(out var trainText, out var devText);
        var command = new Command("pos", "Train the part-of-speech tagger.") { train, dev, output, epochs, seed, minCount, trainText, devText };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            int n = parse.GetValue(epochs);
            if (n < 1) throw new UsageException("--epochs must be at least 1");
            var sentences = LoadCorpus(parse.GetValue(train)!, parse.GetValue(trainText));
            var watch = Stopwatch.StartNew();
            var tagger = PosTagger.Train(sentences, new PosTagger.TrainingOptions(n, parse.GetValue(seed), parse.GetValue(minCount)), Log);
            string path = parse.GetValue(output)!;
            tagger.Save(path);
            Log($"saved {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB, {tagger.FeatureCount:N0} features) after {watch.Elapsed.TotalMinutes:0.0} min");
            if (parse.GetValue(dev) is { } devPath) Report(SyntaxEvaluator.Evaluate(LoadCorpus(devPath, parse.GetValue(devText)), tagger, null, 3));
            return 0;
        }));
        return command;
    }

    /// <summary><c>train parser --train FILE --dev FILE --out MODEL [--epochs N] [--seed S] [--fast] [--pos MODEL]</c>.</summary>
    public static Command CreateTrainParser()
    {
        var train = new Option<string>("--train") { Description = "Training CoNLL-U file (HEAD, DEPREL)", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development CoNLL-U file, scored after training" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Shuffling seed", DefaultValueFactory = _ => 1 };
        var fast = new Option<bool>("--fast") { Description = "Use the smaller, faster feature set" };
        var rich = new Option<bool>("--rich") { Description = "Use the full feature set plus comma/verb-between features" };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times", DefaultValueFactory = _ => 2 };
        var pos = new Option<string?>("--pos") { Description = "POS model: tags the dev set for scoring (default: the reference tags)" };
        var jackknife = new Option<int>("--jackknife")
        {
            Description = "Train on tags predicted by K taggers, each trained without one K-th of the data (0 = the reference tags)",
            DefaultValueFactory = _ => 0,
        };
        var texts = TextDirOptions(out var trainText, out var devText);
        var command = new Command("parser", "Train the dependency parser.") { train, dev, output, epochs, seed, fast, rich, minCount, pos, jackknife, trainText, devText };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            int n = parse.GetValue(epochs);
            if (n < 1) throw new UsageException("--epochs must be at least 1");
            var sentences = LoadCorpus(parse.GetValue(train)!, parse.GetValue(trainText));
            var watch = Stopwatch.StartNew();
            var options = new DependencyParser.TrainingOptions(n, parse.GetValue(seed),
                parse.GetValue(fast) ? ParserFeatures.Fast : parse.GetValue(rich) ? ParserFeatures.Rich : ParserFeatures.Full, parse.GetValue(minCount));
            int folds = parse.GetValue(jackknife);
            if (folds == 1 || folds < 0) throw new UsageException("--jackknife must be 0 or at least 2");
            var tags = folds > 1 ? Jackknife(sentences, folds, parse.GetValue(seed)) : null;
            var parser = DependencyParser.Train(sentences, options, tags, Log);
            string path = parse.GetValue(output)!;
            parser.Save(path);
            Log($"saved {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB, {parser.FeatureCount:N0} features) after {watch.Elapsed.TotalMinutes:0.0} min");
            if (parse.GetValue(dev) is { } devPath)
            {
                var tagger = parse.GetValue(pos) is { } posPath ? Model(PosTagger.Load, posPath) : null;
                Report(SyntaxEvaluator.Evaluate(LoadCorpus(devPath, parse.GetValue(devText)), tagger, parser, 3));
            }
            return 0;
        }));
        return command;
    }

    /// <summary><c>train compact-parser MODEL --out MODEL --min-weight W</c>: shrink a trained parser model.</summary>
    public static Command CreateCompactParser()
    {
        var model = new Argument<string>("model") { Description = "Parser model to shrink" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write", Required = true };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop weights smaller than this in magnitude", DefaultValueFactory = _ => 0.5f };
        var command = new Command("compact-parser", "Shrink a parser model by dropping its smallest weights.") { model, output, minWeight };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var parser = Model(DependencyParser.Load, parse.GetValue(model)!);
            var compact = parser.Compact(parse.GetValue(minWeight));
            string path = parse.GetValue(output)!;
            compact.Save(path);
            Log($"{parser.FeatureCount:N0} → {compact.FeatureCount:N0} features; saved {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB)");
            return 0;
        }));
        return command;
    }

    /// <summary><c>eval syntax FILE.conllu [--pos MODEL] [--parser MODEL] [--gold-tags]</c>.</summary>
    public static Command CreateEvalSyntax()
    {
        var file = new Argument<string>("file") { Description = "CoNLL-U file with reference tags and trees" };
        var pos = new Option<string?>("--pos") { Description = "POS model (default: the shipped models/pos.bin)" };
        var parserModel = new Option<string?>("--parser") { Description = "Parser model (default: the shipped models/parser.bin)" };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Parse from the reference tags instead of the tagger's" };
        var text = new Option<string?>("--text") { Description = "Folder of the article .txt files (default: ../polnear/<split>/text beside the file)" };
        var passes = new Option<int>("--passes") { Description = "Timed passes for the speed figures", DefaultValueFactory = _ => 3 };
        var tagOnly = new Option<bool>("--tag-only") { Description = "Score the tagger only" };
        var pipelineDir = new Option<string?>("--pipeline")
        {
            Description = "Also time the default pipeline with and without the syntax stages over the .txt files of this folder (MB/s, words/s)",
        };
        var command = new Command("syntax", "Score the POS tagger and dependency parser on a CoNLL-U file (accuracy, UAS, LAS, speed).")
            { file, pos, parserModel, goldTags, text, passes, tagOnly, pipelineDir };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            var watch = Stopwatch.StartNew();
            double cpu = Cpu();
            var tagger = Model(PosTagger.Load, parse.GetValue(pos) ?? SyntaxModels.PathOf("pos.bin"));
            double tagLoad = watch.Elapsed.TotalMilliseconds, tagLoadCpu = Cpu() - cpu;
            var sentences = LoadCorpus(parse.GetValue(file)!, parse.GetValue(text));
            var scores = SyntaxEvaluator.Evaluate(sentences, tagger, null, parse.GetValue(passes));
            if (parse.GetValue(tagOnly))
            {
                Console.WriteLine($"load         pos {tagLoad:0} ms ({tagLoadCpu:0} ms CPU)");
                Report(scores);
                return 0;
            }
            watch.Restart();
            cpu = Cpu();
            var parser = Model(DependencyParser.Load, parse.GetValue(parserModel) ?? SyntaxModels.PathOf("parser.bin"));
            double parserLoad = watch.Elapsed.TotalMilliseconds, parserLoadCpu = Cpu() - cpu;
            Console.WriteLine($"load         pos {tagLoad:0} ms ({tagLoadCpu:0} ms CPU), parser {parserLoad:0} ms ({parserLoadCpu:0} ms CPU; {parser.FeatureSet} features)");
            var parsed = SyntaxEvaluator.Evaluate(sentences, parse.GetValue(goldTags) ? null : tagger, parser, parse.GetValue(passes));
            Report(parsed with { PosCorrect = scores.PosCorrect, TagSeconds = scores.TagSeconds, TagWallSeconds = scores.TagWallSeconds });
            if (parse.GetValue(pipelineDir) is { } dir) BenchPipeline(dir, tagger, parser);
            return 0;
        }));
        return command;
    }

    /// <summary>Times the default pipeline, then the same plus tagging, then plus parsing, on one thread.</summary>
    private static void BenchPipeline(string dir, PosTagger tagger, DependencyParser parser)
    {
        if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder");
        var texts = Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        if (texts.Length == 0) throw new UsageException($"{dir}: no .txt files");
        double megabytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        long words = 0;
        foreach (var t in texts)
            foreach (var token in Pipeline.ParleyPipeline.Default.Process(t).Tokens)
                if (token.Kind is Text.TokenKind.Word or Text.TokenKind.Number) words++;
        var pipelines = new (string Name, Pipeline.TextPipeline Pipeline)[]
        {
            ("default", Pipeline.ParleyPipeline.Default),
            ("+ pos", Pipeline.ParleyPipeline.CreateDefaultBuilder().Use(new PosTagStage(tagger)).Build()),
            ("+ pos + parse", Pipeline.ParleyPipeline.CreateDefaultBuilder().Use(new PosTagStage(tagger)).Use(new DependencyStage(parser)).Build()),
        };
        Console.WriteLine($"pipeline     {texts.Length:N0} files, {megabytes:0.00} MB, {words:N0} words; one thread, 1 warm-up + 2 timed passes");
        foreach (var (name, pipeline) in pipelines)
        {
            foreach (var t in texts) pipeline.Process(t);
            var watch = Stopwatch.StartNew();
            double cpu = Cpu();
            for (int pass = 0; pass < 2; pass++) foreach (var t in texts) pipeline.Process(t);
            double cpuSeconds = (Cpu() - cpu) / 1000 / 2, wall = watch.Elapsed.TotalSeconds / 2;
            Console.WriteLine($"  {name,-14} {megabytes / cpuSeconds,6:0.00} MB/s, {words / cpuSeconds,10:N0} words/s per CPU second ({megabytes / wall:0.00} MB/s elapsed)");
        }
    }

    private static Option<string?>[] TextDirOptions(out Option<string?> trainText, out Option<string?> devText)
    {
        trainText = new Option<string?>("--train-text") { Description = "Folder of the training articles (default: ../polnear/<split>/text beside the file)" };
        devText = new Option<string?>("--dev-text") { Description = "Folder of the dev articles (default: as for --train-text)" };
        return [trainText, devText];
    }

    private static List<SyntaxSentence> LoadCorpus(string path, string? textDir)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
        if (textDir is not null && !Directory.Exists(textDir)) throw new UsageException($"{textDir}: no such folder");
        try
        {
            var sentences = SyntaxCorpus.Load(path, textDir);
            string source = textDir ?? SyntaxCorpus.DefaultTextDir(path) ?? "FORMs (no article texts found)";
            Log($"read {path}: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Tokens.Length):N0} tokens; token strings from {source}");
            return sentences;
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static void Report(SyntaxScores s)
    {
        Console.WriteLine($"sentences    {s.Sentences:N0} ({s.Tokens:N0} tokens)");
        if (s.PosCorrect > 0 || s.TagSeconds > 0)
            Console.WriteLine($"POS          {s.PosAccuracy:0.00}% accuracy, {s.TagTokensPerSecond:N0} tokens/s per CPU second ({s.TagTokensPerWallSecond:N0} per elapsed second)");
        if (s.ParseSeconds > 0)
        {
            Console.WriteLine($"UAS / LAS    {s.Uas:0.00} / {s.Las:0.00} (all tokens); {s.UasNoPunct:0.00} / {s.LasNoPunct:0.00} (without punctuation)");
            Console.WriteLine($"parse speed  {s.ParseTokensPerSecond:N0} tokens/s per CPU second ({s.ParseTokensPerWallSecond:N0} per elapsed second)");
        }
    }

    /// <summary>
    /// Tags every training sentence with a tagger that did not see it (K-fold), so the parser learns from
    /// tags as noisy as those it will get when parsing new text.
    /// </summary>
    private static string[][] Jackknife(List<SyntaxSentence> sentences, int folds, int seed)
    {
        var tags = new string[sentences.Count][];
        long correct = 0, total = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            var train = new List<SyntaxSentence>();
            for (int k = 0; k < sentences.Count; k++) if (k % folds != fold) train.Add(sentences[k]);
            var tagger = PosTagger.Train(train, new PosTagger.TrainingOptions(Seed: seed));
            for (int k = fold; k < sentences.Count; k += folds)
            {
                var s = sentences[k];
                tags[k] = tagger.Tag(s.Text, s.Tokens);
                for (int i = 0; i < s.Tags.Length; i++) if (tags[k][i] == s.Tags[i]) correct++;
                total += s.Tags.Length;
            }
        }
        Log($"jackknifed tags ({folds} folds): {100.0 * correct / total:0.00}% agree with the reference");
        return tags;
    }

    /// <summary>Loads a model; a missing or damaged file becomes a one-line usage error naming it.</summary>
    private static T Model<T>(Func<string, T> load, string path)
    {
        try
        {
            return load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new UsageException(e.Message);
        }
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
