using System.Collections.Immutable;
using Parley.Documents;
using Parley.Text;

namespace Parley.Statements.Quotes;

/// <summary>
/// Pairs quotation marks into quotes with one pass over the characters of each paragraph and a small
/// stack of open marks. Straight marks and apostrophes are told apart by their neighbours; a quote left
/// open at the end of a paragraph continues when the next paragraph re-opens with the same kind of mark
/// (the journalistic convention for multi-paragraph quotes), and otherwise ends unclosed there.
/// </summary>
public static class QuotePairer
{
    /// <summary>Quotes longer than this many words are never taken for titles or scare quotes.</summary>
    private const int MaxTitleWords = 8;

    private enum Role : byte { Ignore, Open, Close, Either }

    private struct OpenMark
    {
        public int Position;
        public int Width;          // 2 for a doubled straight apostrophe used as a double quote ('')
        public QuoteMarkStyle Style;
        public bool Reversed;      // » … « (German) or ” … ” style: the closer is the mirrored character
        public bool Continued;     // carried over from an earlier paragraph
    }

    /// <summary>
    /// Pairs the marks in <paramref name="paragraphs"/> of <paramref name="text"/>; quotes are returned in text
    /// order of their opening marks. <paramref name="normalized"/> is the folded view of the text
    /// (<see cref="NormalizedText"/>), in which every quote mark is a straight one, so one comparison per
    /// character finds the candidates.
    /// </summary>
    public static ImmutableArray<Quote> Pair(string text, string normalized, ReadOnlySpan<Paragraph> paragraphs)
    {
        if (normalized.Length != text.Length) throw new ArgumentException("The normalized text must have the original's length.", nameof(normalized));
        var quotes = new List<Quote>();
        var stack = new List<OpenMark>(8);
        // The quote carried into the next paragraph: its first mark and its content so far.
        var carrySpans = new List<TextSpan>(4);
        var single = new List<TextSpan>(1);
        OpenMark carry = default;
        bool carrying = false;

        for (int p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p].Span;
            stack.Clear();
            int i = paragraph.Start;
            if (carrying)
            {
                int reopenWidth = MarkWidth(text, paragraph.Start, paragraph.End);
                if (!paragraphs[p].IsHeadline && !paragraphs[p - 1].IsHeadline && paragraph.Length > reopenWidth
                    && ReopensQuote(reopenWidth == 2 ? '"' : text[paragraph.Start], carry.Style))
                {
                    stack.Add(carry with { Position = paragraph.Start, Width = reopenWidth, Continued = true });
                    i += reopenWidth;
                }
                else
                {
                    Emit(text, quotes, carry, carrySpans, close: null, paragraphs[p - 1].IsHeadline);
                    carrying = false;
                }
            }

            for (; i < paragraph.End; i++)
            {
                if (normalized[i] is not ('"' or '\'')) continue; // every mark folds to a straight one
                if (!QuoteMarks.IsMark(text[i])) continue;         // primes, backticks and accents fold too
                int width = MarkWidth(text, i, paragraph.End);
                int skip = Classify(text, paragraph, i, width, stack, out var role, out var style, out bool reversed);
                if (role == Role.Ignore) { i += skip; continue; }

                int match = role == Role.Open ? -1 : FindOpen(stack, style, text[i], strict: role == Role.Either);
                if (match < 0)
                {
                    if (role != Role.Close) stack.Add(new OpenMark { Position = i, Width = width, Style = style, Reversed = reversed });
                    i += width - 1; // a stray closing mark is skipped
                    continue;
                }
                var open = stack[match];
                stack.RemoveRange(match, stack.Count - match); // inner marks left open were not quotes
                var closeMark = new TextSpan(i, i + width);
                i += width - 1;
                if (open.Continued)
                {
                    carrySpans.Add(ContentSpan(text, open.Position + open.Width, closeMark.Start));
                    Emit(text, quotes, carry, carrySpans, closeMark, paragraphs[p].IsHeadline, depth: match);
                    carrying = false;
                }
                else
                {
                    single.Add(ContentSpan(text, open.Position + open.Width, closeMark.Start));
                    Emit(text, quotes, open, single, closeMark, paragraphs[p].IsHeadline, depth: match);
                }
            }

            // Only the outermost open mark can run on; inner ones left open were apostrophes or typos.
            if (stack.Count == 0) continue;
            var bottom = stack[0];
            if (!bottom.Continued) carry = bottom; // a continued quote still open is the bottom; carry already holds it
            carrySpans.Add(ContentSpan(text, bottom.Position + bottom.Width, paragraph.End));
            carrying = true;
        }
        if (carrying)
            Emit(text, quotes, carry, carrySpans, close: null, paragraphs.Length > 0 && paragraphs[^1].IsHeadline);

