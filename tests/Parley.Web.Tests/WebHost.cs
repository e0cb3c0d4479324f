using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Parley.Corpus.Ingest;
using Parley.Corpus.Store;

namespace Parley.Web.Tests;

/// <summary>A temporary corpus ingested from the test articles and the web application over it, on the in-memory test server.</summary>
public sealed class WebHost : IDisposable
{
    private readonly WebApplication _app;

    public WebHost(string? apiKey = null, IEnumerable<RawArticle>? articles = null,
        Func<ParleyServerOptions, ParleyServerOptions>? configure = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "parley-web-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "corpus.db");
        using (var store = SqliteCorpusStore.Open(DatabasePath))
        {
            var summary = new Ingestor(store, new IngestOptions { Workers = 1 })
                .Run((articles ?? TestArticles.All).Select(InputItem.Of));
            if (summary.Failures.Count > 0) throw new InvalidOperationException(summary.Failures[0].Reason);
        }
        WebRoot = Path.Combine(Folder, "wwwroot");
        Directory.CreateDirectory(WebRoot);
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), "<!doctype html><title>Parley</title><p>test page</p>");
        var options = new ParleyServerOptions { DatabasePath = DatabasePath, ApiKey = apiKey, WebRoot = WebRoot, ReadConnections = 2 };
        if (configure is not null) options = configure(options);
        Options = options;
        _app = ParleyServer.Create(options, builder => builder.WebHost.UseTestServer());
        _app.StartAsync().GetAwaiter().GetResult();
        Client = _app.GetTestClient();
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public string WebRoot { get; }
    public ParleyServerOptions Options { get; }
    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IAsyncDisposable)_app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One host shared by the read-only tests of a class.</summary>
public sealed class SharedHost : IDisposable
{
    public WebHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
