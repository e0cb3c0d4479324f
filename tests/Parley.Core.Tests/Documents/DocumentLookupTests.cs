using Parley.Documents;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Documents;

public sealed class DocumentLookupTests
{
    [Fact]
    public void Every_token_maps_to_the_sentence_that_holds_it()
    {
        var document = ParleyPipeline.Get("quotes").Process("The port is closed. Ships wait outside.\n\nNobody knows when it opens.", new DocumentMetadata { Id = "t" });
        var sentences = document.Sentences;
        Assert.Equal(3, sentences.Length);
        for (int t = 0; t < document.Tokens.Length; t++)
        {
            int expected = -1;
            for (int s = 0; s < sentences.Length; s++)
                if (sentences[s].FirstToken <= t && t < sentences[s].EndToken) expected = s;
            Assert.Equal(expected, document.SentenceIndexOfToken(t));
        }
        Assert.Equal(-1, document.SentenceIndexOfToken(-1));
        Assert.Equal(-1, document.SentenceIndexOfToken(document.Tokens.Length));
    }
}
