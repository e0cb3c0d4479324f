using Parley.Learning;

namespace Parley.Statements.Tagging;

/// <summary>
/// Features of the cue-conditioned source tagger (BBC citron's design): one sequence per cue over the cue's
/// sentence, every token described relative to that cue — which side of it, how far, what lies between (commas,
/// quote marks, other reporting verbs) — and by the first pass's role for it. The joint tagger sees cues only
/// through its own first-pass guesses; this one knows which cue it is choosing a source for.
/// </summary>
internal static class SourceFeatures
{
    private const int MaxBefore = 80, MaxAfter = 40;

    /// <summary>The labels: BILOU over the one type SOURCE.</summary>
    public static SpanTagScheme Scheme { get; } = new(["SOURCE"]);

    private enum T
    {
        Bias = 1, Lower, Pos, Window, PosWindow, Relative, RelativePos, RelativeChunk, RelativeRole, Stage1, CueWord, CueLast,
        Between, BetweenCue, Quote, Entity, SentenceStart, LowerSide, PosPairRelative, Capital, CueWordPos,
    }

    /// <summary>
    /// Features of tokens <paramref name="start"/> to <paramref name="end"/> (exclusive; the cue's sentence) for the cue
    /// at tokens <paramref name="cueStart"/> to <paramref name="cueEnd"/>, with the first pass's labels <paramref name="stage1"/>.
    /// </summary>
    public static void Extract(StatementContext c, int[] stage1, int start, int end, int cueStart, int cueEnd, FeatureSequence output)
    {
        output.Clear();
        ulong none = FeatureHash.Add(0UL, "<none>");
        ulong L(int t) => t >= start && t < end ? c.Lower[t] : none;
        ulong P(int t) => t >= start && t < end ? c.PosHash(t) : none;
        ulong cueFirst = c.Lower[cueStart], cueLast = c.Lower[cueEnd - 1];
        int length = end - start;
        // Running counts of commas, quote marks and other reporting verbs, so "what lies between" is a difference.
        Span<int> commas = length < 512 ? stackalloc int[length + 1] : new int[length + 1];
        Span<int> marks = length < 512 ? stackalloc int[length + 1] : new int[length + 1];
        Span<int> verbs = length < 512 ? stackalloc int[length + 1] : new int[length + 1];
        commas[0] = marks[0] = verbs[0] = 0;
        for (int t = start; t < end; t++)
        {
            var w = c.Word(t);
            int i = t - start;
            commas[i + 1] = commas[i] + (w is "," ? 1 : 0);
            marks[i + 1] = marks[i] + ((c.Quote[t] & (StatementContext.OpenMark | StatementContext.CloseMark)) != 0 ? 1 : 0);
            verbs[i + 1] = verbs[i] + (c.Cue[t] != 0 && (t < cueStart || t >= cueEnd) ? 1 : 0);
        }
        for (int t = start; t < end; t++)
        {
            int side = t < cueStart ? -1 : t >= cueEnd ? 1 : 0;
            int distance = side < 0 ? t - cueStart : side > 0 ? t - cueEnd + 1 : 0;
            int rel = Bin(distance);
            int from = side < 0 ? t + 1 : cueEnd, to = side < 0 ? cueStart : t; // tokens strictly between
            int betweenCommas = side == 0 ? 0 : Math.Min(commas[to - start] - commas[from - start], 2);
            int betweenMarks = side == 0 ? 0 : Math.Min(marks[to - start] - marks[from - start], 2);
            int betweenVerbs = side == 0 ? 0 : Math.Min(verbs[to - start] - verbs[from - start], 1);
            ulong pos = c.PosHash(t);
            int role = SpanTagScheme.Decompose(stage1[t]).Type;

            output.Add(FeatureHash.Start((int)T.Bias));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Lower), c.Lower[t]));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Pos), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window), -1), L(t - 1)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window), 1), L(t + 1)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosWindow), P(t - 1)), pos), P(t + 1)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Relative), rel));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RelativePos), rel), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RelativeChunk), rel), c.Chunk[t]), c.ChunkRelation[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RelativeRole), rel), role));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1), side), stage1[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWord), cueFirst), side), Math.Min(Math.Abs(distance), 4)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueLast), cueLast), side));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWordPos), cueFirst), side), pos), role));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Between), side), betweenCommas), betweenMarks), betweenVerbs));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.BetweenCue), rel), betweenCommas), betweenVerbs), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Quote), side), c.Quote[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Entity), side), c.Entity[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceStart), Math.Min(t - start, 3)), side));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.LowerSide), c.Lower[t]), side));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosPairRelative), P(t - 1)), pos), rel));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Capital), char.IsUpper(c.Word(t)[0]) ? 1 : 0), rel));
            output.EndPosition();
        }
    }

    /// <summary>A signed, coarse distance: 0 inside the cue, else ±1, ±2, ±3 (3–5), ±4 (6–10), ±5 (beyond).</summary>
    private static int Bin(int d)
    {
        int a = Math.Abs(d);
        int b = a <= 2 ? a : a <= 5 ? 3 : a <= 10 ? 4 : 5;
        return d < 0 ? -b : b;
    }

    /// <summary>The token range the source of the cue at <paramref name="cueStart"/>–<paramref name="cueEnd"/> is looked for in: its sentence (or sentences).</summary>
    public static (int Start, int End) Window(StatementContext c, int cueStart, int cueEnd)
    {
        int first = c.SentenceOf[cueStart], last = c.SentenceOf[cueEnd - 1];
        if (first < 0 || last < 0) return (cueStart, cueEnd);
        // At most MaxBefore tokens before the cue and MaxAfter after it: a run-on "sentence" of a malformed input stays cheap.
        return (Math.Max(c.Sentences[first].FirstToken, cueStart - MaxBefore), Math.Min(c.Sentences[last].EndToken, cueEnd + MaxAfter));
    }
}
