using System.Text.Json;
using Microsoft.Playwright;

namespace Parley.Web.BrowserTests;

/// <summary>
/// A fresh browser context and page per test. Every dialog (alert, confirm, prompt), every script error and every
/// console error (a Content-Security-Policy violation is one) is recorded, and <see cref="AssertCleanAsync"/> fails on any.
/// </summary>
public abstract class PageTest(WebAppFixture app) : IAsyncLifetime
{
    /// <summary>The shared application and browser.</summary>
    protected WebAppFixture App { get; } = app;

    /// <summary>This test's page.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <summary>Messages of dialogs that opened (each one is a failure: no page opens dialogs).</summary>
    protected List<string> Dialogs { get; } = [];

    /// <summary>Script errors and console errors.</summary>
    protected List<string> Errors { get; } = [];

    private IBrowserContext? _context;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _context = await App.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _context.SetDefaultTimeout(30_000); // generous for a loaded CI machine; waits end as soon as the page is ready
        Page = await _context.NewPageAsync();
        Page.Dialog += async (_, dialog) => { Dialogs.Add($"{dialog.Type}: {dialog.Message}"); await dialog.DismissAsync(); };
        Page.PageError += (_, error) => Errors.Add($"page error: {error}");
        Page.Console += (_, message) => { if (message.Type == "error") Errors.Add($"console: {message.Text}"); };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
    }

    /// <summary>Opens a page of the application ("article.html?id=x").</summary>
    protected Task<IResponse?> OpenAsync(string path) => Page.GotoAsync($"{App.BaseUrl}/{path.TrimStart('/')}");

    /// <summary>Saves a full-page screenshot as NAME.png in the screenshot folder.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        string path = Path.Combine(App.ScreenshotDir, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"empty screenshot {path}");
    }

    /// <summary>No dialog opened and no script or console error happened.</summary>
    protected void AssertClean()
    {
        Assert.True(Dialogs.Count == 0, "dialogs opened: " + string.Join(" | ", Dialogs));
        Assert.True(Errors.Count == 0, "errors: " + string.Join(" | ", Errors));
    }

    /// <summary>GETs an API resource as JSON (to find the ids pages are opened with).</summary>
    protected async Task<JsonElement> ApiAsync(string path)
    {
        using var response = await App.Http.GetAsync(path.TrimStart('/'));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The text contents of every element matching <paramref name="selector"/>.</summary>
    protected Task<IReadOnlyList<string>> TextsAsync(string selector) => Page.Locator(selector).AllTextContentsAsync();
}
