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
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) Add(DiffOp.Added, b[y++]);
            else Add(DiffOp.Removed, a[x++]);
        }
        return parts;

        void Add(DiffOp op, string word)
        {
            if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = new DiffPart(op, parts[^1].Text + " " + word);
            else parts.Add(new DiffPart(op, word));
        }
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
