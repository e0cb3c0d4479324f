using System.Collections.Frozen;
using Parley.Lexicons;

namespace Parley.Entities.Resolution;

/// <summary>The word lists coreference needs: genders of first names, demonyms, role nouns, organisation heads, outlets.</summary>
internal sealed class EntityLexicons
{
    private static readonly Lazy<EntityLexicons> s_default = new(() => new EntityLexicons());

    public static EntityLexicons Default => s_default.Value;

    private readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> _firstNames;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonyms;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _roles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _orgHeads;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _modifiers;
    private readonly FrozenSet<string> _outlets;

    // Organisation head nouns: "the ministry", "the transport ministry", "the company".
    private static readonly string[] OrgHeads =
    [
        "ministry", "department", "agency", "government", "administration", "company", "firm", "corporation", "party",
        "council", "committee", "commission", "court", "army", "military", "police", "union", "bank", "group", "embassy",
        "office", "parliament", "senate", "congress", "campaign", "service", "bureau", "authority", "organization",
        "organisation", "alliance", "coalition", "cabinet", "foundation", "institute", "university", "newspaper",
        "network", "broadcaster", "outlet", "regulator", "prosecutor's office", "consulate", "legislature", "assembly",
        "federation", "association", "club", "team", "board", "tribunal", "secretariat", "directorate", "command",
        "force", "forces", "navy", "kremlin", "white house", "pentagon", "mission", "delegation", "operator",
    ];

    // Words that can stand inside a title before a name without being role nouns ("former", "acting").
    private static readonly string[] RoleModifiers =
    [
        "former", "acting", "deputy", "vice", "senior", "chief", "top", "foreign", "interior", "defense", "defence",
        "prime", "state", "general", "then", "incoming", "outgoing", "interim", "junior", "assistant", "associate",
        "executive", "presidential", "national", "regional", "local", "federal", "security", "press", "finance",
        "economy", "health", "justice", "energy", "education", "transport", "trade", "agriculture", "culture",
        "opposition", "ruling", "republican", "democratic", "first", "second", "veteran", "longtime", "retired",
    ];

    // Role nouns that the role list may lack, and that matter for news attribution.
    private static readonly string[] ExtraRoles =
    [
        "spokesman", "spokeswoman", "spokesperson", "official", "head", "leader", "chief", "envoy", "aide", "adviser",
        "advisor", "governor", "mayor", "senator", "lawmaker", "prosecutor", "commander", "minister", "president",
        "chair", "chairman", "chairwoman", "chairperson", "secretary", "director", "ambassador", "representative",
        "premier", "chancellor", "king", "queen", "prince", "general", "colonel", "admiral", "analyst", "expert",
        "diplomat", "negotiator", "candidate", "nominee", "congressman", "congresswoman", "speaker", "judge",
        "attorney", "lawyer", "economist", "researcher", "professor", "ceo", "founder", "owner", "executive",
        "correspondent", "reporter", "editor", "columnist", "activist", "organizer", "campaigner", "strategist",
        "pollster", "governor-general", "deputy", "mp", "sen.", "rep.", "gov.", "gen.", "pres.", "amb.", "lt.", "col.",
    ];

    private EntityLexicons()
    {
        var names = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in EmbeddedLexicon.ReadLines("first-name-gender.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2) names[parts[0]] = parts[1] switch { "m" => Gender.Male, "f" => Gender.Female, _ => Gender.Unknown };
        }
        _firstNames = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedLexicon.ReadLines("demonym-country.tsv"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2) demonyms[parts[0]] = parts[1];
        }
        _demonyms = demonyms.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in new[] { "gaz-roles.txt", "gaz-honorifics.txt" })
            if (EmbeddedLexicon.Exists(file))
                foreach (var line in EmbeddedLexicon.ReadLines(file))
                    if (!line.Contains(' ')) roles.Add(line);
        roles.UnionWith(ExtraRoles);
        _roles = roles.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _orgHeads = OrgHeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _modifiers = RoleModifiers.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _outlets = (EmbeddedLexicon.Exists("gaz-news-outlets.txt") ? EmbeddedLexicon.ReadLines("gaz-news-outlets.txt") : [])
            .Select(s => NameVariants.Fold(s)).Where(s => s.Length > 0).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Gender of a first name, or Unknown.</summary>
    public Gender GenderOfFirstName(ReadOnlySpan<char> name) => _firstNames.TryGetValue(name, out var g) ? g : Gender.Unknown;

    /// <summary>True when <paramref name="name"/> is a known first name.</summary>
    public bool IsFirstName(ReadOnlySpan<char> name) => _firstNames.ContainsKey(name);

    /// <summary>The country of a demonym ("Ukrainian" → "Ukraine"), or null.</summary>
    public string? CountryOfDemonym(ReadOnlySpan<char> word) => _demonyms.TryGetValue(word, out var c) ? c : null;

    /// <summary>True for role and title nouns ("president", "spokesman", "Gen.").</summary>
    public bool IsRoleNoun(ReadOnlySpan<char> word) => _roles.Contains(word);

    /// <summary>True for organisation head nouns ("ministry", "agency").</summary>
    public bool IsOrgHead(ReadOnlySpan<char> word) => _orgHeads.Contains(word);

    /// <summary>True for words that may stand inside a title ("former", "Foreign").</summary>
    public bool IsRoleModifier(ReadOnlySpan<char> word) => _modifiers.Contains(word);

    /// <summary>True when the name is a news outlet.</summary>
    public bool IsOutlet(string name) => _outlets.Contains(NameVariants.Fold(name));

    /// <summary>Gender implied by an honorific or a gendered role noun, or Unknown.</summary>
    public static Gender GenderOfTitle(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 32)];
        int n = word[..lower.Length].ToLowerInvariant(lower);
        var w = lower[..n].TrimEnd('.');
        return w switch
        {
            "mr" or "sir" or "lord" or "king" or "prince" or "spokesman" or "chairman" or "congressman" or "businessman"
                or "father" or "brother" or "son" or "husband" or "duke" or "emperor" => Gender.Male,
            "mrs" or "ms" or "miss" or "madam" or "madame" or "lady" or "queen" or "princess" or "dame" or "spokeswoman"
                or "chairwoman" or "congresswoman" or "businesswoman" or "mother" or "sister" or "daughter" or "wife"
                or "duchess" or "empress" => Gender.Female,
            _ => Gender.Unknown,
        };
    }
}
