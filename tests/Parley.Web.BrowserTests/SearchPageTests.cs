namespace Parley.Web.BrowserTests;

/// <summary>The search page: query, results, facets, paging state in the URL.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SearchPageTests(WebAppFixture app) : PageTest(app)
{
    [Fact]
    public async Task Search_shows_results_with_links_and_facets_and_the_back_button_restores_it()
    {
        await OpenAsync("/");
        // With no query the page lists the newest statements.
        await Page.Locator(".result").First.WaitForAsync();

        await Page.FillAsync("#q", "fuel");
        await Page.ClickAsync("form#search button[type=submit]");
        await Page.WaitForURLAsync("**/index.html?q=fuel");
        await Page.Locator(".result-count", new() { HasTextString = "of 2 statements" }).WaitForAsync();
        var results = Page.Locator("ol.results > li.result");
        Assert.Equal(2, await results.CountAsync());
        var speakers = await TextsAsync("li.result a.speaker");
        Assert.All(speakers, s => Assert.Equal("Maria Holm", s));
        // Each result links to its article and its quote page; the speaker links to the actor page.
        var articleLinks = await Page.Locator("li.result .result-meta a[href^='article.html?id=']").EvaluateAllAsync<string[]>("a => a.map(x => x.getAttribute('href'))");
        Assert.Contains($"article.html?id={TestArticles.Ledger}#s1", articleLinks);
        Assert.Contains($"article.html?id={TestArticles.Herald}#s1", articleLinks);
        Assert.Equal(2, await Page.Locator("li.result a[href^='quote.html?id=']").CountAsync());
        Assert.Equal(2, await Page.Locator("li.result a.speaker[href^='actor.html?id=']").CountAsync());
        // The channel is named ("told reporters").
        Assert.Contains(await TextsAsync("li.result .result-head"), t => t.Contains("via reporters (press conference)", StringComparison.Ordinal));
        // The match is marked in the snippet.
        Assert.Contains("fuel", (await TextsAsync("li.result mark")).Select(t => t.ToLowerInvariant()));

        // Facets: clicking an outlet narrows to one result and goes into the URL.
        var outletFacet = Page.Locator(".facet a", new() { HasTextString = "Northern Herald" });
        Assert.Contains("1", await outletFacet.Locator(".count").TextContentAsync());
        await ScreenshotAsync("search");
        await outletFacet.ClickAsync();
        await Page.WaitForURLAsync(u => u.Contains("outlet=Northern+Herald", StringComparison.Ordinal));
        await Page.Locator(".result-count", new() { HasTextString = "of 1 statement" }).WaitForAsync();
        Assert.Equal("Northern Herald", await Page.InputValueAsync("input[name=outlet]"));

        // Back: the two results again, and the outlet field empty.
        await Page.GoBackAsync();
        await Page.Locator(".result-count", new() { HasTextString = "of 2 statements" }).WaitForAsync();
        Assert.Equal("", await Page.InputValueAsync("input[name=outlet]"));
        Assert.Equal("fuel", await Page.InputValueAsync("#q"));

        // A result opens its article with the statement selected.
        await Page.Locator("li.result", new() { HasTextString = "The Ledger" }).Locator(".result-meta a[href^='article.html']").ClickAsync();
        await Page.Locator(".annotated .is-active").First.WaitForAsync();
        Assert.Equal("“We will not raise taxes on fuel this year, whatever the deficit looks like,”",
            string.Concat(await TextsAsync(".annotated .hl-content.is-active")));
        Assert.Contains("Maria Holm", await Page.Locator(".details").TextContentAsync());
        AssertClean();
    }

    [Fact]
    public async Task Pages_through_results_with_the_page_in_the_url()
    {
        long total = (await ApiAsync("/api/statements?pageSize=1")).GetProperty("total").GetInt64();
        Assert.True(total >= 5, $"the test corpus has {total} statements");
        await OpenAsync("index.html?pageSize=2");
        await Page.Locator(".pager .page-of", new() { HasTextString = $"Page 1 of {(total + 1) / 2}" }).WaitForAsync();
        var firstPage = await TextsAsync("li.result blockquote");
        Assert.Equal(2, firstPage.Count);

        await Page.ClickAsync(".pager a[rel=next]");
        await Page.WaitForURLAsync(u => u.Contains("page=2", StringComparison.Ordinal));
        await Page.Locator(".pager .page-of", new() { HasTextString = "Page 2 of" }).WaitForAsync();
        var secondPage = await TextsAsync("li.result blockquote");
        Assert.Equal(2, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.Equal("3", await Page.Locator("ol.results").GetAttributeAsync("start"));

        await Page.GoBackAsync();
        await Page.Locator(".pager .page-of", new() { HasTextString = "Page 1 of" }).WaitForAsync();
        Assert.Equal(firstPage, await TextsAsync("li.result blockquote"));
        AssertClean();
    }

    [Fact]
    public async Task Filters_by_speaker_type_and_reports_no_match()
    {
        await OpenAsync("index.html?sourceType=organization&q=fuel");
        await Page.Locator(".result-count", new() { HasTextString = "No statements match" }).WaitForAsync();
        Assert.Equal(0, await Page.Locator("li.result").CountAsync());
        Assert.Equal("organization", await Page.InputValueAsync("select[name=sourceType]"));
        AssertClean();
    }

    [Fact]
    public async Task A_refused_query_shows_the_problem_details()
    {
        await OpenAsync("index.html?from=not-a-date");
        var error = Page.Locator("#results .error");
        await error.WaitForAsync();
        string shown = (await error.TextContentAsync())!;
        Assert.Contains("400", shown);
        Assert.Contains("'not-a-date' is not a date", shown); // the refused argument, from the problem's errors
        Assert.Empty(Dialogs);
    }
}
