using Parley.Corpus.Ingest;

namespace Parley.Corpus.Tests.Ingest;

public sealed class DateParsingTests
{
    [Theory]
    [InlineData("2025-03-04T09:15:00Z", "2025-03-04T09:15:00Z")]
    [InlineData("2025-03-04", "2025-03-04T00:00:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:15:00 +0000", "2025-03-04T09:15:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:15:00 GMT", "2025-03-04T09:15:00Z")]
    [InlineData("Wed, 5 Mar 2025 14:00 EST", "2025-03-05T19:00:00Z")]
    [InlineData("4 Mar 2025 09:15:00 +0200", "2025-03-04T07:15:00Z")]
    public void ParsesFeedAndMetadataDates(string input, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), DateParsing.Parse(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void UnparseableIsNull(string? input) => Assert.Null(DateParsing.Parse(input));
}
