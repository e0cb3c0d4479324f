using Parley.Documents;

namespace Parley.Entities;

/// <summary>The coarse entity types Parley's tagger finds (the CoNLL-2003 set).</summary>
public enum EntityType : byte
{
    /// <summary>A person (CoNLL PER).</summary>
    Person,
    /// <summary>An organisation: company, party, agency, team, outlet (CoNLL ORG).</summary>
    Organization,
    /// <summary>A location: country, city, region, geographic feature (CoNLL LOC).</summary>
    Location,
    /// <summary>Other names: nationalities, events, products, works (CoNLL MISC).</summary>
    Misc,
}

/// <summary>A named-entity mention found in a document.</summary>
/// <param name="Span">Character offsets in the document text (half-open, UTF-16).</param>
/// <param name="Type">The entity type.</param>
/// <param name="FirstToken">Index of the mention's first token in the document's token layer.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct EntityMention(TextSpan Span, EntityType Type, int FirstToken, int TokenCount)
{
    /// <summary>The upper-case type name used in outputs: PERSON, ORGANIZATION, LOCATION or MISC.</summary>
    public string TypeName => EntityTypes.Name(Type);
}

/// <summary>Names and codes of <see cref="EntityType"/>.</summary>
public static class EntityTypes
{
    /// <summary>The CoNLL codes in tagger order: PER, ORG, LOC, MISC.</summary>
    public static readonly IReadOnlyList<string> ConllCodes = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>The output name of a type: PERSON, ORGANIZATION, LOCATION or MISC.</summary>
    public static string Name(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Organization => "ORGANIZATION",
        EntityType.Location => "LOCATION",
        _ => "MISC",
    };

    /// <summary>
    /// Maps a type name used by an annotated corpus onto the CoNLL code, or null when the type is not one
    /// Parley tags (dates, quantities, weapons…), which then counts as O.
    /// </summary>
    public static string? ToConll(string name) => name.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => "PER",
        "ORG" or "ORGANISATION" or "ORGANIZATION" or "CORPORATION" or "GROUP" => "ORG",
        "LOC" or "LOCATION" or "GPE" => "LOC",
        "MISC" or "NATIONALITY" or "NORP" or "PRODUCT" or "CREATIVE-WORK" => "MISC",
        _ => null,
    };
}

/// <summary>The layer of entity mentions (to be registered with the pipeline's layers when it is wired).</summary>
public static class EntityLayers
{
    /// <summary>Named-entity mentions in text order.</summary>
    public static readonly Layer<EntityMention> Entities = new("entities");
}
