namespace Parley.Learning;

/// <summary>Scratch arrays that a tagger keeps between calls and grows, never shrinks, so decoding allocates only while warming up.</summary>
internal static class Buffers
{
    /// <summary>The first <paramref name="length"/> items of <paramref name="buffer"/>, after growing it (at least doubling) when it is shorter.</summary>
    public static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[Math.Max(length, 2 * buffer.Length)];
        return buffer.AsSpan(0, length);
    }
}
