using System.Runtime.CompilerServices;

namespace Parley.Learning;

/// <summary>
/// Deterministic 64-bit hashing of feature strings built from spans, so feature extraction never
/// concatenates strings. The hash is stable across runs and platforms (unlike <see cref="string.GetHashCode()"/>),
/// which a saved model relies on.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Starts a hash for the feature template <paramref name="template"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Start(int template) => Mix(Offset, (ulong)template + 0x9E3779B97F4A7C15UL);

    /// <summary>Adds a number (a label, a flag, a template part) to the hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, int value) => Mix(hash, (ulong)(uint)value | 0x5A00000000UL);

    /// <summary>Adds another hash (of a word computed once and reused in several features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, ulong value) => Mix(hash, value * 0xC2B2AE3D27D4EB4FUL + 1);

    /// <summary>Adds the characters of <paramref name="text"/>, with a terminator so that ("ab","c") and ("a","bc") differ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text) hash = (hash ^ c) * Prime;
        return (hash ^ 0xFFFF) * Prime;
    }

    /// <summary>Adds the characters of <paramref name="text"/> folded to lower case (invariant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddLower(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text) hash = (hash ^ (c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c))) * Prime;
        return (hash ^ 0xFFFF) * Prime;
    }

    /// <summary>Finishes a hash: a final avalanche so that similar inputs spread over the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash; // 0 marks an empty slot in FeatureTable
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * Prime ^ (value >> 29);
}
