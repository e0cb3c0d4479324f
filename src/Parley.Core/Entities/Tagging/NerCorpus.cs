using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>A document prepared for training or evaluation: the tagger's input and gold BILOU labels per token.</summary>
/// <param name="Text">The tokens and sentences.</param>
/// <param name="Gold">Gold label index per token (see <see cref="NerTagger.Scheme"/>).</param>
/// <param name="Source">The CoNLL document it came from.</param>
public sealed record NerExample(NerText Text, int[] Gold, ConllDocument Source);

/// <summary>Turns CoNLL files into tagger examples, mapping corpus types onto PER/ORG/LOC/MISC.</summary>
public static class NerCorpus
{
    /// <summary>The examples of a file, one per document.</summary>
    public static List<NerExample> From(ConllFile file)
    {
        var scheme = NerTagger.Scheme;
        var result = new List<NerExample>();
        foreach (var doc in file.Documents)
        {
            var text = NerText.FromTokens(doc.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList());
            var gold = new int[text.Tokens.Length];
            for (int s = 0; s < doc.Sentences.Count; s++)
            {
                var (start, end) = text.Sentences[s];
                SpanTagScheme.Encode(scheme.SpansFromIob(doc.Sentences[s].Tags, EntityTypes.ToConll), gold.AsSpan(start, end - start));
            }
            result.Add(new NerExample(text, gold, doc));
        }
        return result;
    }

    /// <summary>True when any gold entity of <paramref name="examples"/> has type <paramref name="type"/>.</summary>
    public static bool Annotates(IEnumerable<NerExample> examples, int type) =>
        examples.Any(e => e.Gold.Any(l => SpanTagScheme.Decompose(l).Type == type));

    /// <summary>Scores a tagger on examples (with <paramref name="ignored"/> types left out), returning the tally and the predictions per example.</summary>
    public static (NerScores Scores, List<int[]> Predictions) Evaluate(NerTagger tagger, IReadOnlyList<NerExample> examples, IEnumerable<int>? ignored = null, int stages = int.MaxValue)
    {
        var scores = new NerScores(NerTagger.Scheme.Types);
        if (ignored is not null) scores.Ignored.UnionWith(ignored);
        var predictions = new List<int[]>();
        foreach (var e in examples)
        {
            var predicted = tagger.TagLabels(e.Text, Math.Min(stages, tagger.Stages));
            predictions.Add(predicted);
            foreach (var (start, end) in e.Text.Sentences)
                scores.Add(SpanTagScheme.DecodeSpans(e.Gold.AsSpan(start, end - start)), SpanTagScheme.DecodeSpans(predicted.AsSpan(start, end - start)));
        }
        return (scores, predictions);
    }
}
