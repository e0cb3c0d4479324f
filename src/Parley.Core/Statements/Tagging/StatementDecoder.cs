using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Learning;
using Parley.Statements.Attribution;
using Dependency = Parley.Syntax.Dependency;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>
/// Groups tagged SOURCE, CUE and CONTENT spans into statements. Every content span joins one cue: the cue
/// whose dependency subtree holds it (a complement of "said"), else the nearest cue in the same or an
/// adjacent sentence; every piece inside one multi-paragraph quote joins the same cue. Every tagged cue takes the
/// source the cue-conditioned source tagger labels for it, when the model has one; otherwise (and for cues added by
/// rule) the tagged source in its sentence right before it ("X has said") or right after it ("said X", "according
/// to X"), else the nearest one. Cues left without content are kept when they have a source, else dropped.
/// </summary>
public static class StatementDecoder
{
    /// <summary>Confidence given to every decoded statement (the perceptron's scores are not probabilities).</summary>
    public const double DefaultConfidence = 0.7;

    /// <summary>Confidence of a statement whose cue and source were found but no content (its content list is empty).</summary>
    public const double NoContentConfidence = 0.4;

    private static readonly string[] BeliefWords =
    [
        "believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt", "fear", "fears", "feared",
        "hope", "hopes", "hoped", "expect", "expects", "expected", "worry", "worries", "worried", "suspect", "suspects", "suspected",
        "doubt", "doubts", "doubted", "know", "knows", "knew", "consider", "considers", "considered", "assume", "assumes", "assumed",
    ];

    private readonly record struct Piece(int Start, int End, int Sentence);

    /// <summary>
    /// Statements from BILOU <paramref name="labels"/> (one per token, see <see cref="StatementRoles.Scheme"/>).
    /// Uses the sentence layer, and the dependency layer and quote layer when present.
    /// </summary>
    public static ImmutableArray<Statement> Decode(Document document, ReadOnlySpan<int> labels) => Decode(document, labels, null);

    /// <summary>
    /// As <see cref="Decode(Document, ReadOnlySpan{int})"/>, reusing the sentence of each token (-1 outside sentences)
    /// that the tagger's context already holds; it is only read.
    /// </summary>
    /// <param name="document">The tagged document.</param>
    /// <param name="labels">One BILOU label per token.</param>
    /// <param name="sentenceOfToken">The sentence of each token, or null.</param>
    /// <param name="sourceOf">When given, the source (token range, or null for none) of each tagged cue (token range), from the
    /// cue-conditioned source tagger; the tagged sources then serve the cues the decoder adds by rule and the cues it labels
    /// no source for.</param>
    internal static ImmutableArray<Statement> Decode(Document document, ReadOnlySpan<int> labels, int[]? sentenceOfToken, Func<int, int, (int Start, int End)?>? sourceOf = null)
    {
        var tokens = document.Tokens;
        if (labels.Length != tokens.Length) throw new ArgumentException("One label per token is required.", nameof(labels));
        var sentences = document.Sentences;
        var sentenceOf = sentenceOfToken;
        if (sentenceOf is null || sentenceOf.Length != tokens.Length)
        {
            sentenceOf = new int[tokens.Length];
            Array.Fill(sentenceOf, -1);
            for (int s = 0; s < sentences.Length; s++)
                for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++) sentenceOf[t] = s;
        }
        var deps = document.Has(SyntaxLayers.Dependencies) ? document.Get(SyntaxLayers.Dependencies) : default;

        var cues = new List<Piece>();
        var sources = new List<Piece>();
        var contents = new List<Piece>();
        foreach (var span in SpanTagScheme.DecodeSpans(labels))
        {
            var piece = new Piece(span.Start, span.End, sentenceOf[span.Start]);
            (span.Type switch { StatementRoles.Cue => cues, StatementRoles.Source => sources, _ => contents }).Add(piece);
        }
        var forced = AddDashAttributions(document, sentenceOf, cues, sources, contents);
        AddColonAttributions(document, sentenceOf, cues, sources, contents, forced);
        if (cues.Count == 0) return [];

