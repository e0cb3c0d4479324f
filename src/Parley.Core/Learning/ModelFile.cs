using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Parley.Learning;

/// <summary>
/// The envelope of Parley's binary model files: an 8-byte magic, a format version, the payload length
/// and a 64-bit checksum of the payload. A missing, truncated or altered file fails with a
/// <see cref="ModelFormatException"/> that says what is wrong, before any of the payload is parsed.
/// </summary>
public static class ModelFile
{
    private const int HeaderSize = 8 + 4 + 8 + 8;

    /// <summary>Writes a model: <paramref name="writePayload"/> writes the body, little-endian via <see cref="BinaryWriter"/>.</summary>
    public static void Write(string path, string magic, int version, Action<BinaryWriter> writePayload)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true)) writePayload(writer);
        byte[] body = payload.GetBuffer();
        int length = (int)payload.Length;
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        // Write to a temporary file first so a crash never leaves a half-written model under the real name.
        string temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            MagicBytes(magic).CopyTo(header);
            BinaryPrimitives.WriteInt32LittleEndian(header[8..], version);
            BinaryPrimitives.WriteInt64LittleEndian(header[12..], length);
            BinaryPrimitives.WriteUInt64LittleEndian(header[20..], Checksum(body.AsSpan(0, length)));
            file.Write(header);
            file.Write(body, 0, length);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads and verifies a model file, then parses its payload with <paramref name="readPayload"/>.</summary>
    /// <exception cref="ModelFormatException">The file is missing, unreadable, of another kind or version, truncated or corrupt.</exception>
    public static T Read<T>(string path, string magic, int version, Func<BinaryReader, T> readPayload)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelFormatException($"Model file not found: '{path}'.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"Cannot read model file '{path}': {e.Message}", e);
        }
        return Read(bytes, path, magic, version, readPayload);
    }

    /// <summary>Verifies and parses a model held in memory (an embedded resource, a test buffer).</summary>
    /// <exception cref="ModelFormatException">The bytes are of another kind or version, truncated or corrupt.</exception>
    public static T Read<T>(byte[] bytes, string name, string magic, int version, Func<BinaryReader, T> readPayload)
    {
        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 8).SequenceEqual(MagicBytes(magic)))
            throw new ModelFormatException($"'{name}' is not a Parley {magic.TrimEnd()} model file (bad header).");
        int fileVersion = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (fileVersion != version)
            throw new ModelFormatException($"'{name}' has model format version {fileVersion}; this build reads version {version}. Retrain or update the model.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (length != bytes.Length - HeaderSize)
            throw new ModelFormatException($"'{name}' is truncated or padded: payload is {bytes.Length - HeaderSize} bytes, header says {length}.");
        ulong expected = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(20));
        if (Checksum(bytes.AsSpan(HeaderSize)) != expected)
            throw new ModelFormatException($"'{name}' is corrupt: checksum mismatch.");
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, HeaderSize, (int)length, writable: false), Encoding.UTF8);
            return readPayload(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidDataException or OverflowException)
        {
            throw new ModelFormatException($"'{name}' is corrupt: {e.Message}", e);
        }
    }

    /// <summary>A fast 64-bit checksum (multiply-xorshift over 8-byte words); detects truncation and bit rot, not tampering.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load: skip tier-0 code
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0xCBF29CE484222325UL ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (ulong w in words)
        {
            h = (h ^ w) * 0x9E3779B97F4A7C15UL;
            h ^= h >> 31;
        }
        for (int i = words.Length * 8; i < data.Length; i++) h = (h ^ data[i]) * 0x100000001B3UL;
        return h;
    }

    private static byte[] MagicBytes(string magic)
    {
        var bytes = new byte[8];
        Encoding.ASCII.GetBytes(magic.AsSpan(0, Math.Min(8, magic.Length)), bytes);
        return bytes;
    }
}
