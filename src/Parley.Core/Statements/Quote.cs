using System.Collections.Immutable;
using Parley.Documents;

namespace Parley.Statements;

/// <summary>The family of quotation marks that delimit a quote.</summary>
public enum QuoteMarkStyle : byte
{
    /// <summary>“ … ” (and „ … “ / „ … ”).</summary>
    CurlyDouble,
    /// <summary>‘ … ’ (and ‚ … ‘).</summary>
    CurlySingle,
    /// <summary>« … » or » … «.</summary>
    Guillemet,
    /// <summary>‹ … ›.</summary>
    SingleGuillemet,
    /// <summary>" … ".</summary>
    StraightDouble,
    /// <summary>' … '.</summary>
    StraightSingle,
}

/// <summary>
/// A direct quotation: an opening mark, an optional closing mark, and the quoted text, which may run
/// over several paragraphs (one content span per paragraph, excluding the marks).
/// </summary>
public sealed record Quote
{
    /// <summary>The opening mark.</summary>
    public required TextSpan Open { get; init; }

    /// <summary>The closing mark, or null when the quote runs to the end of its paragraph unclosed.</summary>
    public TextSpan? Close { get; init; }

    /// <summary>The quoted text, one span per paragraph, marks excluded.</summary>
    public required ImmutableArray<TextSpan> Content { get; init; }

    /// <summary>The mark family.</summary>
    public required QuoteMarkStyle Style { get; init; }

    /// <summary>0 for an outer quote, 1 for a quote inside a quote, and so on.</summary>
    public int Depth { get; init; }

    /// <summary>
    /// True when the quoted text looks like speech (several words, or a clause) rather than a quoted
    /// word or title ("so-called «experts»"): only speech-like quotes become statements.
    /// </summary>
    public bool IsSpeech { get; init; }

    /// <summary>From the opening to the closing mark (or the end of the content), marks included.</summary>
    public TextSpan Extent => new(Open.Start, Close?.End ?? Content[^1].End);
}
