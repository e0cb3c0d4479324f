using Microsoft.Data.Sqlite;
using Parley.Corpus.Ingest;
using Parley.Corpus.Queries;
using Parley.Corpus.Store;
using Parley.Statements;

namespace Parley.Corpus.Tests.Store;

public sealed class SqliteCorpusStoreTests
{
    private const string Body = "Officials met in the capital on Monday to discuss the reconstruction of the bridge, which was damaged in October. ";

    [Fact]
    public void FtsFiveIsAvailable()
    {
        using var store = new TempStore();
        Assert.Equal(SqliteCorpusStore.LatestVersion, store.Store.SchemaVersion);
        Assert.Equal("ok", store.Store.IntegrityCheck());
    }

    [Fact]
    public void SameContentTwiceChangesNothing()
    {
        using var temp = new TempStore();
        var article = TestData.Article("a1", "Wire", "2025-01-02", Body + "The mayor said \"the bridge will reopen in spring next year\".",
            new Said("Anna Berg", SpeakerType.Person, "the bridge will reopen in spring next year"));
        Assert.Equal(IngestOutcome.Added, temp.Store.Write([article])[0].Outcome);
        var before = temp.Store.Stats();
        Assert.Equal(IngestOutcome.Duplicate, temp.Store.Write([article])[0].Outcome);
        Assert.Equal(before, temp.Store.Stats() with { ByOutlet = before.ByOutlet });
        Assert.Equal(1, temp.Store.Stats().Statements);
    }

    [Fact]
    public void ChangedTextUnderTheSameUrlIsANewVersion()
    {
        using var temp = new TempStore();
        temp.Store.Write([TestData.Article("a1", "Wire", "2025-01-02", Body + "First version of the story.")]);
        var result = temp.Store.Write([TestData.Article("a1", "Wire", "2025-01-02", Body + "Second version, with a correction.")])[0];
        Assert.Equal(IngestOutcome.Updated, result.Outcome);
        var stats = temp.Store.Stats();
        Assert.Equal(1, stats.Articles);
        Assert.Equal(1, stats.SupersededVersions);
        var view = temp.Store.Article("a1")!;
        Assert.Equal(2, view.Version);
        Assert.Contains("correction", view.Text);
    }

    [Fact]
    public void OldVersionsDoNotCountInActorProfiles()
    {
        using var temp = new TempStore();
        temp.Store.Write([TestData.Article("v1", "Wire", "2025-01-02", Body + "Anna Berg said \"the bridge will reopen in the spring\".",
            new Said("Anna Berg", SpeakerType.Person, "the bridge will reopen in the spring"))]);
        temp.Store.Write([TestData.Article("v1", "Wire", "2025-01-02", Body + "Anna Berg said \"the bridge will reopen in the summer\".",
            new Said("Anna Berg", SpeakerType.Person, "the bridge will reopen in the summer"))]);
        var actor = temp.Store.Actor("Anna Berg")!;
        Assert.Equal(1, actor.Statements);
        Assert.Equal(1, Assert.Single(actor.PerMonth).Statements);
        Assert.Equal(1, temp.Store.Stats().Statements);
    }

    [Fact]
    public void WireCopiesAreLinkedNotCountedAsIndependent()
    {
        using var temp = new TempStore();
        string wire = Body + "Engineers estimate the repairs will cost forty million and take at least eighteen months, according to the ministry. " +
            "\"We are working day and night to restore the crossing,\" said Anna Berg, the transport minister, at a briefing. " +
            TestData.WireParagraph;
        var original = TestData.Article("w1", "Wire", "2025-01-02", "Bridge repairs to take 18 months\n\n" + wire,
            new Said("Anna Berg", SpeakerType.Person, "We are working day and night to restore the crossing"));
        var copy = TestData.Article("c1", "Daily Post", "2025-01-03", "Bridge fix will take a year and a half\n\n" + wire,
            new Said("Anna Berg", SpeakerType.Person, "We are working day and night to restore the crossing"));
        temp.Store.Write([original]);
        Assert.True(temp.Store.Write([copy])[0].NearDuplicate);
        Assert.Equal("w1", temp.Store.Article("c1")!.NearDuplicateOf);
        Assert.Equal(["c1"], temp.Store.Article("w1")!.NearDuplicates);

        long quoteId = temp.Store.Quotes(new QuoteFilter())[0].QuoteId!.Value;
        var provenance = temp.Store.Provenance(quoteId)!;
        Assert.Equal(2, provenance.Sightings.Count);
        Assert.Equal(1, provenance.IndependentSightings);
        Assert.Equal(1, temp.Store.Stats().NearDuplicates);
    }

