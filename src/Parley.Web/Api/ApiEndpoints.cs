using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Parley.Corpus.Ingest;
using Parley.Corpus.Linking;
using Parley.Corpus.Queries;
using Parley.Corpus.Store;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Serialization;
using Parley.Text;

namespace Parley.Web.Api;

/// <summary>The REST API under <c>/api</c> (see docs/web.md).</summary>
public static class ApiEndpoints
{
    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Statements of an actor shown with its profile.</summary>
    public const int TopStatements = 20;

    /// <summary>Adds the API routes to <paramref name="app"/>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("api");
        api.MapGet("/statements", SearchStatements)
            .WithSummary("Search statements: full text (q) and filters, paged, with facets")
            .Produces<StatementsResponse>().ProducesValidationProblem();
        api.MapGet("/articles/{**id}", GetArticle)
            .WithSummary("An article (current version) by id, URL or store id: metadata, text, all analysis layers and stored statements")
            .Produces<ArticleResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/actors", ListActors)
            .WithSummary("Actors whose name or alias contains q, most statements first")
            .Produces<ActorsResponse>().ProducesValidationProblem();
        api.MapGet("/actors/{id}", GetActor)
            .WithSummary("An actor by store id (or by name): aliases, roles, statements per month, channels, co-mentions, top statements")
            .Produces<ActorResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/quotes/{id}", GetQuote)
            .WithSummary("A quote's provenance: every sighting, the first one, outlets, word-level differences")
            .Produces<QuoteResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/analyze", Analyze)
            .WithSummary("Analyse a text or an HTML page: the JSON of 'parley analyze --format json'")
            .Accepts<AnalyzeRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/ingest", Ingest)
            .WithSummary("Analyse and store articles (needs X-Api-Key when the server has a key)")
            .Accepts<IngestRequest>("application/json")
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    // ------------------------------------------------------------------ statements

