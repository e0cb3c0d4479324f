using System.Xml;
using System.Xml.Linq;

namespace Parley.Corpus.Ingest;

/// <summary>Reads RSS 2.0 and Atom feeds: each item becomes an article (title, link, date, content or summary).</summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>True when <paramref name="text"/> starts like an RSS or Atom document.</summary>
    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048));
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The feed's items; a malformed feed yields one failure, an item without text yields a failure for that item.</summary>
    public static IEnumerable<InputItem> Read(string text, string origin)
    {
        XDocument document;
        try
        {
            // DTDs are ignored: a feed has no business expanding entities from elsewhere.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            return [InputItem.Failed(origin, $"malformed feed: {e.Message}")];
        }
        var root = document.Root!;
        if (root.Name == Atom + "feed") return ReadAtom(root, origin);
        if (root.Name.LocalName == "rss" || root.Name.LocalName == "RDF") return ReadRss(root, origin);
        return [InputItem.Failed(origin, $"not an RSS or Atom feed (root element <{root.Name.LocalName}>)")];
    }

    private static IEnumerable<InputItem> ReadRss(XElement root, string origin)
    {
        var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        string? outlet = Value(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
        string? language = Value(channel?.Element("language")) ?? Value(channel?.Element(Dc + "language"));
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        if (items.Count == 0) return [InputItem.Failed(origin, "feed has no items")];
        var result = new List<InputItem>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string? Child(string name) => Value(item.Elements().FirstOrDefault(e => e.Name.LocalName == name && e.Name.Namespace != Content));
            string? body = Value(item.Element(Content + "encoded")) ?? Child("description");
            result.Add(MakeItem($"{origin}#item {i + 1}", body, isHtml: null,
                id: Child("guid"), url: Child("link"), title: Child("title"), outlet: outlet,
                published: Child("pubDate") ?? Value(item.Element(Dc + "date")), byline: Value(item.Element(Dc + "creator")) ?? Child("author"),
                language: language));
        }
        return result;
    }

    private static IEnumerable<InputItem> ReadAtom(XElement root, string origin)
    {
        string? outlet = Value(root.Element(Atom + "title"));
        string? language = root.Attribute(XNamespace.Xml + "lang")?.Value;
        var entries = root.Elements(Atom + "entry").ToList();
        if (entries.Count == 0) return [InputItem.Failed(origin, "feed has no entries")];
        var result = new List<InputItem>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var content = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
            string? type = content?.Attribute("type")?.Value;
            string? body = type == "xhtml"
                ? string.Concat(content!.Nodes().Select(n => n.ToString()))
                : Value(content);
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate");
            result.Add(MakeItem($"{origin}#entry {i + 1}", body, isHtml: type is "html" or "xhtml" ? true : type == "text" ? false : null,
                id: Value(entry.Element(Atom + "id")), url: link?.Attribute("href")?.Value, title: Value(entry.Element(Atom + "title")),
                outlet: outlet, published: Value(entry.Element(Atom + "published")) ?? Value(entry.Element(Atom + "updated")),
                byline: Value(entry.Element(Atom + "author")?.Element(Atom + "name")),
                language: entry.Attribute(XNamespace.Xml + "lang")?.Value ?? language));
        }
        return result;
    }

    private static InputItem MakeItem(string origin, string? body, bool? isHtml, string? id, string? url, string? title,
        string? outlet, string? published, string? byline, string? language)
    {
        if (string.IsNullOrWhiteSpace(body)) return InputItem.Failed(origin, "item has no content or summary");
        string text = body;
        OffsetMap? map = null;
        if (isHtml ?? LooksLikeHtml(body))
        {
            var extracted = HtmlExtractor.Extract(body);
            text = extracted.Text;
            map = extracted.Map;
        }
        if (string.IsNullOrWhiteSpace(text)) return InputItem.Failed(origin, "item has no text");
        // The title leads the text, as in a plain-text article, so the headline stage sees it.
        if (title is { Length: > 0 } && !text.StartsWith(title, StringComparison.Ordinal) && map is null)
            text = title + "\n\n" + text;
        return InputItem.Of(new RawArticle
        {
            Origin = origin, Text = text, Id = id, Url = url, Title = title, Outlet = outlet,
            Published = DateParsing.Parse(published), Byline = byline, Language = language, HtmlMap = map,
        });
    }

    internal static bool LooksLikeHtml(string text) =>
        text.Contains("</p>", StringComparison.OrdinalIgnoreCase) || text.Contains("<br", StringComparison.OrdinalIgnoreCase)
        || text.Contains("</div>", StringComparison.OrdinalIgnoreCase) || text.Contains("</a>", StringComparison.OrdinalIgnoreCase)
        || text.Contains("&lt;p&gt;", StringComparison.OrdinalIgnoreCase);

    private static string? Value(XElement? element)
    {
        if (element is null) return null;
        string value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }
}
