using System.Buffers;
using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>
/// Document-level facts used as non-local features: how each word form is written elsewhere in the
/// document and, in the second pass, which entity types the first-pass tagger gave its other occurrences.
/// </summary>
public sealed class NerDocumentContext
{
    internal Dictionary<ulong, byte> Forms { get; init; } = new(); // lower-cased word → FormLower | FormCapitalisedMid
    internal sbyte[]? Stage1Types { get; init; }    // per token: type of the first-pass label, -1 for O
    internal sbyte[]? Majority { get; init; }       // per token: majority first-pass type of the word's other occurrences (4 = O), -1 none
    internal byte[]? Seen { get; init; }            // per token: bit mask of types (bit 4 = O) of the word's other occurrences
    internal sbyte[]? Previous { get; init; }       // per token: first-pass type of the word's previous occurrence (4 = O), -1 none
    internal bool[] CapsLine { get; init; } = [];   // per sentence: an all-capitals line (news headline, dateline)
    internal bool[] TitleLine { get; init; } = [];  // per sentence: a Title Case line or a headline
}

/// <summary>
/// Extracts the entity tagger's features, hashed from character spans (no per-token strings, no regular
/// expressions): the word and its lower-cased form, shapes, affixes, a ±2 word window, capitalisation in
/// context (sentence start, all-capitals and Title Case lines), gazetteer matches, how the same word is
/// written elsewhere in the document, and optionally the first-pass tags of the word's other occurrences.
/// </summary>
public sealed class NerFeatures
{
    /// <summary>Identifies the feature set; stored in the model, which refuses to load with another one.</summary>
    public const string Version = "ner-features-3";

    private const byte FormLower = 1, FormCapitalisedMid = 2;
    private readonly Gazetteers _gazetteers;

    /// <summary>Creates the extractor over <paramref name="gazetteers"/>.</summary>
    public NerFeatures(Gazetteers gazetteers) => _gazetteers = gazetteers;

    private enum T
    {
        Bias = 1, Word, Lower, Shape, LongShape, Prefix, Suffix, Window, ShapeWindow, ShapePair, ShapeTriple,
        Bigram, Initial, CapsLineWord, CapsLineShape, TitleLineShape, Gazetteer, GazetteerCase, GazetteerWord,
        DocLower, DocCapitalised, Stage1, Stage1Window, Majority, SeenType, PreviousType, Length, LowerShapeNext, PrevLowerShape,
    }

    /// <summary>
    /// Analyses a whole document for non-local features. <paramref name="stage1Labels"/> are first-pass BILOU
    /// labels per token (for the second pass), or null for the first pass.
    /// </summary>
    public NerDocumentContext Analyze(NerText text, int[]? stage1Labels) => Analyze(text, stage1Labels, null);

    /// <summary>
    /// As <see cref="Analyze(NerText, int[])"/>, reusing the word-form facts of an earlier analysis of the same text
    /// (<paramref name="local"/>), which do not depend on the first-pass tags.
    /// </summary>
    public NerDocumentContext Analyze(NerText text, int[]? stage1Labels, NerDocumentContext? local)
    {
        int n = text.Tokens.Length;
        if (local is not null && stage1Labels is null) return local;
        var caps = local?.CapsLine ?? new bool[text.Sentences.Length];
        var title = local?.TitleLine ?? new bool[text.Sentences.Length];
        sbyte[]? types = null, majority = null, previous = null;
        byte[]? seen = null;
        var forms = local?.Forms ?? new Dictionary<ulong, byte>();
        for (int s = 0; s < text.Sentences.Length && local is null; s++)
        {
            var (start, end) = text.Sentences[s];
            int letters = 0, upper = 0, words = 0, titled = 0;
            for (int i = start; i < end; i++)
            {
                var c = Classify(text.Token(i));
                if ((c & Case.HasLetter) == 0) continue;
                letters++;
                if ((c & Case.AllCaps) != 0) upper++;
                if (text.Token(i).Length >= 4) { words++; if ((c & Case.InitCap) != 0) titled++; }
            }
            caps[s] = letters > 0 && upper == letters && (letters >= 2 || end - start <= 3);
            title[s] = text.Headline[s] || (!caps[s] && words >= 3 && titled * 10 >= words * 9);
            if (caps[s]) continue;
            for (int i = start; i < end; i++)
            {
                var tok = text.Token(i);
                var c = Classify(tok);
                ulong key = FeatureHash.AddLower(0, tok);
                if ((c & Case.HasLetter) == 0) continue;
                if ((c & (Case.InitCap | Case.AllCaps)) == 0) forms[key] = (byte)(forms.GetValueOrDefault(key) | FormLower);
                else if (i > start && !title[s]) forms[key] = (byte)(forms.GetValueOrDefault(key) | FormCapitalisedMid);
            }
        }
        if (stage1Labels is not null)
        {
            types = new sbyte[n];
            majority = new sbyte[n];
            previous = new sbyte[n];
            seen = new byte[n];
            var counts = new Dictionary<ulong, int[]>();
            var last = new Dictionary<ulong, sbyte>();
            var keys = new ulong[n];
            for (int i = 0; i < n; i++)
            {
                int label = stage1Labels[i];
                types[i] = (sbyte)SpanTagScheme.Decompose(label).Type;
                var c = Classify(text.Token(i));
                keys[i] = (c & (Case.InitCap | Case.AllCaps)) != 0 && (c & Case.HasLetter) != 0 ? FeatureHash.AddLower(0, text.Token(i)) : 0;
                if (keys[i] == 0) continue;
                if (!counts.TryGetValue(keys[i], out var k)) counts[keys[i]] = k = new int[5];
                k[types[i] < 0 ? 4 : types[i]]++;
            }
            for (int i = 0; i < n; i++)
            {
                majority[i] = -1; previous[i] = -1;
                if (keys[i] == 0) continue;
                int own = types[i] < 0 ? 4 : types[i];
                var k = counts[keys[i]];
                int best = -1, bestCount = 0;
                for (int t = 0; t < 5; t++)
                {
                    int count = k[t] - (t == own ? 1 : 0); // the other occurrences only
                    if (count > 0) seen[i] |= (byte)(1 << t);
                    if (count > bestCount) { best = t; bestCount = count; }
                }
                majority[i] = (sbyte)best;
                if (last.TryGetValue(keys[i], out sbyte p)) previous[i] = p;
                last[keys[i]] = (sbyte)own;
            }
        }
        return new NerDocumentContext
        {
            Forms = forms, CapsLine = caps, TitleLine = title, Stage1Types = types, Majority = majority, Seen = seen, Previous = previous,
        };
    }

