using System.Collections.Immutable;
using Parley.Documents;

namespace Parley.Entities.Resolution;

/// <summary>How a mention refers to its entity.</summary>
public enum MentionKind : byte
{
    /// <summary>A proper name: "Sergei Aksyonov", "Aksyonov", "TASS".</summary>
    Name,
    /// <summary>A pronoun: "he", "she", "it".</summary>
    Pronoun,
    /// <summary>A common-noun phrase: "the ministry", "the Crimean leader", "a ministry spokesperson".</summary>
    Nominal,
}

/// <summary>Grammatical gender of a person, as far as names, titles and pronouns tell.</summary>
public enum Gender : byte
{
    /// <summary>Not known.</summary>
    Unknown,
    /// <summary>Male.</summary>
    Male,
    /// <summary>Female.</summary>
    Female,
}

/// <summary>One mention of an entity in a document.</summary>
public sealed record Mention
{
    /// <summary>Identifier unique within the document ("m1", "m2", …).</summary>
    public required string Id { get; init; }

    /// <summary>The mention's text span.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>Name, pronoun or nominal.</summary>
    public required MentionKind Kind { get; init; }

    /// <summary>The entity type of the mention.</summary>
    public required EntityType Type { get; init; }

    /// <summary>Index of the entity in the resolved-entity layer, or -1 when unresolved ("they").</summary>
    public int Entity { get; init; } = -1;

    /// <summary>A role stated with this mention: a title before the name or an apposition after it.</summary>
    public TextSpan? Role { get; init; }
}

/// <summary>An entity of a document: every mention of one person, organisation or place.</summary>
public sealed record ResolvedEntity
{
    /// <summary>Identifier unique within the document ("e1", "e2", …).</summary>
    public required string Id { get; init; }

    /// <summary>Canonical name: the longest proper name used, or the nominal for an unnamed entity.</summary>
    public required string Name { get; init; }

    /// <summary>The entity type.</summary>
    public required EntityType Type { get; init; }

    /// <summary>True when the entity has a proper name in the document (false for "a ministry spokesperson").</summary>
    public bool IsNamed { get; init; }

    /// <summary>True for news outlets (TASS, Reuters, …).</summary>
    public bool IsOutlet { get; init; }

    /// <summary>Gender of a person, when known.</summary>
    public Gender Gender { get; init; }

    /// <summary>Roles and titles stated in the document, as written ("the head of the Crimean peninsula").</summary>
    public ImmutableArray<string> Roles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Other spellings and forms of the name used in the document.</summary>
    public ImmutableArray<string> Aliases { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The body an unnamed person belongs to ("ministry" in "a ministry spokesperson"), resolved to a canonical name when possible.</summary>
    public string? Affiliation { get; init; }

    /// <summary>Indices of the entity's mentions in the mention layer, in text order.</summary>
    public ImmutableArray<int> Mentions { get; init; } = ImmutableArray<int>.Empty;
}

/// <summary>Layers produced by coreference resolution.</summary>
public static class CoreferenceLayers
{
    /// <summary>Every mention (names, pronouns, nominals), in text order.</summary>
    public static readonly Layer<Mention> Mentions = new("mentions");

    /// <summary>The document's entities, in order of first mention.</summary>
    public static readonly Layer<ResolvedEntity> Entities = new("resolved-entities");
}
