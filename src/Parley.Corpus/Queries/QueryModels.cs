namespace Parley.Corpus.Queries;

/// <summary>A statement with its article's metadata, as queries and exports return it.</summary>
public sealed record StatementRow
{
    /// <summary>Store id of the statement.</summary>
    public long Id { get; init; }
    /// <summary>The statement's id within its document ("s3").</summary>
    public string LocalId { get; init; } = "";
    /// <summary>The article's id.</summary>
    public string ArticleId { get; init; } = "";
    /// <summary>Outlet.</summary>
    public string? Outlet { get; init; }
    /// <summary>Publication date (ISO 8601, UTC).</summary>
    public string? Published { get; init; }
    /// <summary>Article URL.</summary>
    public string? Url { get; init; }
    /// <summary>Article title.</summary>
    public string? Title { get; init; }
    /// <summary>Speaker name.</summary>
    public string? Speaker { get; init; }
    /// <summary>Speaker type (person, organization, anonymous, vague, unknown).</summary>
    public string SpeakerType { get; init; } = "unknown";
    /// <summary>Speaker role.</summary>
    public string? Role { get; init; }
    /// <summary>Cross-article actor id.</summary>
    public long? ActorId { get; init; }
    /// <summary>Statement kind (direct, indirect, mixed, according_to, belief).</summary>
    public string Kind { get; init; } = "";
    /// <summary>Cue text.</summary>
    public string? Cue { get; init; }
    /// <summary>Content text (discontinuous parts joined with " … ").</summary>
    public string Content { get; init; } = "";
    /// <summary>Channel name.</summary>
    public string? Channel { get; init; }
    /// <summary>Channel kind.</summary>
    public string? ChannelKind { get; init; }
    /// <summary>Start offset of the content in the article text.</summary>
    public int ContentStart { get; init; }
    /// <summary>End offset of the content.</summary>
    public int ContentEnd { get; init; }
    /// <summary>Confidence in [0, 1].</summary>
    public double Confidence { get; init; }
    /// <summary>Provenance quote group, for direct quotes.</summary>
    public long? QuoteId { get; init; }
    /// <summary>Full-text snippet with matches in [brackets] (who-said only).</summary>
    public string? Snippet { get; init; }
}

