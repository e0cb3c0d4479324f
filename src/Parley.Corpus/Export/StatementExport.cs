using System.Text;
using System.Text.Json;
using Parley.Corpus.Queries;
using Parley.Corpus.Store;

namespace Parley.Corpus.Export;

/// <summary>Writes the corpus's statements as JSON Lines, CSV, or GDELT GKG 2.1 Quotations.</summary>
public static class StatementExport
{
    /// <summary>The CSV header (one row per statement).</summary>
    public static readonly string[] CsvColumns =
        ["article", "outlet", "date", "url", "statement", "speaker", "speaker_type", "role", "kind", "cue", "content", "channel", "channel_kind", "start", "end", "confidence"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes in <paramref name="format"/> (jsonl, csv, gdelt); returns the number of rows.</summary>
    public static int Write(ICorpusStore store, TextWriter output, string format) => format switch
    {
        "jsonl" => WriteJsonl(store.AllStatements(), output),
        "csv" => WriteCsv(store.AllStatements(), output),
        "gdelt" => WriteGdelt(store.QuotationsByArticle(), output),
        _ => throw new ArgumentException($"unknown export format '{format}'", nameof(format)),
    };

    /// <summary>One JSON object per statement.</summary>
    public static int WriteJsonl(IEnumerable<StatementRow> rows, TextWriter output)
    {
        int count = 0;
        foreach (var row in rows)
        {
            output.WriteLine(JsonSerializer.Serialize(row with { Snippet = null }, Json));
            count++;
        }
        return count;
    }

    /// <summary>RFC 4180 CSV with a header row.</summary>
    public static int WriteCsv(IEnumerable<StatementRow> rows, TextWriter output)
    {
        output.Write(string.Join(',', CsvColumns));
        output.Write("\r\n");
        int count = 0;
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.ArticleId, r.Outlet, r.Published, r.Url, r.LocalId, r.Speaker, r.SpeakerType, r.Role, r.Kind, r.Cue, r.Content,
                r.Channel, r.ChannelKind, r.ContentStart.ToString(), r.ContentEnd.ToString(),
                r.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            ];
            output.Write(string.Join(',', fields.Select(Csv)));
            output.Write("\r\n");
            count++;
        }
        return count;
    }

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// One tab-separated line per article with quotes: GKGRECORDID, V2.1DATE (yyyyMMddHHmmss),
    /// V2SOURCECOMMONNAME, V2DOCUMENTIDENTIFIER, V2.1QUOTATIONS. The Quotations field is GKG 2.1's:
    /// blocks "Offset|Length|Verb|Quote" joined by '#', with '|' and '#' removed from the text.
    /// </summary>
    public static int WriteGdelt(IEnumerable<ArticleQuotations> articles, TextWriter output)
    {
        int count = 0;
        foreach (var article in articles)
        {
            string date = DateTimeOffset.TryParse(article.Published, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime.ToString("yyyyMMddHHmmss") : "";
            var field = new StringBuilder();
            foreach (var (offset, length, verb, quote) in article.Quotes)
            {
                if (field.Length > 0) field.Append('#');
                field.Append(offset).Append('|').Append(length).Append('|').Append(Clean(verb)).Append('|').Append(Clean(quote));
            }
            output.Write(string.Join('\t', Clean(article.ArticleId), date, Clean(article.Outlet ?? ""), Clean(article.Url ?? article.ArticleId), field.ToString()));
            output.Write('\n');
            count++;
        }
        return count;
    }

    private static string Clean(string text) =>
        text.Replace('|', ' ').Replace('#', ' ').Replace('\t', ' ').ReplaceLineEndings(" ");
}
