namespace Parley.Text;

/// <summary>
/// Folds Latin letters with diacritics to their base letters ("č" → "c", "ø" → "o", "ß" → "ss") with a
/// fixed table, so results do not depend on ICU (Parley runs with invariant globalization, where
/// Unicode normalisation leaves these letters alone).
/// </summary>
public static class Diacritics
{
    // Base letters for U+00C0..U+017F, one character each ('\0' where the code point is not a letter).
    private const string Latin1AndExtendedA =
        "AAAAAAACEEEEIIII" + "DNOOOOO\0OUUUUYTs" + "aaaaaaaceeeeiiii" + "dnooooo\0ouuuuyty" + // C0..FF
        "AaAaAaCcCcCcCcDd" + "DdEeEeEeEeEeGgGg" + "GgGgHhHhIiIiIiIi" + "IiJjJjKkkLlLlLlL" + // 100..13F
        "lLlNnNnNnnNnOoOo" + "OoOoRrRrRrSsSsSs" + "SsTtTtTtUuUuUuUu" + "UuUuWwYyYZzZzZzs";   // 140..17F

    /// <summary>The base letter of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    public static char Fold(char c)
    {
        if (c < '\u00C0' || c > '\u017F') return c;
        char folded = Latin1AndExtendedA[c - '\u00C0'];
        return folded == '\0' ? c : folded;
    }

    /// <summary>Appends the folded form of <paramref name="text"/> to <paramref name="output"/> ("ß" → "ss", "æ" → "ae").</summary>
    public static void Append(ReadOnlySpan<char> text, System.Text.StringBuilder output)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case 'ß': output.Append("ss"); break;
                case 'æ': output.Append("ae"); break;
                case 'Æ': output.Append("AE"); break;
                case 'œ': output.Append("oe"); break;
                case 'Œ': output.Append("OE"); break;
                default: output.Append(Fold(c)); break;
            }
        }
    }
}
