namespace Parley.Statements.Quotes;

/// <summary>Character facts about quotation marks, shared by the pairer and the evaluators.</summary>
public static class QuoteMarks
{
    /// <summary>True for any character that may be a quotation mark (apostrophes included).</summary>
    public static bool IsMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
        or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\uFF02';

    /// <summary>True for marks that are never apostrophes: double quotes of every kind and guillemets.</summary>
    public static bool IsDoubleOrGuillemet(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
        or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\uFF02';

    /// <summary>The mark family a character belongs to, or null for non-marks.</summary>
    public static QuoteMarkStyle? StyleOf(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' => QuoteMarkStyle.CurlyDouble,
        '\u2018' or '\u2019' or '\u201A' or '\u201B' => QuoteMarkStyle.CurlySingle,
        '\u00AB' or '\u00BB' => QuoteMarkStyle.Guillemet,
        '\u2039' or '\u203A' => QuoteMarkStyle.SingleGuillemet,
        '"' or '\uFF02' => QuoteMarkStyle.StraightDouble,
        '\'' => QuoteMarkStyle.StraightSingle,
        _ => null,
    };

    /// <summary>
    /// True when the mark at <paramref name="index"/> is used as a quotation mark rather than an apostrophe,
    /// judged from its neighbours only (for counting marks in gold data, not for pairing).
    /// </summary>
    public static bool IsQuotationUse(ReadOnlySpan<char> text, int index)
    {
        char c = text[index];
        if (IsDoubleOrGuillemet(c)) return true;
        if (c is not ('\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')) return false;
        bool letterBefore = index > 0 && char.IsLetterOrDigit(text[index - 1]);
        bool letterAfter = index + 1 < text.Length && char.IsLetterOrDigit(text[index + 1]);
        if (letterBefore && letterAfter) return false; // don't, Kyiv's
        if (!letterBefore && index + 1 < text.Length && char.IsDigit(text[index + 1])) return false; // ’90s
        if (letterBefore && index > 0 && text[index - 1] is 's' or 'S') return false; // officials’ (possessive)
        if (c is '\u2019' or '\'' && !letterBefore && letterAfter) return false; // ’em, ’n’
        return letterBefore || letterAfter;
    }

    /// <summary>True for the dash characters used in "“…” — X" attributions.</summary>
    public static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014' or '\u2015' or '\u2012';
}
