using Parley.Corpus.Queries;

namespace Parley.Web.Api;

/// <summary><c>GET /api/statements</c>: one page of matching statements with the total and facets.</summary>
public sealed record StatementsResponse
{
    /// <summary>The statements of this page; each carries its <c>articleId</c>.</summary>
    public IReadOnlyList<StatementRow> Items { get; init; } = [];
    /// <summary>The page number (from 1).</summary>
    public int Page { get; init; }
    /// <summary>Items per page.</summary>
    public int PageSize { get; init; }
    /// <summary>All matching statements.</summary>
    public long Total { get; init; }
    /// <summary>The ten most frequent speakers, outlets, kinds and speaker types (<c>sourceType</c>) over all matches.</summary>
    public StatementFacets Facets { get; init; } = new();
}

/// <summary><c>GET /api/actors</c>: one page of actors.</summary>
public sealed record ActorsResponse
{
    /// <summary>Actors, most statements first.</summary>
    public IReadOnlyList<ActorSummary> Items { get; init; } = [];
    /// <summary>The page number (from 1).</summary>
    public int Page { get; init; }
    /// <summary>Items per page.</summary>
    public int PageSize { get; init; }
    /// <summary>All matching actors.</summary>
    public long Total { get; init; }
}

/// <summary><c>GET /api/actors/{id}</c>: an actor's profile and top statements.</summary>
public sealed record ActorResponse
{
    /// <summary>Store id.</summary>
    public long Id { get; init; }
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary>person or organization.</summary>
    public string Type { get; init; } = "";
    /// <summary>The linking key.</summary>
    public string Key { get; init; } = "";
    /// <summary>True for a surname-only actor not tied to a full name.</summary>
    public bool SurnameOnly { get; init; }
    /// <summary>Statements attributed.</summary>
    public long Statements { get; init; }
    /// <summary>Articles with statements.</summary>
    public long Articles { get; init; }
    /// <summary>Names used, with counts.</summary>
    public IReadOnlyList<AliasCount> Aliases { get; init; } = [];
    /// <summary>Roles with first and last seen dates.</summary>
    public IReadOnlyList<RoleSpan> Roles { get; init; } = [];
    /// <summary>Statements per month ("2024-03", or "undated"), oldest first: the timeline.</summary>
    public IReadOnlyList<MonthCount> PerMonth { get; init; } = [];
    /// <summary>Channels spoken through.</summary>
    public IReadOnlyList<ChannelCount> Channels { get; init; } = [];
    /// <summary>Actors in the same articles.</summary>
    public IReadOnlyList<CoMention> CoMentioned { get; init; } = [];
    /// <summary>Other actors a name lookup could have meant (empty for a lookup by id).</summary>
    public IReadOnlyList<string> OtherMatches { get; init; } = [];
    /// <summary>Up to 20 statements: most confident first, then newest.</summary>
    public IReadOnlyList<StatementRow> TopStatements { get; init; } = [];

    /// <summary>Builds the response from a profile and its statements.</summary>
    public static ActorResponse From(ActorProfile p, IReadOnlyList<StatementRow> top) => new()
    {
        Id = p.Id, Name = p.Name, Type = p.Type, Key = p.Key, SurnameOnly = p.SurnameOnly, Statements = p.Statements,
        Articles = p.Articles, Aliases = p.Aliases, Roles = p.Roles, PerMonth = p.PerMonth, Channels = p.Channels,
        CoMentioned = p.CoMentioned, OtherMatches = p.OtherMatches, TopStatements = top,
    };
}

/// <summary>One word of a word-level diff against the canonical wording.</summary>
public sealed record DiffWord
{
    /// <summary>The word.</summary>
    public string Text { get; init; } = "";
    /// <summary><c>same</c> (in both), <c>added</c> (only in this sighting) or <c>removed</c> (only in the canonical wording).</summary>
    public string Op { get; init; } = "same";
}

/// <summary>A sighting of a quote, with its word-level differences from the canonical wording.</summary>
public sealed record SightingView
{
    /// <summary>Article id.</summary>
    public string ArticleId { get; init; } = "";
    /// <summary>Outlet.</summary>
    public string? Outlet { get; init; }
    /// <summary>Published.</summary>
    public string? Published { get; init; }
    /// <summary>Speaker it was attributed to there.</summary>
    public string? Speaker { get; init; }
    /// <summary>The wording in this article.</summary>
    public string Text { get; init; } = "";
    /// <summary>The diff as text ("[-old-] {+new+}"); null when the wording is the canonical one.</summary>
    public string? Diff { get; init; }
    /// <summary>Each word of the canonical and this wording, in order, with its operation.</summary>
    public IReadOnlyList<DiffWord> Words { get; init; } = [];
    /// <summary>True when the article is a near-duplicate (wire copy): not an independent confirmation.</summary>
    public bool WireCopy { get; init; }
    /// <summary>Offset of the quote in the article text.</summary>
    public int Start { get; init; }
    /// <summary>End offset.</summary>
    public int End { get; init; }
}

