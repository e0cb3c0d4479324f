using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Learning;
using Parley.Lexicons;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>
/// Per-document facts the attribution features read, computed once per document in linear time: reporting-verb
/// flags, quote flags, entity types, the sentence of each token, hashed words and tags, noun-phrase chunks
/// and how each chunk sits next to a reporting verb, the nearest reporting verb of each token, and which
/// colons, dashes and "according to" come earlier in the sentence. No dependency parse: the chunks and
/// cue neighbourhoods stand in for it (the parser cost more than the rest of the pipeline).
/// </summary>
internal sealed class StatementContext
{
    public const byte InQuote = 1, InSpeech = 2, OpenMark = 4, CloseMark = 8;

    /// <summary>Chunk relations to a reporting verb (<see cref="ChunkRelation"/>).</summary>
    public const byte BeforeCue = 1, AfterCue = 2, AfterAccordingTo = 3, AfterBy = 4, AfterThat = 5;

    public required Document Document { get; init; }
    public required ImmutableArray<Token> Tokens { get; init; }
    public required ImmutableArray<Sentence> Sentences { get; init; }
    public required int[] SentenceOf { get; init; }      // per token, -1 outside sentences
    public required byte[] Cue { get; init; }            // per token: 1 finite reporting verb, 2 gerund, 0 none
    public required byte[] Quote { get; init; }          // per token: InQuote | InSpeech | OpenMark | CloseMark
    public required sbyte[] Entity { get; init; }        // per token: entity type * 2 + (inside ? 1 : 0), -1 none
    public required ulong[] Lower { get; init; }         // per token: hash of the lower-cased form
    public required ushort[] PosIndex { get; init; }     // per token: index of its POS tag in PosHashes
    public required ulong[] PosHashes { get; init; }     // per distinct POS tag of the document: its hash
    public required byte[] Chunk { get; init; }          // per token: noun-phrase chunk part, 0 none, 1 B, 2 I, 3 L, 4 U
    public required byte[] ChunkRelation { get; init; }  // per token: how its chunk sits next to a reporting verb (BeforeCue, …), 0 none
    public required int[] NearestCue { get; init; }      // per token: signed distance to the nearest other reporting verb of its sentence, int.MaxValue none
    public required byte[] Earlier { get; init; }        // per token: 1 colon, 2 dash, 4 "according to" (8 within 6 tokens) earlier in the sentence
    public required bool[] SentenceHasCue { get; init; } // per sentence: a finite reporting verb
    public required int[] TrailingCue { get; init; }     // per sentence: a reporting verb among its last tokens after a comma ("…, she said."), or -1
    public required int[] LeadingCue { get; init; }      // per sentence: a reporting verb among its first tokens ("He said that …"), or -1
    public required int[] FirstVerb { get; init; }       // per sentence: its first finite verb (VBD/VBZ/VBP/MD), or -1

    public ReadOnlySpan<char> Word(int t) => Document.Text.AsSpan(Tokens[t].Start, Tokens[t].Length);

    /// <summary>The hash of token <paramref name="t"/>'s POS tag (a byte or two per token instead of eight: a 10 MB input has millions of tokens).</summary>
    public ulong PosHash(int t) => PosHashes[PosIndex[t]];

    public static StatementContext Of(Document document)
    {
        var tokens = document.Tokens;
        int n = tokens.Length;
        if (!document.Has(SyntaxLayers.PartOfSpeech))
            throw new InvalidOperationException("The statement tagger needs the part-of-speech layer (add the syntax stages).");
        var pos = document.Get(SyntaxLayers.PartOfSpeech);
        var text = document.Text;
        var sentenceOf = new int[n];
        Array.Fill(sentenceOf, -1);
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
            for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++) sentenceOf[t] = s;
        var cue = new byte[n];
        var lower = new ulong[n];
        var posIndex = new ushort[n];
        // Per distinct tag: its hash and the tag classes the scans below ask about.
        var tagIndex = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var posHashes = new List<ulong>();
        var tagClass = new List<byte>(); // 1 nominal, 2 auxiliary or adverb, 4 finite verb
        var lexicon = ReportingLexicon.Default;
        for (int t = 0; t < n; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            lower[t] = FoldedLower(w);
            string tag = pos[t].Tag;
            if (!tagIndex.TryGetValue(tag, out ushort index))
            {
                if (posHashes.Count > ushort.MaxValue) throw new InvalidOperationException("Too many distinct part-of-speech tags.");
                index = (ushort)posHashes.Count;
                tagIndex.Add(tag, index);
                posHashes.Add(FeatureHash.Add(0UL, tag));
                tagClass.Add((byte)((IsNounish(tag) ? 1 : 0) | (IsAuxiliaryOrAdverb(tag) ? 2 : 0) | (tag is "VBD" or "VBZ" or "VBP" or "MD" ? 4 : 0)));
            }
            posIndex[t] = index;
            cue[t] = lexicon.TryGetVerb(w, out _) ? (byte)1 : lexicon.TryGetGerund(w, out _) ? (byte)2 : (byte)0;
        }
        var classes = tagClass.ToArray();
        bool Nounish(int t) => (classes[posIndex[t]] & 1) != 0;
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

