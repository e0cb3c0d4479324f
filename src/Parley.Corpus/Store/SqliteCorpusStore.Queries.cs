using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Corpus.Linking;
using Parley.Corpus.Queries;
using Parley.Statements;

namespace Parley.Corpus.Store;

public sealed partial class SqliteCorpusStore
{
    private const string StatementColumns = """
        s.id AS Id, s.local_id AS LocalId, a.ext_id AS ArticleId, a.outlet AS Outlet, a.published AS Published, a.url AS Url,
        a.title AS Title, s.speaker AS Speaker, s.speaker_type AS SpeakerType, s.speaker_role AS Role, s.actor_id AS ActorId,
        s.kind AS Kind, s.cue AS Cue, s.content AS Content, s.channel AS Channel, s.channel_kind AS ChannelKind,
        s.confidence AS Confidence,
        coalesce(json_extract(s.content_spans, '$[0][0]'), 0) AS ContentStart,
        coalesce(json_extract(s.content_spans, '$[#-1][1]'), 0) AS ContentEnd,
        (SELECT q.quote_id FROM quote_sightings q WHERE q.statement_id = s.id LIMIT 1) AS QuoteId
        """;

    private T Run<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (SqliteException e)
        {
            throw Describe(Location, e);
        }
    }

    /// <summary>Turns free text into an FTS5 query: every word must occur; text in double quotes is a phrase.</summary>
    internal static string? FtsQuery(string query)
    {
        var parts = new List<string>();
        var segments = query.Split('"');
        for (int i = 0; i < segments.Length; i++)
        {
            var words = TextFolding.Words(segments[i]).Select(w => w.Replace("'", " ").Trim()).Where(w => w.Length > 0).ToList();
            if (words.Count == 0) continue;
            if (i % 2 == 1) parts.Add("\"" + string.Join(' ', words) + "\"");
            else parts.AddRange(words.Select(w => "\"" + w + "\""));
        }
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <inheritdoc />
    public IReadOnlyList<StatementRow> SearchStatements(string query, int limit)
    {
        string? fts = FtsQuery(query);
        if (fts is null) return [];
        return Run(() => _connection.Query<StatementRow>($"""
            SELECT {StatementColumns}, snippet(statements_fts, 0, '[', ']', '…', 24) AS Snippet
            FROM statements_fts f JOIN statements s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id
            WHERE statements_fts MATCH @fts AND a.is_current = 1
            ORDER BY bm25(statements_fts, 1.0, 0.5), a.published DESC
            LIMIT @limit
            """, new { fts, limit }).ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<StatementRow> Quotes(QuoteFilter filter)
    {
        var where = new StringBuilder("a.is_current = 1");
        var args = new DynamicParameters();
        if (filter.Speaker is { Length: > 0 } speaker)
        {
            var ids = ActorIds(speaker);
            where.Append(" AND (s.speaker LIKE @like OR s.actor_id IN @ids)");
            args.Add("like", "%" + speaker + "%");
            args.Add("ids", ids);
        }
        if (filter.Outlet is { Length: > 0 } outlet) { where.Append(" AND a.outlet = @outlet COLLATE NOCASE"); args.Add("outlet", outlet); }
        if (filter.Kind is { Length: > 0 } kind) { where.Append(" AND s.kind = @kind"); args.Add("kind", kind); }
        if (filter.SourceType is { Length: > 0 } type) { where.Append(" AND s.speaker_type = @type"); args.Add("type", type); }
        if (filter.Since is { } since) { where.Append(" AND a.published >= @since"); args.Add("since", Iso(since)); }
        if (filter.Until is { } until) { where.Append(" AND a.published < @until"); args.Add("until", Iso(until)); }
        args.Add("limit", filter.Limit);
        return Run(() => _connection.Query<StatementRow>($"""
            SELECT {StatementColumns} FROM statements s JOIN articles a ON a.id = s.article_id
            WHERE {where} ORDER BY a.published DESC, s.id LIMIT @limit
            """, args).ToList());
    }

    /// <summary>Actor ids a name can mean: its key, its aliases, and (for a surname) every actor with that surname.</summary>
    private List<long> ActorIds(string name) => FindActors(name).Select(a => a.Id).ToList();

    private List<(long Id, long Statements, int Rank)> FindActors(string name)
    {
        var found = new Dictionary<long, int>();
        var person = ActorNames.Person(name);
        var organization = ActorNames.Organization(name);
        var keys = new List<string>();
        if (person is not null) keys.Add(person.Key);
        if (organization is not null) keys.Add(organization.Key);
        foreach (long id in _connection.Query<long>("SELECT id FROM actors WHERE key IN @keys", new { keys })) found.TryAdd(id, 0);
        foreach (long id in _connection.Query<long>("SELECT actor_id FROM actor_aliases WHERE alias = @name", new { name = name.Trim() })) found.TryAdd(id, 1);
        if (person is { SurnameOnly: true, SurnameKey: { } surname })
            foreach (long id in _connection.Query<long>("SELECT id FROM actors WHERE surname_key = @surname", new { surname })) found.TryAdd(id, 2);
        // A full name that matches an actor's key is that actor; otherwise ("Trump") the actor with the most
        // statements is shown first and the others are listed, never merged.
        bool fullName = person is { SurnameOnly: false };
        return found.Select(kv => (Id: kv.Key, Statements: _connection.ExecuteScalar<long>("SELECT count(*) FROM statements WHERE actor_id = @id AND is_current = 1", new { id = kv.Key }), Rank: kv.Value))
            .OrderBy(t => fullName && t.Rank == 0 ? 0 : 1).ThenByDescending(t => t.Statements).ThenBy(t => t.Rank).ToList();
    }

    /// <inheritdoc />
    public ActorProfile? Actor(string name) => Run(() =>
    {
        var matches = FindActors(name);
        if (matches.Count == 0) return null;
        var others = matches.Skip(1)
            .Select(m => _connection.ExecuteScalar<string>("SELECT name FROM actors WHERE id = @id", new { id = m.Id })!)
            .ToList();
        return Profile(matches[0].Id, others);
    });

    /// <summary>The profile of the actor with store id <paramref name="id"/> (which must exist).</summary>
    private ActorProfile Profile(long id, IReadOnlyList<string> others)
    {
        var actor = _connection.QueryFirst<(string Name, string Type, string Key, bool SurnameOnly)>(
            "SELECT name, type, key, surname_only FROM actors WHERE id = @id", new { id });
        var counts = _connection.QueryFirst<(long Statements, long Articles)>(
            "SELECT count(*), count(DISTINCT article_id) FROM statements WHERE actor_id = @id AND is_current = 1", new { id });
        return new ActorProfile
        {
            Id = id,
            Name = actor.Name,
            Type = actor.Type,
            Key = actor.Key,
            SurnameOnly = actor.SurnameOnly,
            Statements = counts.Statements,
            Articles = counts.Articles,
            Aliases = _connection.Query<AliasCount>(
                "SELECT alias AS Alias, mentions AS Mentions FROM actor_aliases WHERE actor_id = @id ORDER BY mentions DESC, alias", new { id }).ToList(),
            Roles = _connection.Query<RoleSpan>("""
                SELECT r.role AS Role, min(r.published) AS FirstSeen, max(r.published) AS LastSeen, count(*) AS Mentions
                FROM actor_roles r JOIN articles a ON a.id = r.article_id WHERE r.actor_id = @id AND a.is_current = 1
                GROUP BY r.role ORDER BY min(r.published), r.role
                """, new { id }).ToList(),
            PerMonth = _connection.Query<MonthCount>("""
                SELECT coalesce(month, 'undated') AS Month, count(*) AS Statements
                FROM statements WHERE actor_id = @id AND is_current = 1 GROUP BY 1 ORDER BY 1
                """, new { id }).ToList(),
            Channels = _connection.Query<ChannelCount>("""
                SELECT channel AS Channel, coalesce(channel_kind, 'other') AS Kind, count(*) AS Statements
                FROM statements WHERE actor_id = @id AND is_current = 1 AND channel IS NOT NULL
                GROUP BY channel, channel_kind ORDER BY 3 DESC, 1 LIMIT 20
                """, new { id }).ToList(),
            CoMentioned = _connection.Query<CoMention>("""
                SELECT o.id AS ActorId, o.name AS Name, o.type AS Type, count(DISTINCT s2.article_id) AS Articles
                FROM (SELECT DISTINCT article_id FROM statements WHERE actor_id = @id AND is_current = 1) mine
                JOIN statements s2 ON s2.article_id = mine.article_id
                JOIN actors o ON o.id = s2.actor_id
                WHERE s2.actor_id <> @id
                GROUP BY o.id ORDER BY 4 DESC, o.name LIMIT 15
                """, new { id }).ToList(),
            OtherMatches = others,
        };
    }

    /// <inheritdoc />
    public ArticleView? Article(string id) => Run(() =>
    {
        long? rowId = _connection.ExecuteScalar<long?>("""
            SELECT id FROM articles WHERE ext_id = @id OR url = @id ORDER BY is_current DESC, version DESC, id DESC LIMIT 1
            """, new { id });
        if (rowId is null && long.TryParse(id, out long numeric))
            rowId = _connection.ExecuteScalar<long?>("SELECT id FROM articles WHERE id = @numeric", new { numeric });
        if (rowId is not { } row) return null;
        var a = _connection.QueryFirst("""
            SELECT a.ext_id, a.version, a.is_current, a.title, a.outlet, a.byline, a.published, a.url, a.language, a.source,
                a.content_hash, t.text, t.html_map IS NOT NULL AS has_map, d.ext_id AS dup_of
            FROM articles a JOIN article_texts t ON t.article_id = a.id LEFT JOIN articles d ON d.id = a.near_duplicate_of WHERE a.id = @row
            """, new { row });
        string text = a.text;
        return new ArticleView
        {
            RowId = row,
            Id = a.ext_id,
            Version = (int)a.version,
            Current = a.is_current == 1,
            Title = a.title,
            Outlet = a.outlet,
            Byline = a.byline,
            Published = a.published,
            Url = a.url,
            Language = a.language,
            Source = a.source,
            ContentHash = a.content_hash,
            NearDuplicateOf = a.dup_of,
            NearDuplicates = _connection.Query<string>(
                "SELECT ext_id FROM articles WHERE near_duplicate_of = @row AND is_current = 1 ORDER BY id", new { row }).ToList(),
            Length = text.Length,
            Text = text,
            HasHtmlMap = a.has_map == 1,
            Statements = _connection.Query<StatementRow>($"""
                SELECT {StatementColumns} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.article_id = @row ORDER BY s.id
                """, new { row }).ToList(),
            Quotes = _connection.ExecuteScalar<long>("SELECT count(*) FROM quote_sightings WHERE article_id = @row", new { row }),
        };
    });

    /// <summary>The HTML offset map of an article (by store id), when it came from HTML.</summary>
    public Ingest.OffsetMap? HtmlMap(long rowId)
    {
        var bytes = _connection.ExecuteScalar<byte[]?>("SELECT html_map FROM article_texts WHERE article_id = @rowId", new { rowId });
        return bytes is null ? null : Ingest.OffsetMap.FromBytes(bytes);
    }

    /// <inheritdoc />
    public QuoteProvenance? Provenance(long quoteId) => Run(() =>
    {
        var rows = _connection.Query<Sighting>("""
            SELECT a.ext_id AS ArticleId, a.outlet AS Outlet, a.published AS Published, s.speaker AS Speaker, q.text AS Text,
                q.start AS Start, q.end AS End, a.near_duplicate_of IS NOT NULL AS WireCopy
            FROM quote_sightings q JOIN articles a ON a.id = q.article_id LEFT JOIN statements s ON s.id = q.statement_id
            WHERE q.quote_id = @quoteId AND a.is_current = 1
            ORDER BY a.published IS NULL, a.published, q.id
            """, new { quoteId }).ToList();
        if (rows.Count == 0) return null;
        string canonical = rows[0].Text;
        var sightings = rows.Select(r =>
        {
            var diff = WordDiff.Diff(canonical, r.Text);
            return r with { Diff = WordDiff.HasChanges(diff) ? WordDiff.Format(diff) : null };
        }).ToList();
        return new QuoteProvenance
        {
            Id = quoteId,
            Canonical = canonical,
            First = sightings[0],
            Outlets = sightings.Select(s => s.Outlet ?? "(unknown)").Distinct().ToList(),
            IndependentSightings = sightings.Count(s => !s.WireCopy),
            Sightings = sightings,
        };
    });

    /// <inheritdoc />
    public CorpusStats Stats() => Run(() =>
    {
        var counts = _connection.QueryFirst("""
            SELECT
              (SELECT count(*) FROM articles WHERE is_current = 1) AS articles,
              (SELECT count(*) FROM articles WHERE is_current = 0) AS superseded,
              (SELECT count(*) FROM articles WHERE is_current = 1 AND near_duplicate_of IS NOT NULL) AS near,
              (SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.is_current = 1) AS statements,
              (SELECT count(DISTINCT q.quote_id) FROM quote_sightings q JOIN articles a ON a.id = q.article_id WHERE a.is_current = 1) AS quotes,
              (SELECT count(*) FROM quote_sightings q JOIN articles a ON a.id = q.article_id WHERE a.is_current = 1) AS sightings,
              (SELECT count(*) FROM actors) AS actors,
              (SELECT count(DISTINCT outlet) FROM articles WHERE is_current = 1) AS outlets,
              (SELECT min(published) FROM articles WHERE is_current = 1) AS first,
              (SELECT max(published) FROM articles WHERE is_current = 1) AS last
            """);
        var outlets = _connection.Query<(string Outlet, long Articles, long Statements, long Named, long Anonymous, long Vague)>("""
            SELECT coalesce(a.outlet, '(unknown)'), count(DISTINCT a.id), count(s.id),
                   coalesce(sum(s.speaker_type IN ('person', 'organization')), 0), coalesce(sum(s.speaker_type = 'anonymous'), 0), coalesce(sum(s.speaker_type = 'vague'), 0)
            FROM articles a LEFT JOIN statements s ON s.article_id = a.id
            WHERE a.is_current = 1 GROUP BY 1 ORDER BY 2 DESC, 1
            """).Select(o =>
        {
            double total = Math.Max(1, o.Statements);
            return new OutletProfile
            {
                Outlet = o.Outlet,
                Articles = o.Articles,
                Statements = o.Statements,
                Named = Math.Round(o.Named / total, 4),
                Anonymous = Math.Round(o.Anonymous / total, 4),
                Vague = Math.Round(o.Vague / total, 4),
                Unattributed = o.Statements == 0 ? 0 : Math.Round((o.Statements - o.Named - o.Anonymous - o.Vague) / total, 4),
            };
        }).ToList();
        return new CorpusStats
        {
            Articles = counts.articles,
            SupersededVersions = counts.superseded,
            NearDuplicates = counts.near,
            Statements = counts.statements,
            Quotes = counts.quotes,
            QuoteSightings = counts.sightings,
            Actors = counts.actors,
            Outlets = counts.outlets,
            FirstPublished = counts.first,
            LastPublished = counts.last,
            ByOutlet = outlets,
        };
    });

    /// <inheritdoc />
    public IEnumerable<StatementRow> AllStatements() => _connection.Query<StatementRow>($"""
        SELECT {StatementColumns} FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.is_current = 1 ORDER BY s.article_id, s.id
        """, buffered: false);

    /// <inheritdoc />
    public IEnumerable<ArticleQuotations> QuotationsByArticle()
    {
        var rows = _connection.Query<(long Row, string Id, string? Published, string? Outlet, string? Url, long Start, long End, string? Cue, string Text)>("""
            SELECT a.id, a.ext_id, a.published, a.outlet, a.url, q.start, q.end, s.cue, q.text
            FROM quote_sightings q JOIN articles a ON a.id = q.article_id LEFT JOIN statements s ON s.id = q.statement_id
            WHERE a.is_current = 1 ORDER BY a.id, q.start
            """, buffered: false);
        long current = -1;
        ArticleQuotations? pending = null;
        List<(int, int, string, string)> quotes = [];
        foreach (var r in rows)
        {
            if (r.Row != current)
            {
                if (pending is not null) yield return pending with { Quotes = quotes };
                current = r.Row;
                quotes = [];
                pending = new ArticleQuotations(r.Id, r.Published, r.Outlet, r.Url, quotes);
            }
            quotes.Add(((int)r.Start, (int)(r.End - r.Start), r.Cue ?? "", r.Text));
        }
        if (pending is not null) yield return pending with { Quotes = quotes };
    }

    /// <summary>Statement kinds and speaker types accepted as filter values (for argument checking).</summary>
    public static IReadOnlyList<string> KindNames { get; } = Enum.GetValues<StatementKind>().Select(Serialization.Names.Of).ToList();

    /// <summary>Speaker type names.</summary>
    public static IReadOnlyList<string> SpeakerTypeNames { get; } = Enum.GetValues<SpeakerType>().Select(Serialization.Names.Of).ToList();
}