/// <summary><c>GET /api/quotes/{id}</c>: a quote with every sighting.</summary>
public sealed record QuoteResponse
{
    /// <summary>Quote id.</summary>
    public long Id { get; init; }
    /// <summary>The canonical wording: the first sighting's, by publication date.</summary>
    public string Canonical { get; init; } = "";
    /// <summary>The first sighting.</summary>
    public SightingView? First { get; init; }
    /// <summary>Outlets that carried it.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];
    /// <summary>Sightings in articles that are not wire copies.</summary>
    public int IndependentSightings { get; init; }
    /// <summary>All sightings, earliest first.</summary>
    public IReadOnlyList<SightingView> Sightings { get; init; } = [];
}

/// <summary>An article's metadata and text, as in <c>GET /api/articles/{id}</c> (its statements are beside it).</summary>
public sealed record ArticleInfo
{
    /// <summary>Store id.</summary>
    public long RowId { get; init; }
    /// <summary>The article id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Version number (1 for the first).</summary>
    public int Version { get; init; }
    /// <summary>True when this is the current version.</summary>
    public bool Current { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>Outlet.</summary>
    public string? Outlet { get; init; }
    /// <summary>Byline.</summary>
    public string? Byline { get; init; }
    /// <summary>Published (ISO 8601, UTC).</summary>
    public string? Published { get; init; }
    /// <summary>URL.</summary>
    public string? Url { get; init; }
    /// <summary>Language.</summary>
    public string? Language { get; init; }
    /// <summary>Where it was read from.</summary>
    public string? Source { get; init; }
    /// <summary>Content hash.</summary>
    public string ContentHash { get; init; } = "";
    /// <summary>The article this one is a near-duplicate (wire copy) of.</summary>
    public string? NearDuplicateOf { get; init; }
    /// <summary>Articles that are near-duplicates of this one.</summary>
    public IReadOnlyList<string> NearDuplicates { get; init; } = [];
    /// <summary>Text length (UTF-16 code units).</summary>
    public int Length { get; init; }
    /// <summary>The text: every offset in <c>document</c> and <c>statements</c> refers to it.</summary>
    public string Text { get; init; } = "";
    /// <summary>True when the article came from HTML and an offset map to the source is stored.</summary>
    public bool HasHtmlMap { get; init; }
    /// <summary>Number of direct quotes recorded for provenance.</summary>
    public long Quotes { get; init; }

    /// <summary>The view without its statements.</summary>
    public static ArticleInfo From(ArticleView a) => new()
    {
        RowId = a.RowId, Id = a.Id, Version = a.Version, Current = a.Current, Title = a.Title, Outlet = a.Outlet, Byline = a.Byline,
        Published = a.Published, Url = a.Url, Language = a.Language, Source = a.Source, ContentHash = a.ContentHash,
        NearDuplicateOf = a.NearDuplicateOf, NearDuplicates = a.NearDuplicates, Length = a.Length, Text = a.Text,
        HasHtmlMap = a.HasHtmlMap, Quotes = a.Quotes,
    };
}

/// <summary><c>POST /api/ingest</c>: what was stored.</summary>
public sealed record IngestResponse
{
    /// <summary>New articles.</summary>
    public int Added { get; init; }
    /// <summary>New versions of stored articles (same URL or id, new text).</summary>
    public int Updated { get; init; }
    /// <summary>Already stored (same content): nothing changed.</summary>
    public int Duplicates { get; init; }
    /// <summary>Articles that could not be analysed (see <c>failures</c>).</summary>
    public int Failed { get; init; }
    /// <summary>Article ids in input order (the stored id for a duplicate; null for a failure).</summary>
    public IReadOnlyList<string?> Ids { get; init; } = [];
    /// <summary>Why each failed article failed.</summary>
    public IReadOnlyList<IngestFailureView> Failures { get; init; } = [];
}

/// <summary>An article of an ingest request that failed.</summary>
public sealed record IngestFailureView
{
    /// <summary>Its index in the request (0 for a single article).</summary>
    public int Index { get; init; }
    /// <summary>Why.</summary>
    public string Reason { get; init; } = "";
}
