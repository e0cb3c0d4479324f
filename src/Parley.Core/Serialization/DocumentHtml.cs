using System.Net;
using System.Text;
using Parley.Claims;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;

namespace Parley.Serialization;

/// <summary>
/// Renders a document as one self-contained HTML page (inline CSS, no scripts, no external resources):
/// the article with statement sources, cues and contents highlighted, and a who-said-what table.
/// All article text is HTML-encoded.
/// </summary>
public static class DocumentHtml
{
    private const string Style = """
        body{font:16px/1.6 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfdfb}
        h1{font:600 1.6rem/1.3 system-ui,sans-serif}
        .meta,.legend,table{font:14px system-ui,sans-serif;color:#555}
        p.headline{font:600 1.2rem system-ui,sans-serif}
        p.duplicate{opacity:.5;text-decoration:line-through}
        .content{background:#fff3b0}
        .cue{background:#b7e4c7;font-weight:600}
        .source{background:#a9d6f5;font-weight:600}
        .quote{border-bottom:2px dotted #c9a227}
        .unattributed{box-shadow:inset 3px 0 0 #d1495b}
        .hedged{box-shadow:inset 3px 0 0 #f4a259}
        .loaded{text-decoration:underline wavy #d1495b}
        .mention{border-bottom:2px solid #6c757d}
        .hedge{text-decoration:underline dashed #f4a259}
        .profile{font:14px system-ui,sans-serif;background:#f3f3ef;padding:.5rem 1rem;border-radius:4px}
        mark{background:transparent;color:inherit;border-radius:2px}
        mark.unattributed,mark.hedged{padding-left:2px}
        table{border-collapse:collapse;width:100%;margin-top:2rem}
        th,td{border-top:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        .legend span{padding:0 .4rem;margin-right:.5rem}
        """;

