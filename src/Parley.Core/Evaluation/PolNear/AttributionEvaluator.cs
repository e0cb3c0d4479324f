using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;

namespace Parley.Evaluation.PolNear;

/// <summary>One attribution as annotated: cue, sources and contents (each possibly discontinuous or absent).</summary>
public sealed record GoldAttribution(ImmutableArray<TextSpan> Cue, ImmutableArray<TextSpan> Sources, ImmutableArray<TextSpan> Contents);

/// <summary>Precision, recall and F1.</summary>
public readonly record struct Prf(double Precision, double Recall)
{
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>From true positive, false positive and false negative counts.</summary>
    public static Prf FromCounts(long tp, long fp, long fn) =>
        new(tp + fp == 0 ? 0 : (double)tp / (tp + fp), tp + fn == 0 ? 0 : (double)tp / (tp + fn));

    /// <summary>From summed token overlaps and the predicted and gold token lengths.</summary>
    public static Prf FromOverlap(long overlap, long predicted, long gold) =>
        new(predicted == 0 ? 0 : (double)overlap / predicted, gold == 0 ? 0 : (double)overlap / gold);
}

/// <summary>Scores for one role (cue, source, content, or all spans together).</summary>
public sealed record RoleScores(string Role, Prf Exact, Prf Overlap);

/// <summary>The result of <see cref="AttributionEvaluator.Evaluate"/>.</summary>
public sealed record AttributionEvaluation(int Articles, int Gold, int Predicted, ImmutableArray<RoleScores> Roles)
{
    /// <summary>How well the predicted statements' confidences match how often their cues overlap a gold cue.</summary>
    public CalibrationReport Calibration { get; init; } = CalibrationReport.Empty;
}

/// <summary>One confidence bin: statements whose confidence lies in [Lower, Upper).</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Observed);

/// <summary>
/// Calibration of statement confidences against the event "the statement's cue overlaps a gold cue": the Brier
/// score (mean squared error of the confidence), the expected calibration error (bin-size-weighted mean gap between
/// a bin's mean confidence and its observed rate), the bins of width 0.1, and for reference the Brier score of one
/// constant confidence at the observed rate (what a confidence that tells statements apart must beat).
/// </summary>
public sealed record CalibrationReport(double Brier, double ExpectedCalibrationError, ImmutableArray<CalibrationBin> Bins, double ConstantBrier)
{
    /// <summary>No predictions.</summary>
    public static readonly CalibrationReport Empty = new(0, 0, [], 0);

    /// <summary>Builds the report from (confidence, cue right) pairs.</summary>
    public static CalibrationReport Of(IReadOnlyList<(double Confidence, bool Correct)> outcomes)
    {
        if (outcomes.Count == 0) return Empty;
        double brier = outcomes.Average(o => Math.Pow(o.Confidence - (o.Correct ? 1 : 0), 2));
        var bins = ImmutableArray.CreateBuilder<CalibrationBin>();
        double ece = 0;
        for (int b = 0; b < 10; b++)
        {
            double lower = b / 10.0, upper = (b + 1) / 10.0;
            var inBin = outcomes.Where(o => o.Confidence >= lower && (o.Confidence < upper || b == 9)).ToList();
            if (inBin.Count == 0) continue;
            double mean = inBin.Average(o => o.Confidence), observed = inBin.Average(o => o.Correct ? 1.0 : 0.0);
            bins.Add(new CalibrationBin(lower, upper, inBin.Count, mean, observed));
            ece += inBin.Count * Math.Abs(mean - observed) / outcomes.Count;
        }
        double rate = outcomes.Average(o => o.Correct ? 1.0 : 0.0);
        return new CalibrationReport(brier, ece, bins.ToImmutable(), rate * (1 - rate));
    }
}

