using System.Text;
using System.Text.Unicode;

namespace Parley.Text;

/// <summary>
/// Turns bytes into text: UTF-8 with or without a byte-order mark, and UTF-16 (LE or BE) with one.
/// Anything else (binary data, invalid UTF-8, an empty or oversized input) is refused with a clear reason.
/// </summary>
public static class TextDecoder
{
    /// <summary>Default largest input accepted, in bytes (64 MiB; a news article is rarely over 1 MB).</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <exception cref="InputRejectedException">The input is empty, too large, binary, or not valid UTF-8/UTF-16.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length > maxBytes)
            throw new InputRejectedException($"input is too large ({FormatSize(bytes.Length)}; the limit is {FormatSize(maxBytes)})");

        string text;
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            text = DecodeWith(StrictUtf16Le, bytes[2..], "UTF-16LE");
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            text = DecodeWith(StrictUtf16Be, bytes[2..], "UTF-16BE");
        else
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
            int nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
                throw new InputRejectedException($"input looks binary (a NUL byte at offset {nul}); Parley reads UTF-8 or UTF-16 text");
            if (!Utf8.IsValid(bytes))
            {
                int bad = FirstInvalidUtf8(bytes);
                throw new InputRejectedException($"input is not valid UTF-8 (bad byte 0x{bytes[bad]:X2} at offset {bad})");
            }
            text = StrictUtf8.GetString(bytes);
        }

        if (text.AsSpan().Trim().IsEmpty)
            throw new InputRejectedException("input is empty");
        if (LooksBinary(text))
            throw new InputRejectedException("input looks binary (too many control characters); Parley reads plain text");
        return text;
    }

    private static string DecodeWith(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InputRejectedException($"input is not valid {name}");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        // OperationStatus tells where decoding stopped; that is the first bad byte.
        Span<char> scratch = stackalloc char[256];
        int consumed = 0;
        while (consumed < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[consumed..], scratch, out int read, out _, replaceInvalidSequences: false);
            consumed += read;
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData)
                return Math.Min(consumed, bytes.Length - 1);
            if (status == System.Buffers.OperationStatus.Done) break;
        }
        return Math.Min(consumed, bytes.Length - 1);
    }

    /// <summary>True when more than 1 in 10 characters of the first 8 KiB are control characters other than white space.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        int control = 0;
        foreach (char c in sample)
            if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        return control * 10 > sample.Length;
    }

    /// <summary>A human-readable size.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB",
        >= 1024L * 1024 => $"{bytes / (1024.0 * 1024):0.#} MiB",
        >= 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