        // Contents → cues.
        var contentOf = new List<Piece>[cues.Count];
        for (int c = 0; c < cues.Count; c++) contentOf[c] = [];
        var owner = new List<int>(contents.Count);
        for (int i = 0; i < contents.Count; i++)
        {
            var content = contents[i];
            int lastSentence = sentenceOf[content.End - 1];
            int best = -1;
            long bestScore = long.MaxValue;
            // Only cues from the sentence before to the sentence after can win: find them by bisection, not a scan (long inputs).
            int fromToken = content.Sentence > 0 ? sentences[content.Sentence - 1].FirstToken : 0;
            int toToken = lastSentence >= 0 && lastSentence + 1 < sentences.Length ? sentences[lastSentence + 1].EndToken : tokens.Length;
            for (int c = FirstAtOrAfter(cues, fromToken); c < cues.Count && cues[c].Start < toToken; c++)
            {
                var cue = cues[c];
                int distance = cue.Sentence < content.Sentence ? content.Sentence - cue.Sentence : cue.Sentence > lastSentence ? cue.Sentence - lastSentence : 0;
                if (distance > 1) continue;
                int gap = cue.End <= content.Start ? content.Start - cue.End : cue.Start >= content.End ? cue.Start - content.End : 0;
                // Same sentence first; then a cue in the sentence before (a quote continued after "…,” she said."), then the one after.
                long score = distance * 10_000L + (cue.Start >= content.End && distance > 0 ? 5_000 : 0) + gap;
                if (!deps.IsDefault && Governs(deps, cue, content)) score -= 100_000;
                if (score < bestScore) { bestScore = score; best = c; }
            }
            owner.Add(forced.TryGetValue(content.Start, out int cueStart) ? FirstAtOrAfter(cues, cueStart) : best);
        }
        var quoteExtents = document.Has(Layers.Quotes) ? document.Quotes : [];
        int sortedContents = contents.Count;
        foreach (var quote in quoteExtents)
            if (quote.Content.Length > 1) KeepQuoteTogether(document, quote, sentenceOf, cues, contents, sortedContents, owner);
        for (int i = 0; i < contents.Count; i++)
            if (owner[i] >= 0) contentOf[owner[i]].Add(contents[i]);

        var text = document.Text;
        var statements = ImmutableArray.CreateBuilder<Statement>();
        int[]? quoteOf = null;
        for (int c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            Piece? source = PickSource(deps, cue, sources, document, sentences);
            // A cue with a tagged source but no tagged content is kept (the tagger misses contents more often than cues), at a lower confidence.
            if (contentOf[c].Count == 0 && source is null) continue;
            // The cue-conditioned source tagger has the last word on a tagged cue; content it claims for the source gives way
            // ("David Gorski, … and the editor of a prominent blog" is no content). Content that was all source leaves no statement
            // unless a source was tagged too ("The opposition leader spoke after the vote").
            if (sourceOf is not null && SpanTagScheme.Decompose(labels[cue.Start]).Type == StatementRoles.Cue && sourceOf(cue.Start, cue.End) is { } chosen)
            {
                bool hadContent = contentOf[c].Count > 0;
                if (contentOf[c].Exists(p => p.Start < chosen.End && chosen.Start < p.End)) contentOf[c] = Without(contentOf[c], chosen.Start, chosen.End);
                if (hadContent && contentOf[c].Count == 0 && source is null) continue;
                source = new Piece(chosen.Start, chosen.End, sentenceOf[chosen.Start]);
            }
            var contentSpans = contentOf[c].OrderBy(p => p.Start)
                .Select(p => new TextSpan(tokens[p.Start].Start, tokens[p.End - 1].End)).ToImmutableArray();
            var cueSpan = new TextSpan(tokens[cue.Start].Start, tokens[cue.End - 1].End);
            var kind = KindOf(document, cue, contentOf[c]);
            int quoteIndex = -1;
            if (kind is StatementKind.Direct or StatementKind.Mixed)
            {
                quoteOf ??= QuoteOfToken(document);
                foreach (var p in contentOf[c])
                    for (int t = p.Start; t < p.End; t++)
                        if (quoteOf[t] >= 0 && (quoteIndex < 0 || quoteOf[t] < quoteIndex)) quoteIndex = quoteOf[t];
            }
            Speaker? speaker = null;
            TextSpan? sourceSpan = null;
            if (source is { } src)
            {
                sourceSpan = new TextSpan(tokens[src.Start].Start, tokens[src.End - 1].End);
                speaker = new Speaker { Name = sourceSpan.Value.GetText(text), Type = SpeakerRules.TypeOf(text, tokens.AsSpan(), src.Start, src.End) };
            }
            statements.Add(new Statement
            {
                Id = "s" + (statements.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind = kind,
                Cue = cueSpan,
                Source = sourceSpan,
                Content = contentSpans,
                Speaker = speaker,
                Confidence = contentOf[c].Count == 0 ? NoContentConfidence : DefaultConfidence,
                QuoteIndex = quoteIndex,
            });
        }
        return statements.ToImmutable();
    }

