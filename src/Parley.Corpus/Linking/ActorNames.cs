using System.Globalization;
using System.Text;
using Parley.Statements;

namespace Parley.Corpus.Linking;

/// <summary>A speaker mention reduced to what cross-article linking needs.</summary>
public sealed record ActorMention
{
    /// <summary>The name as written, without leading titles ("Sergei Aksyonov").</summary>
    public required string Name { get; init; }

    /// <summary>Person or organisation.</summary>
    public required SpeakerType Type { get; init; }

    /// <summary>The actor key: the same for spelling and transliteration variants of one name.</summary>
    public required string Key { get; init; }

    /// <summary>True for a surname-only (or initial + surname) mention of a person.</summary>
    public bool SurnameOnly { get; init; }

    /// <summary>The variant key of the surname (persons only).</summary>
    public string? SurnameKey { get; init; }

    /// <summary>Role or title, from the speaker or stripped from the name ("President").</summary>
    public string? Role { get; init; }
}

/// <summary>
/// Names → actor keys. Persons: "p:" + variant key of the first and last name; a surname-only mention
/// is resolved per article (see <see cref="ResolveArticle"/>). Organisations: "o:" + folded words.
/// The variant key folds spelling and transliteration differences generally (no list of names): y/i/j
/// and e → i, o/u → o, vowel runs to one vowel, ks → x, kh → h, ph → f, double letters to one;
/// so Zelensky/Zelenskyy/Zelenskiy, Aksyonov/Aksenov and Kiev/Kyiv share a key.
/// </summary>
public static class ActorNames
{
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister",
        "foreign", "defence", "defense", "interior", "finance", "secretary", "general", "gen", "state", "senator", "sen", "rep",
        "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "chancellor", "king", "queen", "prince",
        "princess", "pope", "judge", "justice", "chief", "executive", "ceo", "spokesman", "spokeswoman", "spokesperson",
        "ambassador", "commissioner", "leader", "speaker", "head", "deputy", "former", "acting", "premier", "sheikh", "col",
        "colonel", "lt", "major", "maj", "capt", "captain", "adm", "admiral", "sgt", "rev", "reverend", "father", "democratic",
        "republican", "attorney", "director", "chairman", "chairwoman", "chair", "us", "u.s", "uk", "eu", "un", "russian",
        "ukrainian", "american", "british", "french", "german", "chinese", "israeli", "palestinian", "iranian", "the",
    };

    // Honorifics are stripped from names but are not roles.
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase) { "mr", "mrs", "ms", "miss", "sir", "dame", "the" };

    // Capitalised words that start a sentence or clause and are not part of a name ("When Trump said …").
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "as", "when", "while", "but", "and", "if", "after", "before", "then", "so", "yet", "on", "in", "at", "for", "with",
        "since", "because", "although", "though", "however", "meanwhile", "also", "even", "a", "an", "one", "another", "said",
        "says", "according", "to", "of", "by", "from", "like", "unlike", "where", "why", "how", "what", "now", "still", "only",
    };

    // Lower-case name particles ("Ursula von der Leyen") belong to the name.
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das", "bin", "al", "el", "ter", "ten", "zu",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "jr", "sr", "ii", "iii", "iv", "phd", "md" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "hers", "their", "who", "this", "that",
    };

    /// <summary>The mention for a statement's speaker, or null when it is not a named person or organisation.</summary>
    public static ActorMention? FromSpeaker(Speaker? speaker)
    {
        if (speaker is null || string.IsNullOrWhiteSpace(speaker.Name)) return null;
        if (speaker.Type is not (SpeakerType.Person or SpeakerType.Organization)) return null;
        string? role = PlausibleRole(speaker.Role);
        return speaker.Type == SpeakerType.Organization ? Organization(speaker.Name, role) : Person(speaker.Name, role);
    }

    /// <summary>The role when it looks like one (a few words), else null: a clause caught as a role is not kept.</summary>
    public static string? PlausibleRole(string? role)
    {
        if (string.IsNullOrWhiteSpace(role)) return null;
        role = role.Trim().Trim(',', '.', ';', ':').Trim();
        return role.Length is > 0 and <= 60 && role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? role : null;
    }

    /// <summary>A person mention: leading titles become the role; the key uses the first and last name.</summary>
    public static ActorMention? Person(string name, string? role = null)
    {
        var tokens = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim(',', ';', ':')).Where(t => t.Length > 0).ToList();
        if (tokens.Count == 1 && Pronouns.Contains(tokens[0])) return null;
        // Keep the name at the end: drop everything up to the last lower-case word or function word
        // ("presidential candidate Donald Trump", "When Trump", "A defensive Obama").
        int cut = tokens.FindLastIndex(t => (!char.IsUpper(t[0]) && !Particles.Contains(t)) || FunctionWords.Contains(t));
        if (cut >= 0) tokens.RemoveRange(0, cut + 1);
        if (tokens.Count == 0) return null;
        var titles = new List<string>();
        // Keep at least one token: "President" alone is a role, not a name, and yields nothing below.
        while (tokens.Count > 1 && TitleWords.Contains(tokens[0].TrimEnd('.'))) { titles.Add(tokens[0]); tokens.RemoveAt(0); }
        while (tokens.Count > 1 && Suffixes.Contains(tokens[^1].TrimEnd('.'))) tokens.RemoveAt(tokens.Count - 1);
        if (tokens.Count == 0 || (tokens.Count == 1 && TitleWords.Contains(tokens[0].TrimEnd('.')))) return null;
        if (!tokens.Any(t => t.Length > 0 && char.IsUpper(t[0]))) return null;

        string surname = VariantKey(tokens[^1]);
        if (surname.Length == 0) return null;
        string first = tokens[0].TrimEnd('.');
        bool surnameOnly = tokens.Count == 1 || first.Length == 1;
        var roleWords = titles.Where(t => !Honorifics.Contains(t.TrimEnd('.'))).ToList();
        string? strippedRole = roleWords.Count > 0 ? string.Join(' ', roleWords) : null;
        return new ActorMention
        {
            Name = string.Join(' ', tokens),
            Type = SpeakerType.Person,
            Key = surnameOnly ? "s:" + surname : "p:" + VariantKey(first) + " " + surname,
            SurnameOnly = surnameOnly,
            SurnameKey = surname,
            Role = role ?? strippedRole,
        };
    }

    /// <summary>An organisation mention: "the" dropped, words folded.</summary>
    public static ActorMention? Organization(string name, string? role = null)
    {
        var words = TextFolding.Words(name);
        if (words.Count > 0 && words[0] == "the") words.RemoveAt(0);
        if (words.Count == 0) return null;
        string display = name.Trim();
        if (display.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) display = display[4..];
        return new ActorMention { Name = display, Type = SpeakerType.Organization, Key = "o:" + string.Join(' ', words), Role = role };
    }

    /// <summary>
    /// Resolves surname-only mentions within one article: one attaches to the article's full-name mention
    /// with the same surname key (and matching initial, when given) only when exactly one such full name
    /// exists. Otherwise it stays a surname-only actor ("s:" key), never merged with any full-name actor,
    /// because two people can share a surname.
    /// </summary>
    public static IReadOnlyList<ActorMention> ResolveArticle(IReadOnlyList<ActorMention> mentions)
    {
        var full = mentions.Where(m => m.Type == SpeakerType.Person && !m.SurnameOnly).DistinctBy(m => m.Key).ToList();
        var result = new List<ActorMention>(mentions.Count);
        foreach (var mention in mentions)
        {
            if (!mention.SurnameOnly) { result.Add(mention); continue; }
            string first = mention.Name.Split(' ')[0].TrimEnd('.');
            char? initial = mention.Name.Contains(' ') && first.Length == 1 ? char.ToLowerInvariant(first[0]) : null;
            var matches = full.Where(f => f.SurnameKey == mention.SurnameKey
                && (initial is null || char.ToLowerInvariant(f.Name[0]) == initial)).ToList();
            result.Add(matches.Count == 1 ? mention with { Key = matches[0].Key } : mention);
        }
        return result;
    }

    /// <summary>The spelling/transliteration variant key of one name word.</summary>
    public static string VariantKey(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (char raw in word)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark) continue;
            char c = TextFolding.FoldDiacritic(raw);
            if (char.IsLetter(c)) letters.Append(char.ToLowerInvariant(c));
        }
        string s = letters.ToString()
            .Replace("ks", "x").Replace("kh", "h").Replace("ph", "f").Replace("ck", "k").Replace("tch", "ch").Replace("j", "y");
        var key = new StringBuilder(s.Length);
        char last = '\0';
        bool lastVowel = false;
        foreach (char raw in s)
        {
            char c = raw switch { 'e' or 'i' or 'y' => 'i', 'o' or 'u' => 'o', _ => raw };
            bool vowel = c is 'a' or 'i' or 'o';
            // A run of vowels keeps its first ("Aksyonov" → "axinov" = "Aksenov"; "Kyiv" = "Kiev" → "kiv").
            if (vowel && lastVowel) continue;
            if (c == last) continue;
            key.Append(c);
            last = c;
            lastVowel = vowel;
        }
        return key.ToString();
    }
}
