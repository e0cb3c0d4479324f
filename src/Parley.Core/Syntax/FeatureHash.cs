namespace Parley.Syntax;

/// <summary>
/// 64-bit hashing for perceptron features: strings are hashed once per token straight from the text
/// (no substrings), and feature keys combine a template number with those hashes.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Hash standing for "no word here" (before the start or past the end).</summary>
    public const ulong None = 0x51_7A_3C_9B_E1_04_66_D5UL;

    /// <summary>FNV-1a over the characters, as they are.</summary>
    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) { h ^= c; h *= FnvPrime; }
        return h;
    }

    /// <summary>FNV-1a over the lower-cased characters (invariant, per char: no allocation).</summary>
    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s) { h ^= char.ToLowerInvariant(c); h *= FnvPrime; }
        return h;
    }

    /// <summary>Combines two values into one well-mixed hash.</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        ulong h = (a ^ 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL;
        h ^= b + 0x94D049BB133111EBUL + (h << 6) + (h >> 2);
        h ^= h >> 31;
        h *= 0xD6E8FEB86659FD93UL;
        h ^= h >> 32;
        return h;
    }

    /// <summary>A feature key from a template number and one value. Never 0 (0 marks empty slots).</summary>
    public static ulong Key(int template, ulong a) => NonZero(Mix((ulong)template * 0x100000001B3UL, a));

    /// <summary>A feature key from a template number and two values.</summary>
    public static ulong Key(int template, ulong a, ulong b) => NonZero(Mix(Mix((ulong)template * 0x100000001B3UL, a), b));

    /// <summary>A feature key from a template number and three values.</summary>
    public static ulong Key(int template, ulong a, ulong b, ulong c) =>
        NonZero(Mix(Mix(Mix((ulong)template * 0x100000001B3UL, a), b), c));

    private static ulong NonZero(ulong h) => h == 0 ? 1 : h;

    /// <summary>
    /// Hash of the word's shape: upper case → X, lower → x, digit → d, others kept; runs of one class
    /// longer than two are collapsed ("McDonald's" → "XxXx'x", "1,000" → "d,ddd" → "d,dd").
    /// </summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset ^ 0x5348;
        char last = '\0';
        int run = 0;
        foreach (char ch in s)
        {
            char c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c == last) { if (++run >= 2) continue; }
            else { last = c; run = 0; }
            h ^= c; h *= FnvPrime;
        }
        return h;
    }
}
