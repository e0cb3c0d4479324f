using System.Collections.Immutable;
using Parley.Documents;

namespace Parley.Claims;

/// <summary>How a sentence stands with respect to sourcing.</summary>
public enum ClaimLabel : byte
{
    /// <summary>Part of a statement attributed to a source.</summary>
    Attributed,
    /// <summary>An assertion in the article's own voice, with no source.</summary>
    Unattributed,
    /// <summary>An unattributed assertion weakened by a hedge ("reportedly", "may", "appears").</summary>
    Hedged,
    /// <summary>A question in the article's own voice.</summary>
    Question,
    /// <summary>Not an assertion: a repeated headline, a dateline, a fragment, boilerplate.</summary>
    Other,
}

/// <summary>A lexicon term found in a sentence.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Category">Its category in the lexicon ("hearsay", "label", "verb", …).</param>
public readonly record struct Term(TextSpan Span, string Category);

/// <summary>The sourcing label of one sentence, with the hedges and loaded wording found in the article's own voice.</summary>
public sealed record Claim
{
    /// <summary>Index of the sentence in the sentence layer.</summary>
    public required int Sentence { get; init; }

    /// <summary>The sentence's span.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The label.</summary>
    public required ClaimLabel Label { get; init; }

    /// <summary>Ids of the statements that cover this sentence (for <see cref="ClaimLabel.Attributed"/>).</summary>
    public ImmutableArray<string> Statements { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Hedges outside quoted or attributed content.</summary>
    public ImmutableArray<Term> Hedges { get; init; } = ImmutableArray<Term>.Empty;

    /// <summary>Loaded or evaluative wording outside quoted or attributed content (framing cues included).</summary>
    public ImmutableArray<Term> Loaded { get; init; } = ImmutableArray<Term>.Empty;
}
