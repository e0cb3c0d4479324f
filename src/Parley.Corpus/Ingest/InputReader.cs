using Parley.Text;

namespace Parley.Corpus.Ingest;

/// <summary>
/// Turns command-line paths into articles: files, folders (recursive, in name order) and standard input ("-").
/// The format comes from the extension (.txt, .html/.htm, .xml/.rss/.atom, .jsonl/.ndjson), or is sniffed.
/// Nothing here throws for bad input: every problem becomes a failure item with a reason.
/// </summary>
public sealed class InputReader
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".feed", ".jsonl", ".ndjson",
    };

    private readonly long _maxBytes;
    private readonly Func<Stream> _stdin;

    /// <summary>Creates a reader; <paramref name="stdin"/> opens standard input.</summary>
    public InputReader(long maxBytes = TextDecoder.DefaultMaxBytes, Func<Stream>? stdin = null)
    {
        _maxBytes = maxBytes;
        _stdin = stdin ?? Console.OpenStandardInput;
    }

    /// <summary>Files in folders that were skipped because of their extension.</summary>
    public int Ignored { get; private set; }

    /// <summary>Every item of every path, in order.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            if (path == "-")
            {
                foreach (var item in ReadStdin()) yield return item;
            }
            else if (Directory.Exists(path))
            {
                List<string> files;
                string? error = null;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    files = [];
                    error = e.Message;
                }
                if (error is not null) yield return InputItem.Failed(path, $"cannot list the folder ({error})");
                foreach (string file in files)
                {
                    if (!Known.Contains(Path.GetExtension(file))) { Ignored++; continue; }
                    foreach (var item in ReadFile(file)) yield return item;
                }
            }
            else
            {
                foreach (var item in ReadFile(path)) yield return item;
            }
        }
    }

    /// <summary>
    /// A quick estimate of how many articles <paramref name="paths"/> hold, for a progress bar: one per
    /// file, one per line of JSONL; feeds count as one (the bar then waits at its end until done).
    /// </summary>
    public static int EstimateCount(IEnumerable<string> paths)
    {
        int count = 0;
        foreach (string path in paths)
        {
            try
            {
                var files = Directory.Exists(path)
                    ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                        .Where(f => Known.Contains(Path.GetExtension(f)))
                    : path == "-" ? [] : [path];
                foreach (string file in files)
                {
                    string extension = Path.GetExtension(file).ToLowerInvariant();
                    count += extension is ".jsonl" or ".ndjson" && File.Exists(file) ? CountLines(file) : 1;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                count++;
            }
        }
        return count;
    }

    private static int CountLines(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        int lines = 0, read;
        bool trailing = false;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            trailing = buffer[read - 1] != (byte)'\n';
        }
        return lines + (trailing ? 1 : 0);
    }

    private IEnumerable<InputItem> ReadStdin()
    {
        string text;
        try
        {
            text = TextInput.ReadStream(_stdin(), _maxBytes);
        }
        catch (InputRejectedException e)
        {
            return [InputItem.Failed("-", e.Message)];
        }
        return Sniffed(text, "-", null);
    }

    private IEnumerable<InputItem> ReadFile(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        string full = Path.GetFullPath(path);
        if (extension is ".jsonl" or ".ndjson")
        {
            if (!File.Exists(path)) return [InputItem.Failed(path, "no such file")];
            return ReadJsonl(path);
        }
        string text;
        try
        {
            text = TextInput.ReadFile(path, _maxBytes);
        }
        catch (InputRejectedException e)
        {
            return [InputItem.Failed(path, e.Message)];
        }
        string id = TextInput.IdFromPath(path);
        return extension switch
        {
            ".txt" or ".text" => [InputItem.Of(new RawArticle { Origin = full, Text = text, Id = id, File = full })],
            ".html" or ".htm" or ".xhtml" => [Html(text, full, id)],
            ".xml" or ".rss" or ".atom" or ".feed" => FeedReader.Read(text, path),
            _ => Sniffed(text, full, id),
        };
    }

    private static IEnumerable<InputItem> ReadJsonl(string path)
    {
        FileStream? stream = null;
        string? error = null;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
        }
        if (stream is null)
        {
            yield return InputItem.Failed(path, $"cannot read ({error})");
            yield break;
        }
        using (stream)
        {
            foreach (var item in JsonlReader.Read(stream, path)) yield return item;
        }
    }

    private static IEnumerable<InputItem> Sniffed(string text, string origin, string? id)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<"))
            return FeedReader.LooksLikeFeed(text) ? FeedReader.Read(text, origin) : [Html(text, origin, id)];
        if (start.StartsWith("{")) return JsonlReader.Read(text, origin);
        return [InputItem.Of(new RawArticle { Origin = origin, Text = text, Id = id, File = id is null ? null : origin })];
    }

    /// <summary>An HTML page as an article (or a failure when it has no text).</summary>
    public static InputItem Html(string html, string origin, string? id)
    {
        ExtractedHtml extracted;
        try
        {
            extracted = HtmlExtractor.Extract(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InputItem.Failed(origin, $"cannot parse HTML ({e.Message})");
        }
        if (string.IsNullOrWhiteSpace(extracted.Text)) return InputItem.Failed(origin, "no article text found in the HTML");
        return InputItem.Of(new RawArticle
        {
            Origin = origin, Text = extracted.Text, Id = id, File = id is null ? null : origin, Url = extracted.CanonicalUrl, Title = extracted.Title,
            Outlet = extracted.SiteName, Byline = extracted.Byline, Published = extracted.Published,
            Language = extracted.Language, HtmlMap = extracted.Map,
        });
    }
}
