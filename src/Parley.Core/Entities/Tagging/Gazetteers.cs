using System.Runtime.CompilerServices;
using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>
/// Name lists (first names, honorifics, countries, cities, organisations, news outlets…) matched against
/// token sequences, case-insensitively, longest match first. Entries are kept as 64-bit hashes of their
/// lower-cased tokens, so matching allocates nothing. Loaded once from the embedded lexicon files.
/// </summary>
public sealed class Gazetteers
{
    /// <summary>The lists, in feature order; each is the embedded resource <c>Parley.Lexicons.gaz-NAME.txt</c>.</summary>
    public static readonly IReadOnlyList<string> ListNames =
    [
        "first-names", "last-names", "honorifics", "roles", "countries", "demonyms", "cities", "regions",
        "organizations", "org-suffixes", "news-outlets",
    ];

    private static readonly Lazy<Gazetteers> s_default = new(() => Load(LoadResource));
    private readonly Dictionary<ulong, ushort> _phrases = new(); // hash of lower-cased token sequence → list bit mask
    private readonly HashSet<ulong> _prefixes = new();           // hashes of proper prefixes, to stop extending early

    /// <summary>The gazetteers built into Parley.</summary>
    public static Gazetteers Default => s_default.Value;

    /// <summary>Longest entry length in tokens.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>Number of distinct entries.</summary>
    public int Count => _phrases.Count;

    /// <summary>Builds gazetteers from list contents (<paramref name="open"/> returns the lines of a list, or null when absent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per process: skip tier-0 code
    public static Gazetteers Load(Func<string, IEnumerable<string>?> open)
    {
        var g = new Gazetteers();
        var parts = new List<(int, int)>();
        for (int list = 0; list < ListNames.Count; list++)
        {
            var lines = open(ListNames[list]);
            if (lines is null) continue;
            foreach (string raw in lines)
            {
                string entry = raw.Trim();
                if (entry.Length == 0 || entry[0] == '#') continue;
                SplitEntry(entry, parts);
                if (parts.Count == 0) continue;
                ulong h = Seed;
                for (int k = 0; k < parts.Count; k++)
                {
                    h = Next(h, entry.AsSpan(parts[k].Item1, parts[k].Item2));
                    if (k < parts.Count - 1) g._prefixes.Add(h);
                }
                g._phrases[h] = (ushort)(g._phrases.GetValueOrDefault(h) | (1 << list));
                g.MaxTokens = Math.Max(g.MaxTokens, parts.Count);
            }
        }
        return g;
    }

    /// <summary>
    /// Marks matches in a sentence: <paramref name="marks"/>[i * ListCount + list] receives 1 (begin),
    /// 2 (inside), 3 (last) or 4 (unit) for the longest match of each list covering token i, 0 otherwise.
    /// </summary>
    public void Match(NerText text, int start, int end, Span<byte> marks)
    {
        int lists = ListNames.Count;
        marks[..((end - start) * lists)].Clear();
        Span<int> longest = stackalloc int[lists]; // longest match per list starting at i
        for (int i = start; i < end; i++)
        {
            ulong h = Seed;
            longest.Clear();
            for (int j = i; j < end && j - i < MaxTokens; j++)
            {
                h = Next(h, text.Token(j));
                if (_phrases.TryGetValue(h, out ushort mask))
                    for (int l = 0; l < lists; l++) if ((mask & (1 << l)) != 0) longest[l] = j - i + 1;
                if (!_prefixes.Contains(h)) break;
            }
            for (int l = 0; l < lists; l++)
            {
                int len = longest[l];
                if (len == 0) continue;
                if (marks[(i - start) * lists + l] != 0 && len == 1) continue; // inside a longer earlier match
                for (int k = 0; k < len; k++)
                {
                    byte code = len == 1 ? (byte)4 : k == 0 ? (byte)1 : k == len - 1 ? (byte)3 : (byte)2;
                    int idx = (i - start + k) * lists + l;
                    if (marks[idx] == 0 || code is 1 or 2 or 3) marks[idx] = code;
                }
            }
        }
    }

    private const ulong Seed = 0x243F6A8885A308D3UL;

    private static ulong Next(ulong h, ReadOnlySpan<char> token) => FeatureHash.AddLower(h * 31, token);

    /// <summary>Splits an entry into tokens the way news tokenizers do: at spaces, and "'s" off the end of a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SplitEntry(string entry, List<(int, int)> parts)
    {
        parts.Clear();
        int i = 0;
        while (i < entry.Length)
        {
            while (i < entry.Length && entry[i] == ' ') i++;
            int s = i;
            while (i < entry.Length && entry[i] != ' ') i++;
            if (i == s) break;
            int len = i - s;
            if (len > 2 && entry[i - 2] == '\'' && entry[i - 1] is 's' or 'S')
            {
                parts.Add((s, len - 2));
                parts.Add((i - 2, 2));
            }
            else parts.Add((s, len));
        }
    }

    private static IEnumerable<string>? LoadResource(string list)
    {
        using var stream = typeof(Gazetteers).Assembly.GetManifestResourceStream($"Parley.Lexicons.gaz-{list}.txt");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }
}
