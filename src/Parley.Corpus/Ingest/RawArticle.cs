namespace Parley.Corpus.Ingest;

/// <summary>An article as read from an input, before analysis: its text (already extracted from HTML or a feed) and metadata.</summary>
public sealed record RawArticle
{
    /// <summary>Where it came from, for messages: a path, "path:line 7", "feed.xml#item 3", "-".</summary>
    public required string Origin { get; init; }

    /// <summary>The plain text Parley analyses (for HTML, the extracted main text).</summary>
    public required string Text { get; init; }

    /// <summary>The article's own id, when the input gave one (JSONL id, feed guid) or derived from the file name.</summary>
    public string? Id { get; init; }

    /// <summary>Canonical URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>Title, when known.</summary>
    public string? Title { get; init; }

    /// <summary>Outlet (site or feed name), when known.</summary>
    public string? Outlet { get; init; }

    /// <summary>Byline (author names), when known.</summary>
    public string? Byline { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>BCP-47 language tag, when known.</summary>
    public string? Language { get; init; }

    /// <summary>The full path of the file, when the article is a whole file (.txt, .html).</summary>
    public string? File { get; init; }

    /// <summary>For HTML input: where each text offset came from in the HTML source.</summary>
    public OffsetMap? HtmlMap { get; init; }

    /// <summary>
    /// What makes two ingests "the same article" for versioning: the URL, else the file's full path, else
    /// the id the input gave (JSONL id, feed guid). A changed text under the same key becomes a new version.
    /// Null when there is none (standard input, a JSONL line without id or url): then only the content identifies it.
    /// </summary>
    public string? IdentityKey =>
        Url is { Length: > 0 } url ? "url:" + url.Trim()
        : File is { Length: > 0 } file ? "file:" + file
        : Id is { Length: > 0 } id ? "id:" + id
        : null;
}

/// <summary>An input item that could not be read, with a one-line reason.</summary>
public sealed record IngestFailure(string Origin, string Reason);

/// <summary>One item produced by <see cref="InputReader"/>: an article or a failure.</summary>
public readonly record struct InputItem(RawArticle? Article, IngestFailure? Failure)
{
    /// <summary>An item holding an article.</summary>
    public static InputItem Of(RawArticle article) => new(article, null);

    /// <summary>An item holding a failure.</summary>
    public static InputItem Failed(string origin, string reason) => new(null, new IngestFailure(origin, reason));
}
