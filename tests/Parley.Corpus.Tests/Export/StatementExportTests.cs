using Parley.Corpus.Export;
using Parley.Statements;

namespace Parley.Corpus.Tests.Export;

public sealed class StatementExportTests
{
    [Fact]
    public void CsvHasOneRowPerStatementWithQuoting()
    {
        using var temp = new TempStore();
        temp.Store.Write([TestData.Article("e1", "Wire, Inc.", "2025-01-10", "Nadia Roy said \"we \"will\" not, ever, back down\".",
            new Said("Nadia Roy", SpeakerType.Person, "we \"will\" not, ever, back down"))]);
        var output = new StringWriter();
        Assert.Equal(1, StatementExport.Write(temp.Store, output, "csv"));
        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', StatementExport.CsvColumns), lines[0]);
        Assert.StartsWith("e1,\"Wire, Inc.\",2025-01-10T12:00:00Z,", lines[1]);
        Assert.Contains(",Nadia Roy,person,,direct,,\"we \"\"will\"\" not, ever, back down\",", lines[1]);
    }

    [Fact]
    public void GdeltQuotationsFieldPerArticle()
    {
        using var temp = new TempStore();
        string text = "Nadia Roy said \"the strike | must # end now please\". Later she said \"we will talk again tomorrow morning\".";
        temp.Store.Write([TestData.Article("g1", "Wire", "2025-01-10", text,
            new Said("Nadia Roy", SpeakerType.Person, "the strike | must # end now please"),
            new Said("Nadia Roy", SpeakerType.Person, "we will talk again tomorrow morning"))]);
        var output = new StringWriter();
        Assert.Equal(1, StatementExport.Write(temp.Store, output, "gdelt"));
        var fields = output.ToString().TrimEnd('\n').Split('\t');
        Assert.Equal(["g1", "20250110120000", "Wire", "https://wire.example/g1"], fields[..4]);
        var blocks = fields[4].Split('#');
        Assert.Equal(2, blocks.Length);
        var first = blocks[0].Split('|');
        Assert.Equal(4, first.Length);
        Assert.Equal(text.IndexOf('"').ToString(), first[0]);
        Assert.Equal("the strike   must   end now please", first[3]);
    }

    [Fact]
    public void JsonlHasOneObjectPerStatement()
    {
        using var temp = new TempStore();
        temp.Store.Write([TestData.Article("j1", "Wire", "2025-01-10", "Nadia Roy said \"the harbour strike must end soon\".",
            new Said("Nadia Roy", SpeakerType.Person, "the harbour strike must end soon"))]);
        var output = new StringWriter();
        StatementExport.Write(temp.Store, output, "jsonl");
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString().Trim());
        Assert.Equal("Nadia Roy", json.RootElement.GetProperty("speaker").GetString());
        Assert.Equal("j1", json.RootElement.GetProperty("article_id").GetString());
    }
}
