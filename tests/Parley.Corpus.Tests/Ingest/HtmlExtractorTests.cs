using System.Net;
using Parley.Corpus.Ingest;

namespace Parley.Corpus.Tests.Ingest;

public sealed class HtmlExtractorTests
{
    internal const string Page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Port strike enters second week – The Coastal Ledger</title>
          <meta property="og:title" content="Port strike enters second week">
          <meta property="og:site_name" content="The Coastal Ledger">
          <meta name="author" content="Maria Lindqvist">
          <link rel="canonical" href="https://ledger.example/news/port-strike">
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-11T08:30:00+01:00","publisher":{"@type":"Organization","name":"Coastal Ledger Group"}}</script>
          <style>body { font-family: serif; }</style>
          <script>window.dataLayer = [{"page": "article"}]; function track() { return "said the tracker"; }</script>
        </head>
        <body>
          <div id="top-nav" class="nav menu"><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></div>
          <header class="site-header"><a class="logo" href="/">The Coastal Ledger</a><form><input name="q"><button>Search</button></form></header>
          <div class="ad-container"><p>ADVERTISEMENT: Ferry tickets half price this weekend only, book now!</p></div>
          <main>
            <article class="story">
              <h1>Port strike enters second week</h1>
              <p class="byline">By Maria Lindqvist</p>
              <p>Dock workers at the eastern terminal stayed out for an eighth day on Monday, and the union&#8217;s
              leader said the walkout would continue &ldquo;until the company puts a real offer on the table&rdquo;.</p>
              <p>The operator said in a statement that it had &quot;made a fair and final offer&quot; &amp; urged staff to return.</p>
              <aside class="related"><h3>Related</h3><p>Ferry timetable changes announced for the spring season</p></aside>
              <p>Shipping agents estimate that forty vessels are waiting outside the harbour.</p>
              <div class="share-bar"><a>Share on social media</a><a>Email this article</a></div>
            </article>
          </main>
          <section id="comments" class="comments">
            <h2>Comments</h2>
            <div class="comment"><p>This strike is a disgrace, someone should sack the lot of them today.</p></div>
          </section>
          <footer class="site-footer"><p>© 2025 The Coastal Ledger. All rights reserved. Privacy policy and cookie settings.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void KeepsTheArticleAndDropsNavigationAdsCommentsAndScripts()
    {
        var result = HtmlExtractor.Extract(Page);
        Assert.StartsWith("Port strike enters second week\n\n", result.Text);
        Assert.Contains("stayed out for an eighth day on Monday", result.Text);
        Assert.Contains("“until the company puts a real offer on the table”", result.Text);
        Assert.Contains("\"made a fair and final offer\" & urged", result.Text);
        Assert.Contains("forty vessels", result.Text);
        foreach (string junk in new[] { "Home", "Sport", "ADVERTISEMENT", "Ferry", "disgrace", "All rights reserved", "Share on", "tracker", "font-family", "Search" })
            Assert.DoesNotContain(junk, result.Text);
    }

    [Fact]
    public void ReadsMetadata()
    {
        var result = HtmlExtractor.Extract(Page);
        Assert.Equal("Port strike enters second week", result.Title);
        Assert.Equal("The Coastal Ledger", result.SiteName);
        Assert.Equal("Maria Lindqvist", result.Byline);
        Assert.Equal("https://ledger.example/news/port-strike", result.CanonicalUrl);
        Assert.Equal("en-GB", result.Language);
        Assert.Equal(new DateTimeOffset(2025, 2, 11, 7, 30, 0, TimeSpan.Zero), result.Published);
    }

    [Fact]
    public void EveryCharacterMapsBackToTheHtml()
    {
        var result = HtmlExtractor.Extract(Page);
        int checkedChars = 0;
        for (int i = 0; i < result.Text.Length; i++)
        {
            char c = result.Text[i];
            if (char.IsWhiteSpace(c)) continue;
            int source = result.Map.ToSource(i);
            Assert.InRange(source, 0, Page.Length - 1);
            if (Page[source] == '&')
            {
                int end = Page.IndexOf(';', source);
                Assert.Contains(c, WebUtility.HtmlDecode(Page[source..(end + 1)]));
            }
            else
            {
                Assert.Equal(c, Page[source]);
            }
            checkedChars++;
        }
        Assert.True(checkedChars > 200);
        // The map is compact: far fewer anchors than characters.
        Assert.True(result.Map.Count < result.Text.Length / 4, $"{result.Map.Count} anchors for {result.Text.Length} chars");
    }

    [Fact]
    public void OffsetMapSurvivesSerialisation()
    {
        var map = HtmlExtractor.Extract(Page).Map;
        var copy = OffsetMap.FromBytes(map.ToBytes());
        for (int i = 0; i < 400; i++) Assert.Equal(map.ToSource(i), copy.ToSource(i));
    }

    [Fact]
    public void PageWithoutArticleElementUsesTheDensestParagraphBlock()
    {
        const string html = """
            <html><body><div class="menu"><a>Home</a><a>Politics</a></div>
            <div class="column"><p>The council voted on Thursday to close the library, a decision residents have fought for a year.</p>
            <p>"We will appeal," said Ann Okafor, who chairs the residents' association, adding that the vote was rushed.</p></div>
            <div class="footer"><p>Contact us at the front desk during opening hours for any enquiries.</p></div></body></html>
            """;
        var result = HtmlExtractor.Extract(html);
        Assert.Contains("The council voted", result.Text);
        Assert.Contains("\"We will appeal,\" said Ann Okafor", result.Text);
        Assert.DoesNotContain("Contact us", result.Text);
        Assert.DoesNotContain("Politics", result.Text);
    }

    [Fact]
    public void MalformedHtmlDoesNotThrow()
    {
        var result = HtmlExtractor.Extract("<html><body><p>Unclosed <b>bold <i>text</p><p>Second &amp paragraph<div></body>");
        Assert.Contains("Unclosed bold text", result.Text);
    }
}