        var chunk = new byte[n];
        var relation = new byte[n];
        var nearest = new int[n];
        var earlier = new byte[n];
        var hasCue = new bool[sentences.Length];
        var trailing = new int[sentences.Length];
        var leading = new int[sentences.Length];
        var firstVerb = new int[sentences.Length];
        bool Is(int t, string word) => text.AsSpan(tokens[t].Start, tokens[t].Length).Equals(word, StringComparison.OrdinalIgnoreCase);
        for (int s = 0; s < sentences.Length; s++)
        {
            int first = sentences[s].FirstToken, end = sentences[s].EndToken;
            trailing[s] = leading[s] = firstVerb[s] = -1;
            // Noun-phrase chunks: maximal runs of nominal tags, and how each sits next to a reporting verb.
            for (int t = first; t < end;)
            {
                if (!Nounish(t)) { t++; continue; }
                int stop = t + 1;
                while (stop < end && Nounish(stop)) stop++;
                if (stop - t == 1) chunk[t] = 4;
                else { chunk[t] = 1; for (int u = t + 1; u < stop - 1; u++) chunk[u] = 2; chunk[stop - 1] = 3; }
                byte rel = 0;
                int after = stop;
                while (after < end && after - stop < 3 && (classes[posIndex[after]] & 2) != 0 && cue[after] == 0) after++;
                if (after < end && cue[after] == 1) rel = BeforeCue;
                else if (t > first && cue[t - 1] == 1) rel = AfterCue;
                else if (t >= first + 2 && Is(t - 1, "to") && Is(t - 2, "according")) rel = AfterAccordingTo;
                else if (t > first + 1 && Is(t - 1, "by") && cue[t - 2] != 0) rel = AfterBy;
                else if (t > first + 1 && Is(t - 1, "that") && cue[t - 2] == 1) rel = AfterThat;
                for (int u = t; u < stop; u++) relation[u] = rel;
                t = stop;
            }
            // Nearest other reporting verb, by a sweep each way.
            int last = int.MinValue / 2;
            for (int t = first; t < end; t++)
            {
                nearest[t] = last == int.MinValue / 2 ? int.MaxValue : last - t;
                if (cue[t] == 1) { last = t; hasCue[s] = true; }
            }
            last = int.MaxValue / 2;
            for (int t = end - 1; t >= first; t--)
            {
                if (last != int.MaxValue / 2 && (nearest[t] == int.MaxValue || last - t < -nearest[t])) nearest[t] = last - t;
                if (cue[t] == 1) last = t;
            }
            // Colon, dash and "according to" earlier in the sentence.
            byte flags = 0;
            int according = int.MinValue / 2;
            for (int t = first; t < end; t++)
            {
                earlier[t] = (byte)(flags | (t - according <= 6 ? 8 : 0));
                var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
                if (w is ":") flags |= 1;
                else if (IsDash(w)) flags |= 2;
                else if (t + 1 < end && w.Equals("according", StringComparison.OrdinalIgnoreCase) && Is(t + 1, "to")) { flags |= 4; according = t; }
                if (firstVerb[s] < 0 && (classes[posIndex[t]] & 4) != 0) firstVerb[s] = t;
            }
            for (int t = end - 1; t >= Math.Max(first, end - 6) && trailing[s] < 0; t--)
            {
                if (cue[t] != 1) continue;
                for (int u = t - 1; u >= Math.Max(first, t - 6); u--)
                    if (text[tokens[u].Start] == ',' || tokens[u].Kind == TokenKind.Quote) { trailing[s] = t; break; }
            }
            for (int t = first; t < Math.Min(end, first + 8); t++)
                if (cue[t] == 1) { leading[s] = t; break; }
        }
        return new StatementContext
        {
            TrailingCue = trailing, LeadingCue = leading, FirstVerb = firstVerb, SentenceHasCue = hasCue,
            Document = document, Tokens = tokens, Sentences = sentences, SentenceOf = sentenceOf, Cue = cue, Quote = quote, Entity = entity, Lower = lower,
            PosIndex = posIndex, PosHashes = posHashes.ToArray(), Chunk = chunk, ChunkRelation = relation, NearestCue = nearest, Earlier = earlier,
        };
    }

    /// <summary>A dash token: any of the dash characters <see cref="NormalizedText.Fold"/> folds to '-' ("―" in some outlets), or "--".</summary>
    public static bool IsDash(ReadOnlySpan<char> w) => w is "--" || (w.Length == 1 && w[0] != '-' && NormalizedText.Fold(w[0]) == '-');

    /// <summary>
    /// The hash of a word lower-cased with its typography folded (curly and straight quotes, dash variants are one),
    /// so that outlets' typographic habits do not split a word's weights.
    /// </summary>
    private static ulong FoldedLower(ReadOnlySpan<char> w)
    {
        if (w.Length > 64) return FeatureHash.AddLower(0x51A7UL, w);
        Span<char> folded = stackalloc char[w.Length];
        for (int i = 0; i < w.Length; i++) folded[i] = NormalizedText.Fold(w[i]);
        return FeatureHash.AddLower(0x51A7UL, folded);
    }

    private static bool IsNounish(string tag) => tag is "NN" or "NNS" or "NNP" or "NNPS" or "PRP" or "DT" or "PDT" or "PRP$" or "JJ" or "JJR" or "JJS" or "CD" or "POS";

    private static bool IsAuxiliaryOrAdverb(string tag) => tag is "RB" or "MD" or "VBZ" or "VBD" or "VBP" or "VBN" or "VB" or ",";
}

