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

    [Fact]
    public void Statements_carry_speaker_affiliation_and_channel()
    {
        const string text = "The Kremlin rejected the report on Monday. A Kremlin spokesman told Reuters that the talks would resume.";
        var root = JsonDocument.Parse(DocumentJson.ToJson(TestPipeline.Run(text))).RootElement;
        var statement = root.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("cue").GetProperty("text").GetString() == "told");
        var speaker = statement.GetProperty("speaker");
        Assert.Equal("anonymous", speaker.GetProperty("type").GetString());
        Assert.Equal("Kremlin", speaker.GetProperty("affiliation").GetString());
        var channel = statement.GetProperty("channel");
        Assert.Equal("Reuters", channel.GetProperty("name").GetString());
        Assert.Equal("interview", channel.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, channel.GetProperty("entity").ValueKind);
        Assert.Equal("Reuters", channel.GetProperty("span").GetProperty("text").GetString());
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
