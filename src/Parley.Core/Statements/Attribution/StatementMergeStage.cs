using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Statements.Attribution;

/// <summary>
/// Merges the rule-based quote attribution (<see cref="QuoteAttributor"/>) into the statements of the
/// trained tagger: a speech quote the tagger left out is added with its rule attribution, and where the
/// rules found a confident cue in the quote's own sentence that the tagger's statement lacks, the rule
/// statement replaces it. Everything else keeps the tagger's answer, which is better on reported speech.
/// </summary>
public sealed class StatementMergeStage : PipelineStage
{
    /// <summary>Rule statements at or above this confidence have a cue right at the quote ("…,” X said", "X said: “…”").</summary>
    public const double ConfidentRule = 0.85;

    /// <summary>Creates the stage.</summary>
    public StatementMergeStage()
        : base("statement-merge", [Layers.Statements, Layers.Headlines, Layers.Sentences, Layers.Tokens, Layers.Quotes], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var rules = new QuoteAttributor(document).Run(cancellationToken);
        document.Replace(Layers.Statements, Merge(document, document.Statements, rules, ParaphraseRules.Find(document)));
    }

    /// <summary>The merged statements, in text order, numbered s1, s2, ….</summary>
    /// <remarks>
    /// Every comparison between statements is an overlap of spans, so candidates come from <see cref="SpanBuckets"/>
    /// (linear in the document, not quadratic: a 10 MB input has tens of thousands of statements) and are then tested
    /// exactly as a full scan would; removals are marked and swept at the end, which keeps the order a scan gives.
    /// </remarks>
    internal static ImmutableArray<Statement> Merge(Document document, ImmutableArray<Statement> tagged, ImmutableArray<Statement> rules, List<Statement> paraphrases)
    {
        var lookups = new MergeLookups(document);
        var merged = new List<Statement>(tagged.Length + rules.Length);
        var removed = new List<bool>(tagged.Length + rules.Length);
        var byContent = new SpanBuckets(document.Text.Length);
        var byCue = new SpanBuckets(document.Text.Length);
        var candidates = new List<int>();
        void Register(int i)
        {
            foreach (var piece in merged[i].Content) byContent.Add(piece, i);
            if (merged[i].Cue is { } c) byCue.Add(c, i);
        }
        void Append(Statement statement)
        {
            merged.Add(statement);
            removed.Add(false);
            Register(merged.Count - 1);
        }
        void Set(int i, Statement statement)
        {
            merged[i] = statement;
            Register(i);
        }
        bool CueUsed(TextSpan cue)
        {
            byCue.Collect(cue, candidates);
            foreach (int i in candidates)
                if (!removed[i] && merged[i].Cue is { } c && c.Overlaps(cue)) return true;
            return false;
        }

        var duplicateHeadlines = document.Headlines.Where(h => h.IsDuplicate).Select(h => h.Span).ToList();
        foreach (var statement in tagged)
            if (Tidy(document, lookups, statement) is { } tidy && !Implausible(document, lookups, tidy) && !InAny(duplicateHeadlines, tidy)) Append(tidy);
        foreach (var rule in rules)
        {
            int overlapping = -1, count = 0;
            byContent.Collect(rule.Content, candidates);
            foreach (int i in candidates)
                if (ContentOverlaps(merged[i], rule)) { overlapping = i; count++; }
            if (count == 0)
            {
                // The tagger missed the quote; a quote with neither cue nor an inherited speaker says nothing about who spoke.
                if (rule.Cue is not null || rule.Speaker is not null) Append(Tidy(document, lookups, rule) ?? rule);
                continue;
            }
            if (count != 1 || rule.Cue is not { } cue) continue;
            var current = merged[overlapping];
            if (current.Cue is { } taggedCue && taggedCue.Overlaps(cue))
            {
                // Same attribution: the quote layer knows where a quote over several paragraphs ends.
                if (Covers(rule.Content, current.Content) && Length(rule.Content) > Length(current.Content) && !rule.Content.Any(c => c.Overlaps(taggedCue)))
                    Set(overlapping, current = current with { Content = rule.Content, QuoteIndex = rule.QuoteIndex });
                // The rules read a source with its apposition ("the head of the peninsula, Sergei Aksyonov") where the tagger kept a part.
                if (rule.Source is { } ruleSource && current.Source is { } taggedSource && ruleSource.End == taggedSource.End && ruleSource.Start < taggedSource.Start
                    && document.Text.AsSpan(ruleSource.Start, taggedSource.Start - ruleSource.Start).TrimEnd().EndsWith(","))
                    Set(overlapping, current with { Source = ruleSource, Speaker = rule.Speaker });
            }
            // The tagger ran the quote on into the words that name its speaker ("…,” the head of the peninsula, X, said"): the rules know where the quote ends.
            if (rule.Confidence >= ConfidentRule && rule.Kind == StatementKind.Direct && rule.Source is { } named && current.Cue is { } sameCue && sameCue.Overlaps(cue)
                && current.Content.Any(c => c.Overlaps(named)) && Tidy(document, lookups, rule) is { } ruled)
            {
                Set(overlapping, ruled);
                continue;
            }
            // The tagged statement holds the quote but reads another cue (or none) where the rules are sure of theirs.
            else if (rule.Confidence >= ConfidentRule && rule.Kind == StatementKind.Direct && !CueUsed(cue))
                Set(overlapping, Tidy(document, lookups, rule) ?? rule);
        }
        foreach (var paraphrase in paraphrases)
        {
            var paraphraseCue = paraphrase.Cue!.Value;
            if (CueUsed(paraphraseCue))
            {
                // "The economy will shrink, analysts say": the rule reads the whole clause where the tagger kept a part of it.
                if (paraphrase.Kind == StatementKind.AccordingTo)
                {
                    byCue.Collect(paraphraseCue, candidates);
                    foreach (int i in candidates)
                        if (!removed[i] && merged[i] is { Cue: { } used, Content.IsEmpty: false } same && used.Overlaps(paraphraseCue)
                            && Covers(paraphrase.Content, same.Content) && Length(paraphrase.Content) > Length(same.Content))
                            Set(i, same with { Content = paraphrase.Content });
                }
                continue;
            }
            var content = paraphrase.Content[0];
            // "In the latest poll, six in 10 voters said …": the poll frames the clause and the voters still speak inside it
            // (PolNeAR annotates both), so nothing gives way.
            if (paraphraseCue.Length == 2 && document.Text.AsSpan(paraphraseCue.Start, 2).Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                Append(paraphrase);
                continue;
            }
            // "According to X, …" and "…, said X." frame a whole clause: a cue the tagger read inside it was a misreading.
            if (paraphrase.Kind == StatementKind.AccordingTo || paraphraseCue.Start >= content.End && paraphrase.Source is { } after && after.Start >= paraphraseCue.End)
            {
                // Attributions do not nest: a cue inside the paraphrase's content was read wrongly.
                byCue.Collect(content, candidates);
                foreach (int i in candidates)
                    if (merged[i].Cue is { } c && content.Contains(c)) removed[i] = true;
                byContent.Collect(paraphraseCue, candidates);
                foreach (int i in candidates)
                    if (merged[i].Content.Any(c => c.Overlaps(paraphraseCue))) removed[i] = true;
                byContent.Collect(content, candidates);
                bool overlapped = false;
                foreach (int i in candidates)
                    if (!removed[i] && merged[i].Content.Any(c => c.Overlaps(content))) { overlapped = true; break; }
                if (overlapped) continue;
            }
            else
            {
                // A tagged cue inside the belief's holders was a misreading ("a growing sentiment among officials"); any
                // other statement in the way means the tagger read the sentence differently, and it is kept.
                var holders = paraphrase.Source!.Value;
                bool Misread(Statement s) => paraphrase.Kind == StatementKind.Belief && s.Cue is { } c && holders.Overlaps(c);
                bool InTheWay(Statement s) => !Misread(s) && (s.Cue is { } c && c.Overlaps(content) || s.Content.Any(c => c.Overlaps(content) || c.Overlaps(holders)));
                byCue.Collect(content, candidates);
                byContent.Collect([content, holders], candidates, keep: candidates.Count);
                bool inTheWay = false;
                foreach (int i in candidates)
                    if (!removed[i] && InTheWay(merged[i])) { inTheWay = true; break; }
                if (inTheWay) continue;
                byCue.Collect(holders, candidates);
                foreach (int i in candidates)
                    if (Misread(merged[i])) removed[i] = true;
            }
            Append(paraphrase);
        }
        int live = 0;
        for (int i = 0; i < merged.Count; i++)
            if (!removed[i]) merged[live++] = merged[i];
        merged.RemoveRange(live, merged.Count - live);
        for (int i = 0; i < merged.Count; i++) merged[i] = merged[i] with { Content = Normalize(merged[i].Content) };
        merged.Sort(static (a, b) => Start(a).CompareTo(Start(b)));
        // Text is said once: a content piece already held by an earlier statement is left out of a later one.
        var taken = new List<TextSpan>();
        var byTaken = new SpanBuckets(document.Text.Length);
        bool Taken(TextSpan piece)
        {
            byTaken.Collect(piece, candidates);
            foreach (int k in candidates)
                if (taken[k].Overlaps(piece)) return true;
            return false;
        }
        for (int i = 0; i < merged.Count; i++)
        {
            var content = merged[i].Content;
            var kept = content.RemoveAll(Taken);
            if (kept.IsEmpty) { merged.RemoveAt(i--); continue; }
            if (kept.Length != content.Length) merged[i] = merged[i] with { Content = kept };
            foreach (var piece in kept)
            {
                byTaken.Add(piece, taken.Count);
                taken.Add(piece);
            }
        }
        merged.Sort(static (a, b) => Start(a).CompareTo(Start(b)));
        LendSubjectsToParticiples(document, merged);
        var result = ImmutableArray.CreateBuilder<Statement>(merged.Count);
        for (int i = 0; i < merged.Count; i++)
            result.Add(merged[i] with { Id = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    /// <summary>
    /// Items (by index) filed under the 1 KiB blocks of text their spans touch: the items whose spans may overlap a
    /// span are those filed under its blocks. Answers are supersets, to be tested exactly.
    /// </summary>
    private sealed class SpanBuckets(int textLength)
    {
        private const int Shift = 10;
        private readonly List<int>?[] _buckets = new List<int>?[(Math.Max(0, textLength) >> Shift) + 2];

        private int Bucket(int offset) => Math.Clamp(offset >> Shift, 0, _buckets.Length - 1);

        /// <summary>Files <paramref name="item"/> under every block holding a character of <paramref name="span"/> (an empty span: its offset's block).</summary>
        public void Add(TextSpan span, int item)
        {
            for (int b = Bucket(span.Start), last = Bucket(Math.Max(span.Start, span.End - 1)); b <= last; b++)
                (_buckets[b] ??= []).Add(item);
        }

        /// <summary>
        /// The items filed under the blocks from <paramref name="span"/>'s start to its end offset, ascending and each once,
        /// into <paramref name="into"/> (cleared first): every item whose span overlaps it or lies inside it.
        /// </summary>
        public void Collect(TextSpan span, List<int> into) => Collect([span], into, keep: 0);

        /// <inheritdoc cref="Collect(TextSpan, List{int})"/>
        public void Collect(ImmutableArray<TextSpan> spans, List<int> into) => Collect(spans.AsSpan(), into, keep: 0);

        /// <summary>As <see cref="Collect(TextSpan, List{int})"/> over several spans, keeping the first <paramref name="keep"/> items already in <paramref name="into"/>.</summary>
        public void Collect(ReadOnlySpan<TextSpan> spans, List<int> into, int keep)
        {
            into.RemoveRange(keep, into.Count - keep);
            foreach (var span in spans)
                for (int b = Bucket(span.Start), last = Bucket(Math.Max(span.Start, span.End)); b <= last; b++)
                    if (_buckets[b] is { } items) into.AddRange(items);
            if (into.Count < 2) return;
            into.Sort();
            int unique = 1;
            for (int k = 1; k < into.Count; k++)
                if (into[k] != into[unique - 1]) into[unique++] = into[k];
            into.RemoveRange(unique, into.Count - unique);
        }
    }

    /// <summary>Per-document lookups for <see cref="Tidy"/> and <see cref="Implausible"/>, built once.</summary>
    private sealed class MergeLookups
    {
        public MergeLookups(Document document)
        {
            var quotes = document.Quotes;
            QuoteExtents = new SpanBuckets(document.Text.Length);
            for (int q = 0; q < quotes.Length; q++) QuoteExtents.Add(quotes[q].Extent, q);
            MultiParagraphQuotes = quotes.Where(q => q.Content.Length >= 2 && q.IsSpeech && q.Depth <= 0).ToList();
            if (document.Has(Entities.Resolution.CoreferenceLayers.Mentions))
                foreach (var mention in document.Get(Entities.Resolution.CoreferenceLayers.Mentions))
                    if (mention.Kind == Entities.Resolution.MentionKind.Name) NameMentions.Add(mention.Span);
        }

        /// <summary>The document's quotes by extent.</summary>
        public SpanBuckets QuoteExtents { get; }

        /// <summary>Speech quotes over several paragraphs, not nested, in document order.</summary>
        public List<Quote> MultiParagraphQuotes { get; }

        /// <summary>The spans of name mentions.</summary>
        public HashSet<TextSpan> NameMentions { get; } = [];

        /// <summary>A scratch list for candidates.</summary>
        public List<int> Candidates { get; } = [];
    }

    /// <summary>
    /// Cleans a statement's spans, or drops it when no content is left: a source loses a leading dateline
    /// ("MOSCOW — Dmitry Peskov"), a colon cue keeps only the content after it, and a name the tagger read as
    /// content right before the cue becomes the source ("Maria Lopez is convinced …").
    /// </summary>
    private static Statement? Tidy(Document document, MergeLookups lookups, Statement statement)
    {
        string text = document.Text;
        var s = statement;
        if (s.Source is { } partial && SourceBoundaries.Adjust(document, partial, s.Cue) is var whole && whole != partial)
            s = s with { Source = whole }; // "China, | Pyongyang's only ally …, said": the whole noun phrase
        if (s.Source is { } titled && SourceBoundaries.RoleBefore(document, titled, s.Content) is var (role, content))
            s = s with { Source = new TextSpan(role, titled.End), Content = content }; // "…, union leader | Ana Silva said"
        if (s.Source is { } source)
        {
            // A trailing comma stays: the annotation keeps it after an apposition ("Sergei Aksyonov, the head of …,").
            int dash = DatelineEnd(text, source.Start, source.End);
            if (dash > source.Start && dash < source.End) s = s with { Source = new TextSpan(dash, source.End) };
        }
        if (s.Source is { } objectOnly && HeadBefore(document, objectOnly) is int subjectStart and >= 0)
            s = s with { Source = new TextSpan(subjectStart, objectOnly.End) }; // "Shop owners near | the pier said": the tagger kept the prepositional object
        if (s.Source is { } withAside && AsideStart(document, withAside) is int aside and > 0)
            s = s with { Source = new TextSpan(withAside.Start, aside) }; // "Corey Lewandowski, in a statement," — the aside is no part of the name
        if (s.Source is { } prepositional && s.Cue is { } according && according.End <= prepositional.Start
            && text.AsSpan(according.Start, according.Length).StartsWith("according", StringComparison.OrdinalIgnoreCase))
        {
            // "According to X, …": the comma closes the phrase and is not part of the source.
            int end = prepositional.End;
            while (end > prepositional.Start && (text[end - 1] == ',' || char.IsWhiteSpace(text[end - 1]))) end--;
            if (end > prepositional.Start && end < prepositional.End) s = s with { Source = new TextSpan(prepositional.Start, end) };
        }
        if (s.Cue is { } colonCue && ColonAfter(text, colonCue.End) is int colon and >= 0 && s.Content.Any(c => c.Start > colon) && !s.Content.Any(c => c.Start < colon && c.End > colonCue.End))
            s = s with { Cue = new TextSpan(colonCue.Start, colon + 1) }; // "said: “…”" — the colon belongs to the cue, as annotated
        if (s.Source is { } head && s.Cue is { } verb && head.End < verb.Start && CapitalisedGapEnd(document, head.End, verb.Start) is int gapEnd and > 0)
            s = s with { Source = new TextSpan(head.Start, gapEnd) }; // "Crimean Leader Says": a title-case name runs up to the cue
        if (s.Cue is { } cue && text[cue.End - 1] == ':' && s.Content.Any(c => c.Start >= cue.End) && s.Content.Any(c => c.End <= cue.Start))
            s = s with { Content = s.Content.Where(c => c.Start >= cue.End).ToImmutableArray() };
        if (s.Source is null && s.Cue is { } bare && document.Has(Entities.Resolution.CoreferenceLayers.Mentions))
        {
            foreach (var piece in s.Content)
            {
                if (piece.End > bare.Start || !string.IsNullOrWhiteSpace(text[piece.End..bare.Start])) continue;
                if (lookups.NameMentions.Contains(piece))
                    s = s with { Source = piece, Content = s.Content.Remove(piece) };
            }
        }
        if (s.Content.IsEmpty) return null;
        if (s.Source is { } notSpeaker && s.Cue is { } passive && NamesNoSpeaker(document, notSpeaker, passive, s.Content.Any(c => c.End <= passive.Start)))
            s = s with { Source = null };
        // "“…,” said a senior official who asked not to be named": after a quote and its inverted cue, the words
        // that follow the source to the end of the sentence still describe the source.
        if (s.Source is { } inverted && s.Cue is { } saidFirst && saidFirst.End <= inverted.Start && s.Content.Length >= 2
            && s.Content.Any(c => c.End <= saidFirst.Start && Text.Tokenizer.IsQuoteMark(text[c.Start]))
            && s.Content[^1] is { } tail && tail.Start >= inverted.End && string.IsNullOrWhiteSpace(text[inverted.End..tail.Start])
            && !Text.Tokenizer.IsQuoteMark(text[tail.Start]) && SentenceEndsAt(document, tail.End))
            s = s with { Source = new TextSpan(inverted.Start, tail.End), Content = s.Content.RemoveAt(s.Content.Length - 1), Speaker = null };
        int cut = TrailingWeekdayAfterQuote(document, s.Content[^1]);
        if (cut < 0) cut = TrailingWeekdayAfterObject(document, s.Content[^1]);
        if (cut >= 0)
            s = s with { Content = s.Content.SetItem(s.Content.Length - 1, new TextSpan(s.Content[^1].Start, cut)) };
        // A quote over several paragraphs is one content, though the tagger reads one paragraph at a time.
        foreach (var quote in lookups.MultiParagraphQuotes)
        {
            int at = s.Content.IndexOf(new TextSpan(quote.Open.Start, quote.Content[0].End + (quote.Content[0].End < text.Length && Text.Tokenizer.IsQuoteMark(text[quote.Content[0].End]) ? 1 : 0)));
            if (at < 0) at = s.Content.IndexOf(new TextSpan(quote.Open.Start, quote.Content[0].End));
            if (at < 0) continue;
            var marked = QuoteAttributor.WithMarks(text, quote);
            if (s.Content.Any(c => c.Start > quote.Open.Start && c.Start < marked[^1].End)) continue;
            s = s with { Content = s.Content.RemoveAt(at).InsertRange(at, marked) };
        }
        // The decoder named the speaker after the source it read; a source changed here renames (or drops) it.
        if (s.Source != statement.Source && statement.Source is { } read && s.Speaker is { } named && named.Name == read.GetText(text))
            s = s with { Speaker = s.Source is { } kept ? named with { Name = kept.GetText(text) } : null };
        return s;
    }

    /// <summary>
    /// A tagged statement that cannot be an attribution: content that only labels something with a scare quote
    /// or title and has no clause, with no source, no reporting verb or a quoted title ("was written by “experts”",
    /// "called its report “Water For Every Village”"), content that
    /// starts with a finite verb after a possessive source (the tagger read a subject as source and cue: "Her remarks
    /// drew …"). Each rule costs a little recall on PolNeAR dev and buys more precision (docs/benchmarks.md). A short
    /// object after a verb that reports nothing is kept ("had mocked the complaint", "cited her remarks"): PolNeAR
    /// annotates such attributions, and dropping them cost 0.3–0.6 points of exact F1 on dev and on held-out train articles.
    /// </summary>
    private static bool Implausible(Document document, MergeLookups lookups, Statement s)
    {
        if (s.Content.IsEmpty || !document.Has(Syntax.SyntaxLayers.PartOfSpeech)) return false;
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        var quotes = document.Quotes;
        bool speech = false, label = false, title = false, finite = false, startsFinite = false;
        lookups.QuoteExtents.Collect(s.Content, lookups.Candidates);
        foreach (int q in lookups.Candidates)
            foreach (var piece in s.Content)
                if (quotes[q] is var quote && piece.Overlaps(quote.Extent))
                {
                    if (quote.IsSpeech && quote.Depth == 0) speech = true;
                    else { label = true; title |= IsTitle(document.Text, quote); }
                }
        int firstToken = document.TokenIndexAt(s.Content[0].Start);
        foreach (var piece in s.Content)
        {
            int start = document.TokenIndexAt(piece.Start), end = document.TokenIndexAt(piece.End);
            for (int t = start; t < end; t++)
                if (IsFinite(pos[t].Tag)) { finite = true; if (t == firstToken) startsFinite = true; }
        }
        bool cueWord = s.Cue is { } cue && IsCueWord(document, cue);
        // Naming, not saying: "called its report “Water For Every Village”".
        if (title && s.Cue is { } naming && IsNamingVerb(document, naming)) return true;
        // "Her remarks drew “…”": a possessive alone is no speaker when the cue is a noun and a verb that reports nothing.
        if (s.Source is { } owner && IsPossessive(owner.GetText(document.Text)) && s.Cue is { } nounVerb && document.TokensIn(nounVerb) is { Length: > 1 } cueTokens
            && !Lexicons.ReportingLexicon.Default.TryGetVerb(document.Text.AsSpan(cueTokens[^1].Start, cueTokens[^1].Length), out _)) return true;
        // No source, and the cue splits a subject from its infinitive: "The opposition is expected to challenge …" is a
        // prediction in the article's own voice, not an attribution.
        if (s.Source is null && s.Cue is { } raising && s.Content.Length == 2 && s.Content[0].End <= raising.Start && s.Content[1].Start >= raising.End
            && document.TokensIn(s.Content[1]) is { Length: > 1 } infinitive && document.Text.AsSpan(infinitive[0].Start, infinitive[0].Length).Equals("to", StringComparison.OrdinalIgnoreCase)) return true;
        // No source, no clause, no quote: a short noun phrase before a passive ("The report was written by …").
        if (s.Source is null && !speech && !label && !finite && Length(s.Content) > 0 && TokenCount(document, s.Content) <= 3) return true;
        if (label && !speech && !finite && (s.Source is null || !cueWord || title)) return true;
        if (startsFinite && s.Source is { } source && IsPossessive(source.GetText(document.Text))) return true;
        return false;
    }

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>
    /// Where a content piece should end when it runs past a closing quote mark into "on Tuesday": the day dates the
    /// reporting ("dismissed the article as “fake news” on Tuesday"), not the quoted words. -1 when it does not.
    /// </summary>
    private static int TrailingWeekdayAfterQuote(Document document, TextSpan piece)
    {
        var tokens = document.TokensIn(piece);
        if (tokens.Length < 4) return -1;
        string text = document.Text;
        int last = tokens.Length - 1;
        string word = text.Substring(tokens[last].Start, tokens[last].Length);
        if (Array.IndexOf(Weekdays, word) < 0) return -1;
        if (!text.AsSpan(tokens[last - 1].Start, tokens[last - 1].Length).Equals("on", StringComparison.OrdinalIgnoreCase)) return -1;
        return tokens[last - 2].Kind == TokenKind.Quote ? tokens[last - 2].End : -1;
    }

    /// <summary>
    /// Where a content piece with no verb should end when it closes with "on Friday": the day dates the act ("rejected
    /// the offer on Friday"), not the object. A clause keeps its day ("said the talks would resume on Monday"). -1 when not.
    /// </summary>
    private static int TrailingWeekdayAfterObject(Document document, TextSpan piece)
    {
        if (!document.Has(Syntax.SyntaxLayers.PartOfSpeech)) return -1;
        var tokens = document.TokensIn(piece);
        if (tokens.Length < 3) return -1;
        string text = document.Text;
        int last = tokens.Length - 1;
        if (Array.IndexOf(Weekdays, text.Substring(tokens[last].Start, tokens[last].Length)) < 0) return -1;
        if (!text.AsSpan(tokens[last - 1].Start, tokens[last - 1].Length).Equals("on", StringComparison.OrdinalIgnoreCase)) return -1;
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        int first = document.TokenIndexAt(piece.Start);
        for (int t = first; t < first + tokens.Length; t++)
            if (pos[t].Tag is "VBD" or "VBZ" or "VBP" or "MD" or "VB" or "TO" || tokens[t - first].Kind == TokenKind.Quote) return -1;
        return tokens[last - 2].End;
    }

    /// <summary>The offset of a colon right after <paramref name="from"/> (spaces allowed, no line break), or -1.</summary>
    private static int ColonAfter(string text, int from)
    {
        int i = from;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        return i < text.Length && text[i] == ':' ? i : -1;
    }

    private static bool IsPossessive(string source) =>
        source.Equals("her", StringComparison.OrdinalIgnoreCase) || source.Equals("his", StringComparison.OrdinalIgnoreCase)
        || source.Equals("its", StringComparison.OrdinalIgnoreCase) || source.Equals("their", StringComparison.OrdinalIgnoreCase);

    /// <summary>A quoted title: two or more words, each capitalised ("Water For Every Village").</summary>
    private static bool IsTitle(string text, Quote quote)
    {
        int words = 0;
        foreach (var piece in quote.Content)
        {
            bool start = true;
            for (int i = piece.Start; i < piece.End; i++)
            {
                char c = text[i];
                if (char.IsLetter(c)) { if (start) { if (!char.IsUpper(c)) return false; words++; } start = false; }
                else start = char.IsWhiteSpace(c);
            }
        }
        return words >= 2;
    }

    /// <summary>True when only a sentence terminal (and closing quote marks) follow <paramref name="offset"/> in its sentence.</summary>
    private static bool SentenceEndsAt(Document document, int offset)
    {
        var tokens = document.Tokens;
        int k = document.TokenIndexAt(offset);
        int sentence = document.SentenceIndexOfToken(k);
        if (sentence < 0) return k >= tokens.Length;
        for (int t = k; t < document.Sentences[sentence].EndToken; t++)
            if (tokens[t].Kind is not (TokenKind.Terminal or TokenKind.Quote)) return false;
        return true;
    }

    private static int TokenCount(Document document, ImmutableArray<TextSpan> content)
    {
        int n = 0;
        foreach (var piece in content) n += document.TokensIn(piece).Length;
        return n;
    }

    /// <summary>True when the cue is a verb of naming ("called", "named", "dubbed", "titled", "labelled").</summary>
    private static bool IsNamingVerb(Document document, TextSpan cue)
    {
        foreach (var t in document.TokensIn(cue))
        {
            var w = document.Text.AsSpan(t.Start, t.Length);
            if (w.StartsWith("call", StringComparison.OrdinalIgnoreCase) || w.StartsWith("name", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("dub", StringComparison.OrdinalIgnoreCase) || w.StartsWith("titl", StringComparison.OrdinalIgnoreCase)
                || w.StartsWith("label", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// "Ms. Reyes left the meeting early, declaring that …", "Criticizing the plan, she said …": a participle cue the tagger
    /// left without a source speaks for its sentence's subject — the source of another statement in the sentence, else a
    /// mention that opens the sentence before the cue.
    /// </summary>
    private static void LendSubjectsToParticiples(Document document, List<Statement> statements)
    {
        if (!document.Has(Syntax.SyntaxLayers.PartOfSpeech)) return;
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        var mentions = document.Has(Entities.Resolution.CoreferenceLayers.Mentions) ? document.Get(Entities.Resolution.CoreferenceLayers.Mentions) : [];
        var sentences = document.Sentences;
        var tokens = document.Tokens;
        // The cues of statements that have a source, in text order: the lenders, found by binary search per sentence.
        var lenders = new List<(int Cue, TextSpan Source)>();
        foreach (var statement in statements)
            if (statement is { Source: { } lent, Cue: { } lenderCue }) lenders.Add((lenderCue.Start, lent));
        lenders.Sort(static (a, b) => a.Cue.CompareTo(b.Cue));
        for (int i = 0; i < statements.Count; i++)
        {
            if (statements[i].Source is not null || statements[i].Cue is not { } cue) continue;
            int first = document.TokenIndexAt(cue.Start);
            if (first >= tokens.Length) continue;
            // "The minister, speaking on condition of anonymity, said …": the name before the aside.
            if (SubjectBeforeAside(document, mentions, first) is { } named && !statements[i].Content.Any(c => c.Overlaps(named)))
            {
                statements[i] = statements[i] with { Source = named };
                continue;
            }
            if (pos[first].Tag != "VBG") continue;
            int sentence = document.SentenceIndexOfToken(first);
            if (sentence < 0) continue;
            TextSpan? subject = null;
            int best = int.MaxValue;
            var span = sentences[sentence].Span;
            int lo = 0, hi = lenders.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (lenders[mid].Cue < span.Start) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < lenders.Count && lenders[k].Cue < span.End; k++)
                if (Math.Abs(lenders[k].Cue - cue.Start) < best)
                {
                    best = Math.Abs(lenders[k].Cue - cue.Start);
                    subject = lenders[k].Source;
                }
            if (subject is null)
            {
                int open = sentences[sentence].FirstToken;
                while (open < first && tokens[open].Kind == TokenKind.Quote) open++;
                int at = LowerBound(mentions, tokens[open].Start);
                if (at < mentions.Length && mentions[at].Span.Start == tokens[open].Start && mentions[at].Span.End <= cue.Start
                    && !statements[i].Content.Any(c => c.Overlaps(mentions[at].Span)))
                    subject = mentions[at].Span;
            }
            if (subject is null && SentenceSubject(document, sentences[sentence].FirstToken, first) is { } opening
                && !statements[i].Content.Any(c => c.Overlaps(opening)))
                subject = opening; // "The nurse later sued, claiming …": a subject that is no entity mention
            if (subject is not null) statements[i] = statements[i] with { Source = subject };
        }
    }

    /// <summary>
    /// The noun phrase that opens a sentence (after an opening quote or "And"/"But") as the subject of its finite verb,
    /// ending before token <paramref name="limit"/>: "The conservative publication has been …", "And he managed …". Null otherwise.
    /// </summary>
    private static TextSpan? SentenceSubject(Document document, int from, int limit)
    {
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        var tokens = document.Tokens;
        int t = from;
        while (t < limit && (tokens[t].Kind == TokenKind.Quote || pos[t].Tag == "CC")) t++;
        int start = t;
        while (t < limit && t - start < 8 && pos[t].Tag is "DT" or "PRP$" or "JJ" or "JJR" or "JJS" or "CD" or "POS" or "PRP" or "NN" or "NNS" or "NNP" or "NNPS") t++;
        if (t == start || t >= limit || pos[t - 1].Tag is "DT" or "PRP$" or "JJ" or "POS") return null;
        int verb = t;
        while (verb < limit && pos[verb].Tag == "RB") verb++;
        return verb < limit && IsFinite(pos[verb].Tag) ? new TextSpan(tokens[start].Start, tokens[t - 1].End) : null;
    }

    /// <summary>The mention that ends right before ", speaking …, " (an aside, see <see cref="AsideStart"/>) right before token <paramref name="cue"/>.</summary>
    private static TextSpan? SubjectBeforeAside(Document document, ImmutableArray<Entities.Resolution.Mention> mentions, int cue)
    {
        var tokens = document.Tokens;
        string text = document.Text;
        if (cue < 3 || tokens[cue - 1].Length != 1 || text[tokens[cue - 1].Start] != ',') return null;
        int sentenceStart = document.Sentences[document.SentenceIndexOfToken(cue)].FirstToken;
        for (int t = cue - 2; t > sentenceStart && cue - t <= 16; t--)
        {
            if (tokens[t].Length != 1 || text[tokens[t].Start] != ',') continue;
            if (AsideStart(document, new TextSpan(tokens[t - 1].Start, tokens[cue - 1].Start)) != tokens[t].Start) return null;
            int at = LowerBound(mentions, tokens[sentenceStart].Start);
            for (; at < mentions.Length && mentions[at].Span.Start < tokens[t].Start; at++)
                if (mentions[at].Span.End == tokens[t - 1].End && mentions[at].Kind != Entities.Resolution.MentionKind.Pronoun)
                    return mentions[at].Span;
            return null;
        }
        return null;
    }

    private static int LowerBound(ImmutableArray<Entities.Resolution.Mention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Whether a phrase the tagger read as the source is no speaker: the subject of a passive cue ("She is expected to …",
    /// "Trump was asked about …": the article or someone unnamed expects and asks) or the one asked ("Asked about the
    /// deal, Ms. Reyes …", "asked the minister"). PolNeAR leaves these attributions without a source.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="source">The phrase read as the source.</param>
    /// <param name="cue">The cue.</param>
    /// <param name="contentBefore">Whether content precedes the cue: "“…?” asked Sen. Mikulski" names the one who asks.</param>
    private static bool NamesNoSpeaker(Document document, TextSpan source, TextSpan cue, bool contentBefore)
    {
        if (!document.Has(Syntax.SyntaxLayers.PartOfSpeech)) return false;
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        var text = document.Text.AsSpan();
        int first = document.TokenIndexAt(cue.Start), end = document.TokenIndexAt(cue.End);
        if (end <= first) return false;
        var tokens = document.Tokens;
        // "asked": the one asked is no speaker, after the cue ("asked the minister", not "was asked by the moderator") or before a
        // passive or participle ("Trump was asked", "Asked about the deal, Ms. Reyes …"; not "The Post has repeatedly asked").
        for (int t = first; t < end; t++)
            if (text.Slice(tokens[t].Start, tokens[t].Length).Equals("asked", StringComparison.OrdinalIgnoreCase)
                && (source.Start >= cue.End ? !contentBefore && !PrecededBy(document, source.Start, "by")
                    : pos[t].Tag == "VBN" && !Perfect(document, first, t))) return true;
        if (source.End > cue.Start) return false;
        // A form of "be" in the cue, then a past participle: "is expected", "were known", "has been attacked".
        bool be = false;
        for (int t = first; t < end; t++)
        {
            var word = text.Slice(tokens[t].Start, tokens[t].Length);
            if (word is "is" or "are" or "was" or "were" or "be" or "been" or "being" or "’s" or "'s") be = true;
            else if (be && pos[t].Tag == "VBN")
                return !HolderParticiples.Contains(word.ToString().ToLowerInvariant())
                    && !(t + 1 < tokens.Length && text.Slice(tokens[t + 1].Start, tokens[t + 1].Length).Equals("by", StringComparison.Ordinal))
                    && !VerbFollows(pos, t + 1, end); // "is shown lecturing", "is poised to argue": the subject does the talking
            else if (pos[t].Tag is not ("RB" or "MD")) be = false;
        }
        return false;
    }

    /// <summary>Whether a gerund or an infinitive ("to argue") follows among tokens <paramref name="from"/> to <paramref name="end"/>.</summary>
    private static bool VerbFollows(ImmutableArray<Syntax.PosTag> pos, int from, int end)
    {
        for (int t = from; t < end; t++)
            if (pos[t].Tag is "VBG" or "VB") return true;
        return false;
    }

    /// <summary>Whether "has", "have" or "had" comes before token <paramref name="verb"/> (adverbs between) from token <paramref name="first"/>: a perfect, not a passive.</summary>
    private static bool Perfect(Document document, int first, int verb)
    {
        for (int t = verb - 1; t >= first; t--)
        {
            var word = document.Text.AsSpan(document.Tokens[t].Start, document.Tokens[t].Length);
            if (word is "has" or "have" or "had") return true;
            if (word is "is" or "are" or "was" or "were" or "been" or "be") return false;
        }
        return false;
    }

    /// <summary>Whether the token before <paramref name="offset"/> is <paramref name="word"/>.</summary>
    private static bool PrecededBy(Document document, int offset, string word)
    {
        int t = document.TokenIndexAt(offset) - 1;
        return t >= 0 && document.Text.AsSpan(document.Tokens[t].Start, document.Tokens[t].Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Participles whose subject holds the attitude ("Maria Lopez is convinced …", "officials were alarmed"), or speaks ("was quoted").</summary>
    private static readonly HashSet<string> HolderParticiples = new(StringComparer.Ordinal)
    {
        "convinced", "unconvinced", "persuaded", "worried", "concerned", "determined", "committed", "opposed", "satisfied",
        "dissatisfied", "pleased", "displeased", "disappointed", "surprised", "alarmed", "startled", "frustrated", "troubled",
        "encouraged", "heartened", "dismayed", "outraged", "angered", "shocked", "delighted", "relieved", "impressed",
        "unimpressed", "divided", "split", "united", "interested", "prepared", "resigned", "inclined", "scared", "terrified",
        "frightened", "puzzled", "perplexed", "baffled", "confused", "stunned", "amazed", "intrigued", "embarrassed",
        "offended", "insulted", "annoyed", "irritated", "upset", "disturbed", "horrified", "appalled", "saddened", "thrilled",
        "excited", "reassured", "quoted", "agreed", "dedicated", "devoted", "focused", "fixated", "obsessed", "bothered", "miffed",
    };

    private static bool IsFinite(string tag) => tag is "VBD" or "VBZ" or "VBP" or "MD";

    /// <summary>True when the cue holds a reporting verb, a belief word, "according to", a colon or a dash.</summary>
    private static bool IsCueWord(Document document, TextSpan cue)
    {
        string text = document.Text;
        foreach (var t in document.TokensIn(cue))
        {
            var w = text.AsSpan(t.Start, t.Length);
            if (t.Kind != TokenKind.Word) { if (w.Length == 1 && (w[0] == ':' || Quotes.QuoteMarks.IsDash(w[0]))) return true; continue; }
            if (Lexicons.ReportingLexicon.Default.TryGetVerb(w, out _) || Lexicons.ReportingLexicon.Default.TryGetGerund(w, out _)
                || w.Equals("according", StringComparison.OrdinalIgnoreCase) || Enrichment.StatementKindStage.IsBeliefWord(w)) return true;
        }
        return false;
    }

    private static bool InAny(List<TextSpan> spans, Statement s)
    {
        foreach (var span in spans)
            if (s.Content.Any(c => span.Overlaps(c))) return true;
        return false;
    }

    /// <summary>The end of the last of the capitalised words that fill the gap between a source and its cue, or -1 when the gap holds anything else.</summary>
    private static int CapitalisedGapEnd(Document document, int from, int to)
    {
        var gap = document.TokensIn(new TextSpan(from, to));
        if (gap.IsEmpty) return -1;
        foreach (var t in gap)
            if (t.Kind != TokenKind.Word || !char.IsUpper(document.Text[t.Start])) return -1;
        return gap[^1].End;
    }

    /// <summary>End of a leading dateline ("MOSCOW —", "KYIV, Ukraine —") inside a source span, or -1.</summary>
    /// <summary>
    /// Where a source should start when the tagger kept only the object of a preposition that opens its sentence's subject
    /// ("Shop owners near the pier", "Residents of the old town"): the sentence start, when everything before the source
    /// is a noun phrase and that preposition. -1 otherwise ("In Moscow, officials said" keeps "officials").
    /// </summary>
    private static int HeadBefore(Document document, TextSpan source)
    {
        if (!document.Has(Syntax.SyntaxLayers.PartOfSpeech)) return -1;
        var pos = document.Get(Syntax.SyntaxLayers.PartOfSpeech);
        var tokens = document.Tokens;
        int k = document.TokenIndexAt(source.Start);
        int sentence = document.SentenceIndexOfToken(k);
        if (sentence < 0) return -1;
        int first = document.Sentences[sentence].FirstToken;
        if (k - first < 3 || document.Sentences[sentence].IsHeadline || pos[first].Tag is "IN" or "TO" or "RB") return -1;
        var preposition = document.Text.AsSpan(tokens[k - 1].Start, tokens[k - 1].Length);
        if (!(preposition is "near" or "in" or "at" or "from" or "of" or "across" or "outside" or "around" or "along" or "inside")) return -1;
        bool noun = false;
        for (int t = first; t < k - 1; t++)
        {
            string tag = pos[t].Tag;
            // Before the preposition, words read as verbs are nouns: a capitalised first word ("Bank officials") or a plural
            // after a noun ("Shop owners", tagged NN VBZ).
            if (tag.StartsWith("NN", StringComparison.Ordinal)
                || t == first && tag is "VB" or "VBP" && char.IsUpper(document.Text[tokens[t].Start])
                || t > first && tag == "VBZ" && pos[t - 1].Tag.StartsWith("NN", StringComparison.Ordinal)) noun = true;
            else if (tag is not ("DT" or "JJ" or "JJR" or "JJS" or "CD" or "PRP$" or "POS" or "VBN")) return -1;
        }
        return noun ? tokens[first].Start : -1;
    }

    /// <summary>
    /// Where a source's trailing aside begins (the comma before it): a phrase after a comma that opens with a preposition
    /// of circumstance or a participle ("Corey Lewandowski, in a statement released by the campaign", "The Journal, citing
    /// internal documents,", "One former employee, speaking on condition of anonymity,"). -1 when there is none.
    /// </summary>
    private static int AsideStart(Document document, TextSpan source)
    {
        var tokens = document.Tokens;
        int first = document.TokenIndexAt(source.Start), end = document.TokenIndexAt(source.End);
        for (int t = first + 1; t + 1 < end; t++)
        {
            if (tokens[t].Length != 1 || document.Text[tokens[t].Start] != ',') continue;
            var word = document.Text.AsSpan(tokens[t + 1].Start, tokens[t + 1].Length);
            if (word is "in" or "at" or "during" or "half" or "citing" or "speaking" or "referring" or "adding" or "noting" or "writing"
                or "responding" or "echoing" or "quoting" or "joking" or "explaining" or "arguing" or "reflecting" or "pointing" or "testifying")
                return tokens[t].Start;
        }
        return -1;
    }

    /// <summary>"MOSCOW", "ORLANDO, Fla. (Reuters)", "WASHINGTON (AP)": a place in capitals, a state abbreviation, an agency.</summary>
    private static readonly System.Text.RegularExpressions.Regex DatelinePrefix = new(
        @"^\p{Lu}[\p{Lu} .'’-]*(, \p{Lu}[\p{L}.]{0,12})?( \([\p{L} .&]{1,30}\))?\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static int DatelineEnd(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!Quotes.QuoteMarks.IsDash(text[i])) continue;
            if (!DatelinePrefix.IsMatch(text.AsSpan(start, i - start))) return -1;
            int k = i + 1;
            while (k < end && char.IsWhiteSpace(text[k])) k++;
            return k;
        }
        return -1;
    }

    private static int Length(ImmutableArray<TextSpan> spans)
    {
        int n = 0;
        foreach (var s in spans) n += s.End - s.Start;
        return n;
    }

    /// <summary>True when every span of <paramref name="inner"/> lies inside a span of <paramref name="outer"/>.</summary>
    private static bool Covers(ImmutableArray<TextSpan> outer, ImmutableArray<TextSpan> inner)
    {
        foreach (var i in inner)
            if (!outer.Any(o => o.Contains(i))) return false;
        return true;
    }

    /// <summary>Content pieces in text order, overlapping or repeated pieces joined into one.</summary>
    private static ImmutableArray<TextSpan> Normalize(ImmutableArray<TextSpan> content)
    {
        if (content.Length < 2) return content;
        var sorted = content.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var result = ImmutableArray.CreateBuilder<TextSpan>(sorted.Length);
        foreach (var piece in sorted)
        {
            if (result.Count > 0 && result[^1].End > piece.Start)
            {
                result[^1] = new TextSpan(result[^1].Start, Math.Max(result[^1].End, piece.End));
                continue;
            }
            result.Add(piece);
        }
        return result.Count == content.Length && sorted == content ? content : result.ToImmutable();
    }

    private static int Start(Statement s) => s.Content.IsEmpty ? s.Cue?.Start ?? 0 : s.Content[0].Start;

    private static bool ContentOverlaps(Statement a, Statement b)
    {
        foreach (var x in a.Content)
            foreach (var y in b.Content)
                if (x.Overlaps(y)) return true;
        return false;
    }

    private static bool CueIsUsed(List<Statement> statements, TextSpan cue)
    {
        foreach (var s in statements)
            if (s.Cue is { } c && c.Overlaps(cue)) return true;
        return false;
    }
}