/// <summary>
/// Extracts the attribution tagger's features for one unit (a paragraph), hashed from spans without
/// per-token strings: the word, its shape and suffixes, a ±2 window of words and tags, noun-phrase chunks
/// and their place next to a reporting verb (subject before "said", "said X", "according to X", "by X"),
/// the nearest reporting verb and what surrounds one, the sentence's first finite verb, quote marks and
/// quote membership, colons, dashes and "according to", entity types, and the token's place in its
/// sentence, paragraph and document. All per-document scans are done once in <see cref="StatementContext"/>.
/// </summary>
internal static class StatementFeatures
{
    /// <summary>Identifies the feature set; stored in the model, which refuses to load with another one.</summary>
    public const string Version = "statement-features-8";

    private enum T
    {
        Bias = 1, Lower, Shape, Suffix, Window, Bigram, Pos, PosWindow, PosBigram, CueWord, CueWordPos, DepLabel, DepLabelHeadPos,
        HeadWord, HeadCue, CuePath, CueAncestorDistance, CueAncestorEntry, CueChildren, NearCue, QuoteFlags, QuoteWord, QuoteDistance,
        Colon, Dash, AccordingTo, AfterAccordingTo, SentenceInitial, SentenceInUnit, UnitInDocument, Headline, Entity, EntityDep,
        PosDepHeadCue, LowerDep, SentenceEnd, QuoteCount, CueInSentence, RootCue, RootCuePos, TrailingCue, LeadingCue,
        Stage1, Stage1Window, Stage1Sentence, Stage1Neighbour, Stage1Pos, Chunk, ChunkPos, ChunkWord, Stage1Chunk, Stage1Cue, Stage1CueWord, ColonContext, Stem,
    }

