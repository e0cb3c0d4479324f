using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Corpus.Store;

namespace Parley.Web.Tests;

public sealed class SecurityTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Hostile_text_comes_back_as_escaped_data()
    {
        var response = await Client.GetAsync("/api/articles/" + Uri.EscapeDataString("hostile-<script>"));
        string raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        // Not one raw angle bracket: markup in the text is JSON-escaped (\u003C), so even a page that wrongly
        // wrote the body into HTML would not see a tag.
        Assert.DoesNotContain('<', raw);
        Assert.DoesNotContain('>', raw);
        using var json = JsonDocument.Parse(raw);
        var article = json.RootElement.GetProperty("article");
        Assert.Equal(TestArticles.HostileText, article.Str("text"));
        Assert.Equal("<script>alert('title')</script>", article.Str("title"));
        Assert.Equal("<i>Evil</i> Gazette", article.Str("outlet"));
    }

    [Fact]
    public async Task Hostile_statements_are_escaped_in_search_results_too()
    {
        var response = await Client.GetAsync("/api/statements?q=nobody%20tax");
        string raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain('<', raw);
        using var json = JsonDocument.Parse(raw);
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Contains("<b>Nobody</b>", item.Str("content"));
        Assert.Contains("</script><script>alert(3)</script>", item.Str("content"));
    }

    [Fact]
    public async Task Pages_are_served_with_a_strict_content_security_policy()
    {
        var response = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("test page", await response.Content.ReadAsStringAsync());
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Unknown_paths_are_404_problems()
    {
        await Client.GetAsync("/api/nothing-here").AssertProblem(HttpStatusCode.NotFound);
        await Client.GetAsync("/no-such-page.html").AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serves_the_openapi_document()
    {
        var doc = await Client.Json("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (string path in new[] { "/api/statements", "/api/articles/{id}", "/api/actors", "/api/actors/{id}", "/api/quotes/{id}", "/api/analyze", "/api/ingest" })
            Assert.Contains(path, paths);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://example.org:80", false)]
    public void Knows_loopback_addresses(string urls, bool loopback) => Assert.Equal(loopback, ParleyServer.AllLoopback(urls));

    [Fact]
    public void Refuses_to_listen_beyond_loopback_without_a_key()
    {
        var e = Assert.Throws<ServerConfigurationException>(() =>
            ParleyServer.Create(new ParleyServerOptions { DatabasePath = shared.Host.DatabasePath, Urls = "http://0.0.0.0:5080" }));
        Assert.Contains("--api-key", e.Message);
        Assert.Throws<ServerConfigurationException>(() =>
            ParleyServer.Create(new ParleyServerOptions { DatabasePath = shared.Host.DatabasePath, Urls = "ftp://127.0.0.1" }));
    }

    [Fact]
    public void A_missing_or_corrupt_database_stops_the_start_with_one_line()
    {
        string missing = Path.Combine(shared.Host.Folder, "missing.db");
        var e = Assert.Throws<CorpusStoreException>(() => ParleyServer.Create(new ParleyServerOptions { DatabasePath = missing }));
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(File.Exists(missing));

        string corrupt = Path.Combine(shared.Host.Folder, "corrupt.db");
        File.WriteAllBytes(corrupt, [.. "SQLite format 3\0"u8, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        var c = Assert.Throws<CorpusStoreException>(() => ParleyServer.Create(new ParleyServerOptions { DatabasePath = corrupt }));
        Assert.DoesNotContain('\n', c.Message);
    }

    [Fact]
    public async Task A_database_failure_is_a_problem_without_a_stack_trace()
    {
        using var host = new WebHost();
        using (var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE statements_fts";
            drop.ExecuteNonQuery();
        }
        var problem = await host.Client.GetAsync("/api/statements?q=harbour").AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.False(problem.TryGetProperty("exception", out _));
    }
}
