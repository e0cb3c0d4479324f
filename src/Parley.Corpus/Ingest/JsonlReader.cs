using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Parley.Text;

namespace Parley.Corpus.Ingest;

/// <summary>
/// Reads JSON Lines, one article per line: <c>{id?, url?, title?, outlet?, published?, language?, text | html}</c>.
/// A broken line is reported with its line number; the other lines are read.
/// </summary>
public static class JsonlReader
{
    /// <summary>Reads a stream line by line (so files larger than memory limits are fine).</summary>
    public static IEnumerable<InputItem> Read(Stream stream, string origin, long maxLineBytes = TextDecoder.DefaultMaxBytes)
    {
        int lineNumber = 0;
        var line = new MemoryStream();
        var buffer = new byte[65536];
        int read;
        bool first = true;
        while (true)
        {
            read = stream.Read(buffer, 0, buffer.Length);
            if (read <= 0) break;
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                line.Write(buffer, start, i - start);
                start = i + 1;
                lineNumber++;
                if (ParseLine(line, origin, lineNumber, ref first, maxLineBytes) is { } item) yield return item;
                line.SetLength(0);
            }
            line.Write(buffer, start, read - start);
        }
        if (line.Length > 0)
        {
            lineNumber++;
            if (ParseLine(line, origin, lineNumber, ref first, maxLineBytes) is { } item) yield return item;
        }
    }

    private static InputItem? ParseLine(MemoryStream line, string origin, int number, ref bool first, long maxLineBytes)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (first)
        {
            first = false;
            if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        }
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        string where = $"{origin}:{number}";
        if (bytes.Trim(" \t"u8).IsEmpty) return null;
        if (bytes.Length > maxLineBytes) return InputItem.Failed(origin, $"line {number}: too large");
        if (!Utf8.IsValid(bytes)) return InputItem.Failed(origin, $"line {number}: not valid UTF-8");
        try
        {
            using var json = JsonDocument.Parse(bytes.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return InputItem.Failed(origin, $"line {number}: expected a JSON object");
            var root = json.RootElement;
            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
                : root.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
            string? text = Field("text");
            string? html = Field("html");
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
                return InputItem.Failed(origin, $"line {number}: no \"text\" or \"html\" field");
            OffsetMap? map = null;
            string? title = Field("title");
            string? url = Field("url");
            string? outlet = Field("outlet");
            DateTimeOffset? published = DateParsing.Parse(Field("published"));
            string? language = Field("language");
            if (string.IsNullOrWhiteSpace(text))
            {
                var extracted = HtmlExtractor.Extract(html!);
                text = extracted.Text;
                map = extracted.Map;
                title ??= extracted.Title;
                url ??= extracted.CanonicalUrl;
                outlet ??= extracted.SiteName;
                published ??= extracted.Published;
                language ??= extracted.Language;
                if (string.IsNullOrWhiteSpace(text)) return InputItem.Failed(origin, $"line {number}: the html has no text");
            }
            return InputItem.Of(new RawArticle
            {
                Origin = where, Text = text, Id = Field("id"), Url = url, Title = title, Outlet = outlet,
                Published = published, Language = language, Byline = Field("byline"), HtmlMap = map,
            });
        }
        catch (JsonException e)
        {
            return InputItem.Failed(origin, $"line {number}: invalid JSON ({FirstSentence(e.Message)})");
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }

    /// <summary>Reads a JSONL string (tests, standard input already in memory).</summary>
    public static IEnumerable<InputItem> Read(string text, string origin) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), origin);
}
