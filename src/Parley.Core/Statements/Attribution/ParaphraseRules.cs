using System.Collections.Immutable;
using Parley.Documents;
using Parley.Text;

namespace Parley.Statements.Attribution;

/// <summary>
/// Deterministic attributions without quote marks that the trained tagger sometimes misses: a sentence
/// opened by "According to X, …" (content: the rest of the sentence), a sentence closed by "…, according to X."
/// (content: what comes before), a belief verb with its subject ("X believes / fears / hopes / is convinced (that) …"),
/// a belief noun with its holders ("a growing sentiment among officials that …"), and reported speech with
/// "that" ("X said on Tuesday that …"), each only where the tagger found nothing in the sentence.
/// </summary>
internal static class ParaphraseRules
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeliefVerbs = new HashSet<string>(
    [
        "believe", "believes", "believed", "fear", "fears", "feared", "hope", "hopes", "hoped", "think", "thinks",
        "worry", "worries", "worried", "suspect", "suspects", "doubt", "doubts",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The statements these rules find in <paramref name="document"/>, ids unset.</summary>
    public static List<Statement> Find(Document document)
    {
        var found = new List<Statement>();
        string text = document.Text;
        var tokens = document.Tokens.AsSpan();
        var phrases = new SourcePhrases(text, tokens);
        foreach (var sentence in document.Sentences)
        {
            int first = sentence.FirstToken, end = sentence.EndToken;
            // Leave a closing terminal (and quote) out of the content, as the annotation does.
            int last = end;
            while (last > first && tokens[last - 1].Kind is TokenKind.Terminal or TokenKind.Quote) last--;
            if (last - first < 4) continue;
            if (AccordingToFirst(text, tokens, first, last) is { } opening) found.Add(opening);
            else if (AccordingToLast(text, tokens, first, last) is { } closing) found.Add(closing);
            else if (ParentheticalSays(text, tokens, first, last) is { } parenthetical) found.Add(parenthetical);
            else if (TrailingTold(text, tokens, first, last) is { } told) found.Add(told);
            else if (SaidThenSource(text, tokens, first, last) is { } inverted) found.Add(inverted);
            else if (InThePoll(text, tokens, first, last) is { } poll) found.Add(poll);
            else if (Belief(text, tokens, phrases, first, last) is { } belief) found.Add(belief);
            else if (BeliefNoun(text, tokens, first, last) is { } sentiment) found.Add(sentiment);
            else if (SaidThat(text, tokens, phrases, first, last) is { } reported) found.Add(reported);
        }
        return found;
    }

    private static bool Is(string text, ReadOnlySpan<Token> tokens, int k, string word) =>
        tokens[k].Kind == TokenKind.Word && text.AsSpan(tokens[k].Start, tokens[k].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsComma(string text, Token t) => t.Kind == TokenKind.Punct && t.Length == 1 && text[t.Start] == ',';

    // "According to X, CONTENT."
    private static Statement? AccordingToFirst(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (!Is(text, tokens, first, "according") || !Is(text, tokens, first + 1, "to")) return null;
        int comma = -1;
        for (int k = first + 2; k < last && k < first + 14; k++)
            if (IsComma(text, tokens[k])) { comma = k; break; }
        if (comma < first + 3 || last - comma < 4) return null;
        return Make(StatementKind.AccordingTo, Span(tokens, first, first + 2), Span(tokens, first + 2, comma), Span(tokens, comma + 1, last));
    }

    // "CONTENT, according to X."
    private static Statement? AccordingToLast(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (int k = last - 3; k > first + 3; k--)
        {
            if (!Is(text, tokens, k, "according") || !Is(text, tokens, k + 1, "to") || !IsComma(text, tokens[k - 1])) continue;
            if (last - (k + 2) > 12) return null;
            return Make(StatementKind.AccordingTo, Span(tokens, k, k + 2), Span(tokens, k + 2, last), Span(tokens, first, k - 1));
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SayVerbs = new HashSet<string>(
        ["say", "says", "said", "argue", "argues", "believe", "believes", "warn", "warns", "add", "adds", "added", "note", "notes",
         "noted", "reported", "reports", "wrote", "writes", "warned", "argued", "explained"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // The words of a time phrase besides the time nouns themselves: "on Monday", "late Thursday", "last week".
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeModifiers = new HashSet<string>(
        ["on", "late", "early", "last", "this", "earlier", "later"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsTimeWord(ReadOnlySpan<char> w) => WordClasses.IsTimeNoun(w) || TimeModifiers.Contains(w);

    // "CONTENT, analysts say." — a short source and a saying verb closing the sentence after a comma (a time may
    // follow: "…, the New York Times reported late Thursday.").
    private static Statement? ParentheticalSays(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        int verb = last - 1;
        while (verb > first && last - verb <= 3 && IsTimeWord(text.AsSpan(tokens[verb].Start, tokens[verb].Length))) verb--;
        if (verb <= first || tokens[verb].Kind != TokenKind.Word || !SayVerbs.Contains(text.AsSpan(tokens[verb].Start, tokens[verb].Length))) return null;
        int comma = SourceComma(text, tokens, first, verb, 5);
        return comma < 0 ? null : Make(StatementKind.AccordingTo, Span(tokens, verb, verb + 1), Span(tokens, comma + 1, verb), Span(tokens, first, comma));
    }

    /// <summary>
    /// The comma that opens a short source right before <paramref name="verb"/> (at most <paramref name="maxWords"/> words
    /// after it, nothing but words), with at least four tokens of content before it; -1 when there is none.
    /// </summary>
    private static int SourceComma(string text, ReadOnlySpan<Token> tokens, int first, int verb, int maxWords)
    {
        for (int k = verb - 1; k >= first && k >= verb - maxWords; k--)
        {
            if (IsComma(text, tokens[k])) return k >= first + 4 && k + 1 < verb ? k : -1;
            if (tokens[k].Kind != TokenKind.Word) return -1;
        }
        return -1;
    }

    // "CONTENT, union leader Ana Silva told reporters (on Monday)." — a source after a comma, then "told" and a short
    // audience (the channel stage reads it: reporters, an outlet) closing the sentence.
    private static Statement? TrailingTold(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (int verb = last - 2; verb > first + 5 && verb >= last - 9; verb--)
        {
            if (!Is(text, tokens, verb, "told") && !Is(text, tokens, verb, "tells")) continue;
            for (int k = verb + 1; k < last; k++)
                if (tokens[k].Kind != TokenKind.Word) return null;
            int comma = SourceComma(text, tokens, first, verb, 8);
            return comma < 0 ? null : Make(StatementKind.Indirect, Span(tokens, verb, verb + 1), Span(tokens, comma + 1, verb), Span(tokens, first, comma));
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InvertedVerbs = new HashSet<string>(
        ["said", "says", "added", "adds", "noted", "notes", "explained", "argued", "argues", "wrote", "writes", "warned", "warns"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "CONTENT, said David Gilbert, its president and CEO." — a clause, a comma, the verb, and the source to the sentence's
    // end. A quote closed right before the comma is left to the quote attributor. The tagger sometimes reads a verb of the clause as the cue instead
    // ("has collected"); the merge stage drops such a nested reading for this one.
    private static Statement? SaidThenSource(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (tokens[first].Kind == TokenKind.Quote) return null;
        for (int verb = first + 5; verb < last - 1; verb++)
        {
            if (!InvertedVerbs.Contains(text.AsSpan(tokens[verb].Start, tokens[verb].Length))) continue;
            // "…, but “New York has the fewest,” said X": a paraphrase that ends in a quote keeps the quote's comma and mark.
            bool quoteClosed = tokens[verb - 1].Kind == TokenKind.Quote && IsComma(text, tokens[verb - 2]);
            if (!quoteClosed && !IsComma(text, tokens[verb - 1])) continue;
            if (last - (verb + 1) > 30 || !quoteClosed && tokens[verb - 2].Kind == TokenKind.Quote) return null;
            // The source opens with a name or a determiner ("said a senior official"), not "said to be …" or "said that …".
            var opening = text.AsSpan(tokens[verb + 1].Start, tokens[verb + 1].Length);
            if (tokens[verb + 1].Kind != TokenKind.Word || !(char.IsUpper(opening[0]) || opening is "a" or "an" or "the" or "one" or "two" or "several" or "many" or "some"))
                return null;
            return Make(StatementKind.Indirect, Span(tokens, verb, verb + 1), Span(tokens, verb + 1, last), Span(tokens, first, quoteClosed ? verb : verb - 1));
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PollNouns = new HashSet<string>(
        ["poll", "polls", "survey", "surveys", "polling"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "In the latest CNN/ORC poll, CONTENT." — a poll as the source, "in" as the cue, as PolNeAR
    // annotates them (in its train split, 16 of 21 sentences that open with "In … poll," are such attributions; "In an
    // interview," and "In a statement," are channels of another cue and are left alone).
    private static Statement? InThePoll(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (!Is(text, tokens, first, "in")) return null;
        for (int k = first + 2; k < last - 3 && k < first + 16; k++)
        {
            if (!IsComma(text, tokens[k])) continue;
            bool poll = false;
            for (int t = first + 1; t < k; t++) poll |= tokens[t].Kind == TokenKind.Word && PollNouns.Contains(text.AsSpan(tokens[t].Start, tokens[t].Length));
            return poll && last - k >= 4 ? Make(StatementKind.AccordingTo, Span(tokens, first, first + 1), Span(tokens, first + 1, k), Span(tokens, k + 1, last)) : null;
        }
        return null;
    }

    // "X believes (that) CONTENT", "X is convinced that CONTENT".
    private static Statement? Belief(string text, ReadOnlySpan<Token> tokens, SourcePhrases phrases, int first, int last)
    {
        for (int k = first + 1; k < last - 3; k++)
        {
            int cueEnd;
            if (tokens[k].Kind == TokenKind.Word && BeliefVerbs.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length)) && char.IsLower(text[tokens[k].Start])) cueEnd = k + 1;
            else if ((Is(text, tokens, k, "is") || Is(text, tokens, k, "are") || Is(text, tokens, k, "was") || Is(text, tokens, k, "were"))
                && Is(text, tokens, k + 1, "convinced") && Is(text, tokens, k + 2, "that")) cueEnd = k + 2;
            else continue;
            // The source must start the sentence, so the belief is the sentence's main clause ("X believes …").
            var source = phrases.Left(k, first);
            if (!source.Found || source.First != first) return null;
            int contentStart = cueEnd;
            if (last - contentStart < 3 || tokens[contentStart].Kind != TokenKind.Word) return null;
            return Make(StatementKind.Belief, Span(tokens, k, cueEnd), Span(tokens, source.First, source.End), Span(tokens, contentStart, last));
        }
        return null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeliefNouns = new HashSet<string>(
    [
        "sentiment", "belief", "feeling", "fear", "fears", "hope", "hopes", "view", "consensus", "conviction", "expectation", "suspicion",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "a growing sentiment among officials that CONTENT", "the belief in Kyiv that CONTENT".
    private static Statement? BeliefNoun(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        for (int k = first; k < last - 4; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !BeliefNouns.Contains(text.AsSpan(tokens[k].Start, tokens[k].Length))) continue;
            if (!Is(text, tokens, k + 1, "among") && !Is(text, tokens, k + 1, "in")) continue;
            int that = -1;
            for (int j = k + 2; j < last && j < k + 9; j++)
                if (Is(text, tokens, j, "that")) { that = j; break; }
            if (that < k + 3 || last - that < 3) continue;
            // The cue is the noun phrase: its article and adjectives ("a growing sentiment").
            int cueFirst = k;
            while (cueFirst - 1 >= first && k - cueFirst < 3 && tokens[cueFirst - 1].Kind == TokenKind.Word && char.IsLower(text[tokens[cueFirst - 1].Start])
                && !Is(text, tokens, cueFirst - 1, "is") && !Is(text, tokens, cueFirst - 1, "was")) cueFirst--;
            return Make(StatementKind.Belief, Span(tokens, cueFirst, k + 2), Span(tokens, k + 2, that), Span(tokens, that, last));
        }
        return null;
    }

    // "X said (on Tuesday) that CONTENT", "X, the head of Y, said that CONTENT".
    private static Statement? SaidThat(string text, ReadOnlySpan<Token> tokens, SourcePhrases phrases, int first, int last)
    {
        for (int k = first + 1; k < last - 3; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word || char.IsUpper(text[t.Start]) || !CueWords.IsCueVerb(text.AsSpan(t.Start, t.Length))) continue;
            int that = -1;
            for (int j = k + 1; j < last && j <= k + 4; j++)
            {
                if (Is(text, tokens, j, "that")) { that = j; break; }
                if (tokens[j].Kind != TokenKind.Word) break;
            }
            if (that < 0 || last - that < 4) return null;
            int sourceEnd = k;
            if (IsComma(text, tokens[k - 1]))
            {
                var apposition = phrases.LeftApposition(k - 1, first);
                if (!apposition.Found) return null;
                return Make(StatementKind.Indirect, Span(tokens, k, k + 1), Span(tokens, apposition.First, k), Span(tokens, that, last));
            }
            var source = phrases.Left(sourceEnd, first);
            if (!source.Found) return null;
            return Make(StatementKind.Indirect, Span(tokens, k, k + 1), Span(tokens, source.First, source.End), Span(tokens, that, last));
        }
        return null;
    }

    private static TextSpan Span(ReadOnlySpan<Token> tokens, int first, int end) => new(tokens[first].Start, tokens[end - 1].End);

    private static Statement Make(StatementKind kind, TextSpan cue, TextSpan source, TextSpan content) => new()
    {
        Id = "",
        Kind = kind,
        Cue = cue,
        Source = source,
        Content = [content],
        Confidence = 0.6,
    };
}
