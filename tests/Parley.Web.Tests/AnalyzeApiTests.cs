using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Serialization;

namespace Parley.Web.Tests;

public sealed class AnalyzeApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Text_gives_the_json_of_parley_analyze()
    {
        var response = await Client.PostAsync("/api/analyze", Api.JsonBody(new { text = TestArticles.HarbourText }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = DocumentJson.ToJson(ParleyPipeline.Default.Process(TestArticles.HarbourText, new DocumentMetadata { Id = "input" }));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(body)), body);
        Assert.NotEmpty(JsonNode.Parse(body)!["statements"]!.AsArray());
    }

    [Fact]
    public async Task Html_is_extracted_first()
    {
        string html = "<html><head><title>Ferries</title><script>var x = 1;</script></head><body><nav>Home | News</nav>" +
            "<article><h1>Harbour Will Reopen</h1><p>\"We will reopen the harbour by Friday,\" Mayor Anna Berg told reporters.</p>" +
            "<p>The harbour has been closed since a storm damaged the pier last week.</p></article><footer>© Example</footer></body></html>";
        var response = await Client.PostAsync("/api/analyze", Api.JsonBody(new { html, id = "page" }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("page", (string?)json["document"]!["id"]);
        var sentences = json["sentences"]!.AsArray().Select(p => (string)p!["text"]!).ToList();
        Assert.NotEmpty(sentences);
        Assert.DoesNotContain(sentences, p => p.Contains("var x") || p.Contains("Home | News") || p.Contains('©'));
        Assert.Contains(json["statements"]!.AsArray(), s => s!["speaker"]?["name"]?.ToString().Contains("Berg") == true);
    }

    [Theory]
    [InlineData("{\"text\": \"a\", \"html\": \"<p>b</p>\"}")]
    [InlineData("{}")]
    [InlineData("{\"text\": \"\"}")]
    [InlineData("{\"text\": \"   \\n  \"}")]
    [InlineData("{\"text\": 42}")]
    [InlineData("{\"text\": \"a\\u0000b\\u0000c\"}")]
    [InlineData("{\"html\": \"<html><body><script>x()</script></body></html>\"}")]
    [InlineData("[\"text\"]")]
    [InlineData("{\"text\": \"unterminated}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Bad_bodies_are_400_problems(string json)
    {
        await Client.PostAsync("/api/analyze", Api.JsonBody(json)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_problem()
    {
        var content = new ByteArrayContent([.. "{\"text\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await Client.PostAsync("/api/analyze", content).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem()
    {
        string big = "{\"text\": \"" + new string('a', (int)shared.Host.Options.MaxAnalyzeBytes) + "\"}";
        await Client.PostAsync("/api/analyze", Api.JsonBody(big)).AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_typed_is_refused()
    {
        // Form and text/plain bodies are what a cross-site page can send without a preflight.
        var content = new StringContent("{\"text\": \"He said hello.\"}", Encoding.UTF8, "text/plain");
        await Client.PostAsync("/api/analyze", content).AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }
}
