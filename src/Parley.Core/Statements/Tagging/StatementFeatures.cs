using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Learning;
using Parley.Lexicons;
using Dependency = Parley.Syntax.Dependency;
using PosTag = Parley.Syntax.PosTag;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>
/// Per-document facts the attribution features read, computed once per document: reporting-verb flags,
/// quote flags, entity types, the sentence of each token, and the POS and dependency layers.
/// </summary>
internal sealed class StatementContext
{
    public const byte InQuote = 1, InSpeech = 2, OpenMark = 4, CloseMark = 8;

    public required Document Document { get; init; }
    public required ImmutableArray<Token> Tokens { get; init; }
    public required ImmutableArray<Sentence> Sentences { get; init; }
    public required ImmutableArray<PosTag> Pos { get; init; }
    public required ImmutableArray<Dependency> Deps { get; init; }
    public required int[] SentenceOf { get; init; }      // per token, -1 outside sentences
    public required byte[] Cue { get; init; }            // per token: 1 finite reporting verb, 2 gerund, 0 none
    public required byte[] Quote { get; init; }          // per token: InQuote | InSpeech | OpenMark | CloseMark
    public required sbyte[] Entity { get; init; }        // per token: entity type * 2 + (inside ? 1 : 0), -1 none
    public required ulong[] Lower { get; init; }         // per token: hash of the lower-cased form
    public required int[] TrailingCue { get; init; }     // per sentence: a reporting verb among its last tokens after a comma ("…, she said."), or -1
    public required int[] LeadingCue { get; init; }      // per sentence: a reporting verb among its first tokens ("He said that …"), or -1

    public ReadOnlySpan<char> Word(int t) => Document.Text.AsSpan(Tokens[t].Start, Tokens[t].Length);

    public static StatementContext Of(Document document)
    {
        var tokens = document.Tokens;
        int n = tokens.Length;
        if (!document.Has(SyntaxLayers.PartOfSpeech) || !document.Has(SyntaxLayers.Dependencies))
            throw new InvalidOperationException("The statement tagger needs the part-of-speech and dependency layers (add the syntax stages).");
        var sentenceOf = new int[n];
        Array.Fill(sentenceOf, -1);
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
            for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++) sentenceOf[t] = s;
        var cue = new byte[n];
        var lower = new ulong[n];
        var lexicon = ReportingLexicon.Default;
        for (int t = 0; t < n; t++)
        {
            var w = document.Text.AsSpan(tokens[t].Start, tokens[t].Length);
            lower[t] = FeatureHash.AddLower(0x51A7UL, w);
            cue[t] = lexicon.TryGetVerb(w, out _) ? (byte)1 : lexicon.TryGetGerund(w, out _) ? (byte)2 : (byte)0;
        }
        var quote = new byte[n];
        if (document.Has(Layers.Quotes))
            foreach (var q in document.Quotes)
            {
                var extent = q.Extent;
                int first = Math.Max(0, document.TokenIndexAt(extent.Start) - 1);
                for (int t = first; t < n && tokens[t].Start < extent.End; t++)
                {
                    if (!extent.Overlaps(tokens[t].Span)) continue;
                    quote[t] |= InQuote;
                    if (q.IsSpeech) quote[t] |= InSpeech;
                    if (tokens[t].Span.Overlaps(q.Open)) quote[t] |= OpenMark;
                    if (q.Close is { } c && tokens[t].Span.Overlaps(c)) quote[t] |= CloseMark;
                }
            }
        var entity = new sbyte[n];
        Array.Fill(entity, (sbyte)-1);
        if (document.Has(EntityLayers.Entities))
            foreach (var m in document.Get(EntityLayers.Entities))
                for (int k = 0; k < m.TokenCount && m.FirstToken + k < n; k++)
                    entity[m.FirstToken + k] = (sbyte)((int)m.Type * 2 + (k > 0 ? 1 : 0));
        var trailing = new int[sentences.Length];
        var leading = new int[sentences.Length];
        for (int s = 0; s < sentences.Length; s++)
        {
            trailing[s] = leading[s] = -1;
            int first = sentences[s].FirstToken, end = sentences[s].EndToken;
            for (int t = end - 1; t >= Math.Max(first, end - 6) && trailing[s] < 0; t--)
            {
                if (cue[t] != 1) continue;
                for (int u = t - 1; u >= Math.Max(first, t - 6); u--)
                    if (document.Text[tokens[u].Start] == ',' || tokens[u].Kind == TokenKind.Quote) { trailing[s] = t; break; }
            }
            for (int t = first; t < Math.Min(end, first + 8); t++)
                if (cue[t] == 1) { leading[s] = t; break; }
        }
        return new StatementContext
        {
            TrailingCue = trailing, LeadingCue = leading,
            Document = document, Tokens = tokens, Sentences = sentences, SentenceOf = sentenceOf, Cue = cue, Quote = quote, Entity = entity, Lower = lower,
            Pos = document.Get(SyntaxLayers.PartOfSpeech), Deps = document.Get(SyntaxLayers.Dependencies),
        };
    }
}

