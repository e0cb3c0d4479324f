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
    // Both of the above in one open-addressing table for matching: one probe per token sequence instead of two dictionary lookups.
    private Slot[] _slots = [];
    private int _shift = 64;

    private struct Slot
    {
        public ulong Key;
        public uint Info; // list bit mask (low 16 bits) | IsPrefix | IsUsed
    }

    private const uint IsPrefix = 1u << 16, IsUsed = 1u << 17;

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
        g.BuildTable();
        return g;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildTable()
    {
        int bits = 4;
        while ((1 << bits) < (_phrases.Count + _prefixes.Count) * 2) bits++;
        _slots = new Slot[1 << bits];
        _shift = 64 - bits;
        foreach (var (key, mask) in _phrases) Entry(key).Info |= mask;
        foreach (ulong key in _prefixes) Entry(key).Info |= IsPrefix;
    }

    private ref Slot Entry(ulong key)
    {
        int mask = _slots.Length - 1;
        int i = Home(key);
        while ((_slots[i].Info & IsUsed) != 0 && _slots[i].Key != key) i = (i + 1) & mask;
        ref Slot slot = ref _slots[i];
        if ((slot.Info & IsUsed) == 0) { slot.Key = key; slot.Info = IsUsed; }
        return ref slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The list mask and prefix flag of <paramref name="key"/> (0 when it is neither an entry nor a prefix).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Lookup(ulong key)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        int i = Home(key);
        while (true)
        {
            ref readonly Slot slot = ref slots[i];
            if ((slot.Info & IsUsed) == 0) return 0;
            if (slot.Key == key) return slot.Info;
            i = (i + 1) & mask;
        }
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
        // Every token's one-token hash first, its slot prefetched a few tokens ahead: the table is far larger than
        // the cache and nearly every token starts a probe, so overlapping those misses is most of the matching time.
        int count = end - start;
        ulong[] first = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(1, count));
        for (int i = 0; i < count; i++) first[i] = Next(Seed, text.Token(start + i));
        for (int i = start; i < end; i++)
        {
            int ahead = i - start + PrefetchDistance;
            if (ahead < count) Prefetch(first[ahead]);
            ulong h = Seed;
            longest.Clear();
            for (int j = i; j < end && j - i < MaxTokens; j++)
            {
                h = j == i ? first[i - start] : Next(h, text.Token(j));
                uint info = Lookup(h);
                uint mask = info & 0xFFFF;
                if (mask != 0)
                    for (int l = 0; l < lists; l++) if ((mask & (1u << l)) != 0) longest[l] = j - i + 1;
                if ((info & IsPrefix) == 0) break;
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
        System.Buffers.ArrayPool<ulong>.Shared.Return(first);
    }

    private const int PrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Prefetch(ulong key)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        fixed (Slot* slots = _slots) System.Runtime.Intrinsics.X86.Sse.Prefetch0(slots + Home(key));
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
