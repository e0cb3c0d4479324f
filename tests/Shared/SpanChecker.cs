using System.Text.Json;

namespace Parley.Tests;

internal static class SpanChecker
{
    /// <summary>Checks that every JSON object with start, end and text quotes the input exactly; returns how many were checked.</summary>
    public static int Check(JsonElement element, string text)
    {
        int count = 0;
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("start", out var start) && element.TryGetProperty("end", out var end) && element.TryGetProperty("text", out var spanText))
            {
                Assert.Equal(text[start.GetInt32()..end.GetInt32()], spanText.GetString());
                count++;
            }
            foreach (var property in element.EnumerateObject()) count += Check(property.Value, text);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) count += Check(item, text);
        }
        return count;
    }
}
