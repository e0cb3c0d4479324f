using Parley.Corpus.Ingest;

namespace Parley.Corpus.Tests.Ingest;

public sealed class JsonlReaderTests
{
    internal const string Lines = """
        {"id": "w-1", "url": "https://wire.example/1", "title": "Talks resume", "outlet": "Wire", "published": "2025-01-10T08:00:00Z", "text": "Talks resumed on Friday, officials said."}
        {"id": "w-2", "title": "Broken", "text": "this line is cut off
        {"id": "w-3", "outlet": "Wire", "published": "2025-01-11", "html": "<p>The minister resigned on Saturday after a week of pressure.</p><nav>Home</nav>"}

        ["not", "an", "object"]
        {"id": "w-6", "title": "No body"}
        """;

    [Fact]
    public void BrokenLinesAreReportedByLineNumberAndTheRestIsRead()
    {
        var items = JsonlReader.Read(Lines, "wire.jsonl").ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal("w-1", items[0].Article!.Id);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero), items[0].Article!.Published);
        Assert.StartsWith("line 2: invalid JSON", items[1].Failure!.Reason);
        Assert.Equal("The minister resigned on Saturday after a week of pressure.", items[2].Article!.Text);
        Assert.NotNull(items[2].Article!.HtmlMap);
        Assert.Equal("line 5: expected a JSON object", items[3].Failure!.Reason);
        Assert.Equal("line 6: no \"text\" or \"html\" field", items[4].Failure!.Reason);
    }

    [Fact]
    public void InvalidUtf8LineIsReportedAlone()
    {
        var bytes = new List<byte>();
        bytes.AddRange("{\"id\":\"a\",\"text\":\"fine text here\"}\n"u8.ToArray());
        bytes.AddRange([(byte)'{', 0xC3, 0x28, (byte)'}', (byte)'\n']);
        bytes.AddRange("{\"id\":\"c\",\"text\":\"also fine\"}"u8.ToArray());
        var items = JsonlReader.Read(new MemoryStream([.. bytes]), "x.jsonl").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("line 2: not valid UTF-8", items[1].Failure!.Reason);
        Assert.Equal("c", items[2].Article!.Id);
    }
}