    /// <summary>Extracts all features of sentence <paramref name="sentence"/> into <paramref name="output"/> (cleared first).</summary>
    public void Extract(NerText text, NerDocumentContext context, int sentence, FeatureSequence output)
    {
        ExtractLocal(text, context, sentence, output);
        if (context.Stage1Types is null) return;
        var extra = new FeatureSequence();
        ExtractSecondPass(text, context, sentence, extra);
        output.Append(extra);
    }

    /// <summary>
    /// Extracts the second-pass features of a sentence (the first-pass tags of the token, its neighbours and
    /// the word's other occurrences) into <paramref name="output"/> (cleared first); nothing when the context has no first-pass tags.
    /// </summary>
    public void ExtractSecondPass(NerText text, NerDocumentContext context, int sentence, FeatureSequence output)
    {
        output.Clear();
        if (context.Stage1Types is not { } s1) return;
        var (start, end) = text.Sentences[sentence];
        for (int t = start; t < end; t++)
        {
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1), s1[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Window), -1), t > start ? s1[t - 1] : 9));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Window), 1), t + 1 < end ? s1[t + 1] : 9));
            if (context.Majority![t] >= 0) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Majority), context.Majority[t]));
            if (context.Previous![t] >= 0) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.PreviousType), context.Previous[t]));
            byte seen = context.Seen![t];
            for (int k = 0; k < 5; k++) if ((seen & (1 << k)) != 0) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SeenType), k));
            output.EndPosition();
        }
    }

    /// <summary>Extracts the features that do not depend on first-pass tags into <paramref name="output"/> (cleared first).</summary>
    public void ExtractLocal(NerText text, NerDocumentContext context, int sentence, FeatureSequence output)
    {
        output.Clear();
        var (start, end) = text.Sentences[sentence];
        int len = end - start;
        int lists = Gazetteers.ListNames.Count;
        // Per-token hashes computed once; index 0..1 and len+2..len+3 are the padding beyond the sentence.
        ulong[] lower = ArrayPool<ulong>.Shared.Rent(len + 4);
        ulong[] shape = ArrayPool<ulong>.Shared.Rent(len + 4);
        byte[] marks = ArrayPool<byte>.Shared.Rent(Math.Max(1, len * lists));
        try
        {
            ulong boundaryLower = FeatureHash.Add(0UL, "<s>"), boundaryShape = FeatureHash.Add(1UL, "<s>");
            lower[0] = lower[1] = lower[len + 2] = lower[len + 3] = boundaryLower;
            shape[0] = shape[1] = shape[len + 2] = shape[len + 3] = boundaryShape;
            for (int i = 0; i < len; i++)
            {
                var tok = text.Token(start + i);
                lower[i + 2] = Normalized(tok);
                shape[i + 2] = Shape(tok, collapse: true);
            }
            _gazetteers.Match(text, start, end, marks);
            bool caps = context.CapsLine[sentence], title = context.TitleLine[sentence];

            for (int i = 0; i < len; i++)
            {
                int t = start + i, p = i + 2;
                var tok = text.Token(t);
                var c = Classify(tok);
                output.Add(FeatureHash.Start((int)T.Bias));
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Word), tok));
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Lower), lower[p]));
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Shape), shape[p]));
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.LongShape), Shape(tok, collapse: false)));
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Length), Math.Min(tok.Length, 8)));
                for (int k = 1; k <= 4 && k < tok.Length; k++)
                {
                    output.Add(FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Start((int)T.Prefix), k), tok[..k]));
                    output.Add(FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Start((int)T.Suffix), k), tok[^k..]));
                }
                for (int d = -2; d <= 2; d++)
                {
                    if (d == 0) continue;
                    output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window), d), lower[p + d]));
                    output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ShapeWindow), d), shape[p + d]));
                }
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ShapePair), shape[p - 1]), shape[p]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ShapePair + 100), shape[p]), shape[p + 1]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ShapeTriple), shape[p - 1]), shape[p]), shape[p + 1]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Bigram), lower[p - 1]), lower[p]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Bigram + 100), lower[p]), lower[p + 1]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.LowerShapeNext), lower[p]), shape[p + 1]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PrevLowerShape), lower[p - 1]), shape[p]));
                if (i == 0) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Initial), shape[p]));
                if (caps)
                {
                    output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CapsLineWord), lower[p]));
                    output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CapsLineShape), shape[p]));
                }
                else if (title) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.TitleLineShape), shape[p]));

                // Gazetteers: matches covering this token and its neighbours, alone and with capitalisation.
                for (int d = -1; d <= 1; d++)
                {
                    int q = i + d;
                    if (q < 0 || q >= len) continue;
                    for (int l = 0; l < lists; l++)
                    {
                        byte m = marks[q * lists + l];
                        if (m == 0) continue;
                        ulong g = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Gazetteer), d), l), m);
                        output.Add(g);
                        if (d == 0)
                        {
                            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.GazetteerCase), g), (int)(c & (Case.InitCap | Case.AllCaps))));
                            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.GazetteerWord), l), lower[p - 1]));
                        }
                    }
                }

                // How the word is written elsewhere in the document: a capitalised word that also occurs in lower
                // case is likely a common word; a sentence-initial or all-caps word seen capitalised mid-sentence is likely a name.
                if ((c & Case.HasLetter) != 0 && context.Forms.TryGetValue(FeatureHash.AddLower(0, tok), out byte forms))
                {
                    bool capitalised = (c & (Case.InitCap | Case.AllCaps)) != 0;
                    int where = i == 0 ? 1 : caps ? 2 : title ? 3 : 0;
                    if (capitalised && (forms & FormLower) != 0) output.Add(FeatureHash.Add(FeatureHash.Start((int)T.DocLower), where));
                    if ((forms & FormCapitalisedMid) != 0) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.DocCapitalised), where), capitalised ? 1 : 0));
                }

                output.EndPosition();
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(lower);
            ArrayPool<ulong>.Shared.Return(shape);
            ArrayPool<byte>.Shared.Return(marks);
        }
    }

    [Flags]
    internal enum Case : byte { None = 0, HasLetter = 1, InitCap = 2, AllCaps = 4, HasDigit = 8 }

    internal static Case Classify(ReadOnlySpan<char> token)
    {
        Case c = Case.None;
        bool anyLower = false, anyUpper = false;
        foreach (char ch in token)
        {
            if (char.IsLetter(ch))
            {
                c |= Case.HasLetter;
                if (char.IsUpper(ch)) anyUpper = true; else anyLower = true;
            }
            else if (char.IsDigit(ch)) c |= Case.HasDigit;
        }
        if (token.Length > 0 && char.IsUpper(token[0]) && anyLower) c |= Case.InitCap;
        if (anyUpper && !anyLower) c |= Case.AllCaps;
        return c;
    }

    /// <summary>Lower case with every digit folded to 0, so numbers of one form share features.</summary>
    private static ulong Normalized(ReadOnlySpan<char> token)
    {
        ulong h = 0xA5A5;
        foreach (char ch in token) h = (h ^ (char.IsDigit(ch) ? '0' : char.ToLowerInvariant(ch))) * 1099511628211UL;
        return h;
    }

    /// <summary>Word shape: X upper, x lower, d digit, other characters as they are; runs collapsed, or the first 4 and last 4 kept.</summary>
    private static ulong Shape(ReadOnlySpan<char> token, bool collapse)
    {
        ulong h = collapse ? 0x5151UL : 0x7373UL;
        char prev = '\0';
        for (int i = 0; i < token.Length; i++)
        {
            if (!collapse && token.Length > 8 && i == 4) { h = (h ^ '~') * 1099511628211UL; i = token.Length - 4; }
            char ch = token[i];
            char k = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'x' : ch;
            if (collapse && k == prev) continue;
            prev = k;
            h = (h ^ k) * 1099511628211UL;
        }
        return h;
    }
}
