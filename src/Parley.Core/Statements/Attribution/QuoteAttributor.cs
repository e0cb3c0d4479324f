using System.Collections.Immutable;
using Parley.Documents;
using Parley.Lexicons;
using Parley.Statements.Quotes;
using Parley.Text;

namespace Parley.Statements.Attribution;

/// <summary>
/// The cue rules for direct quotes, applied to one document: a cue and source after the quote
/// ("…,” said X / “…,” X said / “…” — X), before it ("X said: “…”", "according to X, “…”", a quoted
/// fragment inside "X said that …"), or, failing both, the speaker of the quote it continues.
/// </summary>
internal ref struct QuoteAttributor
{
    /// <summary>How far back from a quote a cue verb is looked for, in tokens.</summary>
    private const int MaxCueDistance = 30;

    /// <summary>A cue followed by at most this many words and a colon or comma still introduces a whole quote ("told Reuters on Monday:").</summary>
    private const int MaxIntroducerGap = 6;

    private readonly Document _document;
    private readonly string _text;
    private readonly string _normalized;
    private readonly ReadOnlySpan<Token> _tokens;
    private readonly ReadOnlySpan<Sentence> _sentences;
    private readonly SourcePhrases _phrases;
    private readonly List<Draft> _drafts;

    /// <summary>A statement before its id is known.</summary>
    private sealed record Draft(Statement Statement, int Paragraph, TextSpan Covered);

    /// <summary>Prepares the rules for <paramref name="document"/>, which must have tokens, sentences and quotes.</summary>
    public QuoteAttributor(Document document)
    {
        _document = document;
        _text = document.Text;
        _normalized = document.Normalized.Value;
        _tokens = document.Tokens.AsSpan();
        _sentences = document.Sentences.AsSpan();
        _phrases = new SourcePhrases(_text, _tokens);
        _drafts = new List<Draft>();
    }

    /// <summary>Builds the statements, in text order with ids s1, s2, ….</summary>
    public ImmutableArray<Statement> Run(CancellationToken cancellationToken)
    {
        var quotes = _document.Quotes;
        var duplicateHeadlines = DuplicateHeadlineSpans(_document);
        int coveredUntil = -1;
        for (int qi = 0; qi < quotes.Length; qi++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var quote = quotes[qi];
            if (quote.Depth > 0 || !quote.IsSpeech) continue;
            if (InAny(duplicateHeadlines, quote.Open.Start)) continue;
            if (quote.Open.Start < coveredUntil) continue; // already inside an earlier statement's content
            var draft = Attribute(quote, qi);
            if (draft is null) continue;
            _drafts.Add(draft);
            coveredUntil = Math.Max(coveredUntil, draft.Covered.End);
        }

        _drafts.Sort(static (a, b) => a.Statement.Content[0].Start.CompareTo(b.Statement.Content[0].Start));
        var statements = ImmutableArray.CreateBuilder<Statement>(_drafts.Count);
        for (int i = 0; i < _drafts.Count; i++)
            statements.Add(_drafts[i].Statement with { Id = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return statements.MoveToImmutable();
    }

    private static List<TextSpan> DuplicateHeadlineSpans(Document document)
    {
        var spans = new List<TextSpan>();
        foreach (var headline in document.Headlines)
            if (headline.IsDuplicate) spans.Add(headline.Span);
        return spans;
    }

    private static bool InAny(List<TextSpan> spans, int offset)
    {
        foreach (var span in spans) if (span.Contains(offset)) return true;
        return false;
    }

    private Draft? Attribute(Quote quote, int quoteIndex)
    {
        int open = TokenAt(quote.Open.Start);
        if (open < 0) return null;
        int sentence = SentenceOf(open);
        if (sentence < 0) return null;
        return After(quote, quoteIndex, open, sentence)
            ?? Before(quote, quoteIndex, open, sentence)
            ?? Inherit(quote, quoteIndex, open, sentence);
    }

    // ---- "…,” X said" / "…,” said X" / "…” — X" --------------------------------------------------------

    private Draft? After(Quote quote, int quoteIndex, int open, int sentence)
    {
        if (quote.Close is not { } close) return null;
        int closeToken = TokenAt(close.End - 1); // the last character of a two-character mark ('')
        if (closeToken < 0) return null;
        int k = closeToken + 1;
        int limit = AfterLimit(closeToken, k);
        if (k < limit && IsChar(k, ',')) k++;
        if (k >= limit) return null;

        TextSpan cue;
        SourcePhrase source;
        double confidence;
        Channel? channel = null;
        if (IsDashToken(k))
        {
            // "“…” — X": a whole quote, and the rest of the sentence names the speaker.
            if (!StartsClause(quote.Open.Start)) return null;
            source = _phrases.Right(k + 1, limit);
            if (!source.Found || source.End < limit && !IsChar(source.End, ',')) return null;
            if (!SpeakerRules.HasPersonalName(_text, _tokens, source.First, source.End)
                && SpeakerRules.TypeOf(_text, _tokens, source.First, source.End) is SpeakerType.Unknown) return null;
            cue = _tokens[k].Span;
            confidence = 0.75;
        }
        else if (CueAt(k, out int cueEnd, out var verb))
        {
            source = _phrases.Right(cueEnd, limit);
            if (!source.Found) return null;
            cue = SpanOfTokens(k, cueEnd);
            channel = ChannelAfter(verb, source.End, limit);
            confidence = 0.9;
        }
        else
        {
            source = _phrases.Right(k, limit);
            if (!source.Found) return null;
            int m = source.End;
            if (m < limit && IsChar(m, ',') && source.Comma >= 0) m++;
            while (m < limit && IsWordToken(m) && WordClasses.MayStandBetween(Word(m))) m++;
            if (m >= limit || !CueAt(m, out int cueEnd2, out var verb2)) return null; // no cue: the words after the quote are not an attribution
            // "Trump’s early-morning tweets": a phrase ending in a lower-case compound is a noun phrase, not a source.
            if (EndsInLowerCompound(source)) return null;
            cue = SpanOfTokens(m, cueEnd2);
            channel = ChannelAfter(verb2, cueEnd2, limit);
            confidence = 0.9;
        }

        bool partial = !StartsClause(quote.Open.Start);
        var content = partial ? ImmutableArray.Create(new TextSpan(PartialStart(sentence, quote), close.End)) : quote.Content;
        return Make(partial ? StatementKind.Mixed : StatementKind.Direct, cue, source, content, partial ? confidence - 0.2 : confidence, quoteIndex, channel, quote);
    }

    /// <summary>
    /// Where a paraphrase ending in a quote starts: its sentence's start, but never inside an earlier
    /// statement ("“A,” he said, and the tax is “B,” Smith said").
    /// </summary>
    private int PartialStart(int sentence, Quote quote)
    {
        int start = _sentences[sentence].Span.Start;
        if (_drafts.Count > 0 && _drafts[^1].Covered.End > start)
        {
            start = _drafts[^1].Covered.End;
            while (start < quote.Open.Start && (char.IsWhiteSpace(_text[start]) || char.IsPunctuation(_text[start]) && !QuoteMarks.IsMark(_text[start]))) start++;
            int firstWord = TokenAt(start);
            if (firstWord >= 0 && firstWord < _tokens.Length && _tokens[firstWord].Start < quote.Open.Start) start = _tokens[firstWord].Start;
        }
        return start;
    }

    /// <summary>The after-quote window ends at a sentence end, another quote mark or the end of the closing mark's paragraph.</summary>
    private int AfterLimit(int closeToken, int k)
    {
        int sentence = SentenceOf(closeToken);
        int paragraphEnd = sentence < 0 ? k : ParagraphEndToken(_sentences[sentence].Paragraph, sentence);
        int limit = k;
        // A plural possessive's apostrophe ("the dockers’ union said") is no quote mark.
        while (limit < paragraphEnd && (_tokens[limit].Kind is not (TokenKind.Terminal or TokenKind.Quote) || _phrases.IsPossessiveMark(limit))) limit++;
        return limit;
    }

    private int ParagraphEndToken(int paragraph, int sentence)
    {
        int s = sentence;
        while (s + 1 < _sentences.Length && _sentences[s + 1].Paragraph == paragraph) s++;
        return _sentences[s].EndToken;
    }

    // ---- "X said: “…”" / "X told Reuters, “…”" / "according to X, “…”" / "X said that … “…”" -------------

    private Draft? Before(Quote quote, int quoteIndex, int open, int sentence)
    {
        int start = Math.Max(_sentences[sentence].FirstToken, open - MaxCueDistance);
        for (int c = open - 1; c >= start; c--)
        {
            var token = _tokens[c];
            if (token.Kind == TokenKind.Quote && !_phrases.IsPossessiveMark(c) || token.Kind == TokenKind.Terminal) break;
            if (token.Kind != TokenKind.Word) continue;
            if (IsAccordingTo(c)) return AccordingTo(quote, quoteIndex, open, sentence, c);
            if (IsGerundCue(c, out int gerundEnd)) return Gerund(quote, quoteIndex, open, sentence, c, gerundEnd);
            if (!CueAt(c, out int cueEnd, out var verb)) continue;

            SourcePhrase source = SourceBefore(c, _sentences[sentence].FirstToken);
            if (source.Found && EndsInLowerCompound(source)) continue;
            if (!source.Found)
            {
                // "said Smith: “…”": the name must fill the gap up to the colon or comma before the quote.
                source = _phrases.Right(cueEnd, open);
                if (!source.Found || source.End != open - 1 || !(IsChar(open - 1, ':') || IsChar(open - 1, ','))) return null;
            }
            var cue = SpanOfTokens(c, cueEnd);
            int gapStart = source.First >= cueEnd ? source.End : cueEnd;
            bool introduces = IntroducesQuote(gapStart, open);
            var channel = ChannelAfter(verb, cueEnd, open);
            if (introduces)
                return Make(StatementKind.Direct, cue, source, quote.Content, 0.85, quoteIndex, channel, quote);
            return Make(StatementKind.Mixed, cue, source, ParaphraseContent(gapStart, quote), 0.7, quoteIndex, channel, quote);
        }
        return ColonOnly(quote, quoteIndex, open, sentence);
    }

    /// <summary>
    /// "Name: “…”" (typical of headlines): a bare colon after a sentence-initial name. When more words
    /// stand between the colon and the quote ("Sanders: Clinton needs to ‘get away from …’"), the whole
    /// rest of the sentence is the content.
    /// </summary>
    private Draft? ColonOnly(Quote quote, int quoteIndex, int open, int sentence)
    {
        int first = _sentences[sentence].FirstToken;
        int colon = first + 1;
        while (colon < open && !IsChar(colon, ':') && _tokens[colon].Kind == TokenKind.Word) colon++;
        if (colon >= open || !IsChar(colon, ':')) return null;
        var source = _phrases.Left(colon, first);
        if (!source.Found || source.First != first) return null;
        if (!SpeakerRules.HasPersonalName(_text, _tokens, source.First, source.End) && !SpeakerRules.IsPronoun(_text, _tokens, source.First, source.End))
            return null;
        if (colon == open - 1)
            return Make(StatementKind.Direct, _tokens[colon].Span, source, quote.Content, 0.6, quoteIndex, null, quote);
        return Make(StatementKind.Mixed, _tokens[colon].Span, source, ParaphraseContent(colon + 1, quote), 0.5, quoteIndex, null, quote);
    }

    /// <summary>The source before a cue verb, skipping "also", "has" and adverbs, with "Name, role," appositions.</summary>
    private SourcePhrase SourceBefore(int cue, int limit)
    {
        int m = cue - 1;
        while (m >= limit && IsWordToken(m) && WordClasses.MayStandBetween(Word(m))) m--;
        if (m < limit) return SourcePhrase.None;
        if (IsChar(m, ','))
            return _phrases.LeftApposition(m, limit);
        return _phrases.Left(m + 1, limit);
    }

    private bool EndsInLowerCompound(SourcePhrase source)
    {
        var last = _tokens[source.End - 1];
        return char.IsLower(_text[last.Start]) && _text.AsSpan(last.Start, last.Length).Contains('-');
    }

    /// <summary>True when only punctuation, "that", or a short "Reuters on Monday:" stands between the cue and the quote.</summary>
    private bool IntroducesQuote(int gapStart, int open)
    {
        int words = 0;
        for (int k = gapStart; k < open; k++)
        {
            if (!IsWordToken(k)) continue;
            if (words == 0 && k == open - 1 && Word(k).Equals("that", StringComparison.OrdinalIgnoreCase)) return true;
            words++;
        }
        if (words == 0) return true;
        return words <= MaxIntroducerGap && open - 1 >= gapStart && (IsChar(open - 1, ':') || IsChar(open - 1, ','));
    }

    /// <summary>A paraphrase with a quoted fragment: from the first word after the cue (and "that") to the end of the quote's sentence.</summary>
    private ImmutableArray<TextSpan> ParaphraseContent(int gapStart, Quote quote)
    {
        int k = gapStart;
        while (k < _tokens.Length && (!IsWordToken(k) || Word(k).Equals("that", StringComparison.OrdinalIgnoreCase)) && _tokens[k].Start < quote.Open.Start) k++;
        int start = Math.Min(_tokens[k].Start, quote.Open.Start);
        int end = quote.Extent.End;
        int closeSentence = SentenceOf(TokenAt(quote.Extent.End - 1));
        if (closeSentence >= 0)
        {
            int last = _sentences[closeSentence].EndToken - 1;
            if (_tokens[last].Kind == TokenKind.Terminal && last > 0) last--;
            end = Math.Max(end, _tokens[last].End);
        }
        return ImmutableArray.Create(new TextSpan(start, end));
    }

    /// <summary>", saying", ", adding that": a reporting gerund right after a comma.</summary>
    private bool IsGerundCue(int k, out int end)
    {
        end = k + 1;
        if (k == 0 || !IsChar(k - 1, ',') || !char.IsLower(_text[_tokens[k].Start])) return false;
        if (!ReportingLexicon.Default.TryGetGerund(Word(k), out var verb)) return false;
        if (verb.Particle is null) return true;
        if (!IsWordToken(k + 1) || !Word(k + 1).Equals(verb.Particle, StringComparison.OrdinalIgnoreCase)) return false;
        end = k + 2;
        return true;
    }

    /// <summary>"X rejected the plan, saying “…”": the speaker is the subject that opens the sentence.</summary>
    private Draft? Gerund(Quote quote, int quoteIndex, int open, int sentence, int gerund, int gerundEnd)
    {
        int first = _sentences[sentence].FirstToken;
        var source = _phrases.Right(first, gerund);
        if (!source.Found) return null;
        // The subject ends before its verb: "Mayor Tom Reyes | closed the bridge".
        for (int k = source.First + 1; k < source.End; k++)
            if (IsWordToken(k) && char.IsLower(_text[_tokens[k].Start]) && Word(k).EndsWith("ed", StringComparison.Ordinal) && !WordClasses.IsDeterminer(Word(k - 1)))
            {
                source = new SourcePhrase(source.First, k, source.Comma < k ? source.Comma : -1);
                break;
            }
        if (!SpeakerRules.IsPronoun(_text, _tokens, source.First, source.End) && !SpeakerRules.HasPersonalName(_text, _tokens, source.First, source.End)
            && SpeakerRules.TypeOf(_text, _tokens, source.First, source.End) is SpeakerType.Unknown) return null;
        var cue = SpanOfTokens(gerund, gerundEnd);
        if (IntroducesQuote(gerundEnd, open))
            return Make(StatementKind.Direct, cue, source, quote.Content, 0.75, quoteIndex, null, quote);
        return Make(StatementKind.Mixed, cue, source, ParaphraseContent(gerundEnd, quote), 0.6, quoteIndex, null, quote);
    }

    private bool IsAccordingTo(int k) =>
        k + 1 < _tokens.Length && Word(k).Equals("according", StringComparison.OrdinalIgnoreCase)
        && IsWordToken(k + 1) && Word(k + 1).Equals("to", StringComparison.OrdinalIgnoreCase);

    private Draft? AccordingTo(Quote quote, int quoteIndex, int open, int sentence, int according)
    {
        var source = _phrases.Right(according + 2, open);
        if (!source.Found) return null;
        var cue = SpanOfTokens(according, according + 2);
        int gapStart = source.End;
        if (IntroducesQuote(gapStart, open))
            return Make(StatementKind.Direct, cue, source, quote.Content, 0.85, quoteIndex, null, quote);
        return Make(StatementKind.Mixed, cue, source, ParaphraseContent(gapStart, quote), 0.7, quoteIndex, null, quote);
    }

    // ---- A quote with no cue continues the previous speaker's quote --------------------------------------

    private Draft? Inherit(Quote quote, int quoteIndex, int open, int sentence)
    {
        if (_drafts.Count == 0 || !StartsClause(quote.Open.Start)) return null;
        var previous = _drafts[^1];
        if (previous.Statement.Speaker is null || previous.Statement.QuoteIndex < 0) return null;
        int paragraph = _sentences[sentence].Paragraph;
        if (paragraph - previous.Paragraph is < 0 or > 1) return null;
        // Another cue in the quote's sentence means someone else may be speaking.
        var s = _sentences[sentence];
        for (int k = s.FirstToken; k < s.EndToken; k++)
            if (!quote.Extent.Contains(_tokens[k].Start) && IsWordToken(k) && char.IsLower(_text[_tokens[k].Start]) && CueWords.IsCueVerb(Word(k)))
                return null;
        var statement = new Statement
        {
            Id = "",
            Kind = StatementKind.Direct,
            Content = WithMarks(quote),
            Speaker = previous.Statement.Speaker,
            Confidence = Math.Round(previous.Statement.Confidence * 0.65, 2),
            QuoteIndex = quoteIndex,
        };
        return new Draft(statement, ParagraphOf(quote), quote.Extent);
    }

    // ---- Building statements ---------------------------------------------------------------------------

    private Draft Make(StatementKind kind, TextSpan cue, SourcePhrase source, ImmutableArray<TextSpan> content, double confidence, int quoteIndex, Channel? channel, Quote quote)
    {
        var speaker = MakeSpeaker(source, ref confidence);
        if (content == quote.Content) content = WithMarks(quote);
        var statement = new Statement
        {
            Id = "",
            Kind = kind,
            Cue = cue,
            Source = SpeakerRules.SpanOf(_tokens, source.First, source.End),
            Content = content,
            Speaker = speaker,
            Channel = channel,
            Confidence = Math.Clamp(confidence, 0, 1),
            QuoteIndex = quoteIndex,
        };
        var covered = content[0].Union(content[^1]).Union(quote.Extent);
        return new Draft(statement, ParagraphOf(quote), covered);
    }

    /// <summary>
    /// A direct statement's content with its quotation marks, as the PolNeAR guidelines (and citron) mark it:
    /// “…,” — each paragraph piece of a multi-paragraph quote keeps the mark that opens it.
    /// </summary>
    private ImmutableArray<TextSpan> WithMarks(Quote quote) => WithMarks(_text, quote);

    /// <summary>The content of <paramref name="quote"/> with its marks, one span per paragraph (the shape of a direct statement's content).</summary>
    internal static ImmutableArray<TextSpan> WithMarks(string _text, Quote quote)
    {
        var pieces = quote.Content;
        var result = ImmutableArray.CreateBuilder<TextSpan>(pieces.Length);
        for (int i = 0; i < pieces.Length; i++)
        {
            int start = pieces[i].Start, end = pieces[i].End;
            if (i == 0) start = quote.Open.Start;
            else if (start > 0 && Text.Tokenizer.IsQuoteMark(_text[start - 1])) start--;
            if (i == pieces.Length - 1 && quote.Close is { } close) end = close.End;
            else if (end < _text.Length && Text.Tokenizer.IsQuoteMark(_text[end])) end++;
            result.Add(new TextSpan(start, end));
        }
        return result.MoveToImmutable();
    }

    private Speaker MakeSpeaker(SourcePhrase source, ref double confidence)
    {
        int nameFirst = source.First, nameEnd = source.Comma >= 0 ? source.Comma : source.End;
        string? role = null;
        if (source.Comma >= 0)
        {
            // "Name, role" or "role, Name": the part with a personal name is the name.
            int otherFirst = source.Comma + 1, otherEnd = source.End;
            bool nameFirstHasName = SpeakerRules.HasPersonalName(_text, _tokens, nameFirst, nameEnd);
            bool otherHasName = SpeakerRules.HasPersonalName(_text, _tokens, otherFirst, otherEnd) && IsCapitalisedRun(otherFirst, otherEnd);
            if (!nameFirstHasName && otherHasName || otherHasName && !IsCapitalisedRun(nameFirst, nameEnd))
            {
                (nameFirst, otherFirst) = (otherFirst, nameFirst);
                (nameEnd, otherEnd) = (otherEnd, nameEnd);
            }
            role = SpeakerRules.SpanOf(_tokens, otherFirst, otherEnd).GetText(_text);
        }

        var type = SpeakerRules.TypeOf(_text, _tokens, nameFirst, nameEnd);
        string name = SpeakerRules.SpanOf(_tokens, nameFirst, nameEnd).GetText(_text);
        if (SpeakerRules.IsPronoun(_text, _tokens, nameFirst, nameEnd) && type == SpeakerType.Person)
        {
            var antecedent = NearestNamedPerson();
            if (antecedent is not null) name = antecedent;
            else confidence -= 0.05;
        }
        else if (role is null && type is SpeakerType.Anonymous or SpeakerType.Person && !IsCapitalisedRun(nameFirst, nameEnd)
            && !SpeakerRules.HasPersonalName(_text, _tokens, nameFirst, nameEnd))
        {
            role = name; // "a ministry spokesperson", "the head of the Crimean peninsula"
        }
        return new Speaker { Name = name, Type = type, Role = role };
    }

    /// <summary>The nearest earlier speaker that is a named person (for "he said").</summary>
    private string? NearestNamedPerson()
    {
        for (int i = _drafts.Count - 1; i >= 0 && i >= _drafts.Count - 4; i--)
        {
            var speaker = _drafts[i].Statement.Speaker;
            if (speaker is { Type: SpeakerType.Person } && speaker.Name.Length > 0 && char.IsUpper(speaker.Name[0])
                && !WordClasses.IsPronoun(speaker.Name) && speaker.Name != "I")
                return speaker.Name;
        }
        return null;
    }

    private bool IsCapitalisedRun(int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            var t = _tokens[k];
            if (t.Kind != TokenKind.Word) continue;
            char c = _text[t.Start];
            if (char.IsLower(c) && !WordClasses.IsInnerPreposition(Word(k))) return false;
        }
        return true;
    }

    /// <summary>"told Reuters" / "told reporters": the channel named right after a "tell" cue.</summary>
    private Channel? ChannelAfter(ReportingVerb verb, int k, int limit)
    {
        if (verb.Lemma != "tell" || k >= limit || !IsWordToken(k)) return null;
        int end = k;
        while (end < limit && IsWordToken(end) && char.IsUpper(_text[_tokens[end].Start])) end++;
        if (end == k)
        {
            if (!Word(k).Equals("reporters", StringComparison.OrdinalIgnoreCase)) return null;
            end = k + 1;
        }
        var span = SpanOfTokens(k, end);
        return new Channel { Name = span.GetText(_text), Kind = ChannelKind.Interview, Span = span };
    }

    // ---- Token helpers ---------------------------------------------------------------------------------

    /// <summary>A cue verb at token <paramref name="k"/> (lower case, with its particle for phrasal verbs).</summary>
    private bool CueAt(int k, out int end, out ReportingVerb verb)
    {
        end = k + 1;
        verb = null!;
        if (!IsWordToken(k) || !char.IsLower(_text[_tokens[k].Start])) return false;
        if (!ReportingLexicon.Default.TryGetVerb(Word(k), out verb)) return false;
        if (k > 0 && IsWordToken(k - 1))
        {
            // "his remarks", "Trump’s tweets", "the report": a noun after a determiner or possessive.
            var before = Word(k - 1);
            if (WordClasses.IsDeterminer(before) && !WordClasses.IsQuantifier(before) || before[0] is '\'' or '\u2019') return false;
            // The bare lemma is a cue only after a plural subject, a pronoun or a modal ("critics say", "I would say").
            if (Word(k).Equals(verb.Lemma, StringComparison.OrdinalIgnoreCase) && (!WordClasses.MayPrecedeBareVerb(before) || !WordClasses.IsBareCueLemma(verb.Lemma))) return false;
        }
        if (verb.Particle is null) return true;
        if (k + 1 < _tokens.Length && IsWordToken(k + 1) && Word(k + 1).Equals(verb.Particle, StringComparison.OrdinalIgnoreCase))
        {
            end = k + 2;
            return true;
        }
        return false;
    }

    private int TokenAt(int offset)
    {
        int k = _document.TokenIndexAt(offset);
        if (k < _tokens.Length && _tokens[k].Start == offset) return k;
        // The offset falls inside a token: use the token that contains it.
        return k > 0 && _tokens[k - 1].End > offset ? k - 1 : (k < _tokens.Length ? k : -1);
    }

    private int SentenceOf(int token) => _document.SentenceIndexOfToken(token);

    private int ParagraphOf(Quote quote)
    {
        int s = SentenceOf(TokenAt(quote.Extent.End - 1));
        return s < 0 ? 0 : _sentences[s].Paragraph;
    }

    /// <summary>True when the quote mark at <paramref name="offset"/> starts a clause (nothing but a sentence start, colon or dash before it).</summary>
    private bool StartsClause(int offset)
    {
        int k = offset - 1;
        while (k >= 0 && _text[k] is ' ' or '\t' or '\u00A0') k--;
        if (k < 0) return true;
        char c = _text[k];
        return c is '\n' or '\r' or ':' or '.' or '!' or '?' or '(' or ',' || QuoteMarks.IsDash(c) || QuoteMarks.IsMark(c);
    }

    private ReadOnlySpan<char> Word(int k) => _text.AsSpan(_tokens[k].Start, _tokens[k].Length);

    private bool IsWordToken(int k) => k >= 0 && k < _tokens.Length && _tokens[k].Kind == TokenKind.Word;

    private bool IsChar(int k, char c) => k >= 0 && k < _tokens.Length && _tokens[k].Length == 1 && _text[_tokens[k].Start] == c;

    private bool IsDashToken(int k) => _tokens[k].Kind == TokenKind.Punct && _normalized[_tokens[k].Start] == '-'; // every dash folds to '-'

    private TextSpan SpanOfTokens(int first, int end) => new(_tokens[first].Start, _tokens[end - 1].End);
}
