using System.Collections.Immutable;
using Parley.Documents;

namespace Parley.Statements;

/// <summary>How a statement is reported.</summary>
public enum StatementKind : byte
{
    /// <summary>A quotation in quote marks.</summary>
    Direct,
    /// <summary>Reported speech: "X said that …".</summary>
    Indirect,
    /// <summary>A paraphrase that includes a quoted fragment.</summary>
    Mixed,
    /// <summary>"According to X, …", and colon or dash attributions.</summary>
    AccordingTo,
    /// <summary>A belief, fear or sentiment attributed to someone.</summary>
    Belief,
}

/// <summary>What kind of speaker a source is.</summary>
public enum SpeakerType : byte
{
    /// <summary>Not determined.</summary>
    Unknown,
    /// <summary>A named person (or a pronoun that refers to one).</summary>
    Person,
    /// <summary>A named organisation or institution.</summary>
    Organization,
    /// <summary>An unnamed individual or group: "sources", "a spokesperson", "a senior official".</summary>
    Anonymous,
    /// <summary>A generic group: "analysts", "experts", "critics", "many".</summary>
    Vague,
}

/// <summary>Who a statement is attributed to, as far as Parley can resolve it.</summary>
public sealed record Speaker
{
    /// <summary>The best name for the speaker (canonical name, or the source text).</summary>
    public required string Name { get; init; }

    /// <summary>The speaker's type.</summary>
    public SpeakerType Type { get; init; }

    /// <summary>Id of the entity the source resolves to, when the entity layer is present.</summary>
    public string? Entity { get; init; }

    /// <summary>A role or title ("Foreign Minister", "a spokesperson"), when stated.</summary>
    public string? Role { get; init; }

    /// <summary>The body an unnamed speaker belongs to ("the Foreign Ministry"), when stated.</summary>
    public string? Affiliation { get; init; }
}

/// <summary>The kind of medium a statement came through.</summary>
public enum ChannelKind : byte
{
    /// <summary>Not specified.</summary>
    Other,
    /// <summary>"in an interview with X", "told X".</summary>
    Interview,
    /// <summary>"in a statement".</summary>
    Statement,
    /// <summary>"at a press conference", "at a briefing".</summary>
    PressConference,
    /// <summary>"on Telegram", "wrote on X".</summary>
    SocialMedia,
    /// <summary>"reported", "X reports".</summary>
    Report,
    /// <summary>"according to X sources".</summary>
    AnonymousSources,
}

/// <summary>The outlet or medium a statement was relayed through.</summary>
public sealed record Channel
{
    /// <summary>The channel's name ("TASS", "a press conference").</summary>
    public required string Name { get; init; }

    /// <summary>The kind of channel.</summary>
    public ChannelKind Kind { get; init; }

    /// <summary>The mention span that names the channel, when there is one.</summary>
    public TextSpan? Span { get; init; }

    /// <summary>Id of the outlet entity, when resolved.</summary>
    public string? Entity { get; init; }
}

/// <summary>
/// One attribution: a source (who), a cue (how it is signalled) and content (what), each a span of
/// the original text, plus the resolved speaker and channel.
/// </summary>
public sealed record Statement
{
    /// <summary>Identifier unique within the document ("s1", "s2", …).</summary>
    public required string Id { get; init; }

    /// <summary>How the statement is reported.</summary>
    public required StatementKind Kind { get; init; }

    /// <summary>The cue ("said", "according to", a colon), when there is one.</summary>
    public TextSpan? Cue { get; init; }

    /// <summary>The source mention ("he", "Sergei Aksyonov", "a ministry spokesperson"), when there is one.</summary>
    public TextSpan? Source { get; init; }

    /// <summary>The content, possibly discontinuous, in text order.</summary>
    public required ImmutableArray<TextSpan> Content { get; init; }

    /// <summary>The resolved speaker, when there is a source.</summary>
    public Speaker? Speaker { get; init; }

    /// <summary>The channel the statement came through, when stated.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public double Confidence { get; init; }

    /// <summary>Index of the quote in the quote layer this statement was built from, or -1.</summary>
    public int QuoteIndex { get; init; } = -1;
}
