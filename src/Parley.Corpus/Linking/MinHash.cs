namespace Parley.Corpus.Linking;

/// <summary>
/// MinHash signatures with banding (locality-sensitive hashing). A signature holds, for each of n hash
/// functions, the smallest hash over a text's shingles; two signatures agree in a position with
/// probability equal to the Jaccard similarity J of the shingle sets. Grouping positions into bands of
/// r rows, two texts share at least one band with probability 1 - (1 - J^r)^(n/r): the band keys go in an
/// index, and the candidates found through it are then checked exactly.
/// </summary>
public static class MinHash
{
    private static readonly ulong[] Seeds = Enumerable.Range(1, 64).Select(i => Hashing.Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    /// <summary>The signature of <paramref name="shingles"/> with <paramref name="size"/> hash functions (at most 64).</summary>
    public static ulong[] Signature(HashSet<ulong> shingles, int size)
    {
        var mins = new ulong[size];
        Array.Fill(mins, ulong.MaxValue);
        foreach (ulong shingle in shingles)
        {
            for (int i = 0; i < size; i++)
            {
                ulong h = Hashing.Mix(shingle ^ Seeds[i]);
                if (h < mins[i]) mins[i] = h;
            }
        }
        return mins;
    }

    /// <summary>One 63-bit key per band of <paramref name="rows"/> positions; the band number is mixed in, so one index serves all bands.</summary>
    public static long[] Bands(ulong[] signature, int rows)
    {
        var keys = new long[signature.Length / rows];
        for (int b = 0; b < keys.Length; b++)
        {
            ulong h = Hashing.Mix((ulong)b + 1);
            for (int r = 0; r < rows; r++) h = Hashing.Mix(h ^ signature[b * rows + r]);
            keys[b] = (long)(h >> 1);
        }
        return keys;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the signatures agree.</summary>
    public static double Estimate(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int n = Math.Min(a.Length, b.Length), same = 0;
        for (int i = 0; i < n; i++) if (a[i] == b[i]) same++;
        return n == 0 ? 0 : same / (double)n;
    }

    /// <summary>A signature as bytes (for storage).</summary>
    public static byte[] ToBytes(ulong[] signature) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(signature.AsSpan()).ToArray();

    /// <summary>A signature from bytes written by <see cref="ToBytes"/>.</summary>
    public static ulong[] FromBytes(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
}

/// <summary>
/// Quote matching parameters: 16 bands of 2 rows find one changed word in a ten-word quote (J ≈ 0.4)
/// 94% of the time and J ≥ 0.5 99% of the time. Two rows per band (not one) keep a common phrase
/// ("we are going to") from making every quote a candidate for every other, which would grow quadratically.
/// </summary>
public static class QuoteSignature
{
    /// <summary>Hash functions.</summary>
    public const int Size = 32;

    /// <summary>Rows per band.</summary>
    public const int Rows = 2;

    /// <summary>Band keys of a normalised wording's words.</summary>
    public static long[] Bands(IReadOnlyList<string> words) => MinHash.Bands(MinHash.Signature(TextFolding.Shingles(words), Size), Rows);
}

/// <summary>
/// Near-duplicate articles (wire copies republished with a new headline, byline or a trimmed paragraph):
/// estimated Jaccard similarity of word 3-gram shingles at least <see cref="MinSimilarity"/>. With 32 hash
/// functions in 16 bands of 2, a pair at J = 0.6 is a candidate with probability 1 - (1 - 0.36)^16 ≈ 0.9999.
/// </summary>
public static class NearDuplicates
{
    /// <summary>Hash functions per article signature.</summary>
    public const int Size = 32;

    /// <summary>Rows per band.</summary>
    public const int Rows = 2;

    /// <summary>Estimated Jaccard similarity from which an article is a near-duplicate of another.</summary>
    public const double MinSimilarity = 0.6;

    /// <summary>The signature of an article's words.</summary>
    public static ulong[] Signature(IReadOnlyList<string> words) => MinHash.Signature(TextFolding.Shingles(words), Size);

    /// <summary>The band keys of a signature.</summary>
    public static long[] Bands(ulong[] signature) => MinHash.Bands(signature, Rows);
}
