namespace Parley.Statements.Attribution;

/// <summary>Small closed word lists the attribution rules use in place of a part-of-speech tagger.</summary>
internal static class WordClasses
{
    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerSet = Set(
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "another",
        "some", "one", "two", "three", "several", "many", "other", "each", "every", "both", "all", "no", "any", "most");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounSet = Set(
        "he", "she", "they", "we", "i", "it", "you");

    // Prepositions that may sit inside a source phrase ("officials familiar with the matter", "head of the region").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InnerPrepositionSet = Set(
        "of", "with", "at", "for", "from", "in", "on", "to", "close", "familiar", "near");

    // Words that end a source phrase: verbs, conjunctions, relatives, negation, common adverbs of time.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakSet = Set(
        "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "as",
        "if", "than", "though", "although", "after", "before", "since", "until", "so", "yet", "then", "also", "later",
        "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should",
        "can", "may", "might", "must", "did", "do", "does", "not", "n't", "never", "once", "previously", "recently",
        "further", "again", "today", "yesterday", "tomorrow", "here", "there", "now", "just", "even", "still",
        "by", "about", "into", "over", "under", "during", "against", "without", "through", "between", "like",
        "what", "how", "why", "whether", "only", "such", "said", "says", "told", "adding", "saying", "per", "via",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "week", "year");

    // Words allowed between a source and its cue: "he also said", "Smith has repeatedly said".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BetweenSet = Set(
        "also", "later", "then", "has", "have", "had", "was", "were", "is", "will", "would", "once", "previously",
        "recently", "further", "again", "earlier", "first", "simply", "flatly", "publicly", "privately");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeNounSet = Set(
        "week", "weeks", "month", "months", "year", "years", "day", "days", "today", "yesterday", "tonight", "time", "times",
        "morning", "afternoon", "evening", "night", "ago", "weekend", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AnonymousSet = Set(
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "source", "sources", "official",
        "officials", "aide", "aides", "insider", "insiders", "diplomat", "diplomats", "someone", "person", "people",
        "staffer", "staffers", "adviser", "advisers", "advisor", "advisors", "representative", "representatives",
        "witness", "witnesses", "resident", "residents", "employee", "employees", "member", "members", "operative",
        "official's", "officer", "officers", "investigators", "prosecutors", "negotiators", "rescuers", "insurgents",
        "lawmakers", "legislators", "organizers", "organisers", "planners", "strategists", "operatives", "leaders");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VagueSet = Set(
        "analysts", "experts", "observers", "critics", "many", "some", "others", "commentators", "economists",
        "scientists", "pundits", "skeptics", "sceptics", "opponents", "supporters", "detractors", "researchers",
        "studies", "polls", "reports", "everyone", "most", "few", "several", "activists", "protesters", "protestors",
        "voters", "locals", "villagers", "farmers", "parents", "academics", "scholars", "historians", "watchers",
        "owners", "shopkeepers", "merchants", "traders", "customers", "shoppers", "consumers", "investors", "workers",
        "students", "teachers", "drivers", "fishermen", "citizens", "passengers", "commuters", "families", "patients");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationSet = Set(
        "ministry", "department", "agency", "party", "council", "commission", "committee", "office", "government",
        "kremlin", "pentagon", "administration", "campaign", "senate", "congress", "parliament", "court", "police",
        "army", "military", "bank", "company", "corporation", "inc", "inc.", "corp", "corp.", "ltd", "union",
        "association", "institute", "university", "service", "foundation", "group", "bureau", "authority",
        "authorities", "embassy", "board", "organization", "organisation", "nato", "un", "eu", "fbi", "cia",
        "team", "cabinet", "secretariat", "command", "force", "forces", "mission", "house", "network", "newspaper",
        "agency's", "alliance", "coalition", "federation", "movement", "front", "club", "firm", "center", "centre",
        "chamber", "assembly", "legislature", "municipality", "directorate", "regulator", "watchdog", "tribunal", "ministry's",
        // What an organisation publishes speaks for it: "the latest CNN poll", "a 2014 study", "the inspector general's report".
        "poll", "survey", "surveys", "study", "report");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QuantifierSet = Set(
        "some", "many", "several", "most", "all", "both", "two", "three", "other", "others");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BareVerbSubjectSet = Set(
        "i", "we", "they", "you", "people", "would", "will", "could", "might", "may", "must", "should", "can", "to",
        "do", "did", "does", "not", "n't", "never", "also", "often", "still");

    // Lemmas whose bare form is rarely a noun, so "critics say" or "officials warn" can be trusted as cues.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BareCueLemmaSet = Set(
        "say", "tell", "argue", "insist", "warn", "believe", "think", "agree", "contend", "maintain", "explain", "add",
        "predict", "suggest", "acknowledge", "admit", "deny", "write", "ask", "claim", "allege", "stress", "fear", "worry");

    /// <summary>True for lemmas whose bare form may be a cue ("say"), unlike noun-like ones ("report", "order").</summary>
    public static bool IsBareCueLemma(ReadOnlySpan<char> lemma) => BareCueLemmaSet.Contains(lemma);

    /// <summary>Quantifiers that may stand as a subject before a verb: "many say", "some argue".</summary>
    public static bool IsQuantifier(ReadOnlySpan<char> w) => QuantifierSet.Contains(w);

    /// <summary>
    /// Words after which a bare verb form is a finite cue: plural subjects ("critics say"), pronouns and
    /// modals ("I would say").
    /// </summary>
    public static bool MayPrecedeBareVerb(ReadOnlySpan<char> w) =>
        BareVerbSubjectSet.Contains(w) || IsQuantifier(w)
        || w.Length > 3 && (w[^1] is 's' or 'S') && w[^2] is not ('s' or '\'' or '\u2019');

    /// <summary>"the", "a", "his", "several", …</summary>
    public static bool IsDeterminer(ReadOnlySpan<char> w) => DeterminerSet.Contains(w);

    /// <summary>Subject pronouns.</summary>
    public static bool IsPronoun(ReadOnlySpan<char> w) => PronounSet.Contains(w);

    /// <summary>Prepositions that may continue a source phrase.</summary>
    public static bool IsInnerPreposition(ReadOnlySpan<char> w) => InnerPrepositionSet.Contains(w);

    /// <summary>Words that cannot be part of a source phrase.</summary>
    public static bool IsBreak(ReadOnlySpan<char> w) => BreakSet.Contains(w);

    /// <summary>Auxiliaries and adverbs that may stand between a source and its cue verb.</summary>
    public static bool MayStandBetween(ReadOnlySpan<char> w) =>
        BetweenSet.Contains(w) || w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0]);

    /// <summary>Words that name a time: "week", "Monday", "March", "yesterday", "ago".</summary>
    public static bool IsTimeNoun(ReadOnlySpan<char> w) => TimeNounSet.Contains(w);

    /// <summary>Nouns for unnamed speakers: "spokesperson", "sources", "officials".</summary>
    public static bool IsAnonymousNoun(ReadOnlySpan<char> w) => AnonymousSet.Contains(w);

    /// <summary>Generic groups: "analysts", "experts", "critics", "many".</summary>
    public static bool IsVagueNoun(ReadOnlySpan<char> w) => VagueSet.Contains(w);

    /// <summary>Head nouns of organisations and of what they publish: "Ministry", "Kremlin", "Department", "Party", "poll".</summary>
    public static bool IsOrganizationNoun(ReadOnlySpan<char> w) => OrganizationSet.Contains(w);
}
