namespace Parley.Web.BrowserTests;

/// <summary>The article view: highlights from offsets, details panel, profile.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ArticlePageTests(WebAppFixture app) : PageTest(app)
{
    [Fact]
    public async Task Source_cue_and_content_are_highlighted_in_distinct_colours_over_the_exact_text()
    {
        var api = await ApiAsync($"/api/articles/{TestArticles.Ledger}");
        string text = api.GetProperty("article").GetProperty("text").GetString()!;

        await OpenAsync($"article.html?id={TestArticles.Ledger}");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        Assert.Equal("Finance Minister Rules Out Fuel Tax Rise", await Page.Locator("h1").TextContentAsync());

        // Cutting the text into segments loses and duplicates nothing.
        Assert.Equal(text, await Page.Locator(".annotated").TextContentAsync());

        // Holm's statement: source "Holm", cue "told", content the quote with its marks; channel "reporters".
        var sources = await TextsAsync(".annotated .hl-source[data-statement=s1]");
        Assert.Equal("Holm", string.Concat(sources));
        Assert.Equal("told", string.Concat(await TextsAsync(".annotated .hl-cue[data-statement=s1]")));
        Assert.Equal("“We will not raise taxes on fuel this year, whatever the deficit looks like,”",
            string.Concat(await TextsAsync(".annotated .hl-content[data-statement=s1]")));
        Assert.Equal("reporters", string.Concat(await TextsAsync(".annotated .hl-channel[data-statement=s1]")));

        // Three different background colours.
        string Background(string cls) => $"getComputedStyle(document.querySelector('.annotated .{cls}')).backgroundColor";
        string source = await Page.EvaluateAsync<string>(Background("hl-source"));
        string cue = await Page.EvaluateAsync<string>(Background("hl-cue"));
        string content = await Page.EvaluateAsync<string>(Background("hl-content"));
        Assert.Equal(3, new[] { source, cue, content }.Distinct().Count());
        Assert.DoesNotContain("rgba(0, 0, 0, 0)", new[] { source, cue, content });

        // Entity mentions are underlined; the anonymous source and the unattributed/hedged sentences are marked.
        Assert.Contains("Maria Holm", await TextsAsync(".annotated .hl-mention"));
        Assert.Equal("underline", await Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.annotated .hl-mention')).textDecorationLine"));
        Assert.True(await Page.Locator(".annotated .claim-hedged").CountAsync() > 0);
        Assert.Contains("may", await TextsAsync(".annotated .hl-hedge"));
        // The legend names every layer.
        foreach (string layer in new[] { "source", "cue", "content", "entity mention", "unattributed assertion" })
            Assert.Contains(await TextsAsync(".legend li"), l => l.Contains(layer, StringComparison.Ordinal));

        // Clicking the source shows the resolved speaker and the channel.
        await Page.Locator(".annotated .hl-source[data-statement=s1]").First.ClickAsync();
        var panel = Page.Locator(".details");
        await panel.Locator("h3", new() { HasTextString = "Statement" }).WaitForAsync();
        string details = (await panel.TextContentAsync())!;
        Assert.Contains("Maria Holm", details);
        Assert.Contains("person", details);
        Assert.Contains("Finance Minister", details);
        Assert.Contains("reporters (press conference)", details);
        Assert.True(await Page.Locator(".annotated .is-active").CountAsync() >= 3, "the statement's parts are outlined together");
        Assert.Equal(1, await panel.Locator("a[href^='quote.html?id=']").CountAsync());

        // The statement list links the named speakers to their actor pages (the anonymous one has none).
        Assert.Equal(2, await Page.Locator(".statement-list a[href^='actor.html?id=']").CountAsync());
        Assert.Equal(3, await Page.Locator(".statement-list a[href^='quote.html?id=']").CountAsync());

        // The sourcing profile beside the text.
        var profile = Page.Locator(".profile");
        Assert.Contains("anonymous", await profile.TextContentAsync());
        Assert.Contains("Unattributed share", await profile.TextContentAsync());
        await ScreenshotAsync("article");
        AssertClean();
    }

    [Fact]
    public async Task The_anonymous_source_is_typed_in_the_panel()
    {
        await OpenAsync($"article.html?id={TestArticles.Ledger}");
        var anon = Page.Locator(".statement-list li", new() { HasTextString = "anonymous" });
        await anon.First.WaitForAsync();
        await anon.First.Locator("button").ClickAsync();
        var details = Page.Locator(".details");
        await details.Locator(".badge.type-anonymous").WaitForAsync();
        Assert.Contains("The ministry has a fallback plan ready", await details.TextContentAsync());
        AssertClean();
    }

    [Fact]
    public async Task Legend_entries_hide_and_show_their_layer()
    {
        await OpenAsync($"article.html?id={TestArticles.Ledger}");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        const string hedged = "getComputedStyle(document.querySelector('.annotated .claim-hedged:not(.hl-hedge)')).backgroundColor";
        const string content = "getComputedStyle(document.querySelector('.annotated .hl-content')).backgroundColor";
        string hedgedOn = await Page.EvaluateAsync<string>(hedged);
        string contentOn = await Page.EvaluateAsync<string>(content);
        Assert.NotEqual("rgba(0, 0, 0, 0)", hedgedOn);

        var toggle = Page.Locator(".legend button[data-layer=hedged]");
        await toggle.ClickAsync();
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Equal("rgba(0, 0, 0, 0)", await Page.EvaluateAsync<string>(hedged));
        Assert.Equal(contentOn, await Page.EvaluateAsync<string>(content)); // other layers untouched

        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Equal(hedgedOn, await Page.EvaluateAsync<string>(hedged));
        AssertClean();
    }

    [Fact]
    public async Task A_statement_can_be_selected_with_the_keyboard()
    {
        await OpenAsync($"article.html?id={TestArticles.Ledger}");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        // The first part of each statement is in the tab order, after the legend toggles.
        var focusable = Page.Locator(".annotated [tabindex='0']");
        Assert.Equal(3, await focusable.CountAsync());
        await focusable.First.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.Locator(".details h3", new() { HasTextString = "Statement" }).WaitForAsync();
        Assert.Contains("Maria Holm", await Page.Locator(".details").TextContentAsync());
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Page.Locator(".details .badge.type-anonymous").WaitForAsync();
        AssertClean();
    }

    [Fact]
    public async Task The_article_view_fits_a_phone_screen()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync($"article.html?id={TestArticles.Ledger}");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        // One column: the profile below the text, and nothing wider than the screen.
        var text = await Page.Locator(".annotated").BoundingBoxAsync();
        var side = await Page.Locator("#doc-side").BoundingBoxAsync();
        Assert.True(side!.Y >= text!.Y + text.Height, "the side panel goes below the text");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scrolling");
        await ScreenshotAsync("article-phone");

        // Tapping a statement opens the details as a sheet at the bottom of the screen; × closes it.
        await Page.Locator(".annotated .hl-source[data-statement=s1]").First.ClickAsync();
        var sheet = Page.Locator(".sticky.open");
        await sheet.WaitForAsync();
        var box = await sheet.BoundingBoxAsync();
        Assert.True(box!.Y + box.Height <= 844.5 && box.Y > 300, $"sheet at y={box.Y}, height {box.Height}");
        Assert.Contains("Maria Holm", await sheet.TextContentAsync());
        await Page.ScreenshotAsync(new() { Path = Path.Combine(App.ScreenshotDir, "article-phone-details.png") });
        await sheet.Locator("button.sheet-close").ClickAsync();
        Assert.Equal(0, await Page.Locator(".sticky.open").CountAsync());
        AssertClean();
    }

    [Fact]
    public async Task An_unknown_article_shows_a_readable_error()
    {
        await OpenAsync("article.html?id=no-such-article");
        var error = Page.Locator(".error");
        await error.WaitForAsync();
        Assert.Contains("404", await error.TextContentAsync());
        Assert.Empty(Dialogs);
    }
}