        quotes.Sort(static (a, b) => a.Open.Start.CompareTo(b.Open.Start));
        return quotes.ToImmutableArray();
    }

    /// <summary>The text between two offsets without surrounding white space.</summary>
    private static TextSpan ContentSpan(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }

    private static void Emit(string text, List<Quote> quotes, OpenMark open, List<TextSpan> spans, TextSpan? close, bool inHeadline, int depth = 0)
    {
        var content = ImmutableArray.CreateBuilder<TextSpan>(spans.Count);
        foreach (var span in spans) if (!span.IsEmpty) content.Add(span);
        spans.Clear();
        if (content.Count == 0) return;
        var quote = new Quote
        {
            Open = new TextSpan(open.Position, open.Position + open.Width),
            Close = close,
            Content = content.ToImmutable(),
            Style = open.Style,
            Depth = depth,
        };
        quotes.Add(quote with { IsSpeech = LooksLikeSpeech(text, quote, inHeadline) });
    }

    /// <summary>2 for a doubled straight apostrophe standing for a double quote (''Like this''), else 1.</summary>
    private static int MarkWidth(string text, int i, int end) => text[i] == '\'' && i + 1 < end && text[i + 1] == '\'' ? 2 : 1;

    /// <summary>True when the next paragraph's first character re-opens a quote of <paramref name="style"/>.</summary>
    private static bool ReopensQuote(char c, QuoteMarkStyle style) => style switch
    {
        QuoteMarkStyle.CurlyDouble => c is '\u201C' or '\u201E' or '\u201F' or '"',
        QuoteMarkStyle.StraightDouble => c is '"' or '\u201C' or '\uFF02',
        QuoteMarkStyle.CurlySingle => c is '\u2018' or '\u201A',
        QuoteMarkStyle.StraightSingle => c is '\'',
        QuoteMarkStyle.Guillemet => c is '\u00AB' or '\u00BB',
        QuoteMarkStyle.SingleGuillemet => c is '\u2039' or '\u203A',
        _ => false,
    };

    /// <summary>Index of the open mark a closing mark pairs with, searching from the innermost; -1 when none.</summary>
    private static int FindOpen(List<OpenMark> stack, QuoteMarkStyle style, char closer, bool strict)
    {
        for (int k = stack.Count - 1; k >= 0; k--)
            if (stack[k].Style == style && ClosesReversed(closer, stack[k]) ) return k;
        if (strict) return -1;
        // Mixed typography ("“…\"" or "\"…”"): a closer may end the other double (or single) family.
        var sibling = style switch
        {
            QuoteMarkStyle.CurlyDouble => QuoteMarkStyle.StraightDouble,
            QuoteMarkStyle.StraightDouble => QuoteMarkStyle.CurlyDouble,
            QuoteMarkStyle.CurlySingle => QuoteMarkStyle.StraightSingle,
            QuoteMarkStyle.StraightSingle => QuoteMarkStyle.CurlySingle,
            _ => style,
        };
        if (sibling == style) return -1;
        for (int k = stack.Count - 1; k >= 0; k--)
            if (stack[k].Style == sibling) return k;
        return -1;
    }

    /// <summary>Guillemets close only in their own direction: « with », and a reversed » with «.</summary>
    private static bool ClosesReversed(char closer, OpenMark open) => open.Style switch
    {
        QuoteMarkStyle.Guillemet => open.Reversed ? closer == '\u00AB' || closer == '\u00BB' : closer == '\u00BB',
        QuoteMarkStyle.SingleGuillemet => open.Reversed ? closer == '\u2039' || closer == '\u203A' : closer == '\u203A',
        _ => true,
    };

    private static bool HasOpen(List<OpenMark> stack, QuoteMarkStyle style)
    {
        for (int k = stack.Count - 1; k >= 0; k--) if (stack[k].Style == style) return true;
        return false;
    }

    private static bool HasOpenReversed(List<OpenMark> stack, QuoteMarkStyle style, bool reversed)
    {
        for (int k = stack.Count - 1; k >= 0; k--) if (stack[k].Style == style && stack[k].Reversed == reversed) return true;
        return false;
    }

    /// <summary>
    /// Decides whether the mark at <paramref name="i"/> opens, closes, may do either, or is no quote mark at all
    /// (an apostrophe). Returns how many following characters to skip (for "’n’").
    /// </summary>
    private static int Classify(string text, TextSpan paragraph, int i, int width, List<OpenMark> stack, out Role role, out QuoteMarkStyle style, out bool reversed)
    {
        char c = width == 2 ? '"' : text[i]; // '' behaves like "
        char prev = i > paragraph.Start ? text[i - 1] : '\0';
        char next = i + width < paragraph.End ? text[i + width] : '\0';
        bool canOpen = OpensAfter(prev) && next != '\0' && !char.IsWhiteSpace(next);
        bool canClose = prev != '\0' && !char.IsWhiteSpace(prev) && ClosesBefore(next);
        reversed = false;
        style = QuoteMarks.StyleOf(c) ?? QuoteMarkStyle.StraightDouble;
        role = Role.Ignore;

        switch (c)
        {
            case '"' or '\uFF02':
                role = canOpen && !canClose ? Role.Open : canClose && !canOpen ? Role.Close : Role.Either;
                return 0;
            case '\'' or '\u2019':
            {
                if (IsRockNRoll(text, paragraph, i)) return 2;
                bool letterBefore = char.IsLetterOrDigit(prev);
                if (letterBefore && char.IsLetter(next)) return 0;                       // don't, Kyiv's
                if (!letterBefore && char.IsDigit(next)) return 0;                       // '90s
                if (canClose)
                {
                    if (!HasOpen(stack, style) && !HasOpen(stack, Sibling(style))) return 0;
                    // "the officials' plans": a possessive before a lower-case word is not a closing mark.
                    if (prev is 's' or 'S' && IsPossessive(text, paragraph, i)) return 0;
                    role = Role.Close;
                    return 0;
                }
                // ’ never opens in English; ' opens at a word start.
                if (c == '\'' && canOpen) role = Role.Open;
                return 0;
            }
            case '\u2018' or '\u201B':
                if (!char.IsLetterOrDigit(prev) && char.IsDigit(next)) return 0;          // ‘90s typed with the wrong mark
                if (canClose && !canOpen && HasOpen(stack, QuoteMarkStyle.CurlySingle)) { role = Role.Close; return 0; } // ‚…‘
                if (canOpen || !char.IsLetterOrDigit(prev) || !char.IsLetterOrDigit(next)) role = Role.Open;
                return 0;
            case '\u201A':
                if (next == '\0' || char.IsWhiteSpace(next)) return 0;                    // a low comma look-alike
                role = Role.Open;
                return 0;
            case '\u201C':
                role = canClose && !canOpen && HasOpen(stack, QuoteMarkStyle.CurlyDouble) ? Role.Close : Role.Open;
                return 0;
            case '\u201D':
                if (canOpen && !canClose) { role = Role.Open; reversed = true; return 0; } // ”…” typography
                role = Role.Close;
                return 0;
            case '\u201E' or '\u201F':
                role = Role.Open;
                return 0;
            case '\u00AB' or '\u2039':
                role = canClose && !canOpen && HasOpenReversed(stack, style, reversed: true) ? Role.Close : Role.Open;
                return 0;
            case '\u00BB' or '\u203A':
                if (HasOpenReversed(stack, style, reversed: false)) { role = Role.Close; return 0; }
                if (canOpen && !canClose) { role = Role.Open; reversed = true; return 0; } // » … « (German)
                if (HasOpen(stack, style)) role = Role.Close;                                // » … » (Finnish)
                return 0;
        }
        return 0;
    }

    private static QuoteMarkStyle Sibling(QuoteMarkStyle style) =>
        style == QuoteMarkStyle.CurlySingle ? QuoteMarkStyle.StraightSingle : QuoteMarkStyle.CurlySingle;

    /// <summary>"rock ’n’ roll": both marks are apostrophes.</summary>
    private static bool IsRockNRoll(string text, TextSpan paragraph, int i) =>
        i + 2 < paragraph.End && text[i + 1] is 'n' or 'N' && text[i + 2] is '\'' or '\u2019'
        && (i == paragraph.Start || char.IsWhiteSpace(text[i - 1]));

    /// <summary>A mark after "s" followed by a space and a lower-case word: "officials’ plans".</summary>
    private static bool IsPossessive(string text, TextSpan paragraph, int i)
    {
        int j = i + 1;
        if (j >= paragraph.End || text[j] != ' ') return false;
        j++;
        return j < paragraph.End && char.IsLower(text[j]);
    }

    /// <summary>Characters after which a mark opens a quote: start, space, opening brackets, dashes, other marks, a colon.</summary>
    private static bool OpensAfter(char prev) =>
        prev == '\0' || char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '/' or ':' || QuoteMarks.IsDash(prev) || QuoteMarks.IsMark(prev);

    /// <summary>Characters before which a mark closes a quote: end, space, punctuation, other marks.</summary>
    private static bool ClosesBefore(char next) =>
        next == '\0' || char.IsWhiteSpace(next) || next is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u2026' or '/'
        || QuoteMarks.IsDash(next) || QuoteMarks.IsMark(next);

    /// <summary>
    /// Speech, or a quoted word or title? One- and two-word quotes are speech only when they stand as a
    /// sentence of their own (“Yes,” he said); short Title Case runs and “so-called” words are names.
    /// </summary>
    private static bool LooksLikeSpeech(string text, Quote quote, bool inHeadline)
    {
        int words = 0, longWords = 0, capitalised = 0;
        foreach (var span in quote.Content)
            CountWords(span.AsSpan(text), ref words, ref longWords, ref capitalised);
        var last = quote.Content[^1];
        char end = text[last.End - 1];
        bool endsLikeSentence = end is '.' or ',' or '!' or '?' or '\u2026';
        bool standsAlone = StartsClause(text, quote.Open.Start);
        if (words <= 2) return standsAlone && endsLikeSentence && quote.Close is not null;
        if (PrecededBySoCalled(text, quote.Open.Start)) return false;
        // Titles and names of shows: Title Case inside a sentence, a comma or period tucked inside in the American style.
        if (!inHeadline && !standsAlone && end is not ('!' or '?') && words <= MaxTitleWords && longWords >= 2 && capitalised == longWords)
            return false;
        return true;
    }

    private static void CountWords(ReadOnlySpan<char> span, ref int words, ref int longWords, ref int capitalised)
    {
        int i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i])) i++;
            if (i >= span.Length) break;
            int start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]) && span[i] is not ('/' or '\u2014' or '\u2013')) i++;
            words++;
            if (i - start >= 4)
            {
                longWords++;
                if (char.IsUpper(span[start])) capitalised++;
            }
        }
    }

    /// <summary>True when nothing but white space, a colon, a dash or a sentence end precedes the mark.</summary>
    private static bool StartsClause(string text, int open)
    {
        int k = open - 1;
        while (k >= 0 && text[k] is ' ' or '\t' or '\u00A0') k--;
        if (k < 0) return true;
        char c = text[k];
        return c is '\n' or '\r' or ':' or '.' or '!' or '?' or '(' || QuoteMarks.IsDash(c) || QuoteMarks.IsMark(c);
    }

    private static bool PrecededBySoCalled(string text, int open)
    {
        int k = open - 1;
        while (k >= 0 && text[k] == ' ') k--;
        const string soCalled = "so-called";
        return k + 1 >= soCalled.Length && text.AsSpan(k + 1 - soCalled.Length, soCalled.Length).Equals(soCalled, StringComparison.OrdinalIgnoreCase);
    }
}
