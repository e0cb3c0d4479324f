namespace Parley.Web;

/// <summary>How <c>parley serve</c> runs: the database, the address, the API key and the limits.</summary>
public sealed record ParleyServerOptions
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The corpus database file (must exist).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Addresses to listen on, separated by ';' (as ASP.NET Core's <c>--urls</c>).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// The key that <c>POST /api/ingest</c> needs in the <c>X-Api-Key</c> header. Without one, ingest is open on
    /// loopback only; the server refuses to listen on any other address without a key.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>Largest request body of <c>POST /api/analyze</c>, in bytes (2 MiB).</summary>
    public long MaxAnalyzeBytes { get; init; } = 2L * 1024 * 1024;

    /// <summary>Largest request body of <c>POST /api/ingest</c>, in bytes (16 MiB); also Kestrel's limit for every request.</summary>
    public long MaxIngestBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most articles in one <c>POST /api/ingest</c>.</summary>
    public int MaxIngestArticles { get; init; } = 1000;

    /// <summary>Folder of the pages (default: <c>wwwroot</c> beside the application).</summary>
    public string? WebRoot { get; init; }

    /// <summary>Read connections to the database (queries run in parallel on them).</summary>
    public int ReadConnections { get; init; } = Math.Max(8, Environment.ProcessorCount * 4);

    /// <summary>Analysed article documents kept in memory for <c>GET /api/articles/{id}</c>.</summary>
    public int DocumentCacheSize { get; init; } = 64;

    /// <summary>Statement search answers kept in memory (each until the next ingest).</summary>
    public int SearchCacheSize { get; init; } = 2000;
}

/// <summary>The server cannot start with these options (one line, for the command line).</summary>
public sealed class ServerConfigurationException(string message) : Exception(message);
