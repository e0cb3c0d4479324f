using Parley.Corpus.Ingest;
using Parley.Corpus.Queries;

namespace Parley.Corpus.Store;

/// <summary>What happened to one article on ingest.</summary>
public enum IngestOutcome
{
    /// <summary>A new article.</summary>
    Added,
    /// <summary>A new version of an article already stored (same URL or id, different text).</summary>
    Updated,
    /// <summary>Already stored (same content): nothing changed.</summary>
    Duplicate,
}

/// <summary>The result of writing one article.</summary>
public sealed record WriteResult(IngestOutcome Outcome, long RowId, bool NearDuplicate);

/// <summary>
/// The corpus store. SQLite implements it today (<see cref="SqliteCorpusStore"/>); the interface keeps
/// queries and writes in one place so a PostgreSQL backend can implement the same contract. Linking
/// rules (actor keys, quote matching, near-duplicates) live in Parley.Corpus.Linking and are shared.
/// </summary>
public interface ICorpusStore : IDisposable
{
    /// <summary>Where the store lives (a path or a connection description).</summary>
    string Location { get; }

    /// <summary>The schema version in force.</summary>
    int SchemaVersion { get; }

    /// <summary>Content hashes already stored, so a re-run can skip analysis of known articles.</summary>
    IReadOnlySet<string> KnownContentHashes();

    /// <summary>Writes articles in one transaction: all of them or none.</summary>
    IReadOnlyList<WriteResult> Write(IReadOnlyList<AnalyzedArticle> batch);

    /// <summary>Full-text search over statement contents and speakers, best first.</summary>
    IReadOnlyList<StatementRow> SearchStatements(string query, int limit);

    /// <summary>Statements matching a filter, newest first.</summary>
    IReadOnlyList<StatementRow> Quotes(QuoteFilter filter);

    /// <summary>An actor by name (any alias or spelling variant), or null.</summary>
    ActorProfile? Actor(string name);

    /// <summary>An article by id, URL or store id (its current version), or null.</summary>
    ArticleView? Article(string id);

    /// <summary>A quote's provenance: sightings, first sighting, outlets, wording differences.</summary>
    QuoteProvenance? Provenance(long quoteId);

    /// <summary>Counts and sourcing profiles.</summary>
    CorpusStats Stats();

    /// <summary>Every statement of every current article, in article order.</summary>
    IEnumerable<StatementRow> AllStatements();

    /// <summary>Direct quotes per current article, for GDELT export.</summary>
    IEnumerable<ArticleQuotations> QuotationsByArticle();

    /// <summary>One page of statements matching a query and filters, with the total and facets over all matches.</summary>
    StatementPage SearchStatementsPage(StatementSearch search);

    /// <summary>Actors whose name or alias contains <paramref name="query"/> (all when null), most statements first.</summary>
    ActorPage Actors(string? query, int offset, int limit);

    /// <summary>An actor by store id, or null.</summary>
    ActorProfile? ActorById(long id);

    /// <summary>An actor's statements in current articles: most confident first, then newest.</summary>
    IReadOnlyList<StatementRow> ActorStatements(long actorId, int limit);

    /// <summary>The article ids (ext ids) of articles by store id; unknown store ids are left out.</summary>
    IReadOnlyDictionary<long, string> ArticleIds(IEnumerable<long> rowIds);
}

/// <summary>The store cannot be used (corrupt, foreign, newer schema); the message is one line.</summary>
public sealed class CorpusStoreException(string message, Exception? inner = null) : Exception(message, inner);
