namespace Parley.Corpus.Linking;

/// <summary>
/// MinHash signatures with banding (locality-sensitive hashing): two texts whose shingle sets have
/// Jaccard similarity J share at least one band with probability 1 - (1 - J^r)^b. With b = 10 bands of
/// r = 2 rows, J = 0.5 is found 94% of the time and J = 0.7 almost always; candidates are then checked exactly.
/// </summary>
public static class MinHash
{
    /// <summary>Number of bands.</summary>
    public const int Bands = 10;

    /// <summary>Rows per band.</summary>
    public const int Rows = 2;

    /// <summary>The band keys of a shingle set: one 63-bit value per band (index = band number).</summary>
    public static long[] BandKeys(HashSet<ulong> shingles)
    {
        var mins = new ulong[Bands * Rows];
        Array.Fill(mins, ulong.MaxValue);
        foreach (ulong shingle in shingles)
        {
            for (int i = 0; i < mins.Length; i++)
            {
                ulong h = Hashing.Mix(shingle ^ Seeds[i]);
                if (h < mins[i]) mins[i] = h;
            }
        }
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < Rows; r++) h = Hashing.Mix(h ^ mins[b * Rows + r]);
            keys[b] = (long)(h >> 1);
        }
        return keys;
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Bands * Rows).Select(i => Hashing.Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();
}

/// <summary>
/// 64-bit SimHash of a text's word shingles, for near-duplicate articles (wire copies with a changed
/// headline, byline or a trimmed paragraph). Two texts are near-duplicates when their hashes differ in at
/// most <see cref="MaxDistance"/> bits; splitting the hash into 4 × 16-bit bands finds every such pair
/// (pigeonhole: 3 differing bits leave at least one band equal).
/// </summary>
public static class SimHash
{
    /// <summary>Largest Hamming distance that counts as a near-duplicate.</summary>
    public const int MaxDistance = 3;

    /// <summary>The 64-bit SimHash of <paramref name="words"/>.</summary>
    public static ulong Compute(IReadOnlyList<string> words)
    {
        Span<int> votes = stackalloc int[64];
        foreach (ulong shingle in TextFolding.Shingles(words, 3))
        {
            for (int bit = 0; bit < 64; bit++) votes[bit] += ((shingle >> bit) & 1) != 0 ? 1 : -1;
        }
        ulong hash = 0;
        for (int bit = 0; bit < 64; bit++) if (votes[bit] > 0) hash |= 1UL << bit;
        return hash;
    }

    /// <summary>The four 16-bit bands, each tagged with its band number so one index serves all four.</summary>
    public static long[] Bands(ulong hash) => [.. Enumerable.Range(0, 4).Select(b => (long)b << 16 | (long)((hash >> (16 * b)) & 0xFFFF))];

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);
}
