using System.Collections.Immutable;
using Parley.Documents;
using Parley.Lexicons;
using Parley.Pipeline;
using Parley.Statements;
using Parley.Text;

namespace Parley.Claims;

/// <summary>
/// Labels every sentence as attributed, unattributed, hedged, question or other, and marks hedges and
/// loaded wording in the article's own voice (text inside quotes or attributed content belongs to the
/// speaker and is left alone; a framing cue such as "slammed" or "admitted" is the article's choice and is marked).
/// </summary>
public sealed class ClaimStage : PipelineStage
{
    /// <summary>Sentences with fewer words are fragments (datelines, captions) rather than assertions.</summary>
    private const int MinAssertionWords = 4;

    // One matcher for both lexicons (one lookup per token); categories carry a "hedge:" or "loaded:" prefix.
    private static readonly Lazy<PhraseMatcher> TermMatcher = new(() => new PhraseMatcher(
        ReadLexicon("hedges.tsv", HedgePrefix).Concat(ReadLexicon("loaded.tsv", LoadedPrefix))));

    private const string HedgePrefix = "hedge:";
    private const string LoadedPrefix = "loaded:";

    private static readonly string[] BoilerplateOpenings =
    [
        "read more", "read the rest", "click here", "sign up", "subscribe", "follow us", "follow him", "follow her",
        "advertisement", "related:", "photo:", "image:", "watch:", "listen:", "copyright", "all rights reserved",
    ];

