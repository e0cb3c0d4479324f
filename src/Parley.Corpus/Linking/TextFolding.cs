using Parley.Text;
using System.Globalization;
using System.Text;

namespace Parley.Corpus.Linking;

/// <summary>Text normalisation shared by quote matching, near-duplicate detection and content hashing.</summary>
public static class TextFolding
{
    /// <summary>
    /// Lower-case words with diacritics removed and quote marks, dashes and punctuation dropped
    /// (apostrophes inside words are kept as part of the word: "don't").
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char raw in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            char c = raw is '’' or '‘' or 'ʼ' ? '\'' : FoldDiacritic(raw);
            if (char.IsLetterOrDigit(c) || (c == '\'' && current.Length > 0))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0) return;
            string word = current.ToString().TrimEnd('\'');
            if (word.Length > 0) words.Add(word);
            current.Clear();
        }
    }

    /// <summary>The letter without its diacritic for Latin letters ("ü" → "u"); see <see cref="Diacritics"/>.</summary>
    public static char FoldDiacritic(char c) => Diacritics.Fold(c);

    /// <summary>The words joined by single spaces: the form two wordings must share to be "the same quote".</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));

    /// <summary>Text with white space runs collapsed, for content hashing (so re-wrapped copies hash alike).</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Hashes of the word n-grams (shingles) of <paramref name="words"/>; a text shorter than n is one shingle.</summary>
    public static HashSet<ulong> Shingles(IReadOnlyList<string> words, int n = 3)
    {
        var set = new HashSet<ulong>();
        if (words.Count == 0) return set;
        if (words.Count < n)
        {
            set.Add(Hashing.Hash64(string.Join(' ', words)));
            return set;
        }
        for (int i = 0; i + n <= words.Count; i++)
        {
            ulong h = 0;
            for (int k = 0; k < n; k++) h = Hashing.Mix(h * 31 + Hashing.Hash64(words[i + k]));
            set.Add(h);
        }
        return set;
    }

    /// <summary>Jaccard similarity of two shingle sets.</summary>
    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int shared = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
