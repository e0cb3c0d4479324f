using Parley.Corpus.Ingest;

namespace Parley.Corpus.Tests.Ingest;

public sealed class FeedReaderTests
{
    internal const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Valley Courier</title>
            <link>https://courier.example</link>
            <language>en-us</language>
            <item>
              <title>Reservoir levels fall to record low</title>
              <link>https://courier.example/reservoir</link>
              <guid>courier-1001</guid>
              <pubDate>Tue, 04 Mar 2025 09:15:00 +0000</pubDate>
              <dc:creator>Sam Ortiz</dc:creator>
              <description>Short summary that should not win over the full content.</description>
              <content:encoded><![CDATA[<p>Water levels at the Miller reservoir fell to 31 percent this week.</p><p>"We are asking everyone to cut use by a fifth," said Dana Whitfield, the utility's director.</p>]]></content:encoded>
            </item>
            <item>
              <title>Bridge repairs finish early</title>
              <link>https://courier.example/bridge</link>
              <pubDate>Wed, 05 Mar 2025 14:00:00 EST</pubDate>
              <description>Crews finished repairs on the Elm Street bridge two weeks ahead of schedule, the city said.</description>
            </item>
            <item>
              <title>Empty item</title>
              <link>https://courier.example/empty</link>
            </item>
          </channel>
        </rss>
        """;

    internal const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Northern Wire</title>
          <id>urn:northern-wire</id>
          <updated>2025-03-06T10:00:00Z</updated>
          <entry>
            <title>Rail union announces ballot</title>
            <id>urn:northern-wire:77</id>
            <link rel="alternate" href="https://wire.example/77"/>
            <published>2025-03-06T09:00:00Z</published>
            <author><name>Lee Park</name></author>
            <content type="html">&lt;p&gt;The rail union will ballot members on strike action, its general secretary said on Thursday.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Ferry service resumes</title>
            <id>urn:northern-wire:78</id>
            <link href="https://wire.example/78"/>
            <updated>2025-03-06T11:30:00+02:00</updated>
            <summary type="text">Ferry crossings resumed after storms closed the strait for two days.</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void RssItemsBecomeArticles()
    {
        var items = FeedReader.Read(Rss, "courier.xml").ToList();
        Assert.Equal(3, items.Count);
        var first = items[0].Article!;
        Assert.Equal("Reservoir levels fall to record low", first.Title);
        Assert.Equal("https://courier.example/reservoir", first.Url);
        Assert.Equal("courier-1001", first.Id);
        Assert.Equal("Valley Courier", first.Outlet);
        Assert.Equal("Sam Ortiz", first.Byline);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 9, 15, 0, TimeSpan.Zero), first.Published);
        Assert.Contains("cut use by a fifth", first.Text);
        Assert.DoesNotContain("Short summary", first.Text);
        Assert.NotNull(first.HtmlMap);

        var second = items[1].Article!;
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 19, 0, 0, TimeSpan.Zero), second.Published);
        Assert.StartsWith("Bridge repairs finish early\n\nCrews finished", second.Text);

        Assert.Null(items[2].Article);
        Assert.Contains("no content", items[2].Failure!.Reason);
    }

    [Fact]
    public void AtomEntriesBecomeArticles()
    {
        var items = FeedReader.Read(Atom, "wire.atom").ToList();
        Assert.Equal(2, items.Count);
        var first = items[0].Article!;
        Assert.Equal("https://wire.example/77", first.Url);
        Assert.Equal("Northern Wire", first.Outlet);
        Assert.Equal("Lee Park", first.Byline);
        Assert.Equal("en", first.Language);
        Assert.Contains("ballot members on strike action", first.Text);
        Assert.DoesNotContain("<p>", first.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 9, 30, 0, TimeSpan.Zero), items[1].Article!.Published);
    }

    [Fact]
    public void MalformedFeedIsOneFailure()
    {
        var items = FeedReader.Read("<rss><channel><item><title>Broken</channel></rss>", "bad.xml").ToList();
        var failure = Assert.Single(items).Failure!;
        Assert.StartsWith("malformed feed", failure.Reason);
    }

    [Fact]
    public void OtherXmlIsRefused()
    {
        var failure = Assert.Single(FeedReader.Read("<catalog><book/></catalog>", "books.xml")).Failure!;
        Assert.Contains("not an RSS or Atom feed", failure.Reason);
    }
}