    /// <summary>Creates the stage.</summary>
    public ClaimStage() : base("claims", [Layers.Sentences, Layers.Tokens, Layers.Quotes, Layers.Statements], [ClaimLayers.Claims]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        string text = document.Text;
        var tokens = document.Tokens.AsSpan();
        var sentences = document.Sentences;
        var statements = document.Statements;
        var headlines = document.Headlines;
        var spoken = SpokenRegions(document);
        var claims = ImmutableArray.CreateBuilder<Claim>(sentences.Length);
        var matches = new List<PhraseMatcher.Match>();
        var nearby = StatementsNear(statements, sentences);

        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            // An empty sentence is "covered" by every statement (0 * 2 >= 0): only there is the full list needed.
            var covering = CoveringStatements(statements, sentence.Span.Length == 0 ? null : nearby[s], sentence.Span);

            matches.Clear();
            TermMatcher.Value.FindAll(text, tokens, sentence.FirstToken, sentence.EndToken, matches);
            var hedges = ToTerms(matches, tokens, text, spoken, sentence, HedgePrefix);
            var loaded = ToTerms(matches, tokens, text, spoken, sentence, LoadedPrefix);

            ClaimLabel label;
            if (!covering.IsEmpty) label = ClaimLabel.Attributed;
            else if (IsDuplicateHeadline(headlines, sentence.Span)) label = ClaimLabel.Other;
            else if (EndsWithQuestion(text, tokens, sentence, spoken)) label = ClaimLabel.Question;
            else if (!IsAssertion(text, tokens, sentence)) label = ClaimLabel.Other;
            else if (!hedges.IsEmpty) label = ClaimLabel.Hedged;
            else label = ClaimLabel.Unattributed;

            claims.Add(new Claim
            {
                Sentence = s,
                Span = sentence.Span,
                Label = label,
                Statements = covering,
                Hedges = hedges,
                Loaded = loaded,
            });
        }
        document.Set(ClaimLayers.Claims, claims.MoveToImmutable());
    }

    /// <summary>Spans that belong to someone other than the article: quote contents and statement contents.</summary>
    private static Spoken SpokenRegions(Document document)
    {
        var regions = new List<TextSpan>();
        foreach (var quote in document.Quotes) regions.AddRange(quote.Content);
        foreach (var statement in document.Statements) regions.AddRange(statement.Content);
        regions.Sort();
        return new Spoken(regions);
    }

    /// <summary>
    /// Sorted spoken regions with the running maximum of their ends, so "is this span inside a region" is a
    /// binary search rather than a scan from the start (which made long documents quadratic).
    /// </summary>
    private sealed class Spoken
    {
        private readonly int[] _starts;
        private readonly int[] _maxEnd; // largest End among regions[0..i]

        public Spoken(List<TextSpan> sorted)
        {
            _starts = new int[sorted.Count];
            _maxEnd = new int[sorted.Count];
            for (int i = 0; i < sorted.Count; i++)
            {
                _starts[i] = sorted[i].Start;
                _maxEnd[i] = Math.Max(sorted[i].End, i > 0 ? _maxEnd[i - 1] : int.MinValue);
            }
        }

        /// <summary>True when some region contains <paramref name="span"/>: among regions starting at or before it, one ends at or after it.</summary>
        public bool Contains(TextSpan span)
        {
            int lo = 0, hi = _starts.Length; // first region starting after span.Start
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] <= span.Start) lo = mid + 1; else hi = mid;
            }
            return lo > 0 && _maxEnd[lo - 1] >= span.End;
        }
    }

    private static bool InSpoken(Spoken spoken, TextSpan span) => spoken.Contains(span);

    /// <summary>
    /// Per sentence, the indexes (ascending) of the statements whose cue, source or content reaches it: the only
    /// ones that can cover it, so a long document is not checked statement by sentence.
    /// </summary>
    private static List<int>[] StatementsNear(ImmutableArray<Statement> statements, ImmutableArray<Sentence> sentences)
    {
        var near = new List<int>[sentences.Length];
        for (int s = 0; s < near.Length; s++) near[s] = [];
        for (int i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            int start = int.MaxValue, end = int.MinValue;
            void Extend(TextSpan span) { start = Math.Min(start, span.Start); end = Math.Max(end, span.End); }
            if (statement.Cue is { } cue) Extend(cue);
            if (statement.Source is { } source) Extend(source);
            foreach (var content in statement.Content) Extend(content);
            if (start > end) continue; // no span: covers no non-empty sentence
            // Sentences are in order and disjoint: the first whose end reaches the statement, then on while they start within it.
            int lo = 0, hi = sentences.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (sentences[mid].Span.End < start) lo = mid + 1; else hi = mid;
            }
            for (int s = lo; s < sentences.Length && sentences[s].Span.Start <= end; s++) near[s].Add(i);
        }
        return near;
    }

    /// <summary>
    /// Statements that cover a sentence: its cue or source lies inside it, or their content covers at least
    /// half of its characters. <paramref name="candidates"/> are the statement indexes to check (null: all).
    /// </summary>
    private static ImmutableArray<string> CoveringStatements(ImmutableArray<Statement> statements, List<int>? candidates, TextSpan sentence)
    {
        ImmutableArray<string>.Builder? ids = null;
        int count = candidates?.Count ?? statements.Length;
        for (int k = 0; k < count; k++)
        {
            var statement = statements[candidates is null ? k : candidates[k]];
            bool covers = statement.Cue is { } cue && sentence.Contains(cue) || statement.Source is { } source && sentence.Contains(source);
            if (!covers)
            {
                int overlap = 0;
                foreach (var content in statement.Content)
                    if (content.Overlaps(sentence))
                        overlap += Math.Min(content.End, sentence.End) - Math.Max(content.Start, sentence.Start);
                covers = overlap * 2 >= sentence.Length;
            }
            if (covers) (ids ??= ImmutableArray.CreateBuilder<string>()).Add(statement.Id);
        }
        return ids?.ToImmutable() ?? ImmutableArray<string>.Empty;
    }

    private static ImmutableArray<Term> ToTerms(List<PhraseMatcher.Match> matches, ReadOnlySpan<Token> tokens, string text,
        Spoken spoken, Sentence sentence, string prefix)
    {
        ImmutableArray<Term>.Builder? terms = null;
        foreach (var match in matches)
        {
            if (!match.Category.StartsWith(prefix, StringComparison.Ordinal)) continue;
            string category = match.Category[prefix.Length..];
            var span = new TextSpan(tokens[match.FirstToken].Start, tokens[match.FirstToken + match.TokenCount - 1].End);
            if (InSpoken(spoken, span)) continue;
            // "May" the month and "Could" in a title are not hedges: modal hedges must be lower case
            // unless they open the sentence.
            if (category == "modal" && char.IsUpper(text[span.Start]) && match.FirstToken != sentence.FirstToken) continue;
            (terms ??= ImmutableArray.CreateBuilder<Term>()).Add(new Term(span, category));
        }
        return terms?.ToImmutable() ?? ImmutableArray<Term>.Empty;
    }

    private static bool IsDuplicateHeadline(ImmutableArray<Headline> headlines, TextSpan span)
    {
        foreach (var headline in headlines)
            if (headline.IsDuplicate && headline.Span.Contains(span)) return true;
        return false;
    }

    private static bool IsAssertion(string text, ReadOnlySpan<Token> tokens, Sentence sentence)
    {
        int words = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number) words++;
        if (words < MinAssertionWords) return false;
        var opening = text.AsSpan(sentence.Span.Start, Math.Min(sentence.Span.Length, 40));
        foreach (var boilerplate in BoilerplateOpenings)
            if (opening.StartsWith(boilerplate, StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    /// <summary>True when the sentence's last terminal is a question mark outside any quote.</summary>
    private static bool EndsWithQuestion(string text, ReadOnlySpan<Token> tokens, Sentence sentence, Spoken spoken)
    {
        for (int t = sentence.EndToken - 1; t >= sentence.FirstToken; t--)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Quote || token.Kind == TokenKind.Punct && text[token.Start] is ')' or ']') continue;
            return token.Kind == TokenKind.Terminal && text.AsSpan(token.Start, token.Length).Contains('?') && !InSpoken(spoken, token.Span);
        }
        return false;
    }

    private static IEnumerable<(string Phrase, string Category)> ReadLexicon(string file, string prefix) =>
        EmbeddedLexicon.ReadLines(file).Select(line =>
        {
            int tab = line.IndexOf('\t');
            return tab < 0 ? (line, prefix + "term") : (line[..tab], prefix + line[(tab + 1)..]);
        });
}
