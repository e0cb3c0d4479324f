using System.Text;
using Dapper;
using Parley.Corpus.Queries;

namespace Parley.Corpus.Store;

// Paged, faceted queries for the web API (parley serve).
public sealed partial class SqliteCorpusStore
{
    /// <inheritdoc />
    public StatementPage SearchStatementsPage(StatementSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var args = new DynamicParameters();
        var where = new StringBuilder("a.is_current = 1");
        string from = "statements s JOIN articles a ON a.id = s.article_id";
        string order = "a.published DESC, s.id";
        if (search.Query is { Length: > 0 } query)
        {
            string? fts = FtsQuery(query);
            // A query with no searchable word matches nothing (as who-said).
            if (fts is null) return new StatementPage();
            from = "statements_fts f JOIN statements s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id";
            where.Append(" AND statements_fts MATCH @fts");
            args.Add("fts", fts);
            order = "bm25(statements_fts, 1.0, 0.5), a.published DESC, s.id";
        }
        if (search.Speaker is { Length: > 0 } speaker)
        {
            where.Append(" AND (s.speaker LIKE @like OR s.actor_id IN @ids)");
            args.Add("like", "%" + speaker + "%");
            args.Add("ids", Run(() => ActorIds(speaker)));
        }
        if (search.Outlet is { Length: > 0 } outlet) { where.Append(" AND a.outlet = @outlet COLLATE NOCASE"); args.Add("outlet", outlet); }
        if (search.Kind is { Length: > 0 } kind) { where.Append(" AND s.kind = @kind"); args.Add("kind", kind); }
        if (search.SourceType is { Length: > 0 } type) { where.Append(" AND s.speaker_type = @type"); args.Add("type", type); }
        if (search.Since is { } since) { where.Append(" AND a.published >= @since"); args.Add("since", Iso(since)); }
        if (search.Until is { } until) { where.Append(" AND a.published < @until"); args.Add("until", Iso(until)); }
        args.Add("limit", Math.Max(0, search.Limit));
        args.Add("offset", Math.Max(0, search.Offset));
        args.Add("facets", Math.Max(0, search.FacetLimit));

        return Run(() =>
        {
            // Ids first, then the rows: SQLite's sorter would otherwise carry (and compute) every column of every match.
            var ids = _connection.Query<long>($"SELECT s.id FROM {from} WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset", args).ToList();
            var rows = ids.Count == 0 ? [] : _connection.Query<StatementRow>($"""
                SELECT {StatementColumns} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id IN @ids
                """, new { ids }).ToDictionary(r => r.Id);
            var items = ids.Select(id => rows[id]).ToList();
            if (!search.IncludeFacets) return new StatementPage { Items = items };
            // One pass over the matching set for the total and all four facets.
            var facets = _connection.Query<(string Facet, string? Value, long Count)>($"""
                WITH m AS MATERIALIZED (SELECT s.speaker AS speaker, a.outlet AS outlet, s.kind AS kind, s.speaker_type AS type FROM {from} WHERE {where})
                SELECT 'total', NULL, count(*) FROM m
                UNION ALL SELECT * FROM (SELECT 'speaker', speaker, count(*) AS n FROM m WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY n DESC, speaker LIMIT @facets)
                UNION ALL SELECT * FROM (SELECT 'outlet', outlet, count(*) AS n FROM m WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet LIMIT @facets)
                UNION ALL SELECT * FROM (SELECT 'kind', kind, count(*) AS n FROM m GROUP BY kind ORDER BY n DESC, kind LIMIT @facets)
                UNION ALL SELECT * FROM (SELECT 'type', type, count(*) AS n FROM m GROUP BY type ORDER BY n DESC, type LIMIT @facets)
                """, args).ToList();
            List<FacetValue> Facet(string name) => facets.Where(r => r.Facet == name)
                .Select(r => new FacetValue { Value = r.Value ?? "", Count = r.Count }).ToList();
            return new StatementPage
            {
                Items = items,
                Total = facets.FirstOrDefault(r => r.Facet == "total").Count,
                Facets = new StatementFacets { Speaker = Facet("speaker"), Outlet = Facet("outlet"), Kind = Facet("kind"), SourceType = Facet("type") },
            };
        });
    }

    /// <summary>
    /// Lets this connection read the file through a memory map of up to <paramref name="bytes"/> bytes (<c>PRAGMA
    /// mmap_size</c>): pages are then shared with every other connection through the OS page cache instead of each
    /// being copied into the connection's own cache. For long-lived readers (the web server).
    /// </summary>
    public void UseMemoryMap(long bytes) => Run(() => _connection.Execute($"PRAGMA mmap_size = {Math.Max(0, bytes)}"));

    /// <inheritdoc />
    public ActorPage Actors(string? query, int offset, int limit)
    {
        var args = new DynamicParameters();
        args.Add("offset", Math.Max(0, offset));
        args.Add("limit", Math.Max(0, limit));
        string filter = "";
        if (query is { Length: > 0 } q)
        {
            // A name, alias or spelling variant, or part of a name or alias.
            filter = "WHERE (a.name LIKE @like OR a.id IN @ids OR a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE @like))";
            args.Add("like", "%" + q.Trim() + "%");
            args.Add("ids", Run(() => ActorIds(q)));
        }
        return Run(() =>
        {
            long total = _connection.ExecuteScalar<long>($"SELECT count(*) FROM actors a {filter}", args);
            var items = _connection.Query<ActorSummary>($"""
                SELECT a.id AS Id, a.name AS Name, a.type AS Type,
                    (SELECT count(*) FROM statements s WHERE s.actor_id = a.id AND s.is_current = 1) AS Statements,
                    (SELECT count(DISTINCT s.article_id) FROM statements s WHERE s.actor_id = a.id AND s.is_current = 1) AS Articles
                FROM actors a {filter}
                ORDER BY Statements DESC, a.name, a.id LIMIT @limit OFFSET @offset
                """, args).ToList();
            return new ActorPage { Items = items, Total = total };
        });
    }

    /// <inheritdoc />
    public ActorProfile? ActorById(long id) => Run(() =>
        _connection.ExecuteScalar<long?>("SELECT id FROM actors WHERE id = @id", new { id }) is null ? null : Profile(id, []));

    /// <inheritdoc />
    public IReadOnlyList<StatementRow> ActorStatements(long actorId, int limit) => Run(() => _connection.Query<StatementRow>($"""
        SELECT {StatementColumns} FROM statements s JOIN articles a ON a.id = s.article_id
        WHERE s.actor_id = @actorId AND s.is_current = 1
        ORDER BY s.confidence DESC, a.published DESC, s.id LIMIT @limit
        """, new { actorId, limit = Math.Max(0, limit) }).ToList());

    /// <inheritdoc />
    public IReadOnlyDictionary<long, string> ArticleIds(IEnumerable<long> rowIds) => Run(() => _connection
        .Query<(long Row, string Id)>("SELECT id, ext_id FROM articles WHERE id IN @rows", new { rows = rowIds.Distinct().ToList() })
        .ToDictionary(r => r.Row, r => r.Id));
}
