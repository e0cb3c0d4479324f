using Parley.Documents;
using Parley.Entities;
using Parley.Evaluation.PolNear;
using Parley.Learning;
using Parley.Pipeline;
using Parley.Statements.Quotes;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>A training document: the annotated document and one gold BILOU label per token.</summary>
/// <param name="Document">The document with tokens, sentences, syntax, quotes (and entities).</param>
/// <param name="Gold">Gold labels from <see cref="StatementRoles.Align"/>.</param>
/// <param name="Attributions">The gold attributions the labels come from (the cue-conditioned source tagger trains on their cues); empty when unknown.</param>
public sealed record StatementExample(Document Document, int[] Gold, System.Collections.Immutable.ImmutableArray<GoldAttribution> Attributions = default);

/// <summary>Options of an attribution-tagger training run.</summary>
public sealed record StatementTrainingOptions
{
    /// <summary>Maximum epochs; the best epoch on the dev set is kept.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Seed of the visiting order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Drop features seen fewer times than this in training.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>Train the second, stacked pass.</summary>
    public bool TwoPass { get; init; } = true;

    /// <summary>Folds for the first-pass labels the second pass trains on (jack-knifing, so they are as noisy as at test time).</summary>
    public int Folds { get; init; } = 4;

    /// <summary>Train the cue-conditioned source tagger (<see cref="SourceFeatures"/>), which picks each cue's source.</summary>
    public bool CueSources { get; init; } = true;
}