/// <summary>
/// Extracts the attribution tagger's features for one unit (a paragraph), hashed from spans without
/// per-token strings: the word, its shape and suffixes, a ±2 window of words and tags, the token's
/// dependency relation, head word and head tag, whether the head is a reporting verb, the path up to the
/// nearest reporting-verb ancestor, reporting verbs nearby, quote marks and quote membership, colons,
/// dashes and "according to", entity types, and the token's place in its sentence, paragraph and document.
/// </summary>
internal static class StatementFeatures
{
    /// <summary>Identifies the feature set; stored in the model, which refuses to load with another one.</summary>
    public const string Version = "statement-features-3";

    private enum T
    {
        Bias = 1, Lower, Shape, Suffix, Window, Bigram, Pos, PosWindow, PosBigram, CueWord, CueWordPos, DepLabel, DepLabelHeadPos,
        HeadWord, HeadCue, CuePath, CueAncestorDistance, CueAncestorEntry, CueChildren, NearCue, QuoteFlags, QuoteWord, QuoteDistance,
        Colon, Dash, AccordingTo, AfterAccordingTo, SentenceInitial, SentenceInUnit, UnitInDocument, Headline, Entity, EntityDep,
        PosDepHeadCue, LowerDep, SentenceEnd, QuoteCount, CueInSentence, RootCue, RootCuePos, TrailingCue, LeadingCue,
        Stage1, Stage1Window, Stage1Sentence, Stage1Neighbour, Stage1Pos,
    }

