using System.Globalization;
using System.Text;
using Parley.Text;

namespace Parley.Entities.Resolution;

/// <summary>
/// Decides whether two spellings are variants of one name — transliterations and spelling variants such
/// as Zelensky/Zelenskyy/Zelenskiy, Aksyonov/Aksenov, Kyiv/Kiev, Kharkiv/Kharkov, Tass/TASS — without
/// a list of names. Names are reduced to a phonetic skeleton: diacritics and case dropped, common
/// transliteration pairs folded (w/v, ph/f, ks/x, kh/h, h/g, tch/ch, c/k), every run of vowels (y and j
/// included) collapsed to one vowel mark, and doubled consonants collapsed.
/// </summary>
public static class NameVariants
{
    /// <summary>The skeleton of <paramref name="name"/> ("Zelenskyy" → "zVlVnskV").</summary>
    public static string Key(ReadOnlySpan<char> name)
    {
        var folded = Fold(name);
        var key = new StringBuilder(folded.Length);
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            char next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            char next2 = i + 2 < folded.Length ? folded[i + 2] : '\0';
            char mapped;
            if (c == 't' && next == 'c' && next2 == 'h') { mapped = 'C'; i += 2; }
            else if (c == 'c' && next == 'h') { mapped = 'C'; i++; }
            else if (c == 's' && next == 'h') { mapped = 'S'; i++; }
            else if (c == 'z' && next == 'h') { mapped = 'Z'; i++; }
            else if (c == 'k' && next == 'h') { mapped = 'h'; i++; }
            else if (c == 'p' && next == 'h') { mapped = 'f'; i++; }
            else if (c == 'k' && next == 's') { mapped = 'x'; i++; }
            else if (c == 't' && (next == 's' || next == 'z')) { mapped = 'T'; i++; }
            else if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'j') mapped = 'V';
            else if (c == 'w') mapped = 'v';
            else if (c is 'h' or 'g') mapped = 'G'; // Ukrainian h, Russian g: Chernihiv/Chernigov, Luhansk/Lugansk
            else if (c == 'c') mapped = next is 'e' or 'i' or 'y' ? 's' : 'k';
            else if (c == 'q') mapped = 'k';
            else if (char.IsLetterOrDigit(c)) mapped = c;
            else continue; // hyphens, apostrophes, spaces
            if (key.Length > 0 && key[^1] == mapped) continue; // doubled letters, vowel runs
            key.Append(mapped);
        }
        return key.ToString();
    }

    /// <summary>
    /// True when the two spellings are the same name up to case and diacritics, or variants with the same
    /// skeleton that start with the same letter and have similar lengths.
    /// </summary>
    public static bool AreVariants(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => AreVariants(new Spelling(a), new Spelling(b));

    /// <summary>A name's folded form and skeleton, computed once for repeated comparisons.</summary>
    public readonly struct Spelling
    {
        /// <summary>Prepares <paramref name="name"/>.</summary>
        public Spelling(ReadOnlySpan<char> name)
        {
            Folded = Fold(name);
            Key = Folded.Length >= 4 ? NameVariants.Key(Folded) : Folded;
        }

        /// <summary>Lower case, no diacritics, letters and digits only.</summary>
        public string Folded { get; }

        /// <summary>The phonetic skeleton (see <see cref="NameVariants.Key"/>).</summary>
        public string Key { get; }
    }

    /// <summary>As <see cref="AreVariants(ReadOnlySpan{char}, ReadOnlySpan{char})"/>, on prepared spellings.</summary>
    public static bool AreVariants(in Spelling a, in Spelling b)
    {
        string fa = a.Folded, fb = b.Folded;
        if (fa == fb) return fa.Length > 0;
        if (fa.Length < 4 || fb.Length < 4) return false; // short names collide too easily ("Li", "Lee")
        if (FirstSound(fa) != FirstSound(fb)) return false;
        if (Math.Max(fa.Length, fb.Length) * 2 > Math.Min(fa.Length, fb.Length) * 3) return false;
        string ka = a.Key;
        if (ka != b.Key) return false;
        // Same skeleton is not enough ("Putin"/"Patton"): transliterations differ in a few letters only.
        int maxEdits = Math.Min(fa.Length, fb.Length) >= 7 ? 3 : 2;
        if (EditDistance(fa, fb, maxEdits) > maxEdits) return false;
        // At least two consonants must carry the match ("Ana" and "Ina" must not).
        int consonants = 0;
        foreach (char c in ka) if (c != 'V') consonants++;
        return consonants >= 2;
    }

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once it must exceed <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Lower case without diacritics, letters and digits only.</summary>
    public static string Fold(ReadOnlySpan<char> name)
    {
        var folded = new StringBuilder(name.Length + 2);
        Diacritics.Append(name, folded);
        int write = 0;
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || !char.IsLetterOrDigit(c)) continue;
            folded[write++] = char.ToLowerInvariant(c);
        }
        folded.Length = write;
        return folded.ToString();
    }

    // Y, J, I, E at the start of a transliterated name are one sound class (Yevgeny/Evgeny/Jevgenij).
    private static char FirstSound(string folded) => folded[0] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'j' => 'V',
        'w' => 'v',
        'h' or 'g' => 'G',
        var c => c,
    };
}
