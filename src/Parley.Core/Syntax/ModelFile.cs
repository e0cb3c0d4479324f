namespace Parley.Syntax;

/// <summary>
/// The binary container of Parley's syntax models: a magic number, a format version, the model kind,
/// the payload length and a CRC-32 of the payload, then the payload. Reading checks all of them, so a
/// truncated or damaged file fails with a message naming it instead of producing a broken model.
/// </summary>
internal static class ModelFile
{
    private static ReadOnlySpan<byte> Magic => "PARLEYMD"u8;

    /// <summary>The container format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="payload"/> to <paramref name="path"/> under <paramref name="kind"/>.</summary>
    public static void Write(string path, string kind, Action<BinaryWriter> payload)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true)) payload(writer);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var file = File.Create(path);
        using var header = new BinaryWriter(file);
        header.Write(Magic);
        header.Write(FormatVersion);
        header.Write(kind);
        header.Write((long)bytes.Length);
        header.Write(Crc32.Compute(bytes));
        header.Write(bytes);
    }

    /// <summary>Reads and checks the file; returns a reader over the payload.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model of <paramref name="kind"/>.</exception>
    public static BinaryReader Open(string path, string kind)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Parley {kind} model not found: {path} (train one with 'parley train {kind}' or restore models/{Path.GetFileName(path)}).", path);
        byte[] all = File.ReadAllBytes(path);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(all));
            if (all.Length < Magic.Length || !all.AsSpan(0, Magic.Length).SequenceEqual(Magic))
                throw Bad(path, "not a Parley model file (bad magic number)");
            reader.BaseStream.Position = Magic.Length;
            int version = reader.ReadInt32();
            if (version != FormatVersion) throw Bad(path, $"model format version {version}, this Parley reads version {FormatVersion}");
            string fileKind = reader.ReadString();
            if (fileKind != kind) throw Bad(path, $"this is a '{fileKind}' model, expected '{kind}'");
            long length = reader.ReadInt64();
            uint crc = reader.ReadUInt32();
            long start = reader.BaseStream.Position;
            if (length < 0 || start + length != all.Length)
                throw Bad(path, $"truncated or padded: header says {length} payload bytes, file has {all.Length - start}");
            if (Crc32.Compute(all.AsSpan((int)start, (int)length)) != crc) throw Bad(path, "checksum mismatch (the file is damaged)");
            return new BinaryReader(new MemoryStream(all, (int)start, (int)length, writable: false));
        }
        catch (EndOfStreamException)
        {
            throw Bad(path, "truncated header");
        }
    }

    /// <summary>An <see cref="InvalidDataException"/> naming the file.</summary>
    public static InvalidDataException Bad(string path, string why) => new($"Parley model {path} is corrupt or unreadable: {why}.");

    /// <summary>CRC-32 (IEEE), table-driven; enough to catch damaged files.</summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint c = i;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                table[i] = c;
            }
            return table;
        }

        // Optimised at once rather than tiered: it runs once per model load, over megabytes.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public static uint Compute(ReadOnlySpan<byte> data)
        {
            uint crc = 0xFFFFFFFFu;
            var table = Table;
            foreach (byte b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return ~crc;
        }
    }
}
