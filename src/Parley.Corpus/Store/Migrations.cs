namespace Parley.Corpus.Store;

/// <summary>
/// The versioned schema. Each migration runs once, in its own transaction, and is recorded in
/// <c>schema_migrations</c> and <c>PRAGMA user_version</c>. Never edit a released migration: add one.
/// </summary>
internal static class Migrations
{
    /// <summary>The value of <c>corpus_meta.application</c> that marks a Parley corpus.</summary>
    public const string Application = "parley-corpus";

    public static readonly (int Version, string Name, string Sql)[] All =
    [
        (1, "initial schema", """
            CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                ext_id TEXT NOT NULL,
                doc_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                is_current INTEGER NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                near_duplicate_of INTEGER REFERENCES articles(id),
                url TEXT, title TEXT, outlet TEXT, byline TEXT, published TEXT, language TEXT, source TEXT,
                ingested_at TEXT NOT NULL);
            -- Large columns live apart, so that joining statements to articles reads small rows only.
            CREATE TABLE article_texts (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id),
                signature BLOB NOT NULL,
                title TEXT,
                text TEXT NOT NULL,
                html_map BLOB);
            CREATE INDEX articles_doc_key ON articles(doc_key, is_current);
            CREATE INDEX articles_ext_id ON articles(ext_id);
            CREATE INDEX articles_url ON articles(url);
            CREATE INDEX articles_outlet ON articles(outlet);
            CREATE INDEX articles_published ON articles(published);
            CREATE TABLE article_bands (band INTEGER NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id),
                PRIMARY KEY (band, article_id)) WITHOUT ROWID;

            CREATE TABLE actors (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                surname_key TEXT,
                surname_only INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX actors_surname ON actors(surname_key);
            CREATE TABLE actor_aliases (actor_id INTEGER NOT NULL REFERENCES actors(id), alias TEXT NOT NULL COLLATE NOCASE,
                mentions INTEGER NOT NULL, PRIMARY KEY (actor_id, alias)) WITHOUT ROWID;
            CREATE INDEX actor_aliases_alias ON actor_aliases(alias);
            CREATE TABLE actor_roles (actor_id INTEGER NOT NULL REFERENCES actors(id), role TEXT NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id), published TEXT);
            CREATE INDEX actor_roles_actor ON actor_roles(actor_id, role, article_id, published);

            CREATE TABLE statements (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id),
                is_current INTEGER NOT NULL DEFAULT 1,
                month TEXT,
                local_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                confidence REAL NOT NULL,
                cue TEXT, cue_start INTEGER, cue_end INTEGER,
                source_text TEXT, source_start INTEGER, source_end INTEGER,
                speaker TEXT, speaker_type TEXT NOT NULL, speaker_role TEXT, speaker_affiliation TEXT, speaker_entity TEXT,
                actor_id INTEGER REFERENCES actors(id),
                channel TEXT, channel_kind TEXT, channel_start INTEGER, channel_end INTEGER, channel_entity TEXT,
                content TEXT NOT NULL,
                content_spans TEXT NOT NULL,
                quote_index INTEGER NOT NULL);
            -- Covering indexes: the actor profile reads only these columns, never the (large) statement rows, and
            -- is_current and month are copied from the article so it needs no join.
            CREATE INDEX statements_article ON statements(article_id, actor_id);
            CREATE INDEX statements_actor ON statements(actor_id, is_current, article_id, month, channel, channel_kind);

            CREATE TABLE quotes (
                id INTEGER PRIMARY KEY,
                norm_hash TEXT NOT NULL UNIQUE,
                norm_text TEXT NOT NULL);
            CREATE TABLE quote_bands (band INTEGER NOT NULL, quote_id INTEGER NOT NULL REFERENCES quotes(id),
                PRIMARY KEY (band, quote_id)) WITHOUT ROWID;
            CREATE TABLE quote_sightings (
                id INTEGER PRIMARY KEY,
                quote_id INTEGER NOT NULL REFERENCES quotes(id),
                article_id INTEGER NOT NULL REFERENCES articles(id),
                statement_id INTEGER REFERENCES statements(id),
                quote_index INTEGER NOT NULL,
                start INTEGER NOT NULL, end INTEGER NOT NULL,
                text TEXT NOT NULL);
            CREATE INDEX quote_sightings_quote ON quote_sightings(quote_id);
            CREATE INDEX quote_sightings_article ON quote_sightings(article_id);
            CREATE INDEX quote_sightings_statement ON quote_sightings(statement_id);

            CREATE VIRTUAL TABLE statements_fts USING fts5(content, speaker, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='article_texts', content_rowid='article_id', tokenize='unicode61 remove_diacritics 2');
            """),
    ];
}
