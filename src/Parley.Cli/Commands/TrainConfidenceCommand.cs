using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Parley.Evaluation.PolNear;
using Parley.Pipeline;
using Parley.Statements.Enrichment;
using Parley.Statements.Tagging;

namespace Parley.Cli.Commands;

/// <summary><c>parley train confidence</c>: fits the statement confidence model on a PolNeAR split.</summary>
internal static class TrainConfidenceCommand
{
    /// <summary>Builds the <c>confidence</c> subcommand of <c>train</c>.</summary>
    public static Command Create()
    {
        var dev = new Option<string>("--dev") { Description = "PolNeAR split folder to fit on (text/ and attributions/), e.g. ../shared/data/polnear/dev", Required = true };
        var model = new Option<string?>("--model") { Description = "The statement model whose statements are scored (default: the shipped models/statements.bin)" };
        var output = new Option<string>("--out") { Description = "Where to write the confidence model (e.g. models/statements.confidence.json)", Required = true };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the standardised weights", DefaultValueFactory = _ => 1.0 };
        var minimum = new Option<double?>("--minimum") { Description = "Drop statements below this confidence by default (default 0: keep all; the command reports the threshold with the best cue F1 on the split)" };
        var command = new Command("confidence", "Fit the statement confidence model: the probability that a statement's cue is an annotated attribution cue, from the default pipeline's statements on a PolNeAR split.") { dev, model, output, l2, minimum };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            string folder = parse.GetValue(dev)!;
            if (!PolNearReader.IsSplit(folder))
            {
                Console.Error.WriteLine($"parley train confidence: '{folder}' is not a PolNeAR split folder (expected text/ and attributions/ inside)");
                return 2;
            }
            if (parse.GetValue(minimum) is < 0 or >= 1)
            {
                Console.Error.WriteLine("parley train confidence: --minimum must lie in [0, 1)");
                return 2;
            }
            string modelPath = parse.GetValue(model) ?? StatementTagger.DefaultPath;
            if (!File.Exists(modelPath))
            {
                Console.Error.WriteLine($"parley train confidence: no statement model at '{modelPath}'");
                return 2;
            }
            var tagger = StatementTagger.Load(modelPath);
            var pipeline = ParleyPipeline.CreateDefaultBuilder()
                .Replace("statement-tagger", new StatementTaggerStage(tagger))
                .Remove("statement-confidence")
                .Build();
            var split = PolNearReader.ReadSplit(folder);
            var features = new List<double[]>();
            var correct = new List<bool>();
            AttributionEvaluator.Evaluate(split.Articles, pipeline, onPrediction: (document, statement, right) =>
            {
                features.Add(ConfidenceModel.Features(document, statement, document.Has(StatementLayers.Evidence) ? document.Get(StatementLayers.Evidence) : []));
                correct.Add(right);
            });
            if (features.Count == 0)
            {
                Console.Error.WriteLine($"parley train confidence: no statements found in '{folder}'");
                return 2;
            }
            string md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(modelPath)));
            var fitted = ConfidenceModel.Fit(features, correct, md5, parse.GetValue(l2));
            var outcomes = features.Select((x, i) => (fitted.Probability(x), correct[i])).ToList();
            int gold = split.Articles.Sum(a => AttributionEvaluator.GoldOf(a).Length);
            double best = ConfidenceModel.ChooseMinimum(outcomes, gold);
            fitted = fitted.WithMinimum(parse.GetValue(minimum) ?? 0);
            var report = CalibrationReport.Of(outcomes);
            var inv = CultureInfo.InvariantCulture;
            string description = string.Format(inv, "fitted on {0} statements of {1} PolNeAR articles ({2}), {3:F1}% with a cue overlapping a gold cue; l2 {4}; minimum confidence {8:F2}; in-sample Brier {5:F4} (one constant confidence: {7:F4}), ECE {6:F4}",
                features.Count, split.Articles.Length, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), 100.0 * correct.Count(c => c) / correct.Count,
                parse.GetValue(l2), report.Brier, report.ExpectedCalibrationError, report.ConstantBrier, fitted.MinimumConfidence);
            string path = parse.GetValue(output)!;
            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } outFolder) Directory.CreateDirectory(outFolder);
                fitted.Save(path, description);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"parley train confidence: cannot write '{path}': {e.Message}");
                return 2;
            }
            Console.Error.WriteLine($"wrote {path}: {description}");
            Console.Error.WriteLine(string.Format(inv, "the threshold with the best cue F1 on this split is {0:F2} (analyze --min-confidence, eval polnear --min-confidence)", best));
            return 0;
        }));
        return command;
    }
}
