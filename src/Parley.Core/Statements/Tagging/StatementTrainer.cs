using Parley.Documents;
using Parley.Entities;
using Parley.Evaluation.PolNear;
using Parley.Learning;
using Parley.Pipeline;
using Parley.Statements.Quotes;
using Dependency = Parley.Syntax.Dependency;
using PosTag = Parley.Syntax.PosTag;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>A training document: the annotated document and one gold BILOU label per token.</summary>
/// <param name="Document">The document with tokens, sentences, syntax, quotes (and entities).</param>
/// <param name="Gold">Gold labels from <see cref="StatementRoles.Align"/>.</param>
public sealed record StatementExample(Document Document, int[] Gold);

/// <summary>Options of an attribution-tagger training run.</summary>
public sealed record StatementTrainingOptions
{
    /// <summary>Maximum epochs; the best epoch on the dev set is kept.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the visiting order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Drop features seen fewer times than this in training.</summary>
    public int MinFeatureCount { get; init; } = 2;
}

/// <summary>Trains the attribution tagger (<see cref="StatementTagger"/>) on PolNeAR-style annotations.</summary>
public static class StatementTrainer
{
    /// <summary>The stages a document needs before the tagger: layout, tokens, sentences, syntax, entities and quotes.</summary>
    public static TextPipelineBuilder CreatePreprocessingBuilder() => Parley.Syntax.SyntaxPipeline.AddSyntax(TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage()))
        .Use(new EntityStage())
        .Use(new QuoteStage());

    /// <summary>
    /// Annotated examples from PolNeAR articles: each article runs through <paramref name="preprocessing"/>
    /// and its gold attributions (first annotator, as the evaluator reads them) become token labels.
    /// </summary>
    public static List<StatementExample> Examples(IReadOnlyList<PolNearArticle> articles, TextPipeline preprocessing, int threads = 2)
    {
        var result = new StatementExample[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var a = articles[i];
            var document = preprocessing.Process(a.Text, new DocumentMetadata { Id = a.Name });
            result[i] = new StatementExample(document, StatementRoles.Align(document, AttributionEvaluator.GoldOf(a)));
        });
        return [.. result];
    }

    /// <summary>Trains a tagger on <paramref name="train"/>, selecting the epoch by span F1 on <paramref name="dev"/> (when not empty).</summary>
    public static StatementTagger Train(IReadOnlyList<StatementExample> train, IReadOnlyList<StatementExample> dev, StatementTrainingOptions options, Action<string>? log = null)
    {
        var scheme = StatementRoles.Scheme;
        var (allowed, end) = scheme.Constraints();
        string meta = $"{StatementFeatures.Version}; seed {options.Seed}";
        var trainer = new PerceptronTrainer(scheme.Labels, allowed, end) { MinFeatureCount = options.MinFeatureCount };
        var buffer = new FeatureSequence();
        foreach (var example in train)
        {
            var context = StatementContext.Of(example.Document);
            var units = StatementUnits.Of(example.Document);
            for (int u = 0; u < units.Count; u++)
            {
                var (start, stop) = units[u];
                StatementFeatures.Extract(context, start, stop, u, buffer);
                trainer.Add(buffer, example.Gold.AsSpan(start, stop - start));
            }
        }
        log?.Invoke($"train: {trainer.Count} paragraphs, {trainer.FeatureCount} features");

        // Dev features are extracted once and decoded after every epoch.
        var devUnits = new List<(FeatureSequence Features, int[] Gold)>();
        foreach (var example in dev)
        {
            var context = StatementContext.Of(example.Document);
            var units = StatementUnits.Of(example.Document);
            for (int u = 0; u < units.Count; u++)
            {
                var (start, stop) = units[u];
                var features = new FeatureSequence();
                StatementFeatures.Extract(context, start, stop, u, features);
                devUnits.Add((features, example.Gold[start..stop]));
            }
        }
        Func<SequenceModel, double>? evaluate = devUnits.Count == 0 ? null : model => SpanF1(model, devUnits, log);
        var best = trainer.Train(options.Epochs, options.Seed, meta, evaluate, m => log?.Invoke(m));
        double f1 = evaluate is null ? double.NaN : SpanF1(best, devUnits, null);
        return new StatementTagger(best, $"{meta}; {options.Epochs} epochs max; min count {options.MinFeatureCount}; {train.Count} training documents; dev span F1 {f1:F2}");
    }

    /// <summary>Exact-span F1 over all roles (micro-averaged) on pre-extracted units.</summary>
    private static double SpanF1(SequenceModel model, List<(FeatureSequence Features, int[] Gold)> units, Action<string>? log)
    {
        long[] tp = new long[3], fp = new long[3], fn = new long[3];
        var predicted = new int[64];
        foreach (var (features, gold) in units)
        {
            if (predicted.Length < gold.Length) predicted = new int[gold.Length * 2];
            var labels = predicted.AsSpan(0, gold.Length);
            model.Decode(features, labels);
            var p = SpanTagScheme.DecodeSpans(labels);
            var g = new HashSet<TaggedSpan>(SpanTagScheme.DecodeSpans(gold));
            foreach (var s in p) if (g.Remove(s)) tp[s.Type]++; else fp[s.Type]++;
            foreach (var s in g) fn[s.Type]++;
        }
        var f1 = new double[3];
        for (int r = 0; r < 3; r++) f1[r] = Prf.FromCounts(tp[r], fp[r], fn[r]).F1;
        log?.Invoke($"dev span F1: source {100 * f1[0]:F1}, cue {100 * f1[1]:F1}, content {100 * f1[2]:F1}");
        return Prf.FromCounts(tp.Sum(), fp.Sum(), fn.Sum()).F1;
    }
}
