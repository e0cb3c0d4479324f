using Parley.Documents;
using Parley.Statements;

namespace Parley.Claims;

/// <summary>
/// How an article sources what it says: statements by speaker type and kind, and how many of its
/// sentences are attributed, unattributed, hedged or questions.
/// </summary>
public sealed record SourcingProfile
{
    /// <summary>Number of statements.</summary>
    public int Statements { get; init; }

    /// <summary>Statements whose speaker is a named person.</summary>
    public int Person { get; init; }

    /// <summary>Statements whose speaker is a named organisation.</summary>
    public int Organization { get; init; }

    /// <summary>Statements from unnamed sources ("a spokesperson", "officials").</summary>
    public int Anonymous { get; init; }

    /// <summary>Statements from vague groups ("analysts", "critics").</summary>
    public int Vague { get; init; }

    /// <summary>Statements with no source or an unresolved one.</summary>
    public int Unknown { get; init; }

    /// <summary>Named statements (person or organisation).</summary>
    public int Named => Person + Organization;

    /// <summary>Statements by kind (direct, indirect, mixed, according_to, belief).</summary>
    public required IReadOnlyDictionary<StatementKind, int> ByKind { get; init; }

    /// <summary>Number of sentences labelled.</summary>
    public int Sentences { get; init; }

    /// <summary>Sentence counts by claim label.</summary>
    public required IReadOnlyDictionary<ClaimLabel, int> ByLabel { get; init; }

    /// <summary>Loaded or evaluative terms in the article's own voice.</summary>
    public int LoadedTerms { get; init; }

    /// <summary>Share of statements that are named, in [0, 1] (0 when there are none).</summary>
    public double NamedShare => Statements == 0 ? 0 : (double)Named / Statements;

    /// <summary>Share of assertions (attributed + unattributed + hedged) that carry no source, in [0, 1].</summary>
    public double UnattributedShare
    {
        get
        {
            int attributed = ByLabel.GetValueOrDefault(ClaimLabel.Attributed);
            int own = ByLabel.GetValueOrDefault(ClaimLabel.Unattributed) + ByLabel.GetValueOrDefault(ClaimLabel.Hedged);
            return attributed + own == 0 ? 0 : (double)own / (attributed + own);
        }
    }

    /// <summary>Computes the profile from a document's statements and claims.</summary>
    public static SourcingProfile Compute(Document document)
    {
        var statements = document.Statements;
        var claims = document.Get(ClaimLayers.Claims);
        var byKind = Enum.GetValues<StatementKind>().ToDictionary(k => k, _ => 0);
        var byType = Enum.GetValues<SpeakerType>().ToDictionary(k => k, _ => 0);
        foreach (var statement in statements)
        {
            byKind[statement.Kind]++;
            byType[statement.Speaker?.Type ?? SpeakerType.Unknown]++;
        }
        var byLabel = Enum.GetValues<ClaimLabel>().ToDictionary(k => k, _ => 0);
        int loaded = 0;
        foreach (var claim in claims)
        {
            byLabel[claim.Label]++;
            loaded += claim.Loaded.Length;
        }
        return new SourcingProfile
        {
            Statements = statements.Length,
            Person = byType[SpeakerType.Person],
            Organization = byType[SpeakerType.Organization],
            Anonymous = byType[SpeakerType.Anonymous],
            Vague = byType[SpeakerType.Vague],
            Unknown = byType[SpeakerType.Unknown],
            ByKind = byKind,
            Sentences = claims.Length,
            ByLabel = byLabel,
            LoadedTerms = loaded,
        };
    }
}
