using System.Text;

namespace Parley.Corpus.Linking;

/// <summary>One step of a word-level diff.</summary>
public readonly record struct DiffPart(DiffOp Op, string Text);

/// <summary>What a diff step does.</summary>
public enum DiffOp
{
    /// <summary>Words both wordings share.</summary>
    Same,
    /// <summary>Words only the canonical wording has.</summary>
    Removed,
    /// <summary>Words only the sighting has.</summary>
    Added,
}

/// <summary>Word-level diff (longest common subsequence) between two wordings of a quote.</summary>
public static class WordDiff
{
    /// <summary>The steps that turn <paramref name="from"/> into <paramref name="to"/>; words compare case- and punctuation-insensitively.</summary>
    public static IReadOnlyList<DiffPart> Diff(string from, string to)
    {
        string[] a = Split(from), b = Split(to);
        string[] ka = a.Select(Key).ToArray(), kb = b.Select(Key).ToArray();
        // Long quotes are rare; cap the table so a pathological input cannot take quadratic memory.
        if ((long)a.Length * b.Length > 4_000_000)
            return [new DiffPart(DiffOp.Removed, from), new DiffPart(DiffOp.Added, to)];
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = ka[i] == kb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && ka[x] == kb[y]) { Add(DiffOp.Same, b[y]); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) Add(DiffOp.Removed, a[x++]);
            else Add(DiffOp.Added, b[y++]);
        }
        return parts;

        void Add(DiffOp op, string word)
        {
            if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = new DiffPart(op, parts[^1].Text + " " + word);
            else parts.Add(new DiffPart(op, word));
        }
    }

    /// <summary>Length of the longest common subsequence of two word lists (linear memory).</summary>
    public static int CommonWords(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            for (int j = 1; j <= b.Count; j++)
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }

    /// <summary>
    /// How alike two normalised wordings are, in [0, 1]: the share of words in common in order
    /// (2·LCS / total), or, for an excerpt of a longer quote, the share of the shorter one found in the longer.
    /// </summary>
    public static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int common = CommonWords(a, b);
        double overall = 2.0 * common / (a.Count + b.Count);
        int shorter = Math.Min(a.Count, b.Count);
        // An excerpt ("… not raise taxes …" of a longer quote) must be long enough to mean something.
        double excerpt = shorter >= 6 ? common / (double)shorter - 0.1 : 0;
        return Math.Max(overall, excerpt);
    }

    /// <summary>True when the diff has any change.</summary>
    public static bool HasChanges(IReadOnlyList<DiffPart> parts) => parts.Any(p => p.Op != DiffOp.Same);

    /// <summary>The diff as text: <c>[-removed-]</c> and <c>{+added+}</c> (git's --word-diff=plain style).</summary>
    public static string Format(IReadOnlyList<DiffPart> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(part.Op switch
            {
                DiffOp.Removed => $"[-{part.Text}-]",
                DiffOp.Added => $"{{+{part.Text}+}}",
                _ => part.Text,
            });
        }
        return builder.ToString();
    }

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Key(string word) => TextFolding.Normalize(word);
}
