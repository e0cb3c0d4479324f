using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Corpus.Ingest;
using Parley.Corpus.Store;

namespace Parley.Web.BrowserTests;

/// <summary>
/// Once for all browser tests: ingests <see cref="TestArticles"/> into a temporary database, starts the real Parley web
/// application (Kestrel) on a free loopback port, and launches Debian's Chromium headless through Playwright.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (apt-get install chromium); .ci/run installs it.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The application's base address, ending without a slash ("http://127.0.0.1:41234").</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The browser (one for all tests; each test opens its own context).</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: .build/test-results/screenshots under the repository (the test script's results folder).</summary>
    public string ScreenshotDir { get; } = FindScreenshotDir();

    /// <summary>A plain HTTP client on the application, to look up ids the pages are opened with.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: the browser tests need it. Install it with `apt-get install -y chromium` (.ci/run does).");
        Directory.CreateDirectory(_dir);
        Directory.CreateDirectory(ScreenshotDir);

        string jsonl = Path.Combine(_dir, "articles.jsonl");
        await File.WriteAllLinesAsync(jsonl, TestArticles.All().Select(a => JsonSerializer.Serialize(a)));
        string db = Path.Combine(_dir, "parley.db");
        using (var store = SqliteCorpusStore.Open(db))
        {
            var summary = new Ingestor(store, new IngestOptions { Workers = 1 }).Run(new InputReader(), [jsonl]);
            if (summary.Failures.Count > 0 || summary.Added != 4)
                throw new InvalidOperationException($"test corpus: added {summary.Added}, failures: {string.Join("; ", summary.Failures.Select(f => f.Reason))}");
        }

        // Port 0: Kestrel picks a free port; the bound address is read back after the start.
        _app = ParleyServer.Create(new ParleyServerOptions { DatabasePath = db, Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindScreenshotDir()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_SCREENSHOTS") is { Length: > 0 } dir) return dir;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Parley.slnx")))
                return Path.Combine(d.FullName, ".build", "test-results", "screenshots");
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

/// <summary>The browser tests share one application and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "web app";
}
