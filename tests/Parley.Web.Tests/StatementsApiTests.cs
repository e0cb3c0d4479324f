using System.Net;
using System.Text.Json;

namespace Parley.Web.Tests;

public sealed class StatementsApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Lists_statements_with_their_article_ids_and_facets()
    {
        var response = await Client.GetAsync("/api/statements?pageSize=50");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, root.GetProperty("total").GetInt64());
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("articleId").GetString())));
        var outlets = root.GetProperty("facets").GetProperty("outlet").EnumerateArray().Select(f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains("Harbour Times", outlets);
        Assert.Contains("Coast Daily", outlets);
    }
}