    private static async Task<IResult> SearchStatements(StorePool pool, SearchCache cache, FacetCache facetCache, IOptions<JsonOptions> json,
        string? q, string? speaker, string? outlet, string? kind, string? sourceType, string? from, string? to, string? page, string? pageSize,
        CancellationToken cancellationToken)
    {
        var check = new QueryCheck();
        var search = new StatementSearch
        {
            Query = check.Text(q, "q", 500),
            Speaker = check.Text(speaker, "speaker"),
            Outlet = check.Text(outlet, "outlet"),
            Kind = check.OneOf(kind, "kind", SqliteCorpusStore.KindNames),
            SourceType = check.OneOf(sourceType, "sourceType", SqliteCorpusStore.SpeakerTypeNames),
            Since = check.Date(from, "from"),
            Until = check.Date(to, "to", endOfDay: true),
        };
        int pageNumber = check.Int(page, "page", 1, 1, 100_000);
        int size = check.Int(pageSize, "pageSize", 20, 1, MaxPageSize);
        if (!check.Ok) return check.Problem();
        search = search with { Offset = (pageNumber - 1) * size, Limit = size };

        // Answers are cached (serialised) per search and page, and totals and facets per search, until the next
        // ingest: the same searches come back often (facet clicks, paging, many readers of one story).
        int generation = pool.Generation;
        string facetKey = $"{generation}\u0001{search.Query}\u0001{search.Speaker}\u0001{search.Outlet?.ToLowerInvariant()}\u0001{search.Kind}" +
            $"\u0001{search.SourceType}\u0001{search.Since?.UtcTicks}\u0001{search.Until?.UtcTicks}";
        string key = $"{facetKey}\u0001{pageNumber}\u0001{size}";
        if (cache.TryGet(key, out var bytes)) return Results.Bytes(bytes, "application/json; charset=utf-8");

        bool haveFacets = facetCache.TryGet(facetKey, out var known);
        var result = await pool.ReadAsync(store => store.SearchStatementsPage(search with { IncludeFacets = !haveFacets }), cancellationToken)
            .ConfigureAwait(false);
        if (!haveFacets)
        {
            known = (result.Total, result.Facets);
            if (pool.Generation == generation) facetCache.Put(facetKey, known);
        }
        bytes = JsonSerializer.SerializeToUtf8Bytes(
            new StatementsResponse { Items = result.Items, Page = pageNumber, PageSize = size, Total = known.Total, Facets = known.Facets },
            json.Value.SerializerOptions);
        if (pool.Generation == generation) cache.Put(key, bytes);
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    // ------------------------------------------------------------------ articles

    private static async Task<IResult> GetArticle(string id, StorePool pool, DocumentCache cache, CancellationToken cancellationToken)
    {
        id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (id.Length is 0 or > 2048) return Requests.Problem(StatusCodes.Status404NotFound, "Not found", "No such article.");
        var article = await pool.ReadAsync(store => store.Article(id), cancellationToken).ConfigureAwait(false);
        if (article is null) return Requests.Problem(StatusCodes.Status404NotFound, "Not found", $"No article '{Cut(id)}'.");
        string key = article.RowId + ":" + article.ContentHash;
        if (!cache.TryGet(key, out var document))
        {
            var metadata = new DocumentMetadata
            {
                Id = article.Id, Source = article.Source, Title = article.Title, Outlet = article.Outlet, Url = article.Url,
                Language = article.Language ?? "en",
                Published = DateTimeOffset.TryParse(article.Published, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var published) ? published : null,
            };
            document = await Analysis.RunAsync(() => DocumentBytes(ParleyPipeline.Default.Process(article.Text, metadata, cancellationToken)), cancellationToken)
                .ConfigureAwait(false);
            cache.Put(key, document);
        }
        return new ArticleResult(ArticleInfo.From(article), document, article.Statements);
    }

    /// <summary>The document as compact JSON, with HTML-sensitive characters escaped (as all API responses).</summary>
    internal static byte[] DocumentBytes(Document document)
    {
        var buffer = new ArrayBufferWriter<byte>(document.Text.Length * 4 + 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            DocumentJson.Write(writer, document, new DocumentJsonOptions());
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <c>{ article, document, statements }</c> with the cached document JSON inserted as is.</summary>
    private sealed class ArticleResult(ArticleInfo article, byte[] document, IReadOnlyList<StatementRow> statements) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder });
            writer.WriteStartObject();
            writer.WritePropertyName("article");
            JsonSerializer.Serialize(writer, article, options);
            writer.WritePropertyName("document");
            writer.WriteRawValue(document, skipInputValidation: true);
            writer.WritePropertyName("statements");
            JsonSerializer.Serialize(writer, statements, options);
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------ actors

    private static async Task<IResult> ListActors(StorePool pool, string? q, string? page, string? pageSize, CancellationToken cancellationToken)
    {
        var check = new QueryCheck();
        string? query = check.Text(q, "q");
        int pageNumber = check.Int(page, "page", 1, 1, 100_000);
        int size = check.Int(pageSize, "pageSize", 20, 1, MaxPageSize);
        if (!check.Ok) return check.Problem();
        var result = await pool.ReadAsync(store => store.Actors(query, (pageNumber - 1) * size, size), cancellationToken).ConfigureAwait(false);
        return Results.Ok(new ActorsResponse { Items = result.Items, Page = pageNumber, PageSize = size, Total = result.Total });
    }

    private static async Task<IResult> GetActor(string id, StorePool pool, CancellationToken cancellationToken)
    {
        if (id.Length > 200) return Requests.Problem(StatusCodes.Status404NotFound, "Not found", "No such actor.");
        var response = await pool.ReadAsync(store =>
        {
            var profile = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number)
                ? store.ActorById(number)
                : store.Actor(id);
            return profile is null ? null : ActorResponse.From(profile, store.ActorStatements(profile.Id, TopStatements));
        }, cancellationToken).ConfigureAwait(false);
        return response is null ? Requests.Problem(StatusCodes.Status404NotFound, "Not found", $"No actor '{Cut(id)}'.") : Results.Ok(response);
    }

