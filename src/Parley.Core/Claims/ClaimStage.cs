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

        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            var covering = CoveringStatements(statements, sentence.Span, text);

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
    private static List<TextSpan> SpokenRegions(Document document)
    {
        var regions = new List<TextSpan>();
        foreach (var quote in document.Quotes) regions.AddRange(quote.Content);
        foreach (var statement in document.Statements) regions.AddRange(statement.Content);
        regions.Sort();
        return regions;
    }

    private static bool InSpoken(List<TextSpan> spoken, TextSpan span)
    {
        foreach (var region in spoken)
        {
            if (region.Start > span.Start) break;
            if (region.Contains(span)) return true;
        }
        return false;
    }

    /// <summary>
    /// Statements that cover a sentence: its cue or source lies inside it, or their content covers at least
    /// half of its characters.
    /// </summary>
    private static ImmutableArray<string> CoveringStatements(ImmutableArray<Statement> statements, TextSpan sentence, string text)
    {
        ImmutableArray<string>.Builder? ids = null;
        foreach (var statement in statements)
        {
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
        List<TextSpan> spoken, Sentence sentence, string prefix)
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
    private static bool EndsWithQuestion(string text, ReadOnlySpan<Token> tokens, Sentence sentence, List<TextSpan> spoken)
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
