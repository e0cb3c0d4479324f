using Parley.Documents;
using Parley.Text;

namespace Parley.Statements.Attribution;

/// <summary>Rule-based speaker typing: pronouns and names are people, "the ministry" an organisation, "a spokesperson" anonymous, "analysts" vague.</summary>
internal static class SpeakerRules
{
    /// <summary>The type of the speaker named by the tokens <paramref name="first"/>..<paramref name="end"/> (the name part of a source).</summary>
    public static SpeakerType TypeOf(string text, ReadOnlySpan<Token> tokens, int first, int end)
    {
        if (end <= first) return SpeakerType.Unknown;
        // "Dmitry Peskov, a Kremlin spokesman": the part before an apposition decides, the apposition only when that is unclear.
        for (int k = first + 1; k < end - 1; k++)
        {
            if (tokens[k].Kind != TokenKind.Punct || text[tokens[k].Start] != ',') continue;
            var before = TypeOf(text, tokens, first, k);
            return before != SpeakerType.Unknown ? before : TypeOf(text, tokens, k + 1, end);
        }
        var firstWord = WordAt(text, tokens, first);
        // "Q:" and "A:" of a printed interview label turns, not people: who answers is named elsewhere, if at all.
        if (end - first == 1 && firstWord.Length == 1 && char.IsUpper(firstWord[0]) && firstWord is not "I") return SpeakerType.Unknown;
        if (end - first == 1 && WordClasses.IsPronoun(firstWord))
            return firstWord.Equals("he", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("she", StringComparison.OrdinalIgnoreCase)
                || firstWord.Equals("I", StringComparison.Ordinal) ? SpeakerType.Person : SpeakerType.Unknown;

        int head = HeadIndex(text, tokens, first, end);
        var headWord = WordAt(text, tokens, head);
        bool anonymousHead = WordClasses.IsAnonymousNoun(headWord);
        bool hasPersonalName = HasPersonalName(text, tokens, first, head);

        // The head noun decides over capitalised modifiers: "Kremlin sources", "Axios sources" and "a White House official"
        // are anonymous, "International observers" vague (a named person would be the head: "spokesman Dmitry Peskov").
        if (anonymousHead && (!hasPersonalName || char.IsLower(headWord[0]))) return SpeakerType.Anonymous;
        if (WordClasses.IsVagueNoun(headWord) && (!hasPersonalName || char.IsLower(headWord[0]))) return SpeakerType.Vague;
        if (WordClasses.IsOrganizationNoun(headWord)) return SpeakerType.Organization;
        if (hasPersonalName || char.IsUpper(headWord[0])) return SpeakerType.Person;
        return WordClasses.IsDeterminer(firstWord) ? SpeakerType.Person : SpeakerType.Unknown;
    }

    /// <summary>True for a bare pronoun source.</summary>
    public static bool IsPronoun(string text, ReadOnlySpan<Token> tokens, int first, int end) =>
        end - first == 1 && WordClasses.IsPronoun(WordAt(text, tokens, first));

    /// <summary>True when the tokens hold a run of capitalised words that is not just organisation words: a personal name.</summary>
    public static bool HasPersonalName(string text, ReadOnlySpan<Token> tokens, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word || !char.IsUpper(text[t.Start])) continue;
            var w = text.AsSpan(t.Start, t.Length);
            if (k == first && WordClasses.IsDeterminer(w)) continue;
            if (WordClasses.IsOrganizationNoun(w) || WordClasses.IsAnonymousNoun(w) || WordClasses.IsVagueNoun(w)) continue;
            // The last capitalised word of a name is not followed by an organisation head ("Foreign Ministry").
            if (k + 1 < end && IsOrganizationWord(text, tokens[k + 1])) continue;
            return true;
        }
        return false;
    }

    private static bool IsOrganizationWord(string text, Token t) =>
        t.Kind == TokenKind.Word && WordClasses.IsOrganizationNoun(text.AsSpan(t.Start, t.Length));

    /// <summary>The head word: the last word before the first inner preposition ("officials" in "officials familiar with …").</summary>
    private static int HeadIndex(string text, ReadOnlySpan<Token> tokens, int first, int end)
    {
        int head = first;
        for (int k = first; k < end; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word) continue;
            var w = text.AsSpan(t.Start, t.Length);
            if (k > first && WordClasses.IsInnerPreposition(w) && !char.IsUpper(w[0])) break;
            // A relative clause follows the head: "a senior official who asked not to be named".
            if (k > first && (w is "who" or "whom" or "whose" or "which" or "that")) break;
            if (w[0] is '\'' or '\u2019') continue; // "’s"
            head = k;
        }
        return head;
    }

    private static ReadOnlySpan<char> WordAt(string text, ReadOnlySpan<Token> tokens, int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

    /// <summary>The span covering tokens <paramref name="first"/>..<paramref name="end"/>.</summary>
    public static TextSpan SpanOf(ReadOnlySpan<Token> tokens, int first, int end) => new(tokens[first].Start, tokens[end - 1].End);
}