/// <summary>Trains the attribution tagger (<see cref="StatementTagger"/>) on PolNeAR-style annotations.</summary>
public static class StatementTrainer
{
    /// <summary>The stages a document needs before the tagger: layout, tokens, sentences, part-of-speech tags (no parse), entities and quotes.</summary>
    public static TextPipelineBuilder CreatePreprocessingBuilder() => Parley.Syntax.SyntaxPipeline.AddSyntax(TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage()), parse: false)
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
            var gold = AttributionEvaluator.GoldOf(a);
            result[i] = new StatementExample(document, StatementRoles.Align(document, gold), gold);
        });
        return [.. result];
    }

    /// <summary>
    /// Trains a tagger on <paramref name="train"/>, selecting the epoch by span F1 on <paramref name="dev"/> (when
    /// not empty). With <see cref="StatementTrainingOptions.TwoPass"/>, a second pass learns from the first
    /// pass's roles, which for the training documents come from first-pass models that did not see them (k-fold).
    /// </summary>
    public static StatementTagger Train(IReadOnlyList<StatementExample> train, IReadOnlyList<StatementExample> dev, StatementTrainingOptions options, Action<string>? log = null)
    {
        string meta = $"{StatementFeatures.Version}; seed {options.Seed}";
        var pass1 = TrainPass(train, null, dev, null, options.Epochs, options, meta, log, "pass 1");
        var first = new StatementTagger(pass1, meta);
        double firstDev = dev.Count == 0 ? double.NaN : SpanF1(first, dev, null);
        string common = $"{meta}; {options.Epochs} epochs max; min count {options.MinFeatureCount}; {train.Count} training documents";
        if (!options.TwoPass || train.Count < 2) return new StatementTagger(pass1, $"{common}; one pass; dev span F1 {firstDev:F3}");

        // Jack-knifed first-pass labels for the training documents.
        int folds = Math.Clamp(options.Folds, 2, train.Count);
        int foldEpochs = Math.Max(1, Math.Min(options.Epochs, 6));
        var stage1 = new int[train.Count][];
        for (int f = 0; f < folds; f++)
        {
            var inFold = Enumerable.Range(0, train.Count).Where(d => d % folds != f).Select(d => train[d]).ToList();
            var model = new StatementTagger(TrainPass(inFold, null, [], null, foldEpochs, options, meta, null, $"fold {f + 1}"), meta);
            for (int d = f; d < train.Count; d += folds) stage1[d] = model.TagLabels(train[d].Document);
            log?.Invoke($"fold {f + 1}/{folds} done");
        }
        var devStage1 = dev.Select(e => first.TagLabels(e.Document)).ToArray();
        var pass2 = TrainPass(train, stage1, dev, devStage1, options.Epochs, options, meta, log, "pass 2");
        var both = new StatementTagger([pass1, pass2], meta);
        double bothDev = dev.Count == 0 ? double.NaN : SpanF1(both, dev, log);
        var sources = options.CueSources ? TrainSources(train, stage1, dev, devStage1, options, meta, log) : null;
        string withSources = sources is null ? "" : "; cue-conditioned sources";
        return dev.Count > 0 && bothDev < firstDev
            ? new StatementTagger(pass1, $"{common}; one pass (pass 2 did not help: {bothDev:F3}); dev span F1 {firstDev:F3}{withSources}", sources)
            : new StatementTagger([pass1, pass2], $"{common}; two passes, {folds} folds; dev span F1 {bothDev:F3} (pass 1 {firstDev:F3}){withSources}", sources);
    }

    /// <summary>
    /// Trains the cue-conditioned source tagger: one sequence per gold cue (its sentence, labelled with that
    /// attribution's source pieces), with the jack-knifed first-pass labels as features. Dev (gold cues) selects the epoch
    /// by the share of cues whose source comes out exactly right.
    /// </summary>
    private static SequenceModel? TrainSources(IReadOnlyList<StatementExample> train, int[][] stage1, IReadOnlyList<StatementExample> dev, int[][] devStage1,
        StatementTrainingOptions options, string meta, Action<string>? log)
    {
        var scheme = SourceFeatures.Scheme;
        var (allowed, end) = scheme.Constraints();
        var trainer = new PerceptronTrainer(scheme.Labels, allowed, end) { MinFeatureCount = options.MinFeatureCount };
        int outside = 0;
        for (int d = 0; d < train.Count; d++)
            foreach (var (features, gold, inWindow) in SourceExamples(train[d], stage1[d]))
            {
                trainer.Add(features, gold);
                if (!inWindow) outside++;
            }
        if (trainer.Count == 0) return null; // no gold attributions given with the examples
        log?.Invoke($"sources: {trainer.Count} cues ({outside} with a source outside the cue's sentence), {trainer.FeatureCount} features");
        var devCues = new List<(FeatureSequence Features, int[] Gold)>();
        for (int d = 0; d < dev.Count; d++)
            foreach (var (features, gold, _) in SourceExamples(dev[d], devStage1[d])) devCues.Add((features, gold));
        Func<SequenceModel, double>? evaluate = devCues.Count == 0 ? null : model =>
        {
            int right = 0;
            foreach (var (features, gold) in devCues)
            {
                var labels = new int[gold.Length];
                model.Decode(features, labels);
                if (labels.AsSpan().SequenceEqual(gold)) right++;
            }
            double share = (double)right / devCues.Count;
            log?.Invoke($"dev cues with the exact source: {100 * share:F1}%");
            return share;
        };
        return trainer.Train(options.Epochs, options.Seed, meta, evaluate, m => log?.Invoke($"sources {m}"));
    }

    /// <summary>The source-tagger sequences of a document's gold cues, with gold labels, and whether the source lies in the window.</summary>
    private static IEnumerable<(FeatureSequence Features, int[] Gold, bool InWindow)> SourceExamples(StatementExample example, int[] stage1)
    {
        if (example.Attributions.IsDefaultOrEmpty) yield break;
        var document = example.Document;
        var context = StatementContext.Of(document);
        var tokens = document.Tokens;
        foreach (var attribution in example.Attributions)
        {
            if (attribution.Cue.IsEmpty) continue;
            var cue = attribution.Cue[0];
            int cueStart = document.TokenIndexAt(cue.Start);
            if (cueStart > 0 && tokens[cueStart - 1].End > cue.Start) cueStart--;
            int cueEnd = cueStart;
            while (cueEnd < tokens.Length && tokens[cueEnd].Start < cue.End) cueEnd++;
            if (cueEnd == cueStart || context.SentenceOf[cueStart] < 0 || context.SentenceOf[cueEnd - 1] < 0) continue;
            var (start, stop) = SourceFeatures.Window(context, cueStart, cueEnd);
            var pieces = new List<TaggedSpan>();
            bool inWindow = true;
            foreach (var source in attribution.Sources)
            {
                int first = -1, last = -1;
                for (int t = start; t < stop; t++)
                    if (tokens[t].Span.Overlaps(source) && (t < cueStart || t >= cueEnd)) { if (first < 0) first = t; last = t; }
                if (first < 0) { inWindow = false; continue; }
                pieces.Add(new TaggedSpan(first - start, last + 1 - start, 0));
            }
            var gold = new int[stop - start];
            SpanTagScheme.Encode(pieces, gold);
            var features = new FeatureSequence();
            SourceFeatures.Extract(context, stage1, start, stop, cueStart, cueEnd, features);
            yield return (features, gold, inWindow);
        }
    }

    private static SequenceModel TrainPass(IReadOnlyList<StatementExample> train, int[][]? stage1, IReadOnlyList<StatementExample> dev, int[][]? devStage1,
        int epochs, StatementTrainingOptions options, string meta, Action<string>? log, string name)
    {
        var scheme = StatementRoles.Scheme;
        var (allowed, end) = scheme.Constraints();
        var trainer = new PerceptronTrainer(scheme.Labels, allowed, end) { MinFeatureCount = options.MinFeatureCount };
        var buffer = new FeatureSequence();
        for (int d = 0; d < train.Count; d++)
        {
            var gold = train[d].Gold;
            ExtractUnits(train[d], stage1?[d], () => buffer, (features, start, stop) => trainer.Add(features, gold.AsSpan(start, stop - start)));
        }
        log?.Invoke($"{name}: {trainer.Count} paragraphs, {trainer.FeatureCount} features");

        // Dev features are extracted once and decoded after every epoch.
        var devUnits = new List<(FeatureSequence Features, int[] Gold)>();
        for (int d = 0; d < dev.Count; d++)
        {
            var gold = dev[d].Gold;
            ExtractUnits(dev[d], devStage1?[d], () => new FeatureSequence(), (features, start, stop) => devUnits.Add((features, gold[start..stop])));
        }
        Func<SequenceModel, double>? evaluate = devUnits.Count == 0 ? null : model => SpanF1(model, devUnits, log);
        return trainer.Train(epochs, options.Seed, meta, evaluate, m => log?.Invoke($"{name} {m}"));
    }

    /// <summary>
    /// Extracts the features of every unit of <paramref name="example"/> (with second-pass features when
    /// <paramref name="stage1"/> is given) into a sequence from <paramref name="target"/> and hands it to <paramref name="use"/> with the unit's bounds.
    /// </summary>
    private static void ExtractUnits(StatementExample example, int[]? stage1, Func<FeatureSequence> target, Action<FeatureSequence, int, int> use)
    {
        var context = StatementContext.Of(example.Document);
        var units = StatementUnits.Of(example.Document);
        var extra = new FeatureSequence();
        for (int u = 0; u < units.Count; u++)
        {
            var (start, stop) = units[u];
            var features = target();
            if (stage1 is null) StatementFeatures.Extract(context, start, stop, u, features);
            else
            {
                StatementFeatures.ExtractCore(context, start, stop, features);
                StatementFeatures.ExtractSecondPass(context, stage1, start, stop, extra);
                features.Append(extra);
            }
            use(features, start, stop);
        }
    }

    /// <summary>Exact-span F1 of a whole tagger over all roles on <paramref name="dev"/>.</summary>
    private static double SpanF1(StatementTagger tagger, IReadOnlyList<StatementExample> dev, Action<string>? log)
    {
        var units = new List<(int[] Predicted, int[] Gold)>();
        foreach (var e in dev) units.Add((tagger.TagLabels(e.Document), e.Gold));
        return SpanF1(units, log);
    }

    /// <summary>Exact-span F1 over all roles (micro-averaged) of a model on pre-extracted units.</summary>
    private static double SpanF1(SequenceModel model, List<(FeatureSequence Features, int[] Gold)> units, Action<string>? log)
    {
        var decoded = new List<(int[] Predicted, int[] Gold)>(units.Count);
        foreach (var (features, gold) in units)
        {
            var labels = new int[gold.Length];
            model.Decode(features, labels);
            decoded.Add((labels, gold));
        }
        return SpanF1(decoded, log);
    }

    private static double SpanF1(List<(int[] Predicted, int[] Gold)> units, Action<string>? log)
    {
        long[] tp = new long[3], fp = new long[3], fn = new long[3];
        foreach (var (predicted, gold) in units)
        {
            var g = new HashSet<TaggedSpan>(SpanTagScheme.DecodeSpans(gold));
            foreach (var s in SpanTagScheme.DecodeSpans(predicted)) if (g.Remove(s)) tp[s.Type]++; else fp[s.Type]++;
            foreach (var s in g) fn[s.Type]++;
        }
        var f1 = new double[3];
        for (int r = 0; r < 3; r++) f1[r] = Prf.FromCounts(tp[r], fp[r], fn[r]).F1;
        log?.Invoke($"dev span F1: source {100 * f1[0]:F1}, cue {100 * f1[1]:F1}, content {100 * f1[2]:F1}");
        return Prf.FromCounts(tp.Sum(), fp.Sum(), fn.Sum()).F1;
    }
}
