using System.CommandLine;
using System.Globalization;
using Parley.Evaluation.PolNear;
using Parley.Pipeline;

namespace Parley.Cli.Commands;

/// <summary><c>parley eval</c>: measure Parley against annotated corpora. Each corpus or task is a subcommand.</summary>
internal static class EvalCommand
{
    /// <summary>Exit code for a missing or unreadable data folder.</summary>
    private const int MissingData = 2;

    /// <summary>The <c>eval</c> command with its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("eval", "Measure Parley against annotated corpora.");
        command.Subcommands.Add(CreateQuotes());
        command.Subcommands.Add(EvalNerCommand.Create());
        command.Subcommands.Add(CreatePolNear());
        return command;
    }

    /// <summary><c>parley eval quotes --polnear DIR</c>: quote-detection recall and precision on a PolNeAR split.</summary>
    private static Command CreateQuotes()
    {
        var polnear = new Option<DirectoryInfo>("--polnear") { Description = "A PolNeAR split folder (with text/ and attributions/), e.g. shared/data/polnear/dev", Required = true };
        var misses = new Option<int>("--show-misses") { Description = "Print up to N missed gold quotes and N unmatched detections", DefaultValueFactory = _ => 0 };
        var command = new Command("quotes", "Quote detection on PolNeAR: gold quoted contents found, and detected speech quotes inside gold content.") { polnear, misses };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(polnear)!;
            if (!PolNearReader.IsSplit(folder.FullName))
            {
                Console.Error.WriteLine($"parley eval quotes: '{folder.FullName}' is not a PolNeAR split folder (expected text/ and attributions/ inside)");
                return MissingData;
            }
            var split = PolNearReader.ReadSplit(folder.FullName);
            foreach (var problem in split.Problems) Console.Error.WriteLine($"warning: {problem}");
            var result = QuoteEvaluator.Evaluate(split.Articles, ParleyPipeline.Default);
            Print(result, parseResult.GetValue(misses));
            return 0;
        });
        return command;
    }

    /// <summary><c>parley eval polnear DIR</c>: attribution scores per role, exact and token overlap (BBC citron's metrics).</summary>
    private static Command CreatePolNear()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "A PolNeAR split folder (with text/ and attributions/), e.g. ../shared/data/polnear/dev" };
        var pipelineName = PipelineOption.Create();
        var errors = new Option<FileInfo?>("--errors") { Description = "Write every gold attribution with the prediction matched to it (and every spurious cue) to this tab-separated file, for error analysis" };
        var minConfidence = PipelineOption.CreateMinConfidence();
        var command = new Command("polnear", "Attribution on PolNeAR, scored against the first annotator of each article: per role (cue, source, content, all), precision, recall and F1 under exact and token-overlap match.") { dir, pipelineName, errors, minConfidence };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(dir)!;
            TextPipeline pipeline;
            try
            {
                pipeline = PipelineOption.Build(parseResult.GetValue(pipelineName)!, parseResult.GetValue(minConfidence));
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine($"parley eval polnear: {e.Message}");
                return 2;
            }
            if (!PolNearReader.IsSplit(folder.FullName))
            {
                Console.Error.WriteLine($"parley eval polnear: '{folder.FullName}' is not a PolNeAR split folder (expected text/ and attributions/ inside)");
                return MissingData;
            }
            var split = PolNearReader.ReadSplit(folder.FullName);
            foreach (var problem in split.Problems) Console.Error.WriteLine($"warning: {problem}");
            var errorFile = parseResult.GetValue(errors);
            StreamWriter? errorWriter = null;
            try
            {
                if (errorFile is not null) errorWriter = new StreamWriter(errorFile.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"parley eval polnear: cannot write --errors file '{errorFile!.FullName}': {e.Message}");
                return MissingData;
            }
            using var errorFileWriter = errorWriter;
            errorWriter?.WriteLine("article\tproblem\tgold cue\tgold source\tpredicted cue\tpredicted source\tgold content\tpredicted content");
            var result = AttributionEvaluator.Evaluate(split.Articles, pipeline, errors: errorWriter);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(inv, "PolNeAR attribution: {0} articles, {1} gold attributions (first annotator), {2} predicted statements", result.Articles, result.Gold, result.Predicted));
            Console.WriteLine("role      exact P   exact R   exact F1 | overlap P overlap R overlap F1");
            foreach (var role in result.Roles)
                Console.WriteLine(string.Format(inv, "{0,-8} {1,8:F1}% {2,8:F1}% {3,8:F1}% | {4,8:F1}% {5,8:F1}% {6,8:F1}%", role.Role,
                    role.Exact.Precision * 100, role.Exact.Recall * 100, role.Exact.F1 * 100,
                    role.Overlap.Precision * 100, role.Overlap.Recall * 100, role.Overlap.F1 * 100));
            var calibration = result.Calibration;
            Console.WriteLine(string.Format(inv, "confidence against 'cue overlaps a gold cue': Brier {0:F4} (one constant confidence: {1:F4}), expected calibration error {2:F4}",
                calibration.Brier, calibration.ConstantBrier, calibration.ExpectedCalibrationError));
            foreach (var bin in calibration.Bins)
                Console.WriteLine(string.Format(inv, "  confidence {0:F1}-{1:F1}: {2,5} statements, mean confidence {3:F3}, cue right {4:F3}", bin.Lower, bin.Upper, bin.Count, bin.MeanConfidence, bin.Observed));
            return 0;
        });
        return command;
    }

    private static void Print(QuoteEvaluation result, int misses)
    {
        var inv = CultureInfo.InvariantCulture;
        double seconds = Math.Max(result.PipelineTime.TotalSeconds, 1e-9);
        double cpuSeconds = Math.Max(result.CpuTime.TotalSeconds, 1e-9);
        Console.WriteLine(string.Format(inv, "PolNeAR quotes: {0} articles, {1:N0} characters; pipeline {2:F1} MB/s wall, {3:F1} MB/s per CPU second (first run, JIT included)",
            result.Articles, result.Characters, result.Characters / seconds / 1e6, result.Characters / cpuSeconds / 1e6));
        Console.WriteLine(string.Format(inv, "gold quoted contents overlapping a detected quote: {0:P1} ({1}/{2}), target >= 95%; a speech quote: {3:P1} ({4}/{2})",
            result.Recall, result.GoldQuotedFound, result.GoldQuoted,
            result.GoldQuoted == 0 ? 0 : (double)result.GoldQuotedFoundBySpeech / result.GoldQuoted, result.GoldQuotedFoundBySpeech));
        Console.WriteLine(string.Format(inv, "detected speech quotes overlapping gold content:   {0:P1} ({1}/{2}), target >= 90%",
            result.Precision, result.DetectedSpeechInGold, result.DetectedSpeech));
        foreach (var miss in result.MissedGold.Take(misses))
            Console.WriteLine($"missed    {miss.Article} {miss.Span}: {OneLine(miss.Text)}");
        foreach (var miss in result.UnmatchedDetections.Take(misses))
            Console.WriteLine($"unmatched {miss.Article} {miss.Span}: {OneLine(miss.Text)}");
    }

    private static string OneLine(string text) => text.Length > 200 ? text[..200].ReplaceLineEndings(" ") + "…" : text.ReplaceLineEndings(" ");
}
