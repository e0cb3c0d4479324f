using System.Text.Json;
using Parley.Serialization;

namespace Parley.Tests.Serialization;

public class DocumentJsonTests
{
    private const string Article = "Mayor Rejects «Unfounded» Claims\n\n“We have nothing to hide,” Mayor Olena Petrenko said on Monday.\n\nAccording to the city council, the audit will be published in May.";

    [Fact]
    public void Output_is_valid_json_with_the_schema_fields()
    {
        var json = JsonDocument.Parse(DocumentJson.ToJson(TestPipeline.Run(Article)));
        var root = json.RootElement;
        Assert.Equal(DocumentJson.SchemaVersion, root.GetProperty("version").GetInt32());
        Assert.Equal("test", root.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal("Mayor Rejects «Unfounded» Claims", root.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("sentences").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("statements").ValueKind);
    }

    [Theory]
    [InlineData(Article)]
    [InlineData("Line one\r\nLine “two” with «guillemets» and emoji 👍.\r\n\r\n“Unclosed quote runs on\n\n“and reopens,” she said.")]
    public void Every_span_text_equals_the_input_substring(string text)
    {
        var json = JsonDocument.Parse(DocumentJson.ToJson(TestPipeline.Run(text), new DocumentJsonOptions { IncludeTokens = true }));
        int checkedSpans = SpanChecker.Check(json.RootElement, text);
        Assert.True(checkedSpans > 5);
    }
}
