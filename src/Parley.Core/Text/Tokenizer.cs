using Parley.Documents;

namespace Parley.Text;

/// <summary>
/// Splits text into tokens with offsets, in one pass over the characters and without regular expressions.
/// Words keep inner hyphens and periods ("well-known", "U.S."); clitics split as in the Penn Treebank
/// ("Kyiv" + "’s", "do" + "n't"); numbers keep inner separators ("1,000", "3.5", "9/11").
/// </summary>
public static class Tokenizer
{
    /// <summary>Appends the tokens of <paramref name="text"/>[<paramref name="span"/>] to <paramref name="output"/>.</summary>
    public static void Tokenize(string text, TextSpan span, List<Token> output)
    {
        int i = span.Start;
        int end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B') { i++; continue; }

            if (char.IsLetter(c) || IsElidingApostrophe(text, i, end))
            {
                i = ReadWord(text, i, end, output);
                continue;
            }
            if (char.IsDigit(c))
            {
                int start = i;
                i = ReadNumber(text, i, end);
                // "1990s", "5th", "3D": digits running into letters form one word.
                if (i < end && char.IsLetter(text[i]))
                {
                    while (i < end && char.IsLetterOrDigit(text[i])) i++;
                    output.Add(new Token(start, i, TokenKind.Word));
                }
                else output.Add(new Token(start, i, TokenKind.Number));
                continue;
            }
            if (IsQuoteMark(c)) { output.Add(new Token(i, i + 1, TokenKind.Quote)); i++; continue; }
            if (c is '.' or '!' or '?' or '\u2026')
            {
                int start = i;
                while (i < end && text[i] is '.' or '!' or '?' or '\u2026') i++;
                output.Add(new Token(start, i, TokenKind.Terminal));
                continue;
            }
            if (c is '-' && i + 1 < end && text[i + 1] == '-')
            {
                int start = i;
                while (i < end && text[i] == '-') i++;
                output.Add(new Token(start, i, TokenKind.Punct));
                continue;
            }
            if (char.IsPunctuation(c)) { output.Add(new Token(i, i + 1, TokenKind.Punct)); i++; continue; }
            int width = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            output.Add(new Token(i, i + width, TokenKind.Symbol));
            i += width;
        }
    }

    /// <summary>True for any quotation mark Parley pairs.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
        or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '`' or '\uFF02';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>An apostrophe that stands for left-out letters or digits at a word start: ’90s, ’em.</summary>
    private static bool IsElidingApostrophe(string text, int i, int end)
    {
        if (!IsApostrophe(text[i]) || i + 2 >= end) return false;
        if (i > 0 && char.IsLetterOrDigit(text[i - 1])) return false;
        if (char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]))
            return i + 3 >= end || !char.IsDigit(text[i + 3]);
        return false;
    }

    private static int ReadWord(string text, int i, int end, List<Token> output)
    {
        int start = i;
        i++;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                i++;
                continue;
            }
            // Inner hyphen, apostrophe or period followed by a letter stays inside the word.
            if ((c is '-' or '\u2010' or '\u2011' || IsApostrophe(c) || c == '.' || c == '&') && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                if (IsApostrophe(c) && SplitsClitic(text, i, end, start, out int cliticStart, out int cliticEnd))
                {
                    if (cliticStart > start) output.Add(new Token(start, cliticStart, TokenKind.Word));
                    output.Add(new Token(cliticStart, cliticEnd, TokenKind.Word));
                    return cliticEnd;
                }
                if (c == '.' && !SingleLetterRun(text, start, i)) break;
                if (c == '&' && !char.IsUpper(text[i - 1])) break; // "AT&T" yes, "this&that" no
                i++;
                continue;
            }
            break;
        }
        // Trailing period of an abbreviation or initial.
        if (i < end && text[i] == '.' && Abbreviations.KeepsPeriod(text.AsSpan(start, i - start)))
            i++;
        output.Add(new Token(start, i, TokenKind.Word));
        return i;
    }

    /// <summary>True when every period-separated piece before <paramref name="dot"/> is short ("U.S", "Ph.D", "a.m").</summary>
    private static bool SingleLetterRun(string text, int start, int dot)
    {
        int pieceStart = start;
        for (int k = start; k <= dot; k++)
        {
            if (k == dot || text[k] == '.')
            {
                if (k - pieceStart > 2) return false;
                pieceStart = k + 1;
            }
        }
        return true;
    }

    /// <summary>
    /// Finds a Penn Treebank clitic at the apostrophe <paramref name="apostrophe"/>: ’s ’re ’ve ’ll ’d ’m, and n’t.
    /// </summary>
    private static bool SplitsClitic(string text, int apostrophe, int end, int wordStart, out int cliticStart, out int cliticEnd)
    {
        int j = apostrophe + 1;
        while (j < end && char.IsLetter(text[j])) j++;
        var suffix = text.AsSpan(apostrophe + 1, j - apostrophe - 1);
        cliticEnd = j;
        if (suffix.Equals("t", StringComparison.OrdinalIgnoreCase) && apostrophe - 1 > wordStart
            && (text[apostrophe - 1] is 'n' or 'N'))
        {
            cliticStart = apostrophe - 1;
            // "can't" → "ca" + "n't"; "don't" → "do" + "n't".
            return true;
        }
        cliticStart = apostrophe;
        return suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("re", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    private static int ReadNumber(string text, int i, int end)
    {
        i++;
        while (i < end)
        {
            char c = text[i];
            if (char.IsDigit(c)) { i++; continue; }
            if ((c is ',' or '.' or ':' or '/') && i + 1 < end && char.IsDigit(text[i + 1])) { i++; continue; }
            break;
        }
        return i;
    }
}
