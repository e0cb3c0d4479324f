namespace Parley.Tests.Text;

public class LayoutStageTests
{
    [Fact]
    public void Leading_line_without_final_punctuation_is_the_title()
    {
        var doc = TestPipeline.Run("Ministry Denies Report on Troop Movements\n\nThe ministry said on Monday that the report was false.");
        Assert.Equal("Ministry Denies Report on Troop Movements", doc.Metadata.Title);
        Assert.Single(doc.Headlines);
        Assert.True(doc.Paragraphs[0].IsHeadline);
        Assert.Equal(2, doc.Paragraphs.Length);
    }

    [Fact]
    public void Repeated_headline_with_other_quote_marks_is_one_title()
    {
        const string text = "Minister Calls Talks “Constructive”\nMinister calls talks \"constructive\"\n\nThe talks went on for six hours.";
        var doc = TestPipeline.Run(text);
        Assert.Equal(2, doc.Headlines.Length);
        Assert.False(doc.Headlines[0].IsDuplicate);
        Assert.True(doc.Headlines[1].IsDuplicate);
        Assert.Equal(0, doc.Headlines[1].DuplicateOf);
        Assert.Equal("Minister Calls Talks “Constructive”", doc.Metadata.Title);
    }

    [Fact]
    public void Title_case_line_with_a_period_set_off_by_a_blank_line_is_a_headline()
    {
        var doc = TestPipeline.Run("Stealth Over Health: Senator Skips Hearing to Avoid Bad Optics.\n\nThe senator did not attend the hearing.");
        Assert.Single(doc.Headlines);
    }

    [Fact]
    public void A_first_line_that_is_a_sentence_is_not_a_headline()
    {
        var doc = TestPipeline.Run("The minister resigned on Friday after a week of protests.\n\nHis deputy will take over.");
        Assert.Empty(doc.Headlines);
        Assert.Null(doc.Metadata.Title);
    }

    [Fact]
    public void Single_line_breaks_between_sentences_separate_paragraphs()
    {
        var doc = TestPipeline.Run("Talks Stall\nThe first paragraph ends here.\nThe second one starts here.\nAnd a third.");
        Assert.Equal(4, doc.Paragraphs.Length);
    }

    [Fact]
    public void Hard_wrapped_lines_join_into_one_paragraph()
    {
        const string text = "The committee met on Tuesday to discuss the proposal and\nagreed to postpone the vote until the next session of the\nparliament.\n\nA second paragraph.";
        var doc = TestPipeline.Run(text);
        Assert.Equal(2, doc.Paragraphs.Length);
        Assert.Equal(text.IndexOf("parliament.", StringComparison.Ordinal) + "parliament.".Length, doc.Paragraphs[0].Span.End);
    }

    [Fact]
    public void Crlf_text_keeps_offsets_into_the_original()
    {
        const string text = "Headline Here\r\n\r\nFirst sentence. Second sentence.\r\n\r\nThird one.";
        var doc = TestPipeline.Run(text);
        foreach (var p in doc.Paragraphs)
        {
            var s = p.Span.GetText(text);
            Assert.DoesNotContain('\r', s);
            Assert.DoesNotContain('\n', s);
        }
        Assert.Equal(new[] { "Headline Here", "First sentence.", "Second sentence.", "Third one." }, TestPipeline.Texts(doc, doc.Sentences, s => s.Span));
    }
}