    // ------------------------------------------------------------------ quotes

    private static async Task<IResult> GetQuote(string id, StorePool pool, CancellationToken cancellationToken)
    {
        string digits = id.StartsWith('q') ? id[1..] : id;
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long quoteId))
            return Requests.Problem(StatusCodes.Status404NotFound, "Not found", $"No quote '{Cut(id)}' (quote ids are numbers, as 42 or q42).");
        var provenance = await pool.ReadAsync(store => store.Provenance(quoteId), cancellationToken).ConfigureAwait(false);
        if (provenance is null) return Requests.Problem(StatusCodes.Status404NotFound, "Not found", $"No quote {quoteId}.");
        var sightings = provenance.Sightings.Select(s => View(s, provenance.Canonical)).ToList();
        return Results.Ok(new QuoteResponse
        {
            Id = provenance.Id,
            Canonical = provenance.Canonical,
            First = sightings.Count > 0 ? sightings[0] : null,
            Outlets = provenance.Outlets,
            IndependentSightings = provenance.IndependentSightings,
            Sightings = sightings,
        });
    }

    private static SightingView View(Sighting s, string canonical) => new()
    {
        ArticleId = s.ArticleId, Outlet = s.Outlet, Published = s.Published, Speaker = s.Speaker, Text = s.Text, Diff = s.Diff,
        WireCopy = s.WireCopy, Start = s.Start, End = s.End, Words = Words(canonical, s.Text),
    };

    /// <summary>The word-level diff of <paramref name="text"/> against <paramref name="canonical"/>, one entry per word.</summary>
    internal static IReadOnlyList<DiffWord> Words(string canonical, string text) => WordDiff.Diff(canonical, text)
        .SelectMany(part => part.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => new DiffWord
        {
            Text = word,
            Op = part.Op switch { DiffOp.Added => "added", DiffOp.Removed => "removed", _ => "same" },
        }))
        .ToList();

    // ------------------------------------------------------------------ analyze

    private static async Task<IResult> Analyze(HttpContext context, ParleyServerOptions options)
    {
        var (json, error) = await Requests.ReadJsonObjectAsync(context, options.MaxAnalyzeBytes).ConfigureAwait(false);
        if (error is not null) return error;
        using (json)
        {
            var (raw, problem) = ReadArticle(json!.RootElement, "input");
            if (problem is not null) return problem;
            var metadata = new DocumentMetadata
            {
                Id = raw!.Id ?? "input", Title = raw.Title, Outlet = raw.Outlet, Published = raw.Published, Url = raw.Url,
                Language = raw.Language ?? "en",
            };
            var bytes = await Analysis.RunAsync(() => DocumentBytes(ParleyPipeline.Default.Process(raw.Text, metadata, context.RequestAborted)),
                context.RequestAborted).ConfigureAwait(false);
            return Results.Bytes(bytes, "application/json; charset=utf-8");
        }
    }

    // ------------------------------------------------------------------ ingest

    private static async Task<IResult> Ingest(HttpContext context, ParleyServerOptions options, StorePool pool)
    {
        if (!Authorized(context, options))
            return Requests.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", $"Ingest needs the server's API key in the {ApiKeyHeader} header.");
        var (json, error) = await Requests.ReadJsonObjectAsync(context, options.MaxIngestBytes).ConfigureAwait(false);
        if (error is not null) return error;
        var articles = new List<RawArticle>();
        using (json)
        {
            var root = json!.RootElement;
            if (root.TryGetProperty("articles", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                    return Requests.Problem(StatusCodes.Status400BadRequest, "Invalid body", "\"articles\" must be a non-empty array of article objects.");
                if (list.GetArrayLength() > options.MaxIngestArticles)
                    return Requests.Problem(StatusCodes.Status413PayloadTooLarge, "Too many articles", $"At most {options.MaxIngestArticles} articles per request.");
                int index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                        return Requests.Problem(StatusCodes.Status400BadRequest, "Invalid article", $"articles[{index}]: must be a JSON object.");
                    var (raw, problem) = ReadArticle(item, $"articles[{index}]");
                    if (problem is not null) return problem;
                    articles.Add(raw!);
                    index++;
                }
            }
            else
            {
                var (raw, problem) = ReadArticle(root, "article");
                if (problem is not null) return problem;
                articles.Add(raw!);
            }
        }

        // Every article was checked before anything is analysed or stored: a bad request changes nothing.
        var analysed = await Analysis.RunAsync(() => articles.Select(raw =>
        {
            try
            {
                return (Article: ArticleAnalyzer.Analyze(raw, ParleyPipeline.Default, context.RequestAborted), Reason: (string?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (Article: (AnalyzedArticle?)null, Reason: e is InputRejectedException ? e.Message : $"analysis failed ({e.GetType().Name})");
            }
        }).ToList(), context.RequestAborted).ConfigureAwait(false);

        var batch = analysed.Where(a => a.Article is not null).Select(a => a.Article!).ToList();
        var (results, ids) = await pool.WriteAsync(store =>
        {
            var written = batch.Count > 0 ? store.Write(batch) : [];
            return (written, store.ArticleIds(written.Select(r => r.RowId)));
        }, context.RequestAborted).ConfigureAwait(false);

        var outIds = new List<string?>(analysed.Count);
        var failures = new List<IngestFailureView>();
        int next = 0;
        for (int i = 0; i < analysed.Count; i++)
        {
            if (analysed[i].Article is null)
            {
                outIds.Add(null);
                failures.Add(new IngestFailureView { Index = i, Reason = analysed[i].Reason ?? "failed" });
                continue;
            }
            outIds.Add(ids.TryGetValue(results[next++].RowId, out var stored) ? stored : null);
        }
        return Results.Ok(new IngestResponse
        {
            Added = results.Count(r => r.Outcome == IngestOutcome.Added),
            Updated = results.Count(r => r.Outcome == IngestOutcome.Updated),
            Duplicates = results.Count(r => r.Outcome == IngestOutcome.Duplicate),
            Failed = failures.Count,
            Ids = outIds,
            Failures = failures,
        });
    }

    /// <summary>
    /// True when the request may ingest: the server has no key (then it listens on loopback only), or the
    /// <c>X-Api-Key</c> header holds it. Both sides are hashed first, so the comparison takes the same time
    /// whatever the key's length and contents.
    /// </summary>
    internal static bool Authorized(HttpContext context, ParleyServerOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey)) return true;
        if (!context.Request.Headers.TryGetValue(ApiKeyHeader, out var values) || values.Count != 1 || values[0] is not { } given) return false;
        Span<byte> expected = stackalloc byte[32], actual = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey), expected);
        SHA256.HashData(Encoding.UTF8.GetBytes(given), actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>
    /// Reads one article object: exactly one of <c>text</c> / <c>html</c>, optional metadata. The text must read as
    /// text (no NUL or binary control characters, not blank); HTML must have article text.
    /// </summary>
    private static (RawArticle? Article, IResult? Problem) ReadArticle(JsonElement obj, string where)
    {
        var errors = new List<string>();
        string? text = Requests.String(obj, "text", errors);
        string? html = Requests.String(obj, "html", errors);
        string? id = Requests.String(obj, "id", errors), url = Requests.String(obj, "url", errors), title = Requests.String(obj, "title", errors);
        string? outlet = Requests.String(obj, "outlet", errors), published = Requests.String(obj, "published", errors);
        string? byline = Requests.String(obj, "byline", errors), language = Requests.String(obj, "language", errors);
        if (text is not null && html is not null) errors.Add("give \"text\" or \"html\", not both");
        else if (text is null && html is null) errors.Add("a \"text\" or \"html\" field is needed");
        DateTimeOffset? date = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            date = DateParsing.Parse(published);
            if (date is null) errors.Add($"\"published\": '{Cut(published)}' is not a date");
        }
        if (errors.Count == 0 && text is not null)
        {
            try
            {
                // The same checks as a file: not empty, no NUL bytes, not mostly control characters.
                text = TextDecoder.Decode(Encoding.UTF8.GetBytes(text), long.MaxValue);
            }
            catch (InputRejectedException e)
            {
                errors.Add("\"text\": " + e.Message);
            }
        }
        RawArticle? article = null;
        if (errors.Count == 0 && html is not null)
        {
            if (string.IsNullOrWhiteSpace(html)) errors.Add("\"html\": input is empty");
            else
            {
                var item = InputReader.Html(html, where, null);
                if (item.Failure is { } failure) errors.Add("\"html\": " + failure.Reason);
                else article = item.Article;
            }
        }
        if (errors.Count > 0)
            return (null, Requests.Problem(StatusCodes.Status400BadRequest, "Invalid article", $"{where}: {string.Join("; ", errors)}."));
        article = article is null
            ? new RawArticle { Origin = where, Text = text! }
            : article with { Origin = where };
        return (article with
        {
            Id = id ?? article.Id,
            Url = url ?? article.Url,
            Title = title ?? article.Title,
            Outlet = outlet ?? article.Outlet,
            Published = date ?? article.Published,
            Byline = byline ?? article.Byline,
            Language = language ?? article.Language,
        }, null);
    }

    private static string Cut(string value) => value.Length <= 80 ? value : value[..80] + "…";
}

