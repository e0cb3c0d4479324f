using Parley.Documents;

namespace Parley.Text;

/// <summary>A paragraph: a block of text between line breaks (or blank lines).</summary>
/// <param name="Span">The paragraph's text without surrounding white space.</param>
/// <param name="IsHeadline">True for a leading headline line.</param>
public readonly record struct Paragraph(TextSpan Span, bool IsHeadline);

/// <summary>A headline line at the top of the document.</summary>
/// <param name="Span">The line's text.</param>
/// <param name="DuplicateOf">Index of the earlier headline this line repeats (with other quote marks), or -1.</param>
public readonly record struct Headline(TextSpan Span, int DuplicateOf)
{
    /// <summary>True when this line repeats an earlier headline.</summary>
    public bool IsDuplicate => DuplicateOf >= 0;
}

/// <summary>A sentence.</summary>
/// <param name="Span">The sentence's text, trimmed.</param>
/// <param name="FirstToken">Index of its first token in the token layer.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Paragraph">Index of its paragraph.</param>
/// <param name="IsHeadline">True when the sentence is (part of) a headline.</param>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, int Paragraph, bool IsHeadline)
{
    /// <summary>Index one past its last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>Coarse token classes, decided by the tokenizer from characters alone.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or periods (U.S., don't, well-known).</summary>
    Word,
    /// <summary>Digits, possibly with separators (3.5, 1,000, 9/11).</summary>
    Number,
    /// <summary>A quotation mark of any kind.</summary>
    Quote,
    /// <summary>Sentence-final punctuation: . ! ? …</summary>
    Terminal,
    /// <summary>Other punctuation: , ; : ( ) and dashes.</summary>
    Punct,
    /// <summary>Anything else: symbols, currency, emoji.</summary>
    Symbol,
}

/// <summary>A token: a span of the original text and its coarse kind.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    /// <summary>The token's span.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}