    /// <summary>The page for <paramref name="document"/>.</summary>
    public static string Render(Document document)
    {
        string text = document.Text;
        var marks = CollectMarks(document);
        var html = new StringBuilder(text.Length * 2 + 4096);
        string title = document.Metadata.Title ?? document.Metadata.Source ?? "Parley";
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(document.Metadata.Language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">").Append(Encode(document.Metadata.Source ?? "")).Append(" · ")
            .Append(document.Statements.Length).Append(" statements · ").Append(document.Quotes.Length).Append(" quotes</p>\n");
        html.Append("<p class=\"legend\"><span class=\"source\">source</span><span class=\"cue\">cue</span><span class=\"content\">content</span><span class=\"quote\">quote</span><span class=\"unattributed\">unattributed assertion</span><span class=\"hedged\">hedged</span><span class=\"loaded\">loaded wording</span><span class=\"mention\">entity mention</span></p>\n");
        if (document.Has(ClaimLayers.Claims))
        {
            var profile = SourcingProfile.Compute(document);
            html.Append("<p class=\"profile\">Sourcing: ").Append(profile.Statements).Append(" statements — ")
                .Append(profile.Named).Append(" named, ").Append(profile.Anonymous).Append(" anonymous, ")
                .Append(profile.Vague).Append(" vague, ").Append(profile.Unknown).Append(" unresolved; ")
                .Append(profile.ByLabel.GetValueOrDefault(ClaimLabel.Unattributed)).Append(" unattributed and ")
                .Append(profile.ByLabel.GetValueOrDefault(ClaimLabel.Hedged)).Append(" hedged assertions of ")
                .Append(profile.Sentences).Append(" sentences; ").Append(profile.LoadedTerms).Append(" loaded terms.</p>\n");
        }

        var headlines = document.Headlines;
        foreach (var paragraph in document.Paragraphs)
        {
            string cls = "";
            if (paragraph.IsHeadline)
            {
                bool duplicate = headlines.Any(h => h.Span == paragraph.Span && h.IsDuplicate);
                cls = duplicate ? " class=\"headline duplicate\"" : " class=\"headline\"";
            }
            html.Append("<p").Append(cls).Append('>');
            AppendMarked(html, text, paragraph.Span, marks);
            html.Append("</p>\n");
        }

        html.Append("<table><thead><tr><th>#</th><th>kind</th><th>speaker</th><th>affiliation</th><th>channel</th><th>cue</th><th>content</th></tr></thead><tbody>\n");
        foreach (var s in document.Statements)
        {
            html.Append("<tr id=\"").Append(Encode(s.Id)).Append("\"><td>").Append(Encode(s.Id)).Append("</td><td>")
                .Append(Names.Of(s.Kind)).Append("</td><td>")
                .Append(Encode(s.Speaker?.Name ?? "")).Append(s.Speaker is { } sp ? $" <small>({Names.Of(sp.Type)})</small>" : "")
                .Append("</td><td>").Append(Encode(s.Speaker?.Affiliation ?? ""))
                .Append("</td><td>").Append(Encode(s.Channel?.Name ?? "")).Append(s.Channel is { } ch ? $" <small>({Names.Of(ch.Kind)})</small>" : "")
                .Append("</td><td>").Append(Encode(s.Cue is { } c ? c.GetText(text) : ""))
                .Append("</td><td>").Append(Encode(string.Join(" … ", s.Content.Select(x => x.GetText(text))))).Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n</body></html>\n");
        return html.ToString();
    }

    private readonly record struct Mark(TextSpan Span, string Class, string Title);

    private static List<Mark> CollectMarks(Document document)
    {
        string text = document.Text;
        var marks = new List<Mark>();
        foreach (var q in document.Quotes)
            if (q.IsSpeech) marks.Add(new Mark(q.Extent, "quote", ""));
        var entities = document.Get(CoreferenceLayers.Entities);
        foreach (var mention in document.Get(CoreferenceLayers.Mentions))
        {
            if (mention.Entity < 0) continue;
            var entity = entities[mention.Entity];
            string role = entity.Roles.IsEmpty ? "" : $", {entity.Roles[0]}";
            marks.Add(new Mark(mention.Span, "mention", $"{entity.Id}: {entity.Name} ({EntityTypes.Name(entity.Type)}{role})"));
        }
        foreach (var claim in document.Get(ClaimLayers.Claims))
        {
            if (claim.Label is ClaimLabel.Unattributed or ClaimLabel.Hedged)
                marks.Add(new Mark(claim.Span, Names.Of(claim.Label), $"{Names.Of(claim.Label)} assertion (no source)"));
            foreach (var term in claim.Hedges) marks.Add(new Mark(term.Span, "hedge", $"hedge: {term.Category}"));
            foreach (var term in claim.Loaded) marks.Add(new Mark(term.Span, "loaded", $"loaded wording: {term.Category}"));
        }
        foreach (var s in document.Statements)
        {
            string who = s.Speaker is { } sp ? $"{s.Id}: {sp.Name} ({Names.Of(sp.Type)})" : s.Id;
            if (s.Channel is { } ch) who += $" via {ch.Name}";
            who += string.Create(System.Globalization.CultureInfo.InvariantCulture, $", confidence {s.Confidence:0.00}");
            foreach (var c in s.Content) marks.Add(new Mark(c, "content", who));
            if (s.Cue is { } cue) marks.Add(new Mark(cue, "cue", who));
            if (s.Source is { } src) marks.Add(new Mark(src, "source", who + (s.Source is { } x ? $" — \"{x.GetText(text)}\"" : "")));
        }
        return marks;
    }

    /// <summary>
    /// Emits the paragraph with one &lt;mark&gt; per run of characters that share the same set of classes,
    /// so overlapping spans never produce badly nested tags.
    /// </summary>
    private static void AppendMarked(StringBuilder html, string text, TextSpan paragraph, List<Mark> marks)
    {
        var relevant = marks.Where(m => m.Span.Overlaps(paragraph)).ToList();
        var cuts = new SortedSet<int> { paragraph.Start, paragraph.End };
        foreach (var m in relevant)
        {
            cuts.Add(Math.Clamp(m.Span.Start, paragraph.Start, paragraph.End));
            cuts.Add(Math.Clamp(m.Span.End, paragraph.Start, paragraph.End));
        }
        int previous = -1;
        foreach (int cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var piece = new TextSpan(previous, cut);
                var active = relevant.Where(m => m.Span.Contains(piece)).ToList();
                if (active.Count == 0) html.Append(Encode(piece.GetText(text)));
                else
                {
                    // Source and cue win over content, which wins over the plain quote underline.
                    string cls = string.Join(' ', active.Select(m => m.Class).Distinct().OrderBy(Rank));
                    string tip = string.Join(" · ", active.OrderBy(m => Rank(m.Class)).Select(m => m.Title).Where(t => t.Length > 0).Distinct());
                    html.Append("<mark class=\"").Append(cls).Append("\" title=\"").Append(Encode(tip)).Append("\">")
                        .Append(Encode(piece.GetText(text))).Append("</mark>");
                }
            }
            previous = cut;
        }
    }

    private static int Rank(string cls) => cls switch
    {
        "source" => 0, "cue" => 1, "mention" => 2, "content" => 3, "loaded" => 4, "hedge" => 5, "quote" => 6, _ => 7,
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