    /// <summary>
    /// A closed quote followed by a dash and a short name that ends the line or paragraph ("…our greatest shame.” ―
    /// Sonya Herridge"): the dash is the cue, the name the source and the whole quote, marks included, the content.
    /// The tagger rarely sees this layout in training, so it is added here; tagged pieces it overlaps give way.
    /// Returns, by the content piece's first token, the first token of the cue it must join.
    /// </summary>
    private static Dictionary<int, int> AddDashAttributions(Document document, int[] sentenceOf, List<Piece> cues, List<Piece> sources, List<Piece> contents)
    {
        var forced = new Dictionary<int, int>();
        if (!document.Has(Layers.Quotes)) return forced;
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        var text = document.Text;
        foreach (var quote in document.Quotes)
        {
            if (!quote.IsSpeech || quote.Close is not { } close || quote.Depth > 0) continue;
            int closeToken = document.TokenIndexAt(close.Start), open = document.TokenIndexAt(quote.Open.Start);
            int dash = closeToken + 1;
            if (closeToken < 0 || open < 0 || dash + 1 >= tokens.Length || sentenceOf[dash] < 0 || sentenceOf[closeToken] < 0) continue;
            var dashWord = text.AsSpan(tokens[dash].Start, tokens[dash].Length);
            if (!StatementContext.IsDash(dashWord) && dashWord is not "-") continue;
            int paragraph = sentences[sentenceOf[dash]].Paragraph;
            if (sentences[sentenceOf[closeToken]].Paragraph != paragraph || !char.IsUpper(text[tokens[dash + 1].Start])) continue;
            // The name runs to the end of the paragraph or of the line (testimonials are often one per line).
            bool Continues(int t) => t < tokens.Length && sentenceOf[t] >= 0 && sentences[sentenceOf[t]].Paragraph == paragraph
                && text.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).IndexOf('\n') < 0;
            int end = dash + 1;
            while (Continues(end) && end - dash <= 9) end++;
            if (end - dash > 9 || Continues(end)) continue; // not a short name ending its line
            while (end > dash + 1 && char.IsPunctuation(text[tokens[end - 1].Start]) && tokens[end - 1].Length == 1) end--;
            RemoveOverlapping(cues, open, end);
            RemoveOverlapping(sources, dash, end);
            RemoveOverlapping(contents, open, end);
            Insert(cues, new Piece(dash, dash + 1, sentenceOf[dash]));
            Insert(sources, new Piece(dash + 1, end, sentenceOf[dash + 1]));
            Insert(contents, new Piece(open, closeToken + 1, sentenceOf[open]));
            forced[open] = dash;
        }
        return forced;
    }

    /// <summary>
    /// A paragraph or headline that opens with a short capitalised name and a colon ("PENCE: Well, look, …" in a
    /// transcript, "Pat Caddell: Democrat Voters Worried …" in a headline): the colon is the cue, the name the
    /// source and the rest of the paragraph the content. Tagged pieces it overlaps give way.
    /// </summary>
    private static void AddColonAttributions(Document document, int[] sentenceOf, List<Piece> cues, List<Piece> sources, List<Piece> contents, Dictionary<int, int> forced)
    {
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        var text = document.Text;
        for (int s = 0; s < sentences.Length; s++)
        {
            if (s > 0 && sentences[s - 1].Paragraph == sentences[s].Paragraph) continue; // paragraph starts only
            int first = sentences[s].FirstToken, stop = sentences[s].EndToken;
            int last = s;
            while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentences[s].Paragraph) last++;
            int end = sentences[last].EndToken;
            int name = first < stop && tokens[first].Kind == TokenKind.Quote ? first + 1 : first;
            int colon = name;
            while (colon < stop && colon - name < 4 && char.IsUpper(text[tokens[colon].Start])) colon++;
            if (colon == name || colon + 1 >= end || text.AsSpan(tokens[colon].Start, tokens[colon].Length) is not ":") continue;
            if (IsLayoutLabel(text.AsSpan(tokens[name].Start, tokens[colon - 1].End - tokens[name].Start))) continue;
            // "Said Ellis: “…”": the verb is the cue and the rest the source.
            int cueStart = colon, cueEnd = colon + 1, sourceStart = name;
            if (colon - name >= 2 && IsOpeningVerb(text.AsSpan(tokens[name].Start, tokens[name].Length)))
                (cueStart, cueEnd, sourceStart) = (name, name + 1, name + 1);
            // A speaker label names someone: a name the entity tagger found, a transcript's capitals ("WALLACE:") or a
            // poll; a title-case heading ("The Gap Goes On:", "Stealth Over Health:") does not.
            else if (!NamesSomeone(document, text, name, colon)) continue;
            int contentEnd = end;
            if (name > first && tokens[end - 1].Kind == TokenKind.Quote) contentEnd--; // the transcript's own quote marks
            if (contentEnd <= colon + 1) continue;
            RemoveOverlapping(cues, name, contentEnd);
            RemoveOverlapping(sources, name, contentEnd);
            RemoveOverlapping(contents, name, contentEnd);
            Insert(cues, new Piece(cueStart, cueEnd, sentenceOf[cueStart]));
            Insert(sources, new Piece(sourceStart, colon, sentenceOf[sourceStart]));
            Insert(contents, new Piece(colon + 1, contentEnd, sentenceOf[colon + 1]));
            forced[colon + 1] = cueStart;
        }
    }

    private static bool IsOpeningVerb(ReadOnlySpan<char> word) =>
        word is "Said" or "Says" or "Added" or "Asked" or "Wrote" or "Tweeted" or "Replied" or "Continued";

    private static readonly string[] ReportNouns = ["Poll", "Polls", "Survey", "Report", "Reports", "Study"];

    /// <summary>
    /// True when tokens <paramref name="start"/>–<paramref name="end"/> (before a colon) name a speaker: they overlap a
    /// person or organisation the entity tagger found, are all capitals or a news outlet, or end in a report noun ("Poll", "Report").
    /// </summary>
    private static bool NamesSomeone(Document document, string text, int start, int end)
    {
        var tokens = document.Tokens;
        int from = tokens[start].Start, to = tokens[end - 1].End;
        if (document.Has(EntityLayers.Entities))
        {
            // Mentions come in text order without overlaps: bisect to the first one ending after the label starts.
            var mentions = document.Get(EntityLayers.Entities);
            int lo = 0, hi = mentions.Length;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (mentions[mid].Span.End <= from) lo = mid + 1; else hi = mid; }
            for (int i = lo; i < mentions.Length && mentions[i].Span.Start < to; i++)
                if (mentions[i].Type is EntityType.Person or EntityType.Organization) return true;
        }
        bool allCaps = true;
        for (int t = start; t < end && allCaps; t++)
            foreach (char c in text.AsSpan(tokens[t].Start, tokens[t].Length))
                if (char.IsLower(c)) { allCaps = false; break; }
        if (allCaps || Parley.Entities.Resolution.EntityLexicons.Default.IsOutlet(text[from..to])) return true;
        var last = text.AsSpan(tokens[end - 1].Start, tokens[end - 1].Length);
        foreach (string kind in ReportNouns)
            if (last.Equals(kind, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// Labels of news layout, not speakers: "The Latest:", "CORRECTION:", "EXCLUSIVE:", "Paid Notice:", "Contributing:".
    /// </summary>
    private static bool IsLayoutLabel(ReadOnlySpan<char> label)
    {
        foreach (string known in LayoutLabels)
            if (label.Equals(known, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] LayoutLabels =
    [
        "The Latest", "Correction", "Corrections", "Clarification", "Update", "Updated", "Updates", "Breaking", "Breaking News",
        "Exclusive", "Paid Notice", "Contributing", "Related", "Watch", "Read", "Read More", "Photos", "Video", "Analysis",
        "Opinion", "Note", "Editor's Note", "Editor’s Note", "Disclosure", "Live", "Live Updates", "Factbox", "Fact Check",
        "Source", "Sources", "Photo", "Photo Credit", "Credit", "Credits", "Caption", "Graphic", "Image", "Map", "Chart",
    ];

    private static void RemoveOverlapping(List<Piece> pieces, int start, int end) => pieces.RemoveAll(p => p.Start < end && p.End > start);

    private static void Insert(List<Piece> pieces, Piece piece) => pieces.Insert(FirstAtOrAfter(pieces, piece.Start), piece);

    /// <summary>
    /// A quote over several paragraphs (an opening mark left open at a paragraph's end, continued by the next
    /// paragraph's opening mark) is one statement: every content piece inside it joins one cue, the nearest cue
    /// within the quote's paragraphs that a piece chose (else any cue in those paragraphs), and paragraphs of
    /// the quote the tagger left untagged become content pieces too.
    /// </summary>
    private static void KeepQuoteTogether(Document document, Quote quote, int[] sentenceOf, List<Piece> cues, List<Piece> contents, int sorted, List<int> owner)
    {
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        var extent = quote.Extent;
        // First token starting inside the quote, last token starting before its end (TokenIndexAt is a lower bound).
        int firstToken = document.TokenIndexAt(extent.Start), lastToken = document.TokenIndexAt(extent.End) - 1;
        if (firstToken >= tokens.Length || lastToken < firstToken || sentenceOf[firstToken] < 0 || sentenceOf[lastToken] < 0) return;
        int firstParagraph = sentences[sentenceOf[firstToken]].Paragraph, lastParagraph = sentences[sentenceOf[lastToken]].Paragraph;
        bool InParagraphs(Piece p) => p.Sentence >= 0 && sentences[p.Sentence].Paragraph >= firstParagraph && sentences[p.Sentence].Paragraph <= lastParagraph;
        bool Inside(Piece p) => tokens[p.Start].Start < extent.End && tokens[p.End - 1].End > extent.Start;
        int Gap(Piece cue) => cue.End <= firstToken ? firstToken - cue.End : cue.Start > lastToken ? cue.Start - lastToken : 0;

        // Pieces are in text order up to sorted (pieces added for earlier quotes follow): bisect that part, scan the rest.
        var members = new List<int>();
        for (int i = FirstAtOrAfter(contents, Math.Max(0, firstToken - 1), sorted); i < contents.Count; i++)
        {
            if (i < sorted && contents[i].Start > lastToken) { i = sorted - 1; continue; }
            if (Inside(contents[i])) members.Add(i);
        }
        int chosen = -1;
        foreach (int i in members)
            if (owner[i] >= 0 && InParagraphs(cues[owner[i]]) && !Inside(cues[owner[i]]) && (chosen < 0 || Gap(cues[owner[i]]) < Gap(cues[chosen]))) chosen = owner[i];
        int paragraphStart = sentences[sentenceOf[firstToken]].FirstToken;
        if (chosen < 0)
            for (int c = FirstAtOrAfter(cues, paragraphStart); c < cues.Count && cues[c].Sentence >= 0 && sentences[cues[c].Sentence].Paragraph <= lastParagraph; c++)
                if (InParagraphs(cues[c]) && !Inside(cues[c]) && (chosen < 0 || Gap(cues[c]) < Gap(cues[chosen]))) chosen = c;
        if (chosen < 0) return;
        foreach (int i in members) owner[i] = chosen;
        if (members.Count == 0) return;
        // Paragraphs of the quote with no tagged piece: their quoted text (with its marks) becomes a piece.
        foreach (var span in quote.Content)
        {
            int a = document.TokenIndexAt(span.Start), b = document.TokenIndexAt(span.End) - 1;
            if (a >= tokens.Length || b < a) continue;
            if (a > 0 && tokens[a - 1].Kind == TokenKind.Quote && tokens[a - 1].End <= span.Start && tokens[a - 1].End >= span.Start - 1) a--;
            if (b + 1 < tokens.Length && tokens[b + 1].Kind == TokenKind.Quote && tokens[b + 1].Start <= span.End + 1 && tokens[b + 1].Start >= span.End) b++;
            bool covered = members.Any(i => contents[i].Start <= b && contents[i].End > a);
            if (covered || sentenceOf[a] < 0) continue;
            contents.Add(new Piece(a, b + 1, sentenceOf[a]));
            owner.Add(chosen);
        }
    }

    /// <summary>The index of the first piece starting at or after <paramref name="token"/> (pieces are in text order).</summary>
    private static int FirstAtOrAfter(List<Piece> pieces, int token) => FirstAtOrAfter(pieces, token, pieces.Count);

    /// <summary>As <see cref="FirstAtOrAfter(List{Piece}, int)"/> within the first <paramref name="count"/> pieces.</summary>
    private static int FirstAtOrAfter(List<Piece> pieces, int token, int count)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (pieces[mid].Start < token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Per token, the lowest index of a quote whose extent overlaps it, or -1.</summary>
    private static int[] QuoteOfToken(Document document)
    {
        var tokens = document.Tokens;
        var result = new int[tokens.Length];
        Array.Fill(result, -1);
        if (!document.Has(Layers.Quotes)) return result;
        var quotes = document.Quotes;
        for (int q = quotes.Length - 1; q >= 0; q--)
        {
            var extent = quotes[q].Extent;
            for (int t = Math.Max(0, document.TokenIndexAt(extent.Start) - 1); t < tokens.Length && tokens[t].Start < extent.End; t++)
                if (tokens[t].Span.Overlaps(extent)) result[t] = q;
        }
        return result;
    }

    /// <summary>True when a token of <paramref name="content"/> has a cue token among its ancestors.</summary>
    private static bool Governs(ImmutableArray<Dependency> deps, Piece cue, Piece content)
    {
        for (int t = content.Start; t < content.End; t++)
        {
            int node = t;
            for (int steps = 0; steps < 12 && node >= 0; steps++)
            {
                node = deps[node].Head;
                if (node >= cue.Start && node < cue.End) return true;
            }
        }
        return false;
    }

    /// <summary>The pieces with the tokens <paramref name="start"/> to <paramref name="end"/> cut out.</summary>
    private static List<Piece> Without(List<Piece> pieces, int start, int end)
    {
        var kept = new List<Piece>(pieces.Count + 1);
        foreach (var p in pieces)
        {
            if (p.End <= start || p.Start >= end) { kept.Add(p); continue; }
            if (p.Start < start) kept.Add(p with { End = start });
            if (p.End > end) kept.Add(p with { Start = end });
        }
        return kept;
    }

    /// <summary>
    /// The source of a cue, in its sentence: the cue's dependency subject or prepositional object when a parse is
    /// present; else the span right before the cue (only adverbs, auxiliaries or commas between: "X has said") or right
    /// after it ("said X", "according to X"); else the nearest span.
    /// </summary>
    private static Piece? PickSource(ImmutableArray<Dependency> deps, Piece cue, List<Piece> sources, Document document, ImmutableArray<Sentence> sentences)
    {
        Piece? best = null;
        long bestScore = long.MaxValue;
        if (cue.Sentence < 0) return null;
        for (int i = FirstAtOrAfter(sources, sentences[cue.Sentence].FirstToken); i < sources.Count && sources[i].Start < sentences[cue.Sentence].EndToken; i++)
        {
            var s = sources[i];
            if (s.Sentence != cue.Sentence) continue;
            long score = s.End <= cue.Start ? cue.Start - s.End : s.Start >= cue.End ? s.Start - cue.End : 0;
            if (s.End <= cue.Start && Adjacent(document, s.End, cue.Start)) score -= 500;
            else if (s.Start >= cue.End && s.Start - cue.End <= 1) score -= 400;
            if (!deps.IsDefault)
                for (int t = s.Start; t < s.End; t++)
                {
                    int head = deps[t].Head;
                    if (head < 0) continue;
                    // The subject of the cue verb, or the object of "according to" (head inside the cue).
                    bool argument = head >= cue.Start && head < cue.End && (deps[t].Label.StartsWith("nsubj", StringComparison.Ordinal) || deps[t].Label is "pobj" or "nmod" or "dobj");
                    if (argument) { score -= 1000; break; }
                }
            if (score < bestScore) { bestScore = score; best = s; }
        }
        return best;
    }

    /// <summary>True when the tokens in [<paramref name="from"/>, <paramref name="to"/>) are at most three adverbs, auxiliaries or commas.</summary>
    private static bool Adjacent(Document document, int from, int to)
    {
        if (to - from > 3) return false;
        var pos = document.Has(SyntaxLayers.PartOfSpeech) ? document.Get(SyntaxLayers.PartOfSpeech) : default;
        for (int t = from; t < to; t++)
            if (pos.IsDefault || pos[t].Tag is not ("RB" or "MD" or "VBZ" or "VBD" or "VBP" or "VB" or "VBN" or "," or "RP")) return false;
        return true;
    }

    private static StatementKind KindOf(Document document, Piece cue, List<Piece> contents)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var cueText = text.AsSpan(tokens[cue.Start].Start, tokens[cue.End - 1].End - tokens[cue.Start].Start);
        if (cueText.StartsWith("according", StringComparison.OrdinalIgnoreCase)) return StatementKind.AccordingTo;
        if (contents.Count == 0) return StatementKind.Indirect;
        int first = contents.Min(p => p.Start), last = contents.Max(p => p.End) - 1;
        bool opens = tokens[first].Kind == TokenKind.Quote && IsOpening(text, tokens[first]);
        bool closes = tokens[last].Kind == TokenKind.Quote && !IsOpening(text, tokens[last]);
        if (opens && closes) return StatementKind.Direct;
        foreach (var p in contents)
            for (int t = p.Start; t < p.End; t++)
                if (tokens[t].Kind == TokenKind.Quote && text[tokens[t].Start] is not '\'' and not '\u2019') return StatementKind.Mixed;
        for (int t = cue.Start; t < cue.End; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            foreach (string b in BeliefWords)
                if (w.Equals(b, StringComparison.OrdinalIgnoreCase)) return StatementKind.Belief;
        }
        return StatementKind.Indirect;
    }

    /// <summary>An opening mark: a curly opening quote, or a straight one followed by a letter.</summary>
    private static bool IsOpening(string text, Token token)
    {
        char c = text[token.Start];
        if (c is '\u201C' or '\u2018' or '\u201E') return true;
        if (c is '\u201D' or '\u2019') return false;
        return token.End < text.Length && !char.IsWhiteSpace(text[token.End]) && !char.IsPunctuation(text[token.End]);
    }
}
