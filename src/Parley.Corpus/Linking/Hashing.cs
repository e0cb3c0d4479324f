using System.Security.Cryptography;
using System.Text;

namespace Parley.Corpus.Linking;

/// <summary>Stable hashes (the same on every machine and run, unlike string.GetHashCode).</summary>
public static class Hashing
{
    /// <summary>64-bit FNV-1a of a string's UTF-16 code units, finished with a mixer so nearby inputs spread.</summary>
    public static ulong Hash64(ReadOnlySpan<char> text, ulong seed = 0)
    {
        ulong hash = 14695981039346656037UL ^ seed;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return Mix(hash);
    }

    /// <summary>The SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Hex SHA-256 (first 128 bits) of a string, for content identity.</summary>
    public static string ContentHash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
