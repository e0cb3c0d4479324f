using Parley.Documents;
using Parley.Evaluation.PolNear;
using Parley.Learning;

namespace Parley.Statements.Tagging;

/// <summary>The attribution roles a token can carry (at most one each) and their BILOU scheme.</summary>
public static class StatementRoles
{
    /// <summary>Type index of SOURCE in <see cref="Scheme"/>.</summary>
    public const int Source = 0;

    /// <summary>Type index of CUE in <see cref="Scheme"/>.</summary>
    public const int Cue = 1;

    /// <summary>Type index of CONTENT in <see cref="Scheme"/>.</summary>
    public const int Content = 2;

    /// <summary>BILOU over SOURCE, CUE and CONTENT.</summary>
    public static SpanTagScheme Scheme { get; } = new(["SOURCE", "CUE", "CONTENT"]);

    /// <summary>
    /// Gold BILOU labels for every token of <paramref name="document"/> from annotated attributions. A token
    /// gets a role when it overlaps a span of that role; every piece of a discontinuous span is its own tagged
    /// span. When roles compete for a token (nested attributions: an inner cue inside an outer content) the
    /// cue wins over the source and the source over the content, so inner attributions stay learnable.
    /// </summary>
    public static int[] Align(Document document, IEnumerable<GoldAttribution> attributions)
    {
        var tokens = document.Tokens;
        var role = new int[tokens.Length];   // -1 none, else type
        var piece = new int[tokens.Length];  // id of the gold piece that gave the role, so adjacent pieces stay apart
        Array.Fill(role, -1);
        int pieceId = 0;
        // Content first, cue last: later roles overwrite earlier ones.
        var all = attributions.ToList();
        foreach (int type in (int[])[Content, Source, Cue])
            foreach (var a in all)
                foreach (var span in type == Content ? a.Contents : type == Source ? a.Sources : a.Cue)
                {
                    pieceId++;
                    int first = document.TokenIndexAt(span.Start);
                    for (int t = Math.Max(0, first - 1); t < tokens.Length && tokens[t].Start < span.End; t++)
                    {
                        if (!span.Overlaps(tokens[t].Span)) continue;
                        role[t] = type;
                        piece[t] = pieceId;
                    }
                }
        var spans = new List<TaggedSpan>();
        for (int t = 0; t < tokens.Length;)
        {
            if (role[t] < 0) { t++; continue; }
            int end = t + 1;
            while (end < tokens.Length && role[end] == role[t] && piece[end] == piece[t]) end++;
            spans.Add(new TaggedSpan(t, end, role[t]));
            t = end;
        }
        var labels = new int[tokens.Length];
        SpanTagScheme.Encode(spans, labels);
        return labels;
    }
}

/// <summary>
/// The units the attribution tagger decodes: paragraphs (runs of sentences with the same paragraph index),
/// as token ranges. A paragraph, not a sentence, because contents often run over several sentences and
/// sources and cues often sit in the sentence after the content ("…,” she said.").
/// </summary>
internal static class StatementUnits
{
    public static List<(int Start, int End)> Of(Document document)
    {
        var units = new List<(int, int)>();
        var sentences = document.Sentences;
        int i = 0;
        while (i < sentences.Length)
        {
            int j = i + 1;
            while (j < sentences.Length && sentences[j].Paragraph == sentences[i].Paragraph && sentences[j].FirstToken == sentences[j - 1].EndToken) j++;
            int start = sentences[i].FirstToken, end = sentences[j - 1].EndToken;
            if (end > start) units.Add((start, end));
            i = j;
        }
        return units;
    }
}
