using System.Data;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Parley.Corpus.Ingest;
using Parley.Corpus.Linking;
using Parley.Corpus.Queries;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Corpus.Store;

/// <summary>
/// The corpus in one SQLite file (WAL mode): articles, statements, actors and quote provenance in
/// normalised tables, with FTS5 indexes over statement contents and article text. One writer at a time;
/// readers can query while an ingest runs.
/// </summary>
public sealed partial class SqliteCorpusStore : ICorpusStore
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private readonly SqliteConnection _connection;
    private bool _wrote;

    private SqliteCorpusStore(string path, SqliteConnection connection, int version)
    {
        Location = path;
        _connection = connection;
        SchemaVersion = version;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public int SchemaVersion { get; }

    /// <summary>The latest schema version this code knows.</summary>
    public static int LatestVersion => Migrations.All[^1].Version;

    /// <summary>
    /// Opens (or, with <paramref name="create"/>, creates) the corpus at <paramref name="path"/> and applies pending migrations.
    /// </summary>
    /// <exception cref="CorpusStoreException">Missing (when not creating), not SQLite, corrupt, another application's database, or a newer schema.</exception>
    public static SqliteCorpusStore Open(string path, bool create = true)
    {
        CheckFile(path, create);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 10000");
            string mode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL") ?? "";
            connection.Execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536");
            int version = Migrate(connection, path);
            _ = mode;
            return new SqliteCorpusStore(path, connection, version);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Describe(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CheckFile(string path, bool create)
    {
        if (Directory.Exists(path)) throw new CorpusStoreException($"{path}: is a directory, not a database file");
        if (!File.Exists(path))
        {
            if (!create) throw new CorpusStoreException($"{path}: no such database (run 'parley ingest' first)");
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null && !Directory.Exists(dir)) throw new CorpusStoreException($"{path}: folder {dir} does not exist");
            return;
        }
        var header = new byte[16];
        int read;
        try
        {
            using var stream = File.OpenRead(path);
            read = stream.ReadAtLeast(header, 16, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusStoreException($"{path}: cannot read ({e.Message})");
        }
        if (read == 0) return; // An empty file is a new database.
        if (read < 16 || !header.AsSpan().SequenceEqual(SqliteHeader))
            throw new CorpusStoreException($"{path}: not a Parley corpus (not an SQLite database file)");
    }

    private static CorpusStoreException Describe(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        11 => new CorpusStoreException($"{path}: the database is corrupt ({e.Message.Split('\n')[0]}); restore a backup or re-ingest into a new file", e),
        26 => new CorpusStoreException($"{path}: not a Parley corpus (not an SQLite database file)", e),
        5 or 6 => new CorpusStoreException($"{path}: the database is locked by another process", e),
        8 => new CorpusStoreException($"{path}: the database is read-only", e),
        _ => new CorpusStoreException($"{path}: database error ({e.Message.Split('\n')[0]})", e),
    };

    private static int Migrate(SqliteConnection connection, string path)
    {
        bool hasMeta = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='corpus_meta'") > 0;
        long tables = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table'");
        int version = 0;
        if (hasMeta)
        {
            string? application = connection.ExecuteScalar<string?>("SELECT value FROM corpus_meta WHERE key='application'");
            if (application != Migrations.Application)
                throw new CorpusStoreException($"{path}: not a Parley corpus (an SQLite database of another application)");
            version = connection.ExecuteScalar<int>("PRAGMA user_version");
        }
        else if (tables > 0)
        {
            throw new CorpusStoreException($"{path}: not a Parley corpus (an SQLite database of another application)");
        }
        if (version > LatestVersion)
            throw new CorpusStoreException($"{path}: created by a newer Parley (schema version {version}; this one knows up to {LatestVersion})");

        foreach (var (number, name, sql) in Migrations.All)
        {
            if (number <= version) continue;
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            if (number == 1)
                connection.Execute("INSERT INTO corpus_meta(key, value) VALUES ('application', @app), ('created_at', @now)",
                    new { app = Migrations.Application, now = Now() }, transaction);
            connection.Execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (@number, @name, @now)",
                new { number, name, now = Now() }, transaction);
            connection.Execute($"PRAGMA user_version = {number}", transaction: transaction);
            transaction.Commit();
            version = number;
        }
        return version;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static string? Iso(DateTimeOffset? date) => date?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => string.Join("; ", _connection.Query<string>("PRAGMA integrity_check"));

    /// <inheritdoc />
    public IReadOnlySet<string> KnownContentHashes() => _connection.Query<string>("SELECT content_hash FROM articles").ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose()
    {
        // After writing, fold the WAL back into the main file so the database is one file at rest. A reader
        // never does: it could wait on a running ingest.
        if (_wrote)
        {
            try
            {
                _connection.Execute("PRAGMA busy_timeout = 0; PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SqliteException)
            {
                // Another process holds the database; the WAL is folded in later.
            }
        }
        _connection.Dispose();
    }

    // ---------------------------------------------------------------- writing

    /// <inheritdoc />
    public IReadOnlyList<WriteResult> Write(IReadOnlyList<AnalyzedArticle> batch)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var writer = new BatchWriter(_connection, transaction);
            var results = batch.Select(writer.Write).ToList();
            transaction.Commit();
            _wrote = true;
            return results;
        }
        catch (SqliteException e)
        {
            throw Describe(Location, e);
        }
    }

    /// <summary>Two wordings at least this similar (<see cref="WordDiff.Similarity"/>) are one quote.</summary>
    public const double MinQuoteSimilarity = 0.8;

    private sealed class BatchWriter(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.PropertyInfo[]> Properties = new();
        private readonly Dictionary<string, long> _actors = new(StringComparer.Ordinal);
        // One prepared command per SQL text for the whole batch: preparing each statement anew cost more than running it.
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private SqliteCommand Command(string sql, object args)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = transaction;
                _commands[sql] = command;
            }
            foreach (var property in Properties.GetOrAdd(args.GetType(), t => t.GetProperties()))
            {
                string name = "@" + property.Name;
                object value = property.GetValue(args) ?? DBNull.Value;
                if (command.Parameters.Contains(name)) command.Parameters[name].Value = value;
                else command.Parameters.AddWithValue(name, value);
            }
            return command;
        }

        private void Exec(string sql, object args) => Command(sql, args).ExecuteNonQuery();

        private long? Scalar(string sql, object args) => Command(sql, args).ExecuteScalar() is long value ? value : null;

        private long Insert(string sql, object args) => Scalar(sql, args) ?? throw new InvalidOperationException("INSERT … RETURNING returned nothing");

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
        }

        public WriteResult Write(AnalyzedArticle article)
        {
            var raw = article.Raw;
            long? existingHash = Scalar("SELECT id FROM articles WHERE content_hash = @h", new { h = article.ContentHash });
            if (existingHash is { } duplicateId) return new WriteResult(IngestOutcome.Duplicate, duplicateId, false);

            // Without a URL, path or id, the content is the identity: such an article never gets versions.
            string key = raw.IdentityKey ?? "hash:" + article.ContentHash;
            var previous = connection.QueryFirstOrDefault<(long Id, int Version)?>(
                "SELECT id, version FROM articles WHERE doc_key = @key AND is_current = 1", new { key }, transaction);
            if (previous is { } old)
            {
                Exec("UPDATE articles SET is_current = 0 WHERE id = @id", new { id = old.Id });
                Exec("UPDATE statements SET is_current = 0 WHERE article_id = @id", new { id = old.Id });
            }

            long? nearOf = FindNearDuplicate(article.Signature, key);
            string? published = Iso(raw.Published);
            var meta = article.Document.Metadata;
            long articleId = Insert("""
                INSERT INTO articles(ext_id, doc_key, version, is_current, content_hash, near_duplicate_of, url, title, outlet,
                    byline, published, language, source, ingested_at)
                VALUES (@extId, @key, @version, 1, @hash, @nearOf, @url, @title, @outlet, @byline, @published, @language, @source, @now)
                RETURNING id
                """, new
            {
                extId = meta.Id, key, version = (previous?.Version ?? 0) + 1, hash = article.ContentHash,
                nearOf, url = raw.Url, title = meta.Title, outlet = raw.Outlet, byline = raw.Byline, published, language = meta.Language,
                source = raw.Origin, now = Now(),
            });
            Exec("INSERT INTO article_texts(article_id, signature, title, text, html_map) VALUES (@articleId, @signature, @title, @text, @map)", new
            {
                articleId, signature = MinHash.ToBytes(article.Signature), title = meta.Title, text = article.Document.Text, map = raw.HtmlMap?.ToBytes(),
            });
            // One statement for all bands: per-row round trips dominated the writer's time.
            Exec("INSERT OR IGNORE INTO article_bands(band, article_id) SELECT value, @articleId FROM json_each(@bands)",
                new { articleId, bands = "[" + string.Join(',', NearDuplicates.Bands(article.Signature)) + "]" });
            Exec("INSERT INTO articles_fts(rowid, title, text) VALUES (@articleId, @title, @text)",
                new { articleId, title = meta.Title, text = article.Document.Text });

            var statementIds = new long[article.Statements.Count];
            for (int i = 0; i < article.Statements.Count; i++)
                statementIds[i] = WriteStatement(article.Statements[i], articleId, published);
            foreach (var quote in article.Quotes)
            {
                long quoteId = FindOrAddQuote(quote);
                Exec("""
                    INSERT INTO quote_sightings(quote_id, article_id, statement_id, quote_index, start, end, text)
                    VALUES (@quoteId, @articleId, @statementId, @index, @start, @end, @text)
                    """, new
                {
                    quoteId, articleId, statementId = quote.StatementIndex >= 0 ? statementIds[quote.StatementIndex] : (long?)null,
                    index = quote.QuoteIndex, start = quote.Extent.Start, end = quote.Extent.End, text = quote.Text,
                });
            }
            return new WriteResult(previous is null ? IngestOutcome.Added : IngestOutcome.Updated, articleId, nearOf is not null);
        }

        private long? FindNearDuplicate(ulong[] signature, string key)
        {
            var bands = NearDuplicates.Bands(signature);
            // "IN @bands" keeps one SQL text (so one prepared statement and one Dapper cache entry) for every call.
            var candidates = connection.Query<(long Id, byte[] Signature, long? Root, string Key)>("""
                SELECT DISTINCT a.id, t.signature, a.near_duplicate_of, a.doc_key
                FROM article_bands b JOIN articles a ON a.id = b.article_id JOIN article_texts t ON t.article_id = a.id
                WHERE b.band IN @bands AND a.is_current = 1
                """, new { bands }, transaction);
            long? best = null;
            double bestSimilarity = 0;
            foreach (var c in candidates)
            {
                if (c.Key == key) continue;
                double similarity = MinHash.Estimate(signature, MinHash.FromBytes(c.Signature));
                if (similarity < NearDuplicates.MinSimilarity || similarity < bestSimilarity) continue;
                // Link to the root of a group of copies, so every copy points at the first one.
                long root = c.Root ?? c.Id;
                if (similarity > bestSimilarity || root < best) { best = root; bestSimilarity = similarity; }
            }
            return best;
        }

        private long WriteStatement(StatementRecord record, long articleId, string? published)
        {
            var s = record.Statement;
            long? actorId = record.Actor is { } mention ? Actor(mention, articleId, published) : null;
            var spans = new StringBuilder("[");
            foreach (var span in s.Content) spans.Append(spans.Length > 1 ? "," : "").Append('[').Append(span.Start).Append(',').Append(span.End).Append(']');
            spans.Append(']');
            string speakerType = s.Speaker is { } sp ? Names.Of(sp.Type) : "unknown";
            long id = Insert("""
                INSERT INTO statements(article_id, month, local_id, kind, confidence, cue, cue_start, cue_end, source_text, source_start, source_end,
                    speaker, speaker_type, speaker_role, speaker_affiliation, speaker_entity, actor_id, channel, channel_kind, channel_start,
                    channel_end, channel_entity, content, content_spans, quote_index)
                VALUES (@articleId, @month, @localId, @kind, @confidence, @cue, @cueStart, @cueEnd, @sourceText, @sourceStart, @sourceEnd,
                    @speaker, @speakerType, @role, @affiliation, @entity, @actorId, @channel, @channelKind, @channelStart,
                    @channelEnd, @channelEntity, @content, @spans, @quoteIndex)
                RETURNING id
                """, new
            {
                articleId, month = published?[..7], localId = s.Id, kind = Names.Of(s.Kind), confidence = s.Confidence,
                cue = record.CueText, cueStart = s.Cue?.Start, cueEnd = s.Cue?.End,
                sourceText = record.SourceText, sourceStart = s.Source?.Start, sourceEnd = s.Source?.End,
                speaker = s.Speaker?.Name, speakerType, role = s.Speaker?.Role ?? record.Actor?.Role, affiliation = s.Speaker?.Affiliation,
                entity = s.Speaker?.Entity, actorId, channel = s.Channel?.Name, channelKind = s.Channel is { } ch ? Names.Of(ch.Kind) : null,
                channelStart = s.Channel?.Span?.Start, channelEnd = s.Channel?.Span?.End, channelEntity = s.Channel?.Entity,
                content = record.Content, spans = spans.ToString(), quoteIndex = s.QuoteIndex,
            });
            Exec("INSERT INTO statements_fts(rowid, content, speaker) VALUES (@id, @content, @speaker)",
                new { id, content = record.Content, speaker = s.Speaker?.Name });
            return id;
        }

        private long Actor(ActorMention mention, long articleId, string? published)
        {
            if (!_actors.TryGetValue(mention.Key, out long id))
            {
                id = Scalar("SELECT id FROM actors WHERE key = @key", new { key = mention.Key })
                    ?? Insert("""
                        INSERT INTO actors(key, name, type, surname_key, surname_only) VALUES (@key, @name, @type, @surname, @surnameOnly)
                        RETURNING id
                        """, new
                    {
                        key = mention.Key, name = mention.Name, type = Names.Of(mention.Type), surname = mention.SurnameKey,
                        surnameOnly = mention.Key.StartsWith("s:", StringComparison.Ordinal),
                    });
                _actors[mention.Key] = id;
            }
            Exec("""
                INSERT INTO actor_aliases(actor_id, alias, mentions) VALUES (@id, @alias, 1)
                ON CONFLICT(actor_id, alias) DO UPDATE SET mentions = mentions + 1
                """, new { id, alias = mention.Name });
            // The display name is the first full form seen (a full name replaces a surname).
            if (mention.Name.Contains(' '))
                Exec("UPDATE actors SET name = @alias WHERE id = @id AND name NOT LIKE '% %'", new { id, alias = mention.Name });
            if (mention.Role is { Length: > 0 } role)
                Exec("INSERT INTO actor_roles(actor_id, role, article_id, published) VALUES (@id, @role, @articleId, @published)",
                    new { id, role, articleId, published });
            return id;
        }

        private long FindOrAddQuote(QuoteRecord quote)
        {
            long? exact = Scalar("SELECT id FROM quotes WHERE norm_hash = @h", new { h = quote.NormalizedHash });
            if (exact is { } id) return id;

            var candidates = connection.Query<(long Id, string Text)>("""
                SELECT DISTINCT q.id, q.norm_text FROM quote_bands b JOIN quotes q ON q.id = b.quote_id WHERE b.band IN @bands
                """, new { bands = quote.Bands }, transaction);
            var words = quote.Normalized.Split(' ');
            long? best = null;
            double bestScore = 0;
            foreach (var c in candidates)
            {
                // Wording drift (a word or two changed) and excerpts of a longer quote both count as the same quote.
                double score = WordDiff.Similarity(words, c.Text.Split(' '));
                if (score >= MinQuoteSimilarity && score > bestScore) { best = c.Id; bestScore = score; }
            }
            if (best is { } match) return match;

            long newId = Insert("INSERT INTO quotes(norm_hash, norm_text) VALUES (@h, @t) RETURNING id",
                new { h = quote.NormalizedHash, t = quote.Normalized });
            Exec("INSERT OR IGNORE INTO quote_bands(band, quote_id) SELECT value, @newId FROM json_each(@bands)",
                new { newId, bands = "[" + string.Join(',', quote.Bands) + "]" });
            return newId;
        }
    }
}
