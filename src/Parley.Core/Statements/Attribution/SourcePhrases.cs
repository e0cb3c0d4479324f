using Parley.Text;

namespace Parley.Statements.Attribution;

/// <summary>A source mention found by the token rules: the token range and, for "Name, role" appositions, where the two parts meet.</summary>
/// <param name="First">Index of the first token.</param>
/// <param name="End">Index one past the last token.</param>
/// <param name="Comma">Index of the comma between a name and its apposition, or -1.</param>
internal readonly record struct SourcePhrase(int First, int End, int Comma)
{
    /// <summary>True when a phrase was found.</summary>
    public bool Found => End > First;

    /// <summary>No phrase.</summary>
    public static SourcePhrase None => new(0, 0, -1);
}

/// <summary>
/// Extends a source mention over its noun phrase with token rules instead of a parser: capitalised
/// name runs, determiners with adjectives and nouns, "of"/"with" phrases, and appositions after a comma.
/// </summary>
internal readonly ref struct SourcePhrases
{
    private const int MaxPhraseTokens = 9;

    private readonly string _text;
    private readonly ReadOnlySpan<Token> _tokens;

    /// <summary>Reads phrases over <paramref name="tokens"/> of <paramref name="text"/>.</summary>
    public SourcePhrases(string text, ReadOnlySpan<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private ReadOnlySpan<char> Word(int k) => _text.AsSpan(_tokens[k].Start, _tokens[k].Length);

    private bool IsWord(int k) => _tokens[k].Kind is TokenKind.Word or TokenKind.Number;

    private bool IsPunct(int k, char c) => _tokens[k].Length == 1 && _text[_tokens[k].Start] == c;

    private bool IsCapitalised(int k) => _tokens[k].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[k].Start]);

    /// <summary>
    /// The apostrophe of a plural possessive ("dockers’ union", "workers' party"): a lone ’ or ' right after a word
    /// ending in s, followed by a space and a word. It belongs to the phrase, not to a quotation.
    /// </summary>
    public bool IsPossessiveMark(int k)
    {
        var t = _tokens[k];
        if (t.Length != 1 || _text[t.Start] is not ('\u2019' or '\'') || k == 0 || k + 1 >= _tokens.Length) return false;
        var before = _tokens[k - 1];
        return before.End == t.Start && before.Kind == TokenKind.Word && _text[before.End - 1] is 's' or 'S'
            && _tokens[k + 1].Start > t.End && _tokens[k + 1].Kind == TokenKind.Word;
    }

    /// <summary>A clitic token such as "’s" that belongs to the word before it.</summary>
    private bool IsClitic(int k) => _tokens[k].Kind == TokenKind.Word && _text[_tokens[k].Start] is '\'' or '\u2019';

    /// <summary>
    /// The phrase that ends just before token <paramref name="end"/> (exclusive), reading leftwards no
    /// further than <paramref name="limit"/>: "a ministry spokesperson", "officials familiar with the matter",
    /// "Sergei Aksyonov, the head of the Crimean peninsula".
    /// </summary>
    public SourcePhrase Left(int end, int limit)
    {
        int first = LeftCore(end, limit);
        return first == end ? SourcePhrase.None : new SourcePhrase(first, end, -1);
    }

    /// <summary>Leftwards, "X, Y," where the cue follows the second comma: returns both parts as one phrase.</summary>
    public SourcePhrase LeftApposition(int comma, int limit)
    {
        int roleFirst = LeftCore(comma, limit);
        if (roleFirst == comma || roleFirst - 1 < limit || !IsPunct(roleFirst - 1, ',')) return SourcePhrase.None;
        int nameFirst = LeftCore(roleFirst - 1, limit);
        if (nameFirst == roleFirst - 1) return SourcePhrase.None;
        return new SourcePhrase(nameFirst, comma, roleFirst - 1);
    }

    private int LeftCore(int end, int limit)
    {
        int first = end;
        int k = end - 1;
        while (k >= limit && end - k <= MaxPhraseTokens)
        {
            if (IsPossessiveMark(k) && k - 1 >= limit) { k--; continue; }
            if (!IsWord(k)) break;
            var w = Word(k);
            if (IsClitic(k)) { k--; continue; }
            if (WordClasses.IsPronoun(w))
            {
                // A pronoun is a phrase of its own, and only right before the cue.
                if (k == end - 1) first = k;
                break;
            }
            if (WordClasses.IsBreak(w) && !IsCapitalised(k)) break;
            if (WordClasses.IsInnerPreposition(w) && !IsCapitalised(k))
            {
                // A preposition is inside the phrase only when a noun precedes it: "officials familiar with".
                if (k - 1 < limit || !IsWord(k - 1) || first == end) break;
                var before = Word(k - 1);
                if (WordClasses.IsDeterminer(before) || WordClasses.IsBreak(before) || WordClasses.IsInnerPreposition(before) && !before.Equals("familiar", StringComparison.OrdinalIgnoreCase)) break;
                k--;
                continue;
            }
            if (CueWords.IsCueVerb(w) && !IsCapitalised(k)) break;
            first = k;
            if (WordClasses.IsDeterminer(w))
            {
                // A determiner starts the phrase unless an inner preposition precedes it ("head of the region").
                if (k - 1 >= limit && IsWord(k - 1) && WordClasses.IsInnerPreposition(Word(k - 1))) { k--; continue; }
                break;
            }
            k--;
        }
        // Never start with a preposition or a gerund ("sitting at a lunch"), nor be only determiners.
        while (first < end && !IsCapitalised(first) && (WordClasses.IsInnerPreposition(Word(first)) || IsParticiple(Word(first)))) first++;
        return OnlyDeterminers(first, end) ? end : first;
    }

    /// <summary>"sitting", "highlighted": a lower-case participle does not start a source phrase.</summary>
    private static bool IsParticiple(ReadOnlySpan<char> w) =>
        w.Length > 4 && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>True when the tokens are all determiners ("my", "those", "a"): no phrase. Quantifiers ("many") may stand alone.</summary>
    private bool OnlyDeterminers(int first, int end)
    {
        for (int k = first; k < end; k++)
            if (!WordClasses.IsDeterminer(Word(k)) || WordClasses.IsQuantifier(Word(k))) return false; // "many" may stand alone
        return end > first;
    }

    /// <summary>
    /// The phrase starting at token <paramref name="start"/> and reading rightwards no further than
    /// <paramref name="limit"/> (exclusive): "Sergei Aksyonov", "he", "the minister, who …" (stops at "who"),
    /// with an apposition after a comma up to the next comma or period.
    /// </summary>
    public SourcePhrase Right(int start, int limit)
    {
        int end = RightCore(start, limit);
        if (end == start) return SourcePhrase.None;
        if (end < limit && IsPunct(end, ',') && !WordClasses.IsPronoun(Word(start)))
        {
            int appositionEnd = RightCore(end + 1, limit);
            if (appositionEnd > end + 1 && AppositionEnds(appositionEnd, limit) && !IsVerbLike(end + 1))
                return new SourcePhrase(start, appositionEnd, end);
        }
        return new SourcePhrase(start, end, -1);
    }

    /// <summary>An apposition must end at a comma, a sentence end, a dash or the window's end.</summary>
    private bool AppositionEnds(int k, int limit) =>
        k >= limit || IsPunct(k, ',') || _tokens[k].Kind == TokenKind.Terminal || _tokens[k].Kind == TokenKind.Quote
        || _tokens[k].Kind == TokenKind.Punct && Quotes.QuoteMarks.IsDash(_text[_tokens[k].Start]);

    /// <summary>"adding", "noted": a participle after the comma is a new clause, not an apposition.</summary>
    private bool IsVerbLike(int k)
    {
        var w = Word(k);
        return !IsCapitalised(k) && (w.EndsWith("ing", StringComparison.Ordinal) || CueWords.IsCueVerb(w));
    }

    private int RightCore(int start, int limit)
    {
        int k = start;
        int end = start;
        while (k < limit && k - start < MaxPhraseTokens)
        {
            if (k > start && IsPossessiveMark(k) && k + 1 < limit && IsWord(k + 1)) { k++; continue; }
            if (!IsWord(k)) break;
            var w = Word(k);
            if (IsClitic(k)) { k++; end = k; continue; }
            if (WordClasses.IsPronoun(w)) { if (k == start) end = k + 1; break; }
            if (WordClasses.IsBreak(w) && !IsCapitalised(k)) break;
            if (WordClasses.IsInnerPreposition(w) && !IsCapitalised(k))
            {
                // "the head of the region" yes; "Smith in a statement" no.
                if (end == start || IsCapitalised(end - 1) && !w.Equals("of", StringComparison.OrdinalIgnoreCase)) break;
                if (k + 1 >= limit || !IsWord(k + 1)) break;
                k++;
                continue;
            }
            if (CueWords.IsCueVerb(w) && !IsCapitalised(k)) break;
            k++;
            end = k;
        }
        return OnlyDeterminers(start, end) ? start : end;
    }
}
