using System.Net;

namespace Parley.Web.Tests;

public sealed class ActorsApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    [Fact]
    public async Task Lists_actors_with_counts_most_statements_first()
    {
        var page = await Client.Json("/api/actors");
        var items = page.Items();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt64());
        var berg = Assert.Single(items, i => i.Str("name")!.Contains("Berg"));
        Assert.Equal(2, berg.GetProperty("statements").GetInt64());
        Assert.Equal(2, berg.GetProperty("articles").GetInt64());
        Assert.Equal("person", berg.Str("type"));
        var counts = items.Select(i => i.GetProperty("statements").GetInt64()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task Searches_and_pages_actors()
    {
        var found = (await Client.Json("/api/actors?q=berg")).Items();
        Assert.Contains(found, i => i.Str("name")!.Contains("Anna Berg"));
        Assert.All(found, i => Assert.Contains("berg", i.Str("name")!, StringComparison.OrdinalIgnoreCase));
        var one = await Client.Json("/api/actors?pageSize=1&page=2");
        Assert.Single(one.Items());
        Assert.Empty((await Client.Json("/api/actors?q=nobody-of-that-name")).Items());
        await Client.GetAsync("/api/actors?pageSize=1000").AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Profile_has_timeline_aliases_and_top_statements()
    {
        long id = (await Client.Json("/api/actors?q=berg")).Items().First(i => i.Str("name")!.Contains("Anna Berg")).GetProperty("id").GetInt64();
        var actor = await Client.Json($"/api/actors/{id}");
        Assert.Equal(id, actor.GetProperty("id").GetInt64());
        Assert.Equal(2, actor.GetProperty("statements").GetInt64());
        var months = actor.GetProperty("perMonth").EnumerateArray().Select(m => m.Str("month")).ToList();
        Assert.Equal(["2024-03", "2024-04"], months);
        Assert.NotEmpty(actor.GetProperty("aliases").EnumerateArray());
        var top = actor.GetProperty("topStatements").EnumerateArray().ToList();
        Assert.Equal(2, top.Count);
        Assert.All(top, s => Assert.Equal(id, s.GetProperty("actorId").GetInt64()));

        // A name works too.
        var byName = await Client.Json("/api/actors/Anna%20Berg");
        Assert.Equal(id, byName.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Unknown_actor_is_a_404_problem()
    {
        await Client.GetAsync("/api/actors/987654").AssertProblem(HttpStatusCode.NotFound);
        await Client.GetAsync("/api/actors/Nobody%20Atall").AssertProblem(HttpStatusCode.NotFound);
    }
}