    public static void Extract(StatementContext c, int start, int end, int unitIndex, FeatureSequence output)
    {
        output.Clear();
        var text = c.Document.Text;
        var tokens = c.Tokens;
        ulong none = FeatureHash.Add(0UL, "<none>");
        ulong L(int t) => t >= start && t < end ? c.Lower[t] : none;
        ulong P(int t) => t >= start && t < end ? FeatureHash.Add(0UL, c.Pos[t].Tag) : none;

        // Unit-level scans: colon / dash / "according to" positions and quote mark positions, sentence by sentence.
        int firstSentence = c.SentenceOf[start];
        for (int t = start; t < end; t++)
        {
            int s = c.SentenceOf[t];
            var sentence = c.Sentences[s];
            var word = c.Word(t);
            ulong lower = c.Lower[t];
            ulong pos = FeatureHash.Add(0UL, c.Pos[t].Tag);
            var dep = c.Deps[t];
            ulong label = FeatureHash.Add(0UL, dep.Label);

            output.Add(FeatureHash.Start((int)T.Bias));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Lower), lower));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Shape), Shape(word)));
            for (int k = 1; k <= 3 && k < word.Length; k++)
                output.Add(FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Start((int)T.Suffix), k), word[^k..]));
            for (int d = -2; d <= 2; d++)
            {
                if (d == 0) continue;
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window), d), L(t + d)));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosWindow), d), P(t + d)));
            }
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Bigram), L(t - 1)), lower));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Bigram + 100), lower), L(t + 1)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Pos), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosBigram), P(t - 1)), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosBigram + 100), pos), P(t + 1)));

            // Reporting verbs: the token itself, and the nearest one in its sentence.
            byte cue = c.Cue[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWord), cue));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWordPos), cue), pos));
            int nearest = int.MaxValue;
            bool cueInSentence = false;
            for (int u = sentence.FirstToken; u < sentence.EndToken; u++)
                if (c.Cue[u] == 1 && u != t)
                {
                    cueInSentence = true;
                    if (Math.Abs(u - t) < Math.Abs(nearest)) nearest = u - t;
                }
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueInSentence), cueInSentence ? 1 : 0));
            if (nearest != int.MaxValue)
            {
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue), Bin(nearest)));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue + 100), Bin(nearest)), pos));
            }

            // Dependencies: relation, head, and the path to the nearest reporting-verb ancestor.
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.DepLabel), label));
            int head = dep.Head;
            ulong headPos = head >= 0 ? FeatureHash.Add(0UL, c.Pos[head].Tag) : none;
            int headCue = head >= 0 ? c.Cue[head] : 9;
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.DepLabelHeadPos), label), headPos));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.HeadWord), head >= 0 ? c.Lower[head] : none));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.HeadCue), headCue), label));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosDepHeadCue), pos), label), headCue));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.LowerDep), lower), label));
            ulong path = FeatureHash.Start((int)T.CuePath);
            int node = t, steps = 0, entry = -1;
            string? entryLabel = null;
            while (c.Deps[node].Head >= 0 && steps < 8)
            {
                var d = c.Deps[node];
                if (steps < 4) path = FeatureHash.Add(path, d.Label);
                steps++;
                if (c.Cue[d.Head] != 0) { entry = d.Head; entryLabel = d.Label; break; }
                node = d.Head;
            }
            if (entry >= 0)
            {
                output.Add(path);
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueAncestorDistance), Math.Min(steps, 5)), entry < t ? 1 : 0));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueAncestorEntry), entryLabel!), entry < t ? 1 : 0));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueAncestorEntry + 100), entryLabel!), c.Quote[t] & 3));
            }
            else output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueAncestorDistance), -1));
            if (cue != 0)
            {
                // Which arguments a reporting verb has: a subject and a clausal complement make it a likely cue.
                int mask = 0;
                for (int u = sentence.FirstToken; u < sentence.EndToken; u++)
                {
                    if (c.Deps[u].Head != t) continue;
                    string l = c.Deps[u].Label;
                    if (l.StartsWith("nsubj", StringComparison.Ordinal)) mask |= 1;
                    else if (l is "ccomp" or "parataxis" or "xcomp") mask |= 2;
                    else if (l is "dobj" or "iobj") mask |= 4;
                    if ((c.Quote[u] & InQuoteMask) != 0) mask |= 8;
                }
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueChildren), mask));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueChildren + 100), mask), label));
            }

            // The sentence's root: is it a reporting verb, is the token before or after it, and under which of its relations.
            int top = t, climb = 0;
            while (c.Deps[top].Head >= 0 && climb++ < 16)
            {
                if (c.Deps[c.Deps[top].Head].Head < 0) break;
                top = c.Deps[top].Head;
            }
            int root = c.Deps[top].Head >= 0 ? c.Deps[top].Head : top;
            int rootCue = c.Cue[root];
            string topLabel = top == root ? "self" : c.Deps[top].Label;
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RootCue), rootCue), topLabel), t < root ? 0 : t == root ? 1 : 2));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RootCuePos), rootCue), pos), t < root ? 0 : t == root ? 1 : 2));

            // "…, sources said." at the end of the sentence, and "X said (that) …" at its start.
            int trailing = c.TrailingCue[s], leading = c.LeadingCue[s];
            if (trailing >= 0)
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.TrailingCue), t < trailing - 4 ? 0 : Math.Clamp(t - trailing, -4, 1)), pos));
            if (leading >= 0)
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.LeadingCue), t > leading + 3 ? 0 : Math.Clamp(t - leading, -3, 3)), pos));

            // Quotes: membership, marks, and the distance to the previous closing and next opening mark in the unit.
            byte q = c.Quote[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteFlags), q));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteWord), q & 3), lower));
            int prevClose = int.MaxValue, nextOpen = int.MaxValue;
            for (int u = t - 1; u >= start && t - u <= 8; u--) if ((c.Quote[u] & StatementContext.CloseMark) != 0) { prevClose = t - u; break; }
            for (int u = t + 1; u < end && u - t <= 8; u++) if ((c.Quote[u] & StatementContext.OpenMark) != 0) { nextOpen = u - t; break; }
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteDistance), Bin(prevClose)), Bin(nextOpen)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteDistance + 100), Bin(prevClose)), pos));

            // Colon, dash and "according to" earlier in the sentence.
            int colon = 0, dash = 0, according = 0;
            for (int u = sentence.FirstToken; u < t; u++)
            {
                var w = c.Word(u);
                if (w is ":") colon = 1;
                else if (w is "—" or "–" or "--") dash = 1;
                else if (u + 1 < sentence.EndToken && w.Equals("according", StringComparison.OrdinalIgnoreCase) && c.Word(u + 1).Equals("to", StringComparison.Ordinal)) according = t - u <= 6 ? 2 : 1;
            }
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Colon), colon), pos));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Dash), dash));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.AfterAccordingTo), according), pos));
            bool accordingHere = (word.Equals("according", StringComparison.OrdinalIgnoreCase) && t + 1 < end && c.Word(t + 1).Equals("to", StringComparison.Ordinal))
                || (word.Equals("to", StringComparison.Ordinal) && t > start && c.Word(t - 1).Equals("according", StringComparison.OrdinalIgnoreCase));
            if (accordingHere) output.Add(FeatureHash.Start((int)T.AccordingTo));

            // Place: sentence start and end, sentence within the paragraph, paragraph within the document.
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceInitial), Math.Min(t - sentence.FirstToken, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceEnd), Math.Min(sentence.EndToken - 1 - t, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceInUnit), Math.Min(s - firstSentence, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.UnitInDocument), Math.Min(unitIndex, 3)));
            if (sentence.IsHeadline) output.Add(FeatureHash.Start((int)T.Headline));

            // Entities.
            int e = c.Entity[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Entity), e));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.EntityDep), e), label), headCue));
            output.EndPosition();
        }
    }

    /// <summary>
    /// Second-pass features of a unit from first-pass labels (<paramref name="stage1"/>, one per document token):
    /// the token's and its neighbours' first-pass roles, which roles the first pass found before and after the
    /// token in its sentence, and whether the neighbouring sentences have a cue.
    /// </summary>
    public static void ExtractSecondPass(StatementContext c, int[] stage1, int start, int end, FeatureSequence output)
    {
        output.Clear();
        int Role(int t) => t >= start && t < end ? SpanTagScheme.Decompose(stage1[t]).Type : 9;
        for (int t = start; t < end; t++)
        {
            int s = c.SentenceOf[t];
            var sentence = c.Sentences[s];
            int role = Role(t);
            ulong pos = FeatureHash.Add(0UL, c.Pos[t].Tag);
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1), stage1[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Pos), role), pos));
            for (int d = -2; d <= 2; d++)
                if (d != 0) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Window), d), Role(t + d)), role));
            int before = 0, after = 0; // bit per role found before / after the token in its sentence
            for (int u = sentence.FirstToken; u < sentence.EndToken; u++)
            {
                int r = SpanTagScheme.Decompose(stage1[u]).Type;
                if (r < 0 || u == t) continue;
                if (u < t) before |= 1 << r; else after |= 1 << r;
            }
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Sentence), before), after));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Sentence + 100), before), after), role));
            int neighbours = 0;
            if (s > 0 && HasCue(c, stage1, s - 1)) neighbours |= 1;
            if (s + 1 < c.Sentences.Length && HasCue(c, stage1, s + 1)) neighbours |= 2;
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Neighbour), neighbours), after != 0 || before != 0 ? 1 : 0), role));
            output.EndPosition();
        }
    }

    private static bool HasCue(StatementContext c, int[] stage1, int sentence)
    {
        for (int u = c.Sentences[sentence].FirstToken; u < c.Sentences[sentence].EndToken; u++)
            if (SpanTagScheme.Decompose(stage1[u]).Type == StatementRoles.Cue) return true;
        return false;
    }

    private const byte InQuoteMask = StatementContext.InQuote;

    /// <summary>A signed, coarse distance: 0 for none (int.MaxValue), else ±1, ±2, ±3 (3–5), ±4 (6–10), ±5 (beyond).</summary>
    private static int Bin(int d)
    {
        if (d == int.MaxValue) return 0;
        int a = Math.Abs(d);
        int b = a <= 2 ? a : a <= 5 ? 3 : a <= 10 ? 4 : 5;
        return d < 0 ? -b : b;
    }

    /// <summary>Collapsed word shape: X upper, x lower, d digit, other characters as they are.</summary>
    private static ulong Shape(ReadOnlySpan<char> token)
    {
        ulong h = 0x5151UL;
        char prev = '\0';
        foreach (char ch in token)
        {
            char k = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'x' : ch;
            if (k == prev) continue;
            prev = k;
            h = (h ^ k) * 1099511628211UL;
        }
        return h;
    }
}
