using System.Collections.Immutable;
using Parley.Corpus.Ingest;
using Parley.Corpus.Store;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;

namespace Parley.Corpus.Tests;

/// <summary>A statement to plant in a test article: who said which words of the text.</summary>
internal sealed record Said(string Speaker, SpeakerType Type, string Words, string? Role = null, string? Channel = null,
    StatementKind Kind = StatementKind.Direct);

/// <summary>Builds analysed articles with hand-made statement and quote layers, since the attribution stages are still being built.</summary>
internal static class TestData
{
    /// <summary>A long wire-story paragraph, so that copies with a new headline are still near-duplicates.</summary>
    public const string WireParagraph = "The delegations agreed that the first phase would focus on the exchange of prisoners held since the spring, " +
        "followed by the reopening of two border crossings for aid convoys. Mediators from three countries will attend, and a " +
        "second round is planned for the following week in the same hotel on the lake shore. Diplomats cautioned that earlier " +
        "rounds had collapsed over the sequencing of troop withdrawals, and that neither side had yet named its full team. " +
        "Aid agencies welcomed the resumption, saying winter conditions made access to the eastern districts urgent, " +
        "and warned that fuel and medicine stocks in the region would last only a few more weeks at current rates of use.";

    public static AnalyzedArticle Article(string id, string? outlet, string? date, string text, params Said[] said)
    {
        var meta = new DocumentMetadata { Id = id, Outlet = outlet, Published = date is null ? null : DateTimeOffset.Parse(date + "T12:00:00Z") };
        var document = new Document(text, meta);
        ParleyPipeline.Default.Process(document);
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        var statements = ImmutableArray.CreateBuilder<Statement>();
        foreach (var s in said)
        {
            int start = text.IndexOf(s.Words, StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"'{s.Words}' is not in the text of {id}");
            var content = new TextSpan(start, start + s.Words.Length);
            int quoteIndex = -1;
            if (s.Kind == StatementKind.Direct)
            {
                quoteIndex = quotes.Count;
                quotes.Add(new Quote
                {
                    Open = new TextSpan(start - 1, start), Close = new TextSpan(content.End, content.End + 1), Content = [content],
                    Style = QuoteMarkStyle.StraightDouble, IsSpeech = true,
                });
            }
            int speakerAt = text.IndexOf(s.Speaker, StringComparison.Ordinal);
            statements.Add(new Statement
            {
                Id = "s" + (statements.Count + 1),
                Kind = s.Kind,
                Content = [content],
                Source = speakerAt >= 0 ? new TextSpan(speakerAt, speakerAt + s.Speaker.Length) : null,
                Speaker = new Speaker { Name = s.Speaker, Type = s.Type, Role = s.Role },
                Channel = s.Channel is null ? null : new Channel { Name = s.Channel, Kind = ChannelKind.Interview },
                Confidence = 0.9,
                QuoteIndex = quoteIndex,
            });
        }
        document.Replace(Layers.Quotes, quotes.ToImmutable());
        document.Replace(Layers.Statements, statements.ToImmutable());
        var raw = new RawArticle { Origin = id, Id = id, Text = text, Outlet = outlet, Published = meta.Published, Url = $"https://{outlet ?? "x"}.example/{id}".ToLowerInvariant().Replace(' ', '-') };
        return ArticleAnalyzer.FromDocument(raw, document);
    }
}

/// <summary>A store in a temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory.CreateDirectory(Folder);
        Store = SqliteCorpusStore.Open(Path);
    }

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-corpus-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(Folder, "corpus.db");

    public SqliteCorpusStore Store { get; private set; }

    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteCorpusStore.Open(Path);
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