/// <summary>Runs CPU-heavy analysis on the thread pool, at most one per core at a time.</summary>
internal static class Analysis
{
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public static async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Slots.Release();
        }
    }
}

/// <summary>The body of <c>POST /api/analyze</c>: exactly one of <see cref="Text"/> and <see cref="Html"/>.</summary>
public sealed record AnalyzeRequest
{
    /// <summary>Plain text of an article.</summary>
    public string? Text { get; init; }
    /// <summary>An HTML page (its main text is extracted, as on ingest).</summary>
    public string? Html { get; init; }
    /// <summary>The document id in the output (default "input").</summary>
    public string? Id { get; init; }
}

/// <summary>One article of <c>POST /api/ingest</c> (the fields of a JSONL line of <c>parley ingest</c>).</summary>
public sealed record IngestArticle
{
    /// <summary>Plain text (or give <see cref="Html"/>).</summary>
    public string? Text { get; init; }
    /// <summary>An HTML page (or give <see cref="Text"/>).</summary>
    public string? Html { get; init; }
    /// <summary>The article id.</summary>
    public string? Id { get; init; }
    /// <summary>Its URL (the identity for versions).</summary>
    public string? Url { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>Outlet.</summary>
    public string? Outlet { get; init; }
    /// <summary>Publication date (ISO 8601 or RFC 1123).</summary>
    public string? Published { get; init; }
    /// <summary>Byline.</summary>
    public string? Byline { get; init; }
    /// <summary>Language tag.</summary>
    public string? Language { get; init; }
}

/// <summary>The body of <c>POST /api/ingest</c>: one article (its fields at the top level) or <see cref="Articles"/>.</summary>
public sealed record IngestRequest
{
    /// <summary>Several articles.</summary>
    public IReadOnlyList<IngestArticle>? Articles { get; init; }
    /// <summary>Plain text of a single article.</summary>
    public string? Text { get; init; }
    /// <summary>HTML of a single article.</summary>
    public string? Html { get; init; }
}

/// <summary>The shape of <c>GET /api/articles/{id}</c> (for the OpenAPI document).</summary>
/// <param name="Article">Metadata and text.</param>
/// <param name="Document">The analysis: the JSON of <c>parley analyze --format json</c> (docs/format.md).</param>
/// <param name="Statements">The stored statements, with actor and quote ids.</param>
public sealed record ArticleResponse(ArticleInfo Article, JsonElement Document, IReadOnlyList<StatementRow> Statements);
