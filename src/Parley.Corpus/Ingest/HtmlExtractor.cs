using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Corpus.Ingest;

/// <summary>What <see cref="HtmlExtractor"/> finds in a page.</summary>
public sealed record ExtractedHtml
{
    /// <summary>The main text: the headline, a blank line, then one paragraph per block, separated by blank lines.</summary>
    public required string Text { get; init; }

    /// <summary>Text offset → HTML source offset.</summary>
    public required OffsetMap Map { get; init; }

    /// <summary>Title (og:title, the headline, or &lt;title&gt;).</summary>
    public string? Title { get; init; }

    /// <summary>Byline.</summary>
    public string? Byline { get; init; }

    /// <summary>Publication date.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Site or outlet name.</summary>
    public string? SiteName { get; init; }

    /// <summary>Canonical URL.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Language tag.</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Extracts an article's main text and metadata from HTML: scripts, navigation, headers, footers, ads,
/// share bars and comments are removed, the block with the most paragraph text is kept, and every
/// character of the result maps back to the HTML source.
/// </summary>
public static partial class HtmlExtractor
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    private static readonly HashSet<string> DropTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "input", "select",
        "textarea", "nav", "aside", "footer", "menu", "dialog", "object", "embed", "video", "audio", "picture", "img", "figure",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "tr", "table", "dd", "dt", "dl", "figcaption", "address", "hr", "br", "body",
    };

    // Class/id words that always mean "not the article" (even inside it: comments, ads, share bars).
    private static readonly HashSet<string> StrongNegative = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "ad", "ads", "advert", "advertisement", "advertising", "sponsor", "sponsored", "share", "sharing",
        "social", "related", "newsletter", "promo", "promotion", "cookie", "cookies", "popup", "modal", "outbrain", "taboola",
        "recommended", "recirc", "subscribe", "paywall", "disqus", "banner",
    };

    // Words that mean "page furniture" unless the same element also says it is the article.
    private static readonly HashSet<string> WeakNegative = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "sidebar", "footer", "header", "masthead", "breadcrumb", "breadcrumbs", "widget",
        "tags", "toolbar", "skip", "pagination", "pager", "topbar", "sitemap",
    };

    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "story", "content", "body", "main", "post", "entry", "text",
    };

    /// <summary>Extracts the main text and metadata of a whole page or a fragment (feed item content).</summary>
    public static ExtractedHtml Extract(string html)
    {
        var document = Parser.ParseDocument(html);
        string? title = Meta(document, "og:title") ?? Meta(document, "twitter:title");
        string? siteName = Meta(document, "og:site_name") ?? Meta(document, "application-name");
        string? canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url");
        string? language = document.DocumentElement.GetAttribute("lang") ?? Meta(document, "og:locale");
        string? byline = Meta(document, "author") ?? Meta(document, "article:author") ?? Meta(document, "byl");
        DateTimeOffset? published = DateParsing.Parse(Meta(document, "article:published_time") ?? Meta(document, "pubdate")
            ?? Meta(document, "publishdate") ?? Meta(document, "date") ?? Meta(document, "dc.date") ?? Meta(document, "dc.date.issued"));

        // JSON-LD (schema.org NewsArticle) is common and reliable for dates, authors and publishers.
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            string json = script.TextContent;
            published ??= DateParsing.Parse(JsonLdField(json, "datePublished"));
            title ??= JsonLdField(json, "headline");
            byline ??= JsonLdNested(json, "author");
            siteName ??= JsonLdNested(json, "publisher");
        }

        var body = document.Body;
        if (body is null)
            return new ExtractedHtml { Text = "", Map = new OffsetMap([], []), Title = title };

        byline ??= Clean(body.QuerySelector("[rel=author], [itemprop=author], .byline, .author")?.TextContent);
        published ??= DateParsing.Parse(body.QuerySelector("time[datetime]")?.GetAttribute("datetime"));

        RemoveBoilerplate(body);
        var headline = body.QuerySelector("h1");
        var root = ChooseRoot(body);
        title ??= Clean(headline?.TextContent) ?? Clean(document.Title);

        var writer = new TextWriter(html);
        if (headline is not null && !root.Contains(headline))
        {
            writer.Walk(headline);
            writer.Break();
        }
        writer.Walk(root);
        string text = writer.Finish(out var map);
        return new ExtractedHtml
        {
            Text = text,
            Map = map,
            Title = Clean(title),
            Byline = Clean(byline),
            Published = published,
            SiteName = Clean(siteName),
            CanonicalUrl = Clean(canonical),
            Language = Clean(language)?.Replace('_', '-'),
        };
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            string? key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
                return content.Trim();
        }
        return null;
    }

    private static string? JsonLdField(string json, string field)
    {
        var match = Regex.Match(json, "\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        return match.Success ? Regex.Unescape(match.Groups[1].Value) : null;
    }

    private static string? JsonLdNested(string json, string field)
    {
        var match = Regex.Match(json, "\"" + field + "\"\\s*:\\s*\\[?\\s*\\{[^{}]*?\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        return match.Success ? Regex.Unescape(match.Groups[1].Value) : JsonLdField(json, field);
    }

    private static string? Clean(string? value)
    {
        if (value is null) return null;
        value = Whitespace().Replace(value, " ").Trim();
        return value.Length == 0 ? null : value;
    }

    private static void RemoveBoilerplate(IElement body)
    {
        var doomed = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (IsBoilerplate(element)) doomed.Add(element);
        }
        foreach (var element in doomed) element.Remove();
        foreach (var comment in body.Descendants<IComment>().ToList()) comment.Remove();
    }

    private static bool IsBoilerplate(IElement element)
    {
        string tag = element.LocalName;
        if (DropTags.Contains(tag)) return true;
        if (element.GetAttribute("hidden") is not null || element.GetAttribute("aria-hidden") == "true") return true;
        if (element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "search") return true;
        // A page header goes; an article's own header (holding its headline) stays.
        if (tag == "header" && element.QuerySelector("h1") is null) return true;
        if (tag is "article" or "main" or "body") return false;
        string attributes = (element.GetAttribute("class") ?? "") + " " + (element.Id ?? "");
        if (attributes.Length <= 1) return false;
        bool weak = false, positive = false;
        foreach (var word in WordSplit().Split(attributes))
        {
            if (word.Length == 0) continue;
            if (StrongNegative.Contains(word)) return true;
            weak |= WeakNegative.Contains(word);
            positive |= Positive.Contains(word);
        }
        return weak && !positive;
    }

    /// <summary>The element holding the article: a single &lt;article&gt;, else the best-scoring paragraph container.</summary>
    private static IElement ChooseRoot(IElement body)
    {
        var explicitRoots = body.QuerySelectorAll("article, [itemprop=articleBody], main, [role=main]")
            .Where(e => ParagraphText(e) >= 200).ToList();
        if (explicitRoots.Count > 0)
        {
            // The innermost explicit container that still holds most of the paragraph text.
            return explicitRoots.OrderByDescending(ParagraphText).ThenByDescending(Depth).First();
        }

        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            int length = Clean(p.TextContent)?.Length ?? 0;
            if (length < 25) continue;
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + length;
                if (parent.ParentElement is { } grand) scores[grand] = scores.GetValueOrDefault(grand) + length / 2.0;
            }
        }
        return scores.Count == 0 ? body : scores.MaxBy(kv => kv.Value).Key;
    }

    private static int ParagraphText(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => Clean(p.TextContent)?.Length ?? 0);

    private static int Depth(IElement element)
    {
        int depth = 0;
        for (var e = element.ParentElement; e is not null; e = e.ParentElement) depth++;
        return depth;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\s\-_]+")]
    private static partial Regex WordSplit();

    /// <summary>Writes text nodes with collapsed white space and paragraph breaks, recording where each character came from.</summary>
    private sealed class TextWriter(string html)
    {
        private readonly StringBuilder _text = new();
        private readonly OffsetMapBuilder _map = new();
        private readonly SourceLocator _locator = new(html);
        private bool _pendingSpace;
        private bool _pendingBreak;

        public void Break()
        {
            if (_text.Length > 0) _pendingBreak = true;
            _pendingSpace = false;
        }

        public void Walk(INode node)
        {
            switch (node)
            {
                case IText textNode:
                    Append(textNode.Data);
                    break;
                case IElement element:
                    bool block = BlockTags.Contains(element.LocalName);
                    if (block) Break();
                    foreach (var child in element.ChildNodes) Walk(child);
                    if (block) Break();
                    break;
            }
        }

        private void Append(string data)
        {
            var sources = _locator.Locate(data);
            for (int i = 0; i < data.Length; i++)
            {
                char c = data[i];
                if (char.IsWhiteSpace(c))
                {
                    if (_text.Length > 0 && !_pendingBreak) _pendingSpace = true;
                    continue;
                }
                if (_pendingBreak)
                {
                    _text.Append("\n\n");
                    _pendingBreak = false;
                    _pendingSpace = false;
                }
                else if (_pendingSpace)
                {
                    _text.Append(' ');
                    _pendingSpace = false;
                }
                if (sources is not null) _map.Add(_text.Length, sources[i]);
                _text.Append(c);
            }
        }

        public string Finish(out OffsetMap map)
        {
            map = _map.Build();
            return _text.ToString();
        }
    }

    /// <summary>
    /// Finds each text node's characters in the HTML source, in document order: text nodes appear in
    /// the source in the same order, so a cursor moves forward; entities and CRLF are matched as decoded.
    /// Only positions outside tags, comments and scripts are tried.
    /// </summary>
    private sealed class SourceLocator
    {
        private readonly string _html;
        private readonly bool[] _isText;
        private int _cursor;

        public SourceLocator(string html)
        {
            _html = html;
            _isText = MarkText(html);
        }

        /// <summary>The source offset of each character of <paramref name="data"/>, or null when it cannot be found.</summary>
        public int[]? Locate(string data)
        {
            if (data.Length == 0) return null;
            var offsets = new int[data.Length];
            // Bound the search so a node the parser invented (not in the source) costs little.
            int limit = Math.Min(_html.Length, _cursor + 200_000);
            for (int start = _cursor; start < limit; start++)
            {
                if (!_isText[start]) continue;
                char c = _html[start];
                if (c != data[0] && c != '&' && c != '\r') continue;
                if (TryAlign(data, start, offsets, out int end))
                {
                    _cursor = end;
                    return offsets;
                }
            }
            return null;
        }

        private bool TryAlign(string data, int start, int[] offsets, out int end)
        {
            int q = start;
            int i = 0;
            while (i < data.Length)
            {
                if (q >= _html.Length || !_isText[q]) { end = q; return false; }
                char s = _html[q];
                if (s == '&' && TryEntity(q, out string decoded, out int length) && string.CompareOrdinal(data, i, decoded, 0, decoded.Length) == 0)
                {
                    for (int k = 0; k < decoded.Length; k++) offsets[i + k] = q;
                    i += decoded.Length;
                    q += length;
                    continue;
                }
                if (s == '\r' && data[i] == '\n')
                {
                    offsets[i++] = q;
                    q += q + 1 < _html.Length && _html[q + 1] == '\n' ? 2 : 1;
                    continue;
                }
                if (s != data[i]) { end = q; return false; }
                offsets[i++] = q++;
            }
            end = q;
            return true;
        }

        private bool TryEntity(int at, out string decoded, out int length)
        {
            int semicolon = _html.IndexOf(';', at, Math.Min(34, _html.Length - at));
            if (semicolon > at + 1)
            {
                string entity = _html.Substring(at, semicolon - at + 1);
                decoded = WebUtility.HtmlDecode(entity);
                if (decoded != entity)
                {
                    length = entity.Length;
                    return true;
                }
            }
            decoded = "";
            length = 0;
            return false;
        }

        /// <summary>True at each source position that is character data (not inside a tag, comment, script or style).</summary>
        private static bool[] MarkText(string html)
        {
            var mask = new bool[html.Length];
            int i = 0;
            while (i < html.Length)
            {
                char c = html[i];
                if (c == '<' && i + 1 < html.Length)
                {
                    char n = html[i + 1];
                    if (html.AsSpan(i).StartsWith("<!--"))
                    {
                        int close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                        i = close < 0 ? html.Length : close + 3;
                        continue;
                    }
                    if (char.IsAsciiLetter(n) || n == '/' || n == '!' || n == '?')
                    {
                        int tagEnd = SkipTag(html, i);
                        string name = TagName(html, i + 1);
                        i = tagEnd;
                        if (name is "script" or "style" or "textarea" or "title")
                        {
                            int close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                            i = close < 0 ? html.Length : close;
                        }
                        continue;
                    }
                }
                mask[i++] = true;
            }
            return mask;
        }

        private static int SkipTag(string html, int i)
        {
            char quote = '\0';
            for (int j = i + 1; j < html.Length; j++)
            {
                char c = html[j];
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (c is '"' or '\'') quote = c;
                else if (c == '>') return j + 1;
            }
            return html.Length;
        }

        private static string TagName(string html, int i)
        {
            int j = i;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j])) j++;
            return html.Substring(i, j - i).ToLowerInvariant();
        }
    }
}
