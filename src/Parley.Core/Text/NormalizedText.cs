namespace Parley.Text;

/// <summary>
/// A view of a text for matching, with exactly one character per original character, so offsets
/// never change: curly quotes and guillemets fold to straight quotes, dashes to '-', and
/// non-breaking and other odd spaces to ' '.
/// </summary>
public sealed class NormalizedText
{
    /// <summary>Builds the view of <paramref name="original"/>.</summary>
    public NormalizedText(string original)
    {
        Value = string.Create(original.Length, original, static (dest, src) =>
        {
            for (int i = 0; i < src.Length; i++) dest[i] = Fold(src[i]);
        });
    }

    /// <summary>The folded text, the same length as the original.</summary>
    public string Value { get; }

    /// <summary>Folds one character.</summary>
    public static char Fold(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\uFF02' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\u2032' or '\u0060' or '\u00B4' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2007' or '\u202F' or '\u2000' or '\u2001' or '\u2002' or '\u2003' or '\u2004' or '\u2005'
            or '\u2006' or '\u2008' or '\u2009' or '\u200A' or '\u3000' => ' ',
        _ => c,
    };
}