    [Fact]
    public void OneQuoteManySightingsWithWordingDiffs()
    {
        using var temp = new TempStore();
        temp.Store.Write(
        [
            TestData.Article("b2", "Daily Post", "2025-02-03", "Budget row deepens. The minister said \"we will not raise taxes on working families this year\".",
                new Said("Carl Moss", SpeakerType.Person, "we will not raise taxes on working families this year")),
            TestData.Article("b1", "Wire", "2025-02-01", "Minister rules out tax rise. He said: \"We will not raise taxes on working families this year.\"",
                new Said("Carl Moss", SpeakerType.Person, "We will not raise taxes on working families this year.")),
            TestData.Article("b3", "Evening Star", "2025-02-04", "Opposition scoffs. Moss had said \"we will never raise taxes on working families this year\".",
                new Said("Carl Moss", SpeakerType.Person, "we will never raise taxes on working families this year")),
            TestData.Article("b4", "Evening Star", "2025-02-05", "Unrelated. \"The weather will be cold and wet all through the weekend,\" forecasters said.",
                new Said("forecasters", SpeakerType.Vague, "The weather will be cold and wet all through the weekend,")),
        ]);
        var ids = temp.Store.Quotes(new QuoteFilter { Speaker = "Carl Moss" }).Select(r => r.QuoteId).Distinct().ToList();
        var id = Assert.Single(ids)!.Value;
        var provenance = temp.Store.Provenance(id)!;
        Assert.Equal(3, provenance.Sightings.Count);
        Assert.Equal("b1", provenance.First!.ArticleId);
        Assert.Equal(["Wire", "Daily Post", "Evening Star"], provenance.Outlets);
        Assert.Null(provenance.Sightings[1].Diff);
        Assert.Contains("[-not-] {+never+}", provenance.Sightings[2].Diff);
        Assert.Equal(2, temp.Store.Stats().Quotes);
    }

    [Fact]
    public void ActorsMergeVariantsButNotNamesakes()
    {
        using var temp = new TempStore();
        temp.Store.Write(
        [
            TestData.Article("z1", "Wire", "2025-01-10", "President Volodymyr Zelensky said \"we will defend every town\" in Kyiv.",
                new Said("President Volodymyr Zelensky", SpeakerType.Person, "we will defend every town", Channel: "a video address")),
            TestData.Article("z2", "Daily Post", "2025-02-11", "Volodymyr Zelenskyy told reporters \"help must arrive faster now\". Zelenskyy added \"we are grateful to our partners\".",
                new Said("Volodymyr Zelenskyy", SpeakerType.Person, "help must arrive faster now"),
                new Said("Zelenskyy", SpeakerType.Person, "we are grateful to our partners")),
            TestData.Article("j1", "Sports Desk", "2025-02-12", "Dustin Johnson said \"the course was playing very long today\" after his round.",
                new Said("Dustin Johnson", SpeakerType.Person, "the course was playing very long today")),
            TestData.Article("j2", "Wire", "2025-02-13", "Boris Johnson said \"the deal is a good one for Britain\", and Sergei Aksyonov said \"the bridge is open again\".",
                new Said("Boris Johnson", SpeakerType.Person, "the deal is a good one for Britain"),
                new Said("Sergei Aksyonov", SpeakerType.Person, "the bridge is open again")),
            TestData.Article("j3", "Evening Star", "2025-03-01", "Johnson said \"nothing has been decided about the plan yet\". Aksenov said \"traffic will flow again soon\".",
                new Said("Johnson", SpeakerType.Person, "nothing has been decided about the plan yet"),
                new Said("Sergei Aksenov", SpeakerType.Person, "traffic will flow again soon")),
        ]);

        var zelensky = temp.Store.Actor("Zelenskiy")!;
        Assert.Equal(3, zelensky.Statements);
        Assert.Contains(zelensky.Aliases, a => a.Alias == "Volodymyr Zelensky");
        Assert.Contains(zelensky.Aliases, a => a.Alias == "Volodymyr Zelenskyy");
        Assert.Contains(zelensky.Roles, r => r.Role == "President");
        Assert.Equal(["2025-01", "2025-02"], zelensky.PerMonth.Select(m => m.Month));
        Assert.Contains(zelensky.Channels, c => c.Channel == "a video address");

        var aksyonov = temp.Store.Actor("Aksyonov")!;
        Assert.Equal(2, aksyonov.Statements);
        Assert.Contains(aksyonov.CoMentioned, c => c.Name == "Boris Johnson");

        var boris = temp.Store.Actor("Boris Johnson")!;
        Assert.Equal(1, boris.Statements);
        Assert.Equal(1, temp.Store.Actor("Dustin Johnson")!.Statements);
        // "Johnson" alone in j3 has no full name in its article: it stays apart from both Johnsons.
        var bare = temp.Store.Actor("Johnson")!;
        Assert.Equal(3, bare.OtherMatches.Count + 1);
    }

