namespace Parley.Tests.Text;

public class SentenceStageTests
{
    private static string[] Sentences(string text)
    {
        var doc = TestPipeline.Run(text);
        return TestPipeline.Texts(doc, doc.Sentences, s => s.Span);
    }

    [Theory]
    [InlineData("Mr. Smith arrived. He left.", "Mr. Smith arrived.|He left.")]
    [InlineData("Gen. Mark Milley spoke on Jan. 5 in Washington. Nobody asked.", "Gen. Mark Milley spoke on Jan. 5 in Washington.|Nobody asked.")]
    [InlineData("J. R. Smith scored. The crowd cheered.", "J. R. Smith scored.|The crowd cheered.")]
    [InlineData("Prices rose 3.5 percent. Wages did not.", "Prices rose 3.5 percent.|Wages did not.")]
    [InlineData("He said: “We will win.” Then he left.", "He said: “We will win.”|Then he left.")]
    [InlineData("“Is this it?” she asked. Nobody answered.", "“Is this it?” she asked.|Nobody answered.")]
    [InlineData("“Stop!” he shouted. They stopped.", "“Stop!” he shouted.|They stopped.")]
    [InlineData("Troops left the U.S. The war was over.", "Troops left the U.S.|The war was over.")]
    [InlineData("The U.S. Army denied it.", "The U.S. Army denied it.")]
    [InlineData("Shares of Acme Inc. fell. Analysts shrugged.", "Shares of Acme Inc. fell.|Analysts shrugged.")]
    [InlineData("It ended at 3 p.m. on Friday.", "It ended at 3 p.m. on Friday.")]
    [InlineData("Wait... What happened?", "Wait...|What happened?")]
    [InlineData("He left (for good). She stayed.", "He left (for good).|She stayed.")]
    [InlineData("\"Enough,\" he said. \"We go.\"", "\"Enough,\" he said.|\"We go.\"")]
    public void Splits_as_expected(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Sentences(text));
    }

    [Fact]
    public void Headline_without_punctuation_is_its_own_sentence()
    {
        var doc = TestPipeline.Run("Talks Collapse in Geneva\nThe delegations left without a statement.");
        Assert.Equal(2, doc.Sentences.Length);
        Assert.True(doc.Sentences[0].IsHeadline);
        Assert.False(doc.Sentences[1].IsHeadline);
    }

    [Fact]
    public void Sentences_never_cross_paragraphs()
    {
        var doc = TestPipeline.Run("First paragraph without an end\n\nSecond paragraph. With two sentences.");
        foreach (var s in doc.Sentences)
            Assert.Contains(doc.Paragraphs, p => p.Span.Contains(s.Span));
    }
}