/// <summary>Filters for <c>parley quotes</c>; null means "any".</summary>
public sealed record QuoteFilter
{
    /// <summary>Speaker name or actor (variants match).</summary>
    public string? Speaker { get; init; }
    /// <summary>Outlet name (case-insensitive).</summary>
    public string? Outlet { get; init; }
    /// <summary>Statement kind name.</summary>
    public string? Kind { get; init; }
    /// <summary>Speaker type name.</summary>
    public string? SourceType { get; init; }
    /// <summary>Published on or after.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Published before the end of this day/time.</summary>
    public DateTimeOffset? Until { get; init; }
    /// <summary>Most rows returned.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>A name or alias with how often it was used.</summary>
public sealed record AliasCount
{
    /// <summary>The name as written.</summary>
    public string Alias { get; init; } = "";
    /// <summary>How often it was used.</summary>
    public long Mentions { get; init; }
}

/// <summary>A role and when it was seen.</summary>
public sealed record RoleSpan
{
    /// <summary>The role.</summary>
    public string Role { get; init; } = "";
    /// <summary>First publication date it was seen.</summary>
    public string? FirstSeen { get; init; }
    /// <summary>Last publication date it was seen.</summary>
    public string? LastSeen { get; init; }
    /// <summary>How often.</summary>
    public long Mentions { get; init; }
}

/// <summary>A count for one month ("2024-03").</summary>
public sealed record MonthCount
{
    /// <summary>"2024-03", or "undated".</summary>
    public string Month { get; init; } = "";
    /// <summary>Statements that month.</summary>
    public long Statements { get; init; }
}

/// <summary>A channel an actor spoke through.</summary>
public sealed record ChannelCount
{
    /// <summary>Channel name.</summary>
    public string Channel { get; init; } = "";
    /// <summary>Channel kind.</summary>
    public string Kind { get; init; } = "";
    /// <summary>Statements through it.</summary>
    public long Statements { get; init; }
}

/// <summary>Another actor appearing in the same articles.</summary>
public sealed record CoMention
{
    /// <summary>The other actor.</summary>
    public long ActorId { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Its type.</summary>
    public string Type { get; init; } = "";
    /// <summary>Articles shared.</summary>
    public long Articles { get; init; }
}

/// <summary>An actor in the corpus: one real person or organisation across articles.</summary>
public sealed record ActorProfile
{
    /// <summary>Store id.</summary>
    public long Id { get; init; }
    /// <summary>The display name (the most used full form).</summary>
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
    /// <summary>Names used.</summary>
    public IReadOnlyList<AliasCount> Aliases { get; init; } = [];
    /// <summary>Roles over time.</summary>
    public IReadOnlyList<RoleSpan> Roles { get; init; } = [];
    /// <summary>Statements per month.</summary>
    public IReadOnlyList<MonthCount> PerMonth { get; init; } = [];
    /// <summary>Channels.</summary>
    public IReadOnlyList<ChannelCount> Channels { get; init; } = [];
    /// <summary>Actors in the same articles.</summary>
    public IReadOnlyList<CoMention> CoMentioned { get; init; } = [];
    /// <summary>Other actors the name could mean (same surname key), when the name was ambiguous.</summary>
    public IReadOnlyList<string> OtherMatches { get; init; } = [];
}

/// <summary>One article with its versions and statements.</summary>
public sealed record ArticleView
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
    /// <summary>Published.</summary>
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
    /// <summary>Text length.</summary>
    public int Length { get; init; }
    /// <summary>The text.</summary>
    public string Text { get; init; } = "";
    /// <summary>True when an HTML offset map is stored.</summary>
    public bool HasHtmlMap { get; init; }
    /// <summary>Statements.</summary>
    public IReadOnlyList<StatementRow> Statements { get; init; } = [];
    /// <summary>Number of direct quotes recorded for provenance.</summary>
    public long Quotes { get; init; }
}

/// <summary>Sourcing profile of one outlet: shares of statements by source type.</summary>
public sealed record OutletProfile
{
    /// <summary>Outlet name ("(unknown)" when articles have none).</summary>
    public string Outlet { get; init; } = "";
    /// <summary>Articles.</summary>
    public long Articles { get; init; }
    /// <summary>Statements.</summary>
    public long Statements { get; init; }
    /// <summary>Share with a named person or organisation.</summary>
    public double Named { get; init; }
    /// <summary>Share with an anonymous source.</summary>
    public double Anonymous { get; init; }
    /// <summary>Share with a vague source.</summary>
    public double Vague { get; init; }
    /// <summary>Share with no resolved source.</summary>
    public double Unattributed { get; init; }
}

/// <summary>Corpus counts.</summary>
public sealed record CorpusStats
{
    /// <summary>Current articles (latest versions).</summary>
    public long Articles { get; init; }
    /// <summary>Older versions kept.</summary>
    public long SupersededVersions { get; init; }
    /// <summary>Current articles linked as near-duplicates (wire copies) of another.</summary>
    public long NearDuplicates { get; init; }
    /// <summary>Statements in current articles.</summary>
    public long Statements { get; init; }
    /// <summary>Distinct direct quotes (provenance groups).</summary>
    public long Quotes { get; init; }
    /// <summary>Sightings of those quotes.</summary>
    public long QuoteSightings { get; init; }
    /// <summary>Actors.</summary>
    public long Actors { get; init; }
    /// <summary>Outlets.</summary>
    public long Outlets { get; init; }
    /// <summary>Earliest publication date.</summary>
    public string? FirstPublished { get; init; }
    /// <summary>Latest publication date.</summary>
    public string? LastPublished { get; init; }
    /// <summary>Per outlet.</summary>
    public IReadOnlyList<OutletProfile> ByOutlet { get; init; } = [];
}

/// <summary>One appearance of a quote in an article.</summary>
public sealed record Sighting
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
    /// <summary>Word diff against the canonical wording ("[-old-] {+new+}"); null when identical.</summary>
    public string? Diff { get; init; }
    /// <summary>True when the article is a near-duplicate (wire copy), so not an independent confirmation.</summary>
    public bool WireCopy { get; init; }
    /// <summary>Offset of the quote in the article text.</summary>
    public int Start { get; init; }
    /// <summary>End offset.</summary>
    public int End { get; init; }
}

/// <summary>A quote with all its sightings.</summary>
public sealed record QuoteProvenance
{
    /// <summary>Quote id.</summary>
    public long Id { get; init; }
    /// <summary>The canonical wording: the one of the first sighting by publication date.</summary>
    public string Canonical { get; init; } = "";
    /// <summary>The first sighting.</summary>
    public Sighting? First { get; init; }
    /// <summary>Outlets that carried it.</summary>
    public IReadOnlyList<string> Outlets { get; init; } = [];
    /// <summary>Sightings in articles that are not wire copies.</summary>
    public int IndependentSightings { get; init; }
    /// <summary>All sightings, earliest first.</summary>
    public IReadOnlyList<Sighting> Sightings { get; init; } = [];
}

/// <summary>A direct quote's GDELT GKG 2.1 Quotations field for one article.</summary>
public sealed record ArticleQuotations(string ArticleId, string? Published, string? Outlet, string? Url, IReadOnlyList<(int Offset, int Length, string Verb, string Quote)> Quotes);
