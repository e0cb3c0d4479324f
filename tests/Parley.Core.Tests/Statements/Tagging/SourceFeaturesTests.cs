using Parley.Documents;
using Parley.Learning;
using Parley.Statements.Tagging;

namespace Parley.Tests.Statements.Tagging;

public sealed class SourceFeaturesTests
{
    [Fact]
    public void The_window_is_the_cue_sentence()
    {
        var document = TestPipeline.Prepare("The port is closed. Union leader Ana Silva said on Monday that the strike would go on. Ships wait offshore.");
        var context = StatementContext.Of(document);
        int cue = document.Tokens.ToList().FindIndex(t => t.Span.GetText(document.Text) == "said");
        var (start, end) = SourceFeatures.Window(context, cue, cue + 1);
        Assert.Equal("Union", document.Tokens[start].Span.GetText(document.Text));
        Assert.Equal(".", document.Tokens[end - 1].Span.GetText(document.Text));
        Assert.Equal(document.Sentences[1].FirstToken, start);
        Assert.Equal(document.Sentences[1].EndToken, end);
    }

    [Fact]
    public void A_run_on_sentence_gives_a_bounded_window_and_one_feature_row_per_token()
    {
        // One "sentence" of 2,000 words with a cue in the middle: the source tagger reads a bounded stretch around it.
        string words = string.Join(" ", Enumerable.Repeat("the harbour stays open and", 200));
        var document = TestPipeline.Prepare($"{words} officials said {words}");
        var context = StatementContext.Of(document);
        int cue = document.Tokens.ToList().FindIndex(t => t.Span.GetText(document.Text) == "said");
        var (start, end) = SourceFeatures.Window(context, cue, cue + 1);
        Assert.True(start < cue && end > cue + 1);
        Assert.True(end - start <= 121, $"window of {end - start} tokens");
        var features = new FeatureSequence();
        SourceFeatures.Extract(context, new int[document.Tokens.Length], start, end, cue, cue + 1, features);
        Assert.Equal(end - start, features.Length);
    }
}
