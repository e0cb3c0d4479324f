namespace Parley.Corpus.Ingest;

/// <summary>
/// Maps offsets in extracted text back to offsets in the HTML it came from (the idea of Lucene's
/// CharFilter.CorrectOffset): a sorted list of anchors where the shift between the two changes.
/// An offset maps to the source offset of the nearest anchor at or before it, plus the distance to it.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _text;
    private readonly int[] _source;

    /// <summary>Creates a map from anchors sorted by text offset.</summary>
    public OffsetMap(int[] textOffsets, int[] sourceOffsets)
    {
        if (textOffsets.Length != sourceOffsets.Length) throw new ArgumentException("anchor arrays differ in length");
        _text = textOffsets;
        _source = sourceOffsets;
    }

    /// <summary>Number of anchors.</summary>
    public int Count => _text.Length;

    /// <summary>The source offset of text offset <paramref name="offset"/> (-1 when the map is empty).</summary>
    public int ToSource(int offset)
    {
        int i = Array.BinarySearch(_text, offset);
        if (i < 0) i = ~i - 1;
        if (i < 0) return _text.Length == 0 ? -1 : _source[0];
        return _source[i] + (offset - _text[i]);
    }

    /// <summary>Serialises the map compactly (delta-encoded variable-length integers).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream(_text.Length * 3 + 4);
        WriteVarint(stream, (uint)_text.Length);
        int lastText = 0, lastSource = 0;
        for (int i = 0; i < _text.Length; i++)
        {
            WriteVarint(stream, (uint)(_text[i] - lastText));
            WriteVarint(stream, ZigZag(_source[i] - lastSource));
            lastText = _text[i];
            lastSource = _source[i];
        }
        return stream.ToArray();
    }

    /// <summary>Reads a map written by <see cref="ToBytes"/>.</summary>
    public static OffsetMap FromBytes(ReadOnlySpan<byte> bytes)
    {
        int pos = 0;
        int count = (int)ReadVarint(bytes, ref pos);
        var text = new int[count];
        var source = new int[count];
        int lastText = 0, lastSource = 0;
        for (int i = 0; i < count; i++)
        {
            lastText += (int)ReadVarint(bytes, ref pos);
            uint z = ReadVarint(bytes, ref pos);
            lastSource += (int)(z >> 1) ^ -(int)(z & 1);
            text[i] = lastText;
            source[i] = lastSource;
        }
        return new OffsetMap(text, source);
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static void WriteVarint(Stream stream, uint value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int pos)
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            byte b = bytes[pos++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
}

/// <summary>Builds an <see cref="OffsetMap"/> while text is appended, adding an anchor only where the shift changes.</summary>
internal sealed class OffsetMapBuilder
{
    private readonly List<int> _text = [];
    private readonly List<int> _source = [];
    private int _lastShift = int.MinValue;

    /// <summary>Records that text offset <paramref name="textOffset"/> came from source offset <paramref name="sourceOffset"/>.</summary>
    public void Add(int textOffset, int sourceOffset)
    {
        int shift = sourceOffset - textOffset;
        if (shift == _lastShift) return;
        if (_text.Count > 0 && _text[^1] == textOffset)
        {
            _source[^1] = sourceOffset;
        }
        else
        {
            _text.Add(textOffset);
            _source.Add(sourceOffset);
        }
        _lastShift = shift;
    }

    /// <summary>The finished map.</summary>
    public OffsetMap Build() => new([.. _text], [.. _source]);
}
