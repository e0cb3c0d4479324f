using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Statements.Attribution;

/// <summary>
/// Merges the rule-based quote attribution (<see cref="QuoteAttributor"/>) into the statements of the
/// trained tagger: a speech quote the tagger left out is added with its rule attribution, and where the
/// rules found a confident cue in the quote's own sentence that the tagger's statement lacks, the rule
/// statement replaces it. Everything else keeps the tagger's answer, which is better on reported speech.
/// </summary>
public sealed class StatementMergeStage : PipelineStage
{
    /// <summary>Rule statements at or above this confidence have a cue right at the quote ("…,” X said", "X said: “…”").</summary>
    public const double ConfidentRule = 0.85;

    /// <summary>Creates the stage.</summary>
    public StatementMergeStage()
        : base("statement-merge", [Layers.Statements, Layers.Headlines, Layers.Sentences, Layers.Tokens, Layers.Quotes], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var rules = new QuoteAttributor(document).Run(cancellationToken);
        if (rules.IsEmpty) return;
        document.Replace(Layers.Statements, Merge(document.Statements, rules));
    }

    /// <summary>The merged statements, in text order, numbered s1, s2, ….</summary>
    public static ImmutableArray<Statement> Merge(ImmutableArray<Statement> tagged, ImmutableArray<Statement> rules)
    {
        var merged = new List<Statement>(tagged.Length + rules.Length);
        merged.AddRange(tagged);
        foreach (var rule in rules)
        {
            int overlapping = -1, count = 0;
            for (int i = 0; i < merged.Count; i++)
                if (ContentOverlaps(merged[i], rule)) { overlapping = i; count++; }
            if (count == 0)
            {
                // The tagger missed the quote; a quote with neither cue nor an inherited speaker says nothing about who spoke.
                if (rule.Cue is not null || rule.Speaker is not null) merged.Add(rule);
                continue;
            }
            // One tagged statement holds the quote but reads another cue (or none) where the rules are sure of theirs.
            if (count == 1 && rule.Cue is { } cue && rule.Confidence >= ConfidentRule && rule.Kind == StatementKind.Direct
                && (merged[overlapping].Cue is not { } taggedCue || !taggedCue.Overlaps(cue)) && !CueIsUsed(merged, cue))
                merged[overlapping] = rule;
        }
        merged.Sort(static (a, b) => Start(a).CompareTo(Start(b)));
        var result = ImmutableArray.CreateBuilder<Statement>(merged.Count);
        for (int i = 0; i < merged.Count; i++)
            result.Add(merged[i] with { Id = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    private static int Start(Statement s) => s.Content.IsEmpty ? s.Cue?.Start ?? 0 : s.Content[0].Start;

    private static bool ContentOverlaps(Statement a, Statement b)
    {
        foreach (var x in a.Content)
            foreach (var y in b.Content)
                if (x.Overlaps(y)) return true;
        return false;
    }

    private static bool CueIsUsed(List<Statement> statements, TextSpan cue)
    {
        foreach (var s in statements)
            if (s.Cue is { } c && c.Overlaps(cue)) return true;
        return false;
    }
}
