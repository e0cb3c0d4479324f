namespace Parley.Text;

/// <summary>Abbreviations that keep their final period, and which of them may also end a sentence.</summary>
internal static class Abbreviations
{
    // Titles and other abbreviations that are always followed by more of the same sentence.
    private static readonly HashSet<string> NeverFinal = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt",
        "Sen", "Rep", "Gov", "Lt.Gov", "Pres", "Amb", "Rev", "Hon", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Messrs", "Mmes",
        "Supt", "Insp", "Det", "Gens", "Sens", "Reps", "Govs", "Atty", "Sec", "Secs", "Asst", "Assoc", "Dept", "Univ",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "Vol", "vs", "v", "Fig", "fig", "approx", "est", "al", "cf", "ca", "Ave", "Blvd", "Rd",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex",
        "Va", "Vt", "Wash", "Wis", "Wyo",
    };

    // Abbreviations that may end a sentence ("… in the U.S. The next day …").
    private static readonly HashSet<string> MaybeFinal = new(StringComparer.Ordinal)
    {
        "Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "LLC", "etc", "Jr", "Sr", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U",
        "D.C", "N.Y", "L.A", "U.S.A", "Ph.D", "i.e", "e.g",
    };

    // Words that start sentences far more often than they continue a name: after "U.S." they signal a new sentence.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On", "At",
        "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "When", "While", "After", "Before",
        "As", "If", "Although", "However", "Meanwhile", "Still", "Then", "Now", "Some", "Many", "Most", "For", "With",
        "What", "Why", "How", "Who", "Where", "Asked", "According", "Officials", "Critics", "Analysts", "Sources",
    };

    /// <summary>True when <paramref name="word"/> (without its final period) keeps the period as part of the token.</summary>
    public static bool KeepsPeriod(ReadOnlySpan<char> word)
    {
        if (word.Length == 1 && char.IsLetter(word[0])) return true; // initials: "J. Smith"
        if (word.Contains('.')) return true;                          // "U.S", "a.m", "Ph.D"
        var lookup = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word)) return true;
        return MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>True when a token that ends with an abbreviation's period may also end the sentence.</summary>
    public static bool MayEndSentence(ReadOnlySpan<char> wordWithPeriod)
    {
        var word = wordWithPeriod[..^1];
        if (NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        if (word.Length == 1) return false;
        return true;
    }

    /// <summary>True for words that usually start a sentence.</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) =>
        SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
