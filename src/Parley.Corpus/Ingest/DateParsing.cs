using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Corpus.Ingest;

/// <summary>Parses the dates found in feeds, HTML metadata and JSONL: ISO 8601, RFC 822/1123 (with zone names), plain dates.</summary>
public static partial class DateParsing
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["BST"] = "+01:00", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["EET"] = "+02:00", ["EEST"] = "+03:00", ["MSK"] = "+03:00",
    };

    /// <summary>The date, or null when <paramref name="value"/> is empty or not a recognisable date.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var parsed)) return parsed;

        // RFC 822: "Tue, 10 Jun 2003 04:00:00 +0000" or "... GMT"; the weekday is optional and often wrong.
        var match = Rfc822().Match(value);
        if (!match.Success) return null;
        string zone = match.Groups["zone"].Value;
        string offset = zone.Length == 0 ? "+00:00"
            : Zones.TryGetValue(zone, out var named) ? named
            : zone.Length == 5 && (zone[0] == '+' || zone[0] == '-') ? zone[..3] + ":" + zone[3..]
            : "+00:00";
        string time = match.Groups["time"].Value;
        if (time.Count(c => c == ':') == 1) time += ":00";
        string normalized = $"{match.Groups["day"].Value} {match.Groups["month"].Value} {match.Groups["year"].Value} {time} {offset}";
        return DateTimeOffset.TryParseExact(normalized, "d MMM yyyy H:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out parsed)
            ? parsed : null;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]{3},?\s+)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3})[a-z]*\s+(?<year>\d{4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[A-Za-z]{1,4}|[+-]\d{4})?$")]
    private static partial Regex Rfc822();
}
