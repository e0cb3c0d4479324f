using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Parley.Web.Tests;

/// <summary>Helpers: JSON requests and checks of problem responses.</summary>
internal static class Api
{
    public static async Task<JsonElement> Json(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static HttpContent JsonBody(object value) => JsonBody(JsonSerializer.Serialize(value));

    public static HttpContent JsonBody(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Checks an RFC 7807 response: status, media type, a title, and no exception details.</summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        // No stack trace or exception type ever reaches a client.
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        return root.Clone();
    }

    public static async Task<JsonElement> AssertProblem(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await AssertProblem(await response, expected);

    public static List<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static string? Str(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
}