    public static void Extract(StatementContext c, int start, int end, int unitIndex, FeatureSequence output)
    {
        output.Clear();
        ulong none = FeatureHash.Add(0UL, "<none>");
        ulong L(int t) => t >= start && t < end ? c.Lower[t] : none;
        ulong P(int t) => t >= start && t < end ? c.PosHash(t) : none;

        int firstSentence = c.SentenceOf[start];
        int lastClose = int.MinValue / 2, nextOpenAt = -1; // -1: not looked for yet
        // Stems of the previous, this and the next token, rolled along so each word is stemmed once.
        ulong stemBefore = none, stem = Stem(c.Word(start)), stemAfter;
        for (int t = start; t < end; t++, stemBefore = stem, stem = stemAfter)
        {
            stemAfter = t + 1 < end ? Stem(c.Word(t + 1)) : none;
            int s = c.SentenceOf[t];
            var sentence = c.Sentences[s];
            var word = c.Word(t);
            ulong lower = c.Lower[t];
            ulong pos = c.PosHash(t);

            output.Add(FeatureHash.Start((int)T.Bias));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Lower), lower));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Shape), Shape(word)));
            // The word and its neighbours without inflection ("cited", "cites", "citing" → "cit"): rare cue verbs share their evidence.
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stem), stem));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stem + 100), stem), pos));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stem + 200), stemBefore));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stem + 300), stemAfter));
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

            // Reporting verbs: the token itself, and the nearest other one in its sentence (and which word it is).
            byte cue = c.Cue[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWord), cue));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWordPos), cue), pos));
            int nearest = c.NearestCue[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueInSentence), nearest != int.MaxValue ? 1 : 0));
            if (nearest != int.MaxValue)
            {
                int bin = Bin(nearest);
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue), bin));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue + 100), bin), pos));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue + 200), Math.Sign(nearest)), c.Lower[t + nearest]));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.NearCue + 300), bin), c.Chunk[t]), c.ChunkRelation[t]));
            }

            // Noun-phrase chunks and their place next to a reporting verb: a chunk right before "said" is its likely subject.
            byte chunk = c.Chunk[t], relation = c.ChunkRelation[t];
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Chunk), chunk), relation));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ChunkPos), chunk), relation), pos));
            if (relation != 0) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ChunkWord), relation), lower));
            if (cue != 0)
            {
                // What surrounds a reporting verb: a subject chunk, "that", a quote or colon, a comma before it.
                int mask = 0;
                if (t > sentence.FirstToken && c.ChunkRelation[t - 1] == StatementContext.BeforeCue) mask |= 1;
                if (t + 1 < sentence.EndToken)
                {
                    var next = c.Word(t + 1);
                    if (next.Equals("that", StringComparison.OrdinalIgnoreCase)) mask |= 2;
                    else if (c.Tokens[t + 1].Kind == TokenKind.Quote || next is ":") mask |= 4;
                    else if (c.Chunk[t + 1] is 1 or 4) mask |= 16;
                }
                if (t > sentence.FirstToken && (c.Word(t - 1) is "," || c.Tokens[t - 1].Kind == TokenKind.Quote)) mask |= 8;
                if ((c.Quote[t] & StatementContext.InQuote) != 0) mask |= 32;
                output.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueChildren), mask));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueChildren + 100), mask), lower));
            }

            // The first finite verb of the sentence: is it a reporting verb, and is the token before or after it.
            int verb = c.FirstVerb[s];
            int side = verb < 0 ? 3 : t < verb ? 0 : t == verb ? 1 : 2;
            int verbCue = verb < 0 ? 0 : c.Cue[verb];
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RootCue), verbCue), side), chunk));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.RootCuePos), verbCue), pos), side));

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
            // The last closing mark before the token and the first opening mark after it, each kept from a sweep over the unit.
            int prevClose = t - lastClose <= 8 ? t - lastClose : int.MaxValue;
            if (nextOpenAt <= t)
            {
                nextOpenAt = int.MaxValue / 2;
                for (int u = t + 1; u < end; u++) if ((c.Quote[u] & StatementContext.OpenMark) != 0) { nextOpenAt = u; break; }
            }
            int nextOpen = nextOpenAt - t <= 8 ? nextOpenAt - t : int.MaxValue;
            if ((q & StatementContext.CloseMark) != 0) lastClose = t;
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteDistance), Bin(prevClose)), Bin(nextOpen)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteDistance + 100), Bin(prevClose)), pos));

            // Colon, dash and "according to" earlier in the sentence.
            int earlier = c.Earlier[t];
            int according = (earlier & 4) == 0 ? 0 : (earlier & 8) != 0 ? 2 : 1;
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Colon), earlier & 1), pos));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Dash), (earlier >> 1) & 1));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.AfterAccordingTo), according), pos));
            bool accordingHere = (word.Equals("according", StringComparison.OrdinalIgnoreCase) && t + 1 < end && c.Word(t + 1).Equals("to", StringComparison.Ordinal))
                || (word.Equals("to", StringComparison.Ordinal) && t > start && c.Word(t - 1).Equals("according", StringComparison.OrdinalIgnoreCase));
            if (accordingHere) output.Add(FeatureHash.Start((int)T.AccordingTo));
            if (word is ":" || StatementContext.IsDash(word))
            {
                // A colon or dash as the cue ("PENCE: …", "Trump ― …"): what stands before and after it.
                int kind = word is ":" ? 1 : 2;
                ulong before = t > sentence.FirstToken ? Shape(c.Word(t - 1)) : none;
                int after = t + 1 < sentence.EndToken ? (c.Tokens[t + 1].Kind == TokenKind.Quote ? 1 : c.Chunk[t + 1] is 1 or 4 ? 2 : 3) : 0;
                int place = Math.Min(t - sentence.FirstToken, 6);
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ColonContext), kind), sentence.IsHeadline ? 1 : 0), after), place));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ColonContext + 100), kind), before), after));
                output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.ColonContext + 200), kind), t > sentence.FirstToken ? c.Chunk[t - 1] : 9), c.Entity[Math.Max(sentence.FirstToken, t - 1)]));
            }

            // Place: sentence start and end, sentence within the paragraph, paragraph within the document.
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceInitial), Math.Min(t - sentence.FirstToken, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceEnd), Math.Min(sentence.EndToken - 1 - t, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceInUnit), Math.Min(s - firstSentence, 3)));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.UnitInDocument), Math.Min(unitIndex, 3)));
            if (sentence.IsHeadline) output.Add(FeatureHash.Start((int)T.Headline));

            // Entities.
            int e = c.Entity[t];
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Entity), e));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.EntityDep), e), relation), chunk));
            output.EndPosition();
        }
    }

    /// <summary>
    /// The few local features the second pass keeps besides its own (word, ±1 words and tags, reporting verb,
    /// chunk, quote, colon and "according to" flags, sentence start, headline, entity): the first pass's roles
    /// carry the rest, and a short sequence keeps the second decode cheap (decoding is bound by feature lookups).
    /// </summary>
    public static void ExtractCore(StatementContext c, int start, int end, FeatureSequence output)
    {
        output.Clear();
        ulong none = FeatureHash.Add(0UL, "<none>");
        ulong L(int t) => t >= start && t < end ? c.Lower[t] : none;
        ulong P(int t) => t >= start && t < end ? c.PosHash(t) : none;
        for (int t = start; t < end; t++)
        {
            var sentence = c.Sentences[c.SentenceOf[t]];
            ulong pos = c.PosHash(t);
            output.Add(FeatureHash.Start((int)T.Bias + 1000));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Lower + 1000), c.Lower[t]));
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Pos + 1000), pos));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window + 1000), -1), L(t - 1)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Window + 1000), 1), L(t + 1)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.PosWindow + 1000), P(t - 1)), pos), P(t + 1)));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.CueWord + 1000), c.Cue[t]), c.Chunk[t]), c.ChunkRelation[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.QuoteFlags + 1000), c.Quote[t]), c.Earlier[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.SentenceInitial + 1000), Math.Min(t - sentence.FirstToken, 3)), sentence.IsHeadline ? 1 : 0), c.Entity[t]));
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
        int length = end - start;
        Span<int> before = length <= 1024 ? stackalloc int[length] : new int[length];
        Span<int> after = length <= 1024 ? stackalloc int[length] : new int[length];
        // Bit per role found before / after each token in its sentence: one sweep each way per sentence.
        for (int s = c.SentenceOf[start]; s < c.Sentences.Length && c.Sentences[s].FirstToken < end; s++)
        {
            int first = Math.Max(start, c.Sentences[s].FirstToken), stop = Math.Min(end, c.Sentences[s].EndToken);
            int mask = 0;
            for (int t = first; t < stop; t++) { before[t - start] = mask; int r = Role(t); if (r is >= 0 and < 3) mask |= 1 << r; }
            mask = 0;
            for (int t = stop - 1; t >= first; t--) { after[t - start] = mask; int r = Role(t); if (r is >= 0 and < 3) mask |= 1 << r; }
        }
        // The nearest first-pass cue on each side of every token in the unit (citron-style cue-relative features).
        Span<int> leftCue = length <= 1024 ? stackalloc int[length] : new int[length];
        Span<int> rightCue = length <= 1024 ? stackalloc int[length] : new int[length];
        int lastCue = -1;
        for (int t = start; t < end; t++) { leftCue[t - start] = lastCue; if (Role(t) == StatementRoles.Cue) lastCue = t; }
        lastCue = -1;
        for (int t = end - 1; t >= start; t--) { rightCue[t - start] = lastCue; if (Role(t) == StatementRoles.Cue) lastCue = t; }
        int cachedSentence = -1, neighbours = 0;
        for (int t = start; t < end; t++)
        {
            int l = leftCue[t - start], r = rightCue[t - start];
            int lSame = l >= 0 && c.SentenceOf[l] == c.SentenceOf[t] ? 1 : 0, rSame = r >= 0 && c.SentenceOf[r] == c.SentenceOf[t] ? 1 : 0;
            int lBin = l < 0 ? 0 : Bin(t - l), rBin = r < 0 ? 0 : Bin(r - t);
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Cue), lBin), lSame), rBin), rSame));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Cue + 100), lBin), lSame), c.Chunk[t]), c.ChunkRelation[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Cue + 200), rBin), rSame), c.Chunk[t]), c.ChunkRelation[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Cue + 300), lBin), rBin), c.Quote[t] & 3), c.PosHash(t)));
            if (l >= 0 && lSame == 1) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1CueWord), c.Lower[l]), Math.Min(t - l, 3)));
            if (r >= 0 && rSame == 1) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1CueWord + 100), c.Lower[r]), Math.Min(r - t, 3)));
            int s = c.SentenceOf[t];
            int role = Role(t);
            ulong pos = c.PosHash(t);
            output.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1), stage1[t]));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Pos), role), pos));
            for (int d = -2; d <= 2; d++)
                if (d != 0) output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Window), d), Role(t + d)), role));
            int b = before[t - start], a = after[t - start];
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Sentence), b), a));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Sentence + 100), b), a), role));
            if (s != cachedSentence)
            {
                cachedSentence = s;
                neighbours = 0;
                if (s > 0 && HasCue(c, stage1, s - 1)) neighbours |= 1;
                if (s + 1 < c.Sentences.Length && HasCue(c, stage1, s + 1)) neighbours |= 2;
            }
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Neighbour), neighbours), a != 0 || b != 0 ? 1 : 0), role));
            output.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((int)T.Stage1Chunk), role), c.Chunk[t]), c.ChunkRelation[t]));
            output.EndPosition();
        }
    }

    private static bool HasCue(StatementContext c, int[] stage1, int sentence)
    {
        for (int u = c.Sentences[sentence].FirstToken; u < c.Sentences[sentence].EndToken; u++)
            if (SpanTagScheme.Decompose(stage1[u]).Type == StatementRoles.Cue) return true;
        return false;
    }

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

    /// <summary>A crude stem of a word, hashed: lower-cased, without "-ing", "-ed", "-es", "-s", a doubled final consonant or a final "e".</summary>
    internal static ulong Stem(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 32)];
        for (int i = 0; i < buffer.Length; i++) buffer[i] = char.ToLowerInvariant(word[i]);
        var w = buffer;
        if (w.Length >= 6 && w.EndsWith("ing")) w = w[..^3];
        else if (w.Length >= 5 && (w.EndsWith("ied") || w.EndsWith("ies"))) { w = w[..^2]; w[^1] = 'y'; }
        else if (w.Length >= 5 && (w.EndsWith("ed") || w.EndsWith("es"))) w = w[..^2];
        else if (w.Length >= 4 && w.EndsWith("s") && !w.EndsWith("ss")) w = w[..^1];
        if (w.Length >= 4 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'e' or 'o')) w = w[..^1];
        if (w.Length >= 4 && w[^1] == 'e') w = w[..^1];
        return FeatureHash.Add(0x57E3UL, (ReadOnlySpan<char>)w);
    }
}
