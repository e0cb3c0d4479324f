using System.Text.Json;

namespace Parley.Web.BrowserTests;

/// <summary>The highlighter module (js/annotate.js) run in Chromium on hand-made documents with overlapping spans.</summary>
[Collection(WebAppCollection.Name)]
public sealed class HighlighterTests(WebAppFixture app) : PageTest(app)
{
    [Fact]
    public async Task Overlapping_spans_become_flat_segments_covering_the_text_once()
    {
        await OpenAsync("analyze.html");
        string json = await Page.EvaluateAsync<string>("""
            async () => {
              const { buildSegments } = await import('/js/annotate.js');
              const spans = [{ start: 0, end: 6, kind: 'a' }, { start: 3, end: 10, kind: 'b' }, { start: 4, end: 5, kind: 'c' }, { start: 4, end: 5, kind: 'd' }];
              return JSON.stringify(buildSegments(12, spans).map(s => [s.start, s.end, s.spans.map(x => x.kind).sort().join('')]));
            }
            """);
        Assert.Equal("""[[0,3,"a"],[3,4,"ab"],[4,5,"abcd"],[5,6,"ab"],[6,10,"b"],[10,12,""]]""", json);
        AssertClean();
    }

    [Fact]
    public async Task The_text_of_an_analysis_is_rebuilt_exactly_from_its_spans()
    {
        // What the analyze page does when the server sends no text (analysis of HTML): every article here has
        // paragraphs separated by blank lines, so the rebuilt text must equal the stored one.
        await OpenAsync("analyze.html");
        foreach (string id in new[] { TestArticles.Ledger, TestArticles.Herald, TestArticles.Hostile })
        {
            var api = await ApiAsync($"/api/articles/{id}");
            string text = api.GetProperty("article").GetProperty("text").GetString()!;
            string rebuilt = await Page.EvaluateAsync<string>("""
                async (doc) => (await import('/js/annotate.js')).reconstructText(JSON.parse(doc))
                """, api.GetProperty("document").GetRawText());
            Assert.Equal(text, rebuilt);
        }
        AssertClean();
    }

    [Fact]
    public async Task A_statement_inside_an_unattributed_sentence_with_a_mention_inside_its_source_renders_every_layer()
    {
        // UTF-16 offsets: the emoji before the quote takes two code units, as in C# and JS strings.
        const string text = "Oil 😀 rose. “Prices will fall,” said Energy Minister Ana Ruiz, the official said.";
        int Index(string s) => text.IndexOf(s, StringComparison.Ordinal);
        object Span(string s) => new { start = Index(s), end = Index(s) + s.Length, text = s };
        var doc = new
        {
            document = new { length = text.Length, language = "en" },
            mentions = new[] { new { id = "m1", start = Index("Ana Ruiz"), end = Index("Ana Ruiz") + 8, text = "Ana Ruiz", kind = "name", type = "PERSON", entity = "e1", role = (object?)null } },
            entities = new[] { new { id = "e1", name = "Ana Ruiz", type = "PERSON", named = true, aliases = Array.Empty<string>(), roles = new[] { "Energy Minister" } } },
            statements = new[]
            {
                new
                {
                    id = "s1", kind = "direct", cue = Span("said"), source = Span("Energy Minister Ana Ruiz"),
                    content = new[] { Span("“Prices will fall,”") },
                    speaker = new { name = "Ana Ruiz", type = "person", entity = "e1", role = "Energy Minister", affiliation = (string?)null },
                    channel = (object?)null, confidence = 0.9,
                },
            },
            claims = new[] { new { sentence = 0, start = 0, end = text.Length, text, label = "unattributed", statements = Array.Empty<string>(), hedges = Array.Empty<object>(), loaded = Array.Empty<object>() } },
            profile = new { statements = 1 },
        };
        await OpenAsync("analyze.html");
        await Page.EvaluateAsync("""
            async ([text, doc]) => {
              const { mountDocument } = await import('/js/annotate.js');
              const box = document.getElementById('analysis');
              box.hidden = false;
              mountDocument(document.getElementById('doc-main'), document.getElementById('doc-side'), text, JSON.parse(doc));
            }
            """, new object[] { text, JsonSerializer.Serialize(doc) });

        Assert.Equal(text, await Page.Locator(".annotated").TextContentAsync());
        Assert.Equal("Energy Minister Ana Ruiz", string.Concat(await TextsAsync(".annotated .hl-source")));
        Assert.Equal("Ana Ruiz", string.Concat(await TextsAsync(".annotated .hl-source.hl-mention")));
        Assert.Equal("said", string.Concat(await TextsAsync(".annotated .hl-cue")));
        Assert.Equal("“Prices will fall,”", string.Concat(await TextsAsync(".annotated .hl-content")));
        // The whole sentence is marked unattributed, the statement parts inside it too; the emoji is intact.
        Assert.Equal(text, string.Concat(await TextsAsync(".annotated .claim-unattributed")));
        Assert.Equal("Oil 😀 rose. ", await Page.Locator(".annotated span").First.TextContentAsync());
        // The statement's colours win over the sentence's.
        string content = await Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.annotated .hl-content')).backgroundColor");
        string claim = await Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.annotated span')).backgroundColor");
        Assert.NotEqual(claim, content);
        AssertClean();
    }
}
