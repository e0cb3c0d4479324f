using System.CommandLine;
using System.Diagnostics;
using Parley.Entities.Tagging;

namespace Parley.Cli.Commands;

/// <summary><c>parley train</c>: train Parley's models. <c>train ner</c> trains the entity tagger from CoNLL files.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the <c>train</c> command with its <c>ner</c> subcommand.</summary>
    public static Command Create() => new("train", "Train a model.") { CreateNer() };

    private static Command CreateNer()
    {
        var train = new Option<string[]>("--train") { Description = "Training files (CoNLL format; layout detected)", Required = true, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string>("--dev") { Description = "Development file: selects the epoch of each pass", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (e.g. models/ner.bin)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs per pass", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Seed of the training order (same seed and data, same model)", DefaultValueFactory = _ => 1 };
        var onePass = new Option<bool>("--one-pass") { Description = "Skip the second (non-local) pass" };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training", DefaultValueFactory = _ => 1 };
        var command = new Command("ner", "Train the named-entity tagger.") { train, dev, output, epochs, seed, onePass, minCount };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var trainSet = new List<NerExample>();
                foreach (string path in parse.GetValue(train)!)
                {
                    var file = ConllReader.Read(path);
                    Console.Error.WriteLine($"train: {path}: {file.Layout}, {file.Documents.Count} documents, {file.TokenCount} tokens");
                    trainSet.AddRange(NerCorpus.From(file));
                }
                var devFile = ConllReader.Read(parse.GetValue(dev)!);
                Console.Error.WriteLine($"dev: {devFile.Path}: {devFile.Layout}, {devFile.TokenCount} tokens");
                var options = new NerTrainingOptions
                {
                    Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), TwoPass = !parse.GetValue(onePass),
                    MinFeatureCount = parse.GetValue(minCount),
                };
                var tagger = NerTrainer.Train(trainSet, NerCorpus.From(devFile), options, m => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {m}"));
                string path2 = parse.GetValue(output)!;
                tagger.Save(path2);
                Console.Error.WriteLine($"wrote {path2} ({new FileInfo(path2).Length / 1024.0 / 1024.0:F1} MB, {tagger.FeatureCount} features, {tagger.Stages} passes) in {clock.Elapsed:mm\\:ss}: {tagger.Description}");
                return 0;
            }
            catch (ConllFormatException e)
            {
                Console.Error.WriteLine($"parley: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
