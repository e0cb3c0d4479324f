using System.CommandLine;
using System.Diagnostics;
using Parley.Evaluation.PolNear;
using Parley.Statements.Tagging;

namespace Parley.Cli.Commands;

/// <summary><c>parley train statements</c>: trains the attribution tagger on PolNeAR splits.</summary>
internal static class TrainStatementsCommand
{
    /// <summary>Builds the <c>statements</c> subcommand of <c>train</c>.</summary>
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "PolNeAR training split folder (text/ and attributions/)", Required = true };
        var dev = new Option<string>("--dev") { Description = "PolNeAR dev split folder: selects the epoch", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (e.g. models/statements.bin)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed of the training order (same seed and data, same model)", DefaultValueFactory = _ => 1 };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads") { Description = "Threads for preprocessing the articles", DefaultValueFactory = _ => 2 };
        var onePass = new Option<bool>("--one-pass") { Description = "Skip the second (stacked) pass" };
        var folds = new Option<int>("--folds") { Description = "Folds for the first-pass labels the second pass learns from", DefaultValueFactory = _ => 4 };
        var noSources = new Option<bool>("--no-source-tagger") { Description = "Skip the cue-conditioned source tagger (the decoder then picks among the joint tagger's sources)" };
        var command = new Command("statements", "Train the attribution (source, cue, content) tagger on PolNeAR.") { train, dev, output, epochs, seed, minCount, threads, onePass, folds, noSources };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            void Log(string m) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {m}");
            foreach (var dir in new[] { parse.GetValue(train)!, parse.GetValue(dev)! })
                if (!PolNearReader.IsSplit(dir))
                {
                    Console.Error.WriteLine($"parley train statements: '{dir}' is not a PolNeAR split folder (expected text/ and attributions/ inside)");
                    return 2;
                }
            var preprocessing = StatementTrainer.CreatePreprocessingBuilder().Build();
            var trainSplit = PolNearReader.ReadSplit(parse.GetValue(train)!);
            var devSplit = PolNearReader.ReadSplit(parse.GetValue(dev)!);
            int n = parse.GetValue(threads);
            var trainSet = StatementTrainer.Examples(trainSplit.Articles, preprocessing, n);
            Log($"train: {trainSet.Count} articles preprocessed");
            var devSet = StatementTrainer.Examples(devSplit.Articles, preprocessing, n);
            Log($"dev: {devSet.Count} articles preprocessed");
            var options = new StatementTrainingOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), MinFeatureCount = parse.GetValue(minCount),
                TwoPass = !parse.GetValue(onePass), Folds = parse.GetValue(folds), CueSources = !parse.GetValue(noSources),
            };
            var tagger = StatementTrainer.Train(trainSet, devSet, options, Log);
            string path = parse.GetValue(output)!;
            tagger.Save(path);
            Log($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB, {tagger.FeatureCount} features, {tagger.Passes.Count} passes): {tagger.Description}");
            return 0;
        });
        return command;
    }
}
