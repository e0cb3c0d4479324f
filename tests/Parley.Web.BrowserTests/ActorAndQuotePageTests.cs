using System.Text.Json;

namespace Parley.Web.BrowserTests;

/// <summary>The actor page (timeline chart) and the quote page (sightings with word differences).</summary>
[Collection(WebAppCollection.Name)]
public sealed class ActorAndQuotePageTests(WebAppFixture app) : PageTest(app)
{
    private async Task<long> HolmIdAsync()
    {
        var actors = await ApiAsync("/api/actors?q=Holm");
        return actors.GetProperty("items").EnumerateArray().First(a => a.GetProperty("name").GetString() == "Maria Holm").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_actor_page_draws_statements_per_month_as_svg_bars()
    {
        long id = await HolmIdAsync();
        await OpenAsync($"actor.html?id={id}");
        var bars = Page.Locator("svg.timeline rect.bar");
        await bars.First.WaitForAsync();
        Assert.Equal("Maria Holm", (await Page.Locator("h1").TextContentAsync())!.Replace("person", "", StringComparison.Ordinal).Trim());

        // March, April and May 2026 (the Ledger's second Holm sentence is reported speech, not a quote).
        var months = await bars.EvaluateAllAsync<string[]>("b => b.map(x => x.dataset.month + '=' + x.dataset.count)");
        Assert.Equal(["2026-03=1", "2026-04=1", "2026-05=2"], months);
        // Drawn, not just present: bar heights on screen are proportional to the counts.
        var heights = await bars.EvaluateAllAsync<double[]>("b => b.map(x => x.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h > 30, $"bar drawn {h}px high"));
        Assert.Equal(heights[0], heights[1], 0.5);
        Assert.Equal(2 * heights[0], heights[2], 1.0);
        Assert.Contains("Mar 2026", await TextsAsync("svg.timeline text.month"));

        // Names, roles, top statements with links to their articles.
        Assert.Contains("Maria Holm", await TextsAsync("table.data td"));
        Assert.Contains("Finance Minister", await TextsAsync("table.data td"));
        Assert.Equal(4, await Page.Locator(".card ol.results li").CountAsync());
        Assert.Equal("index.html?speaker=Maria+Holm", await Page.Locator("a.all-statements").GetAttributeAsync("href"));
        Assert.True(await Page.Locator(".card a[href^='article.html?id=']").CountAsync() >= 3);
        await ScreenshotAsync("actor");
        AssertClean();
    }

    [Fact]
    public async Task Actor_search_lists_matches_linking_to_their_pages()
    {
        await OpenAsync("actor.html");
        await Page.FillAsync("#aq", "Holm");
        await Page.ClickAsync("#actor-search button[type=submit]");
        var link = Page.Locator("#actor table.data a", new() { HasTextString = "Maria Holm" });
        await link.WaitForAsync();
        await link.ClickAsync();
        await Page.Locator("svg.timeline").WaitForAsync();
        Assert.Contains($"actor.html?id={await HolmIdAsync()}", Page.Url);
        AssertClean();
    }

    [Fact]
    public async Task The_quote_page_shows_every_sighting_with_word_differences_and_the_first()
    {
        var search = await ApiAsync("/api/statements?q=deficit&speaker=Holm");
        long quoteId = search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quoteId"))
            .First(q => q.ValueKind == JsonValueKind.Number).GetInt64();

        await OpenAsync($"quote.html?id={quoteId}");
        var sightings = Page.Locator("li.sighting");
        await sightings.First.WaitForAsync();
        Assert.Equal(2, await sightings.CountAsync());
        // The Ledger (March) was first; the Herald (April) changed "not" into "never".
        var first = Page.Locator("li.sighting.first");
        Assert.Equal(1, await first.CountAsync());
        Assert.Contains("The Ledger", await first.TextContentAsync());
        Assert.Contains("first sighting", await first.TextContentAsync());
        var herald = Page.Locator("li.sighting", new() { HasTextString = "Northern Herald" });
        Assert.Equal(["never"], await herald.Locator("ins").AllTextContentsAsync());
        Assert.Equal(["not"], await herald.Locator("del").AllTextContentsAsync());
        Assert.Equal(0, await first.Locator("ins, del").CountAsync());
        Assert.Contains("We will not raise taxes on fuel", await Page.Locator("blockquote.canonical").TextContentAsync());
        await ScreenshotAsync("quote");
        AssertClean();
    }
}