    [Fact]
    public void WhoSaidRanksFullTextMatches()
    {
        using var temp = new TempStore();
        temp.Store.Write(
        [
            TestData.Article("f1", "Wire", "2025-01-10", "Nadia Roy said \"the harbour strike must end before the holiday season\".",
                new Said("Nadia Roy", SpeakerType.Person, "the harbour strike must end before the holiday season")),
            TestData.Article("f2", "Wire", "2025-01-11", "A source said \"talks on the strike are going nowhere\".",
                new Said("a source", SpeakerType.Anonymous, "talks on the strike are going nowhere")),
        ]);
        var hits = temp.Store.SearchStatements("harbour strike", 10);
        var hit = Assert.Single(hits);
        Assert.Equal("Nadia Roy", hit.Speaker);
        Assert.Contains("[harbour] [strike]", hit.Snippet);
        Assert.Equal(2, temp.Store.SearchStatements("strike", 10).Count);
        Assert.Single(temp.Store.SearchStatements("\"going nowhere\"", 10));
        Assert.Empty(temp.Store.SearchStatements("\"nowhere going\"", 10));
        Assert.Empty(temp.Store.SearchStatements("*** (", 10));

        var stats = temp.Store.Stats();
        var wire = Assert.Single(stats.ByOutlet);
        Assert.Equal(0.5, wire.Named);
        Assert.Equal(0.5, wire.Anonymous);
    }

    [Fact]
    public void QuoteFiltersApply()
    {
        using var temp = new TempStore();
        temp.Store.Write(
        [
            TestData.Article("q1", "Wire", "2025-01-10", "Nadia Roy said \"the harbour strike must end soon\".",
                new Said("Nadia Roy", SpeakerType.Person, "the harbour strike must end soon")),
            TestData.Article("q2", "Post", "2025-03-11", "Analysts believe the strike will last weeks.",
                new Said("Analysts", SpeakerType.Vague, "the strike will last weeks", Kind: StatementKind.Belief)),
        ]);
        Assert.Single(temp.Store.Quotes(new QuoteFilter { Outlet = "wire" }));
        Assert.Single(temp.Store.Quotes(new QuoteFilter { Kind = "belief" }));
        Assert.Single(temp.Store.Quotes(new QuoteFilter { SourceType = "vague" }));
        Assert.Single(temp.Store.Quotes(new QuoteFilter { Since = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Single(temp.Store.Quotes(new QuoteFilter { Until = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero) }));
        Assert.Single(temp.Store.Quotes(new QuoteFilter { Speaker = "Roy" }));
    }

    [Fact]
    public void ForeignAndCorruptFilesGiveClearErrors()
    {
        string dir = Path.Combine(Path.GetTempPath(), "parley-foreign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string text = Path.Combine(dir, "notes.db");
            File.WriteAllText(text, "just some text, not a database at all");
            Assert.Contains("not a Parley corpus", Assert.Throws<CorpusStoreException>(() => SqliteCorpusStore.Open(text)).Message);

            string foreign = Path.Combine(dir, "other.db");
            using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)";
                command.ExecuteNonQuery();
            }
            Assert.Contains("another application", Assert.Throws<CorpusStoreException>(() => SqliteCorpusStore.Open(foreign)).Message);

            string missing = Path.Combine(dir, "missing.db");
            Assert.Contains("no such database", Assert.Throws<CorpusStoreException>(() => SqliteCorpusStore.Open(missing, create: false)).Message);

            string corrupt = Path.Combine(dir, "corrupt.db");
            using (var store = SqliteCorpusStore.Open(corrupt))
                store.Write([TestData.Article("x", "Wire", "2025-01-01", Body + Body + Body)]);
            var bytes = File.ReadAllBytes(corrupt);
            for (int i = 100; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
            File.WriteAllBytes(corrupt, bytes);
            var error = Assert.Throws<CorpusStoreException>(() =>
            {
                using var store = SqliteCorpusStore.Open(corrupt);
                store.Stats();
            });
            Assert.DoesNotContain("\n", error.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}

public sealed class IdentityTests
{
    [Fact]
    public void ArticlesWithoutUrlPathOrIdAreIdentifiedByContent()
    {
        using var temp = new TempStore();
        var pipeline = Parley.Pipeline.ParleyPipeline.Default;
        var first = ArticleAnalyzer.Analyze(new RawArticle { Origin = "-", Text = "First piped article about the harbour strike." }, pipeline);
        var second = ArticleAnalyzer.Analyze(new RawArticle { Origin = "-", Text = "Second piped article about the council budget." }, pipeline);
        Assert.Equal(IngestOutcome.Added, temp.Store.Write([first])[0].Outcome);
        Assert.Equal(IngestOutcome.Added, temp.Store.Write([second])[0].Outcome);
        Assert.Equal(2, temp.Store.Stats().Articles);
    }
}