/// <summary>
/// Scores statements against PolNeAR attributions with BBC citron's two metrics, per document.
/// Exact: a cue must match a gold cue exactly; a source (or content) is right when its statement's cue
/// overlaps a gold cue and its source (content) spans equal that attribution's; "all" needs cue, sources
/// and contents exactly right. Overlap: tokens of predicted spans that overlap gold spans of the same role,
/// summed over all pairs of predicted and gold attributions, against the predicted and gold token lengths.
/// </summary>
public static class AttributionEvaluator
{
    /// <summary>The gold attributions of an article, from its brat events.</summary>
    public static ImmutableArray<GoldAttribution> GoldOf(PolNearArticle article)
    {
        var byId = article.Spans.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<GoldAttribution>();
        foreach (var e in article.Events)
        {
            ImmutableArray<TextSpan> Role(string role) => e.Arguments.Where(a => a.Key.StartsWith(role, StringComparison.Ordinal) && byId.ContainsKey(a.Value))
                .SelectMany(a => byId[a.Value].Spans).Order().ToImmutableArray();
            var cue = Role("Cue");
            if (cue.IsEmpty && Role("Content").IsEmpty) continue;
            result.Add(new GoldAttribution(cue, Role("Source"), Role("Content")));
        }
        return result.ToImmutable();
    }

