using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Parley.Web.Tests;

public sealed class IngestApiTests
{
    private const string Key = "test-key-0123456789abcdef";

    private static object Article(string id, string text) => new { id, text, outlet = "Wire", published = "2024-06-01", title = "T " + id };

    private static string NewText(string name) =>
        $"Mill Closure Announced\n\nThe mill in Eastby will close next spring, its owners said.\n\n" +
        $"\"We have tried everything to keep the mill open for the town of {name},\" said Karl Moen, the chief executive.\n";

    private static async Task<long> Total(HttpClient client) => (await client.Json("/api/statements")).GetProperty("total").GetInt64();

    /// <summary>Articles and statements in the file itself (not through the server, whose answers may be cached).</summary>
    private static (long Articles, long Statements) Stored(WebHost host)
    {
        using var store = Parley.Corpus.Store.SqliteCorpusStore.Open(host.DatabasePath, create: false);
        var stats = store.Stats();
        return (stats.Articles + stats.SupersededVersions, stats.Statements);
    }

    [Fact]
    public async Task Stores_an_article_and_finds_it_at_once()
    {
        using var host = new WebHost();
        // Searched before: the answer is cached, and must not survive the ingest.
        Assert.Empty((await host.Client.Json("/api/statements?q=mill%20open")).Items());
        var response = await host.Client.PostAsync("/api/ingest", Api.JsonBody(Article("mill-1", NewText("Eastby"))));
        var body = await host.Client.Json("/api/statements?q=mill%20open");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(["mill-1"], result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray());
        var hit = Assert.Single(body.Items());
        Assert.Equal("mill-1", hit.Str("articleId"));
        Assert.Equal("Wire", hit.Str("outlet"));
        Assert.StartsWith("2024-06-01", hit.Str("published"));

        // The same again is a duplicate and changes nothing.
        var again = await host.Client.PostAsync("/api/ingest", Api.JsonBody(Article("mill-1", NewText("Eastby"))));
        var repeat = System.Text.Json.JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, repeat.GetProperty("added").GetInt32());
        Assert.Equal(1, repeat.GetProperty("duplicates").GetInt32());
        Assert.Equal(["mill-1"], repeat.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray());
    }

    [Fact]
    public async Task Stores_several_articles_and_html()
    {
        using var host = new WebHost();
        string html = "<html><head><title>Mill</title></head><body><article><h1>Mill News</h1>" +
            "<p>\"Nobody will lose their pension because of this closure,\" said Karl Moen on Friday.</p></article></body></html>";
        var response = await host.Client.PostAsync("/api/ingest", Api.JsonBody(new
        {
            articles = new object[] { Article("mill-2", NewText("Westby")), new { id = "mill-html", html, outlet = "Web" } },
        }));
        var result = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, result.GetProperty("added").GetInt32());
        Assert.Equal(0, result.GetProperty("failed").GetInt32());
        var article = await host.Client.Json("/api/articles/mill-html");
        Assert.True(article.GetProperty("article").GetProperty("hasHtmlMap").GetBoolean());
        Assert.DoesNotContain("<p>", article.GetProperty("article").Str("text"));
    }

    [Theory]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"\\u0000\\u0001\\u0002\\u0003binary\\u0000\"}")]
    [InlineData("{\"title\": \"no text\"}")]
    [InlineData("{\"text\": \"He said hi.\", \"published\": \"not a date\"}")]
    [InlineData("{\"articles\": []}")]
    [InlineData("{\"articles\": [{\"text\": \"\\\"Fine,\\\" she said.\"}, {\"text\": \"\"}]}")]
    [InlineData("{\"articles\": \"text\"}")]
    [InlineData("{\"text\": ")]
    public async Task Bad_input_is_a_400_and_stores_nothing(string json)
    {
        using var host = new WebHost();
        var before = Stored(host);
        await host.Client.PostAsync("/api/ingest", Api.JsonBody(json)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, Stored(host));
        // What was stored is still there.
        await host.Client.Json("/api/articles/harbour-1");
    }

    [Fact]
    public async Task Binary_and_invalid_utf8_bodies_are_400()
    {
        using var host = new WebHost();
        var before = Stored(host);
        foreach (byte[] bytes in new[] { new byte[] { 0x7B, 0xFF, 0xFE, 0x00, 0x01, 0x7D }, [.. "{\"text\": \"caf"u8, 0xE9, .. "\"}"u8] })
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await host.Client.PostAsync("/api/ingest", content).AssertProblem(HttpStatusCode.BadRequest);
        }
        Assert.Equal(before, Stored(host));
    }

    [Fact]
    public async Task Oversized_body_is_a_413()
    {
        using var host = new WebHost(configure: o => o with { MaxIngestBytes = 4096 });
        var body = Api.JsonBody(Article("big", NewText(new string('x', 5000))));
        await host.Client.PostAsync("/api/ingest", body).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Needs_the_api_key_when_one_is_set()
    {
        using var host = new WebHost(apiKey: Key);
        var before = Stored(host);
        await host.Client.PostAsync("/api/ingest", Api.JsonBody(Article("k1", NewText("A")))).AssertProblem(HttpStatusCode.Unauthorized);

        foreach (string wrong in new[] { "wrong", Key + "x", Key[..^1], Key.ToUpperInvariant(), "" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Api.JsonBody(Article("k1", NewText("A"))) };
            request.Headers.TryAddWithoutValidation("X-Api-Key", wrong);
            await host.Client.SendAsync(request).AssertProblem(HttpStatusCode.Unauthorized);
        }
        Assert.Equal(before, Stored(host));

        using var good = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Api.JsonBody(Article("k1", NewText("A"))) };
        good.Headers.Add("X-Api-Key", Key);
        var response = await host.Client.SendAsync(good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Stored(host).Articles > before.Articles);
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        using var host = new WebHost(apiKey: Key);
        await host.Client.Json("/api/statements");
        var response = await host.Client.PostAsync("/api/analyze", Api.JsonBody(new { text = NewText("B") }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_text_plain_post_cannot_ingest()
    {
        using var host = new WebHost();
        var content = new StringContent("{\"text\": \"\\\"Hi there everyone,\\\" she said.\"}", Encoding.UTF8, "text/plain");
        await host.Client.PostAsync("/api/ingest", content).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }
}
