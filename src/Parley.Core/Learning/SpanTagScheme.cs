namespace Parley.Learning;

/// <summary>A labelled span of positions found by a sequence tagger: <c>[Start, End)</c> and a type index.</summary>
/// <param name="Start">First position.</param>
/// <param name="End">One past the last position.</param>
/// <param name="Type">Index into <see cref="SpanTagScheme.Types"/>.</param>
public readonly record struct TaggedSpan(int Start, int End, int Type);

/// <summary>
/// The BILOU encoding of typed spans as per-position labels (Begin, Inside, Last, Outside, Unit), which
/// learns boundaries better than BIO. Also converts from IOB1/IOB2 label strings and gives the legal
/// label transitions for constrained Viterbi decoding. Independent of any task: any typed-span labelling
/// (entities, attribution roles) can use it.
/// </summary>
public sealed class SpanTagScheme
{
    private readonly Dictionary<string, int> _typeIndex;

    /// <summary>Creates the scheme for <paramref name="types"/> (e.g. PER, ORG, LOC, MISC).</summary>
    public SpanTagScheme(IReadOnlyList<string> types)
    {
        Types = types.ToArray();
        _typeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Types.Count; i++) _typeIndex[Types[i]] = i;
        var labels = new List<string> { "O" };
        foreach (string t in Types) labels.AddRange(["B-" + t, "I-" + t, "L-" + t, "U-" + t]);
        Labels = labels;
    }

    /// <summary>The span types.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>All labels: O first, then B-, I-, L-, U- for each type in order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The label index of O.</summary>
    public const int Outside = 0;

    /// <summary>Index of a type name, or -1.</summary>
    public int TypeIndex(string type) => _typeIndex.TryGetValue(type, out int i) ? i : -1;

    /// <summary>The BILOU label index for part <paramref name="part"/> (0 B, 1 I, 2 L, 3 U) of a span of type <paramref name="type"/>.</summary>
    public static int Label(int type, int part) => 1 + type * 4 + part;

    /// <summary>The type of a label (-1 for O) and its part (0 B, 1 I, 2 L, 3 U).</summary>
    public static (int Type, int Part) Decompose(int label) => label == Outside ? (-1, -1) : ((label - 1) / 4, (label - 1) % 4);

    /// <summary>Encodes spans as BILOU labels over <paramref name="labels"/> (which must be as long as the sequence).</summary>
    public static void Encode(IEnumerable<TaggedSpan> spans, Span<int> labels)
    {
        labels.Fill(Outside);
        foreach (var s in spans)
        {
            if (s.End - s.Start == 1) { labels[s.Start] = Label(s.Type, 3); continue; }
            labels[s.Start] = Label(s.Type, 0);
            for (int i = s.Start + 1; i < s.End - 1; i++) labels[i] = Label(s.Type, 1);
            labels[s.End - 1] = Label(s.Type, 2);
        }
    }

    /// <summary>Decodes BILOU labels into spans. Ill-formed runs (possible only without constrained decoding) are repaired leniently.</summary>
    public static List<TaggedSpan> DecodeSpans(ReadOnlySpan<int> labels)
    {
        var spans = new List<TaggedSpan>();
        int start = -1, type = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            var (t, part) = Decompose(labels[i]);
            if (start >= 0 && (t != type || part is 0 or 3))
            {
                spans.Add(new TaggedSpan(start, i, type));
                start = -1;
            }
            if (t < 0) continue;
            if (start < 0) { start = i; type = t; }
            if (part is 2 or 3)
            {
                spans.Add(new TaggedSpan(start, i + 1, type));
                start = -1;
            }
        }
        if (start >= 0) spans.Add(new TaggedSpan(start, labels.Length, type));
        return spans;
    }

    /// <summary>
    /// Reads spans from IOB strings as conlleval does: a chunk starts at B-X, or at I-X after a label of
    /// another type or O; it works for IOB1 and IOB2 alike. Labels of types not in the scheme (after
    /// <paramref name="mapType"/>, which may return null to drop a type) are treated as O.
    /// </summary>
    public List<TaggedSpan> SpansFromIob(IReadOnlyList<string> tags, Func<string, string?>? mapType = null)
    {
        var spans = new List<TaggedSpan>();
        int start = -1, type = -1;
        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            char prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            int t = -1;
            if (prefix is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
            {
                string name = tag[2..];
                string? mapped = mapType is null ? name : mapType(name);
                t = mapped is null ? -1 : TypeIndex(mapped);
            }
            bool begins = t >= 0 && (prefix is 'B' or 'S' or 'U' || t != type || start < 0);
            if (start >= 0 && (t < 0 || begins))
            {
                spans.Add(new TaggedSpan(start, i, type));
                start = -1;
            }
            if (t < 0) { type = -1; continue; }
            if (start < 0) { start = i; type = t; }
            if (prefix is 'E' or 'L' or 'S' or 'U')
            {
                spans.Add(new TaggedSpan(start, i + 1, type));
                start = -1;
                type = -1;
            }
        }
        if (start >= 0) spans.Add(new TaggedSpan(start, tags.Count, type));
        return spans;
    }

    /// <summary>
    /// Legal transitions for constrained decoding, as a <c>(L + 1) × L</c> matrix of flags: row <c>p</c> is the
    /// previous label, row <c>L</c> the sequence start. Also the labels allowed at the sequence end.
    /// </summary>
    public (bool[] Transitions, bool[] End) Constraints()
    {
        int n = Labels.Count;
        var allowed = new bool[(n + 1) * n];
        var end = new bool[n];
        for (int next = 0; next < n; next++)
        {
            var (nt, np) = Decompose(next);
            bool opens = nt < 0 || np is 0 or 3; // O, B-, U- may follow a closed span or start the sequence
            allowed[n * n + next] = opens;
            end[next] = nt < 0 || np is 2 or 3;
            for (int prev = 0; prev < n; prev++)
            {
                var (pt, pp) = Decompose(prev);
                bool prevOpen = pt >= 0 && pp is 0 or 1;
                allowed[prev * n + next] = prevOpen ? nt == pt && np is 1 or 2 : opens;
            }
        }
        return (allowed, end);
    }
}
