namespace Parley.Documents;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a document's original text.
/// Every layer and every output uses these offsets, so a span always maps back to the input.
/// </summary>
public readonly record struct TextSpan(int Start, int End) : IComparable<TextSpan>
{
    /// <summary>Number of UTF-16 code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers nothing.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when <paramref name="offset"/> lies inside the span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The smallest span covering both.</summary>
    public TextSpan Union(TextSpan other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>The text this span covers in <paramref name="text"/>.</summary>
    public string GetText(string text) => text.Substring(Start, Length);

    /// <summary>The characters this span covers, without allocating.</summary>
    public ReadOnlySpan<char> AsSpan(string text) => text.AsSpan(Start, Length);

    /// <inheritdoc />
    public int CompareTo(TextSpan other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
