using System.Net;

namespace Parley.Web.Tests;

public sealed class StatementsApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Lists_statements_with_their_article_ids_and_facets()
    {
        var page = await Client.Json("/api/statements?pageSize=50");
        var items = page.Items();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt64());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(50, page.GetProperty("pageSize").GetInt32());
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.Str("articleId"))));
        var facets = page.GetProperty("facets");
        var outlets = facets.GetProperty("outlet").EnumerateArray().ToDictionary(f => f.Str("value")!, f => f.GetProperty("count").GetInt64());
        Assert.Equal(items.Count(i => i.Str("outlet") == "Harbour Times"), outlets["Harbour Times"]);
        Assert.Equal(items.Count(i => i.Str("outlet") == "Coast Daily"), outlets["Coast Daily"]);
        foreach (string facet in new[] { "speaker", "kind", "sourceType" })
            Assert.NotEmpty(facets.GetProperty(facet).EnumerateArray());
        Assert.Equal(items.Count, facets.GetProperty("sourceType").EnumerateArray().Sum(f => f.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task Full_text_query_finds_the_quote_in_both_outlets()
    {
        // The headline and the reported promise also mention the reopening; the quote itself is direct in both outlets.
        var page = await Client.Json("/api/statements?q=reopen%20harbour&kind=direct");
        var items = page.Items();
        Assert.Equal(2, items.Count);
        Assert.Equal(["coast-7", "harbour-1"], items.Select(i => i.Str("articleId")!).Order().ToArray());
        Assert.All(items, i => Assert.Contains("Berg", i.Str("speaker")));
        Assert.Equal(2, page.GetProperty("facets").GetProperty("outlet").GetArrayLength());
    }

    [Fact]
    public async Task Filters_by_outlet_speaker_and_dates()
    {
        var coast = (await Client.Json("/api/statements?outlet=coast%20daily")).Items();
        Assert.NotEmpty(coast);
        Assert.All(coast, i => Assert.Equal("Coast Daily", i.Str("outlet")));

        var berg = (await Client.Json("/api/statements?speaker=Anna%20Berg")).Items();
        Assert.Equal(2, berg.Count);
        Assert.All(berg, i => Assert.Contains("Berg", i.Str("speaker")));

        var march = (await Client.Json("/api/statements?from=2024-03-01&to=2024-03-31")).Items();
        Assert.NotEmpty(march);
        Assert.All(march, i => Assert.Equal("harbour-1", i.Str("articleId")));

        // "to" is inclusive of the whole day.
        var toDay = (await Client.Json("/api/statements?to=2024-03-04")).Items();
        Assert.Equal(march.Count, toDay.Count);
        var later = (await Client.Json("/api/statements?from=2024-04-01T00:00:00Z")).Items();
        Assert.DoesNotContain(later, i => i.Str("articleId") == "harbour-1");
    }

    [Fact]
    public async Task Pages_through_the_results()
    {
        var all = (await Client.Json("/api/statements?pageSize=100")).Items().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.True(all.Count >= 3);
        var first = await Client.Json("/api/statements?pageSize=2&page=1");
        var second = await Client.Json("/api/statements?pageSize=2&page=2");
        Assert.Equal(all.Count, second.GetProperty("total").GetInt64());
        var paged = first.Items().Concat(second.Items()).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(all.Take(4), paged);
        var beyond = await Client.Json("/api/statements?pageSize=2&page=999");
        Assert.Empty(beyond.Items());
    }

    [Theory]
    [InlineData("from=2024-13-45", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("kind=shouted", "kind")]
    [InlineData("sourceType=alien", "sourceType")]
    public async Task Refuses_bad_arguments_with_problem_details(string query, string argument)
    {
        var problem = await Client.GetAsync("/api/statements?" + query).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(argument, out _), problem.ToString());
    }

    [Fact]
    public async Task Refuses_an_overlong_query()
    {
        await Client.GetAsync("/api/statements?q=" + new string('a', 501)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_query_without_words_matches_nothing()
    {
        var page = await Client.Json("/api/statements?q=%22%22%20%2A");
        Assert.Empty(page.Items());
        Assert.Equal(0, page.GetProperty("total").GetInt64());
    }
}
