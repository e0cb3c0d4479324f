namespace Parley.Web.BrowserTests;

/// <summary>The analyze page: paste, POST, see it annotated with the article highlighter.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AnalyzePageTests(WebAppFixture app) : PageTest(app)
{
    private const string Pasted = """
        Harbour Talks Stall

        Dock workers voted on Monday to extend their strike.

        “We did not choose this fight,” said Ines Kovač, the general secretary of the dockers’ union.

        The strike is expected to cost the region millions.
        """;

    [Fact]
    public async Task Pasted_text_is_annotated()
    {
        await OpenAsync("analyze.html");
        await Page.FillAsync("#input", Pasted);
        await Page.ClickAsync("#analyze button[type=submit]");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();

        Assert.Equal(Pasted, await Page.Locator(".annotated").TextContentAsync());
        Assert.StartsWith("Ines Kovač", string.Concat(await TextsAsync(".annotated .hl-source")), StringComparison.Ordinal);
        Assert.Equal("said", string.Concat(await TextsAsync(".annotated .hl-cue")));
        Assert.Equal("“We did not choose this fight,”", string.Concat(await TextsAsync(".annotated .hl-content")));
        Assert.Contains("1 statement", await Page.Locator("#analyze-status").TextContentAsync());
        Assert.True(await Page.Locator(".annotated .claim-hedged").CountAsync() > 0);
        await ScreenshotAsync("analyze");
        AssertClean();
    }

    [Fact]
    public async Task Pasted_html_is_extracted_and_its_scripts_stay_inert()
    {
        const string html = """
            <html><head><title>T</title><script>alert('head')</script></head><body><article>
            <h1>Harbour Talks Stall</h1>
            <p>“We did not choose this fight,” said Ines Kovač, the general secretary of the dockers’ union.</p>
            <p>The council said it would <img src=x onerror="alert('img')"> study &lt;script&gt;alert(9)&lt;/script&gt; the plan.</p>
            </article></body></html>
            """;
        await OpenAsync("analyze.html");
        await Page.CheckAsync("input[name=format][value=html]");
        await Page.FillAsync("#input", html);
        await Page.ClickAsync("#analyze button[type=submit]");
        await Page.Locator(".annotated .hl-source").First.WaitForAsync();
        string shown = (await Page.Locator(".annotated").TextContentAsync())!;
        Assert.StartsWith("Harbour Talks Stall", shown, StringComparison.Ordinal);
        Assert.Contains("<script>alert(9)</script>", shown, StringComparison.Ordinal); // the encoded text, shown as text
        Assert.Equal(0, await Page.Locator("#analysis img, #analysis script").CountAsync());
        Assert.Equal("Ines Kovač", string.Concat(await TextsAsync(".annotated .hl-source")).Split(',')[0]);
        await ScreenshotAsync("analyze-html");
        AssertClean();
    }

    [Fact]
    public async Task An_empty_paste_is_not_sent()
    {
        await OpenAsync("analyze.html");
        await Page.ClickAsync("#analyze button[type=submit]");
        Assert.Contains("Paste some text", await Page.Locator("#analyze-status").TextContentAsync());
        Assert.True(await Page.Locator("#analysis").IsHiddenAsync());
        AssertClean();
    }
}
