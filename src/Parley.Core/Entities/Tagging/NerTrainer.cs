using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>Options of an entity-tagger training run.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Maximum epochs per pass; the best epoch on the dev set is kept.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Seed of the visiting order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Train the second, non-local pass.</summary>
    public bool TwoPass { get; init; } = true;

    /// <summary>Folds for the first-pass predictions that the second pass trains on (jack-knifing, so they are as noisy as at test time).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Drop features seen fewer times than this in training.</summary>
    public int MinFeatureCount { get; init; } = 1;
}

/// <summary>
/// Trains the entity tagger: pass 1 on local and document features, selected by dev F1; then, when
/// two-pass, pass 2 on the same features plus pass-1 tags, which for the training documents come from
/// pass-1 models that did not see them (k-fold), so pass 2 learns how far to trust them.
/// </summary>
public static class NerTrainer
{
    /// <summary>Trains a tagger on <paramref name="train"/>, selecting epochs on <paramref name="dev"/>.</summary>
    public static NerTagger Train(IReadOnlyList<NerExample> train, IReadOnlyList<NerExample> dev, NerTrainingOptions options, Action<string>? log = null)
    {
        var features = new NerFeatures(Gazetteers.Default);
        var scheme = NerTagger.Scheme;
        var (allowed, end) = scheme.Constraints();
        string meta = $"{NerFeatures.Version}; seed {options.Seed}";

        SequenceModel TrainPass(IReadOnlyList<NerExample> docs, IReadOnlyList<int[]?> stage1, int epochs, Func<SequenceModel, double>? evaluate, string name)
        {
            var trainer = new PerceptronTrainer(scheme.Labels, allowed, end) { MinFeatureCount = options.MinFeatureCount };
            var buffer = new FeatureSequence();
            for (int d = 0; d < docs.Count; d++)
            {
                var doc = docs[d];
                var context = features.Analyze(doc.Text, stage1[d]);
                for (int s = 0; s < doc.Text.Sentences.Length; s++)
                {
                    var (start, stop) = doc.Text.Sentences[s];
                    if (stop == start) continue;
                    features.Extract(doc.Text, context, s, buffer);
                    trainer.Add(buffer, doc.Gold.AsSpan(start, stop - start));
                }
            }
            log?.Invoke($"{name}: {trainer.Count} sentences, {trainer.FeatureCount} features");
            return trainer.Train(epochs, options.Seed, meta, evaluate, m => log?.Invoke($"{name} {m}"));
        }

        double Dev(SequenceModel model, NerTagger? first)
        {
            var tagger = first is null ? new NerTagger([model], meta) : new NerTagger([first.Models[0], model], meta);
            return NerCorpus.Evaluate(tagger, dev).Scores.F1;
        }

        var pass1 = TrainPass(train, new int[]?[train.Count], options.Epochs, m => Dev(m, null), "pass 1");
        var first = new NerTagger([pass1], meta);
        var firstDev = NerCorpus.Evaluate(first, dev).Scores.F1;
        log?.Invoke($"pass 1 dev F1 {firstDev:F2}");
        if (!options.TwoPass) return new NerTagger([pass1], $"{meta}; one pass; dev F1 {firstDev:F2}");

        // Jack-knifed pass-1 tags for the training documents.
        var stage1 = new int[]?[train.Count];
        int folds = Math.Max(2, options.Folds);
        int foldEpochs = Math.Max(1, Math.Min(options.Epochs, 10)); // no dev selection inside folds: a fixed, typical count
        for (int f = 0; f < folds; f++)
        {
            var inFold = Enumerable.Range(0, train.Count).Where(d => d % folds != f).ToList();
            var model = TrainPass(inFold.Select(d => train[d]).ToList(), inFold.Select(_ => (int[]?)null).ToList(), foldEpochs, null, $"fold {f + 1}/{folds}");
            var tagger = new NerTagger([model], meta);
            for (int d = f; d < train.Count; d += folds) stage1[d] = tagger.TagLabels(train[d].Text);
        }
        var pass2 = TrainPass(train, stage1, options.Epochs, m => Dev(m, first), "pass 2");
        var both = new NerTagger([pass1, pass2], meta);
        double bothDev = NerCorpus.Evaluate(both, dev).Scores.F1;
        log?.Invoke($"pass 2 dev F1 {bothDev:F2}");
        return bothDev >= firstDev
            ? new NerTagger([pass1, pass2], $"{meta}; two passes; dev F1 {bothDev:F2} (pass 1 {firstDev:F2})")
            : new NerTagger([pass1], $"{meta}; one pass (pass 2 did not help: {bothDev:F2}); dev F1 {firstDev:F2}");
    }
}
