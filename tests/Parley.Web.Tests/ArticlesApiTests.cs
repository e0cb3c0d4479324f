using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Serialization;

namespace Parley.Web.Tests;

public sealed class ArticlesApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Returns_metadata_text_layers_and_stored_statements()
    {
        var body = await Client.Json("/api/articles/harbour-1");
        var article = body.GetProperty("article");
        Assert.Equal("harbour-1", article.Str("id"));
        Assert.Equal("Harbour Times", article.Str("outlet"));
        Assert.Equal(TestArticles.HarbourText, article.Str("text"));
        Assert.False(article.TryGetProperty("statements", out _));

        var document = body.GetProperty("document");
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.Equal("harbour-1", document.GetProperty("document").Str("id"));
        foreach (string layer in new[] { "entities", "mentions", "quotes", "statements", "claims", "profile" })
            Assert.True(document.TryGetProperty(layer, out _), $"document has no '{layer}'");
        var said = document.GetProperty("statements").EnumerateArray().ToList();
        Assert.NotEmpty(said);
        // Offsets refer to the article text.
        foreach (var statement in said)
            foreach (var content in statement.GetProperty("content").EnumerateArray())
            {
                int start = content.GetProperty("start").GetInt32(), end = content.GetProperty("end").GetInt32();
                Assert.Equal(TestArticles.HarbourText[start..end], content.Str("text"));
            }

        var stored = body.GetProperty("statements").EnumerateArray().ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, s => Assert.Equal("harbour-1", s.Str("articleId")));
        Assert.Contains(stored, s => s.Str("speaker")?.Contains("Berg") == true && s.GetProperty("quoteId").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task The_document_is_the_analysis_of_the_stored_text_and_is_cached()
    {
        var first = await Client.GetStringAsync("/api/articles/coast-7");
        var second = await Client.GetStringAsync("/api/articles/coast-7");
        Assert.Equal(first, second);

        var a = TestArticles.HarbourCopy;
        var expected = ParleyPipeline.Default.Process(a.Text, new DocumentMetadata
        {
            Id = a.Id!, Source = a.Origin, Title = a.Title, Outlet = a.Outlet, Url = a.Url, Published = a.Published, Language = "en",
        });
        var actual = JsonNode.Parse(first)!["document"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DocumentJson.ToJson(expected)), actual), actual?.ToJsonString());
    }

    [Fact]
    public async Task Finds_an_article_by_url()
    {
        var body = await Client.Json("/api/articles/" + Uri.EscapeDataString("https://coast.example/ferries"));
        Assert.Equal("coast-7", body.GetProperty("article").Str("id"));
    }

    [Fact]
    public async Task Unknown_article_is_a_404_problem()
    {
        var problem = await Client.GetAsync("/api/articles/no-such-article").AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("no-such-article", problem.Str("detail"));
    }
}
