using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Parley.Web.Api;

/// <summary>Checks query-string arguments, collecting every problem so one 400 response names them all.</summary>
internal sealed class QueryCheck
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no argument was refused.</summary>
    public bool Ok => _errors.Count == 0;

    /// <summary>Records a problem with argument <paramref name="name"/>.</summary>
    public void Fail(string name, string message)
    {
        if (!_errors.TryGetValue(name, out var list)) _errors[name] = list = [];
        list.Add(message);
    }

    /// <summary>An integer in [min, max], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string? value, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)) { Fail(name, $"'{Cut(value)}' is not a whole number"); return fallback; }
        if (parsed < min || parsed > max) { Fail(name, $"must be between {min} and {max}"); return fallback; }
        return parsed;
    }

    /// <summary>Free text of at most <paramref name="maxLength"/> characters; null when absent or blank.</summary>
    public string? Text(string? value, string name, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > maxLength) { Fail(name, $"is longer than {maxLength} characters"); return null; }
        return value.Trim();
    }

    /// <summary>One of <paramref name="allowed"/>; null when absent.</summary>
    public string? OneOf(string? value, string name, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!allowed.Contains(value.Trim(), StringComparer.Ordinal)) { Fail(name, $"'{Cut(value)}' is not one of: {string.Join(", ", allowed)}"); return null; }
        return value.Trim();
    }

    /// <summary>
    /// A date: <c>yyyy-MM-dd</c> (with <paramref name="endOfDay"/>, the end of that day, so "to" is inclusive) or an
    /// ISO 8601 date-time (UTC when no zone is given).
    /// </summary>
    public DateTimeOffset? Date(string? value, string name, bool endOfDay = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
            return endOfDay ? day.AddDays(1) : day;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return instant;
        Fail(name, $"'{Cut(value)}' is not a date (use yyyy-mm-dd or an ISO 8601 date-time)");
        return null;
    }

    /// <summary>A 400 problem (application/problem+json) listing every refused argument.</summary>
    public IResult Problem() => Results.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "Bad request", detail: "Some query arguments were refused.");

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>Problem responses (RFC 7807) and reading JSON request bodies within a size limit.</summary>
internal static class Requests
{
    /// <summary>A problem response.</summary>
    public static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>
    /// Reads the body as one JSON object of at most <paramref name="limit"/> bytes. Refuses (as a problem response)
    /// a body that is not sent as application/json (415: a browser cannot send that cross-origin without a
    /// preflight, which this server does not answer), too large (413), empty, not UTF-8, not JSON or not an object (400).
    /// </summary>
    public static async Task<(JsonDocument? Json, IResult? Error)> ReadJsonObjectAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        if (request.ContentLength is { } length && length > limit)
            return (null, TooLarge(limit));
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        using var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) return (null, TooLarge(limit));
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
            return (null, Problem(StatusCodes.Status400BadRequest, "Empty body", "The request body is empty; send a JSON object."));
        if (!Utf8.IsValid(bytes.Span))
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid body", "The request body is not valid UTF-8."));
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid JSON", $"The request body is not valid JSON ({FirstSentence(e.Message)})."));
        }
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            json.Dispose();
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid body", "The request body must be a JSON object."));
        }
        return (json, null);
    }

    /// <summary>A string property, null when absent or JSON null; an error message when it has another type.</summary>
    public static string? String(JsonElement obj, string name, List<string> errors)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add($"\"{name}\" must be a string");
        return null;
    }

    private static IResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The request body is over the limit of {limit:N0} bytes.");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType is "application/json" || (media.MediaType?.StartsWith("application/", StringComparison.OrdinalIgnoreCase) == true
            && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.');
    }
}
