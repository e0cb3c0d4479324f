namespace Parley.Web.BrowserTests;

/// <summary>Article text and metadata carrying markup and script are shown as text: nothing runs, nothing is injected.</summary>
[Collection(WebAppCollection.Name)]
public sealed class HostileTextTests(WebAppFixture app) : PageTest(app)
{
    /// <summary>Elements or attributes that would only exist if article text had been parsed as HTML.</summary>
    private const string InjectedCount = """
        () => document.querySelectorAll('main img, main script, main b, main i, main a[href^="javascript:"], [onerror], [onmouseover]').length
        """;

    [Fact]
    public async Task The_article_view_keeps_script_and_markup_inert()
    {
        await OpenAsync($"article.html?id={TestArticles.Hostile}");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        Assert.Equal(TestArticles.HostileTitle, await Page.Locator("h1").TextContentAsync());
        string text = (await Page.Locator(".annotated").TextContentAsync())!;
        Assert.Contains("<img src=x onerror=alert(2)>", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(3)</script>", string.Concat(await TextsAsync(".annotated .hl-content")), StringComparison.Ordinal);
        Assert.Contains("Test <i>Wire</i>", await Page.Locator(".article-meta").TextContentAsync());
        Assert.Equal(0, await Page.EvaluateAsync<int>(InjectedCount));

        // Hover and click every statement part: still nothing fires.
        foreach (var part in await Page.Locator(".annotated [data-statement]").AllAsync())
        {
            await part.HoverAsync();
            await part.ClickAsync();
        }
        Assert.Contains("<b onmouseover=alert(4)>", await Page.Locator(".details").TextContentAsync());
        Assert.Equal(0, await Page.EvaluateAsync<int>(InjectedCount));
        await ScreenshotAsync("hostile-article");
        AssertClean();
    }

    [Fact]
    public async Task Search_results_keep_script_and_markup_inert()
    {
        await OpenAsync("index.html?q=script");
        await Page.Locator("li.result").First.WaitForAsync();
        Assert.Contains(await TextsAsync("li.result .result-meta a"), t => t == TestArticles.HostileTitle);
        Assert.Contains(await TextsAsync(".facet a"), t => t.Contains("Test <i>Wire</i>", StringComparison.Ordinal));
        Assert.Equal(0, await Page.EvaluateAsync<int>(InjectedCount));
        await Page.Locator(".facet a", new() { HasTextString = "Test <i>Wire</i>" }).ClickAsync();
        await Page.WaitForURLAsync(u => u.Contains("outlet=", StringComparison.Ordinal));
        await Page.Locator("li.result").First.WaitForAsync();
        Assert.Equal(0, await Page.EvaluateAsync<int>(InjectedCount));
        AssertClean();
    }

    [Fact]
    public async Task The_server_sends_a_content_security_policy_without_inline_script()
    {
        var response = await OpenAsync("index.html");
        Assert.NotNull(response);
        string csp = (await response!.HeaderValueAsync("content-security-policy"))!;
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        // The pages carry no inline scripts or handlers (they would be blocked, and logged as errors).
        foreach (string page in new[] { "index.html", "article.html", "actor.html", "quote.html", "analyze.html" })
        {
            string html = await App.Http.GetStringAsync(page);
            Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", html);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        }
        AssertClean();
    }
}