    /// <summary>Runs <paramref name="pipeline"/> over every article and scores its statements.</summary>
    /// <param name="articles">The articles with their gold attributions.</param>
    /// <param name="pipeline">The pipeline whose statements are scored.</param>
    /// <param name="cancellationToken">Stops between articles.</param>
    /// <param name="errors">When given, every gold attribution is written here with the prediction matched to it, and every
    /// prediction whose cue overlaps no gold cue, one per line (tab-separated: article, problem — ok, cue-missed, cue-boundary,
    /// source, cue-boundary+source or cue-spurious —, gold cue, gold source, predicted cue, predicted source, gold content,
    /// predicted content), for error analysis.</param>
    /// <param name="onPrediction">When given, called for every predicted statement with its document and whether its cue overlaps a gold cue.</param>
    public static AttributionEvaluation Evaluate(IEnumerable<PolNearArticle> articles, TextPipeline pipeline, CancellationToken cancellationToken = default, TextWriter? errors = null,
        Action<Document, Statement, bool>? onPrediction = null)
    {
        var outcomes = new List<(double, bool)>();
        var counts = new long[4, 3]; // role × (tp, fp, fn)
        var overlaps = new long[4, 3]; // role × (overlap, predicted, gold)
        int articleCount = 0, gold = 0, predicted = 0;
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = pipeline.Process(article.Text, new DocumentMetadata { Id = article.Name }, cancellationToken);
            var golds = GoldOf(article);
            var predictions = document.Statements.Select(s => new GoldAttribution(
                s.Cue is { } c ? [c] : [], s.Source is { } src ? [src] : [], s.Content.Sort())).ToList();
            articleCount++;
            gold += golds.Length;
            predicted += predictions.Count;
            Score(document, predictions, golds, counts, overlaps);
            for (int i = 0; i < predictions.Count; i++)
            {
                bool right = golds.Any(g => CuesOverlap(predictions[i], g));
                outcomes.Add((document.Statements[i].Confidence, right));
                onPrediction?.Invoke(document, document.Statements[i], right);
            }
            if (errors is not null) WriteErrors(article, predictions, golds, errors);
        }
        string[] names = ["cue", "source", "content", "all"];
        var roles = names.Select((name, r) => new RoleScores(name,
            Prf.FromCounts(counts[r, 0], counts[r, 1], counts[r, 2]),
            Prf.FromOverlap(overlaps[r, 0], overlaps[r, 1], overlaps[r, 2]))).ToImmutableArray();
        return new AttributionEvaluation(articleCount, gold, predicted, roles) { Calibration = CalibrationReport.Of(outcomes) };
    }

    private static void Score(Document document, List<GoldAttribution> predictions, ImmutableArray<GoldAttribution> golds, long[,] counts, long[,] overlaps)
    {
        // Exact matches, per role: does a prediction have a matching gold attribution, and vice versa.
        Func<GoldAttribution, GoldAttribution, bool>[] matchers =
        [
            (p, g) => !p.Cue.IsEmpty && p.Cue.SequenceEqual(g.Cue),
            (p, g) => CuesOverlap(p, g) && p.Sources.SequenceEqual(g.Sources),
            (p, g) => CuesOverlap(p, g) && p.Contents.SequenceEqual(g.Contents),
            (p, g) => !p.Cue.IsEmpty && p.Cue.SequenceEqual(g.Cue) && p.Sources.SequenceEqual(g.Sources) && p.Contents.SequenceEqual(g.Contents),
        ];
        for (int r = 0; r < matchers.Length; r++)
        {
            foreach (var p in predictions)
                if (golds.Any(g => matchers[r](p, g))) counts[r, 0]++; else counts[r, 1]++;
            foreach (var g in golds)
                if (!predictions.Any(p => matchers[r](p, g))) counts[r, 2]++;
        }

        // Token overlaps, per role, summed over every predicted × gold pair.
        Func<GoldAttribution, ImmutableArray<TextSpan>>[] parts = [a => a.Cue, a => a.Sources, a => a.Contents];
        for (int r = 0; r < 3; r++)
        {
            foreach (var p in predictions)
            {
                overlaps[r, 1] += Tokens(document, parts[r](p));
                foreach (var g in golds) overlaps[r, 0] += SharedTokens(document, parts[r](p), parts[r](g));
            }
            foreach (var g in golds) overlaps[r, 2] += Tokens(document, parts[r](g));
        }
        for (int k = 0; k < 3; k++)
            overlaps[3, k] = overlaps[0, k] + overlaps[1, k] + overlaps[2, k];
    }

    private static void WriteErrors(PolNearArticle article, List<GoldAttribution> predictions, ImmutableArray<GoldAttribution> golds, TextWriter errors)
    {
        string Text(ImmutableArray<TextSpan> spans) => spans.IsEmpty ? "-" : string.Join(" … ", spans.Select(s => article.Text[s.Start..s.End].ReplaceLineEndings(" ")));
        foreach (var g in golds)
        {
            var exactCue = predictions.FirstOrDefault(p => !p.Cue.IsEmpty && p.Cue.SequenceEqual(g.Cue));
            var overlapping = predictions.Where(p => CuesOverlap(p, g)).ToList();
            string problem;
            GoldAttribution? shown = exactCue ?? overlapping.FirstOrDefault();
            if (overlapping.Count == 0) problem = "cue-missed";
            else if (overlapping.Any(p => p.Sources.SequenceEqual(g.Sources))) problem = exactCue is null ? "cue-boundary" : "";
            else problem = exactCue is null ? "cue-boundary+source" : "source";
            if (problem.Length == 0) problem = "ok";
            errors.WriteLine(string.Join('\t', article.Name, problem, Text(g.Cue), Text(g.Sources),
                shown is null ? "-" : Text(shown.Cue), shown is null ? "-" : Text(shown.Sources), Text(g.Contents), shown is null ? "-" : Text(shown.Contents)));
        }
        foreach (var p in predictions)
            if (!golds.Any(g => CuesOverlap(p, g)))
                errors.WriteLine(string.Join('\t', article.Name, "cue-spurious", "-", "-", Text(p.Cue), Text(p.Sources), "-", Text(p.Contents)));
    }

    private static bool CuesOverlap(GoldAttribution p, GoldAttribution g) => p.Cue.Any(a => g.Cue.Any(b => a.Overlaps(b)));

    /// <summary>Tokens that overlap any of the spans.</summary>
    private static int Tokens(Document document, ImmutableArray<TextSpan> spans)
    {
        int count = 0;
        foreach (var token in document.Tokens)
            if (spans.Any(s => s.Overlaps(token.Span))) count++;
        return count;
    }

    /// <summary>Tokens that overlap a span of each list.</summary>
    private static int SharedTokens(Document document, ImmutableArray<TextSpan> a, ImmutableArray<TextSpan> b)
    {
        if (a.IsEmpty || b.IsEmpty || !a.Any(x => b.Any(y => x.Overlaps(y)))) return 0;
        int count = 0;
        foreach (var token in document.Tokens)
            if (a.Any(s => s.Overlaps(token.Span)) && b.Any(s => s.Overlaps(token.Span))) count++;
        return count;
    }
}
