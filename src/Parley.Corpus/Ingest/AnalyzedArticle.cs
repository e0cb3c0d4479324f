using Parley.Corpus.Linking;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;

namespace Parley.Corpus.Ingest;

/// <summary>A statement as stored: the statement, its content text and the actor mention of its speaker.</summary>
public sealed record StatementRecord(Statement Statement, string Content, string? SourceText, string? CueText, ActorMention? Actor);

/// <summary>A direct quote as used for provenance: where it is, its wording and its matching keys.</summary>
public sealed record QuoteRecord
{
    /// <summary>Index in the document's quote layer, or -1 when it comes from a statement only.</summary>
    public required int QuoteIndex { get; init; }

    /// <summary>From the opening to the closing mark.</summary>
    public required TextSpan Extent { get; init; }

    /// <summary>The quoted words as written.</summary>
    public required string Text { get; init; }

    /// <summary>Normalised wording (see <see cref="TextFolding.Normalize"/>).</summary>
    public required string Normalized { get; init; }

    /// <summary>Hash of the normalised wording.</summary>
    public required string NormalizedHash { get; init; }

    /// <summary>MinHash band keys of the wording's shingles.</summary>
    public required long[] Bands { get; init; }

    /// <summary>Index (in the document's statement layer) of the statement built from this quote, or -1.</summary>
    public int StatementIndex { get; init; } = -1;
}

/// <summary>An article after analysis, with everything the store needs precomputed off the writer thread.</summary>
public sealed record AnalyzedArticle
{
    /// <summary>The input.</summary>
    public required RawArticle Raw { get; init; }

    /// <summary>The analysed document.</summary>
    public required Document Document { get; init; }

    /// <summary>Identity of the content (whitespace-insensitive).</summary>
    public required string ContentHash { get; init; }

    /// <summary>MinHash signature of the text's shingles, for near-duplicates.</summary>
    public required ulong[] Signature { get; init; }

    /// <summary>Statements with their actor mentions (surname-only mentions already resolved within the article).</summary>
    public required IReadOnlyList<StatementRecord> Statements { get; init; }

    /// <summary>Direct quotes for provenance.</summary>
    public required IReadOnlyList<QuoteRecord> Quotes { get; init; }
}

/// <summary>Runs the pipeline on a raw article and prepares what the store writes.</summary>
public static class ArticleAnalyzer
{
    /// <summary>Shortest quote (in words) that takes part in provenance: shorter ones are phrases, not statements.</summary>
    public const int MinQuoteWords = 4;

    /// <summary>The content hash of a text (what re-ingestion compares).</summary>
    public static string HashOf(string text) => Hashing.ContentHash(TextFolding.CollapseWhitespace(text));

    /// <summary>Analyses <paramref name="raw"/> with <paramref name="pipeline"/>.</summary>
    public static AnalyzedArticle Analyze(RawArticle raw, TextPipeline pipeline, CancellationToken cancellationToken = default)
    {
        string hash = HashOf(raw.Text);
        var metadata = new DocumentMetadata
        {
            Id = raw.Id ?? "a" + hash[..12],
            Source = raw.Origin,
            Title = raw.Title,
            Outlet = raw.Outlet,
            Published = raw.Published,
            Url = raw.Url,
            Language = raw.Language ?? "en",
        };
        var document = pipeline.Process(raw.Text, metadata, cancellationToken);
        return FromDocument(raw, document, hash);
    }

    /// <summary>Prepares an already analysed document (also how tests and other producers feed the store).</summary>
    public static AnalyzedArticle FromDocument(RawArticle raw, Document document, string? hash = null)
    {
        string text = document.Text;
        // A cue with a source but no content (kept by the tagger for attribution scoring) says nothing to search or link.
        var statements = document.Statements.RemoveAll(static s => s.Content.IsEmpty);
        var mentions = statements.Select(s => ActorNames.FromSpeaker(s.Speaker)).ToList();
        var resolved = ActorNames.ResolveArticle(mentions.Where(m => m is not null).ToList()!);
        int next = 0;
        var records = new List<StatementRecord>(statements.Length);
        for (int i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            var actor = mentions[i] is null ? null : resolved[next++];
            string content = string.Join(" … ", s.Content.Select(c => c.GetText(text)));
            records.Add(new StatementRecord(s, content, s.Source?.GetText(text), s.Cue?.GetText(text), actor));
        }

        var quotes = new List<QuoteRecord>();
        var quoteLayer = document.Quotes;
        for (int q = 0; q < quoteLayer.Length; q++)
        {
            var quote = quoteLayer[q];
            if (!quote.IsSpeech || quote.Depth > 0) continue;
            int statementIndex = -1;
            for (int i = 0; i < statements.Length && statementIndex < 0; i++) if (statements[i].QuoteIndex == q) statementIndex = i;
            AddQuote(quotes, q, quote.Extent, string.Join(" ", quote.Content.Select(c => c.GetText(text))), statementIndex);
        }
        for (int i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            if (s.Kind == StatementKind.Direct && (s.QuoteIndex < 0 || s.QuoteIndex >= quoteLayer.Length) && !s.Content.IsEmpty)
                AddQuote(quotes, -1, new TextSpan(s.Content[0].Start, s.Content[^1].End), records[i].Content, i);
        }

        var words = TextFolding.Words(text);
        return new AnalyzedArticle
        {
            Raw = raw,
            Document = document,
            ContentHash = hash ?? HashOf(raw.Text),
            Signature = NearDuplicates.Signature(words),
            Statements = records,
            Quotes = quotes,
        };
    }

    private static void AddQuote(List<QuoteRecord> quotes, int index, TextSpan extent, string wording, int statementIndex)
    {
        var words = TextFolding.Words(wording);
        if (words.Count < MinQuoteWords) return;
        string normalized = string.Join(' ', words);
        quotes.Add(new QuoteRecord
        {
            QuoteIndex = index,
            Extent = extent,
            Text = wording,
            Normalized = normalized,
            NormalizedHash = Hashing.ContentHash(normalized),
            Bands = QuoteSignature.Bands(words),
            StatementIndex = statementIndex,
        });
    }
}
