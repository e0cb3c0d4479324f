namespace Parley.Corpus.Queries;

/// <summary>A paged statement search: full-text query and filters, all optional (null or empty means "any").</summary>
public sealed record StatementSearch
{
    /// <summary>Full-text query over content and speaker (words must all occur; "…" is a phrase).</summary>
    public string? Query { get; init; }
    /// <summary>Speaker name or actor (variants match), as <see cref="QuoteFilter.Speaker"/>.</summary>
    public string? Speaker { get; init; }
    /// <summary>Outlet name (case-insensitive).</summary>
    public string? Outlet { get; init; }
    /// <summary>Statement kind name.</summary>
    public string? Kind { get; init; }
    /// <summary>Speaker type name.</summary>
    public string? SourceType { get; init; }
    /// <summary>Published on or after.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Published before this instant.</summary>
    public DateTimeOffset? Until { get; init; }
    /// <summary>Rows skipped (paging).</summary>
    public int Offset { get; init; }
    /// <summary>Most rows returned.</summary>
    public int Limit { get; init; } = 20;
    /// <summary>Count the matches and compute the facets (false: items only; <see cref="StatementPage.Total"/> is then 0).</summary>
    public bool IncludeFacets { get; init; } = true;
    /// <summary>Most values per facet.</summary>
    public int FacetLimit { get; init; } = 10;
}

/// <summary>One value of a facet with the number of matching statements.</summary>
public sealed record FacetValue
{
    /// <summary>The value (a speaker name, outlet, kind or speaker type).</summary>
    public string Value { get; init; } = "";
    /// <summary>Matching statements with it.</summary>
    public long Count { get; init; }
}

/// <summary>The most frequent values of each facet over all the statements a search matches.</summary>
public sealed record StatementFacets
{
    /// <summary>Speakers (as written).</summary>
    public IReadOnlyList<FacetValue> Speaker { get; init; } = [];
    /// <summary>Outlets.</summary>
    public IReadOnlyList<FacetValue> Outlet { get; init; } = [];
    /// <summary>Statement kinds.</summary>
    public IReadOnlyList<FacetValue> Kind { get; init; } = [];
    /// <summary>Speaker types.</summary>
    public IReadOnlyList<FacetValue> SourceType { get; init; } = [];
}

/// <summary>One page of a statement search.</summary>
public sealed record StatementPage
{
    /// <summary>The statements of this page: best first with a query, else newest first.</summary>
    public IReadOnlyList<StatementRow> Items { get; init; } = [];
    /// <summary>All matching statements.</summary>
    public long Total { get; init; }
    /// <summary>Facets over all matching statements.</summary>
    public StatementFacets Facets { get; init; } = new();
}

/// <summary>An actor in a list, with its counts.</summary>
public sealed record ActorSummary
{
    /// <summary>Store id.</summary>
    public long Id { get; init; }
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary>person or organization.</summary>
    public string Type { get; init; } = "";
    /// <summary>Statements in current articles.</summary>
    public long Statements { get; init; }
    /// <summary>Current articles with statements.</summary>
    public long Articles { get; init; }
}

/// <summary>One page of actors.</summary>
public sealed record ActorPage
{
    /// <summary>Actors, most statements first.</summary>
    public IReadOnlyList<ActorSummary> Items { get; init; } = [];
    /// <summary>All matching actors.</summary>
    public long Total { get; init; }
}
