using Parley.Pipeline;
using Parley.Statements;

namespace Parley.Tests.Statements.Quotes;

public sealed class QuotePairerTests
{
    private static IReadOnlyList<(string Content, bool Speech, QuoteMarkStyle Style, bool Closed)> Quotes(string text)
    {
        var document = ParleyPipeline.Default.Process(text);
        return document.Quotes.Select(q => (string.Join(" || ", q.Content.Select(c => c.GetText(text))), q.IsSpeech, q.Style, q.Close is not null)).ToList();
    }

    [Fact]
    public void Pairs_curly_double_quotes()
    {
        var quotes = Quotes("He said “we will win the vote tomorrow” and left.");
        Assert.Equal(("we will win the vote tomorrow", true, QuoteMarkStyle.CurlyDouble, true), Assert.Single(quotes));
    }

    [Fact]
    public void Straight_quotes_are_told_apart_by_their_neighbours()
    {
        var quotes = Quotes("\"Yes,\" she said, \"we will.\" Then \"three more words\" came.");
        Assert.Equal(["Yes,", "we will.", "three more words"], quotes.Select(q => q.Content));
    }

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        Assert.Empty(Quotes("The officials\u2019 plan for Kyiv\u2019s \u201990s flats won\u2019t work, rock \u2019n\u2019 roll or not. It's Jones' idea."));
    }

    [Fact]
    public void Unclosed_quote_runs_to_the_end_of_its_paragraph()
    {
        var quotes = Quotes("She said: \u201CWe will never agree to this plan.\n\nThe talks ended.");
        var quote = Assert.Single(quotes);
        Assert.Equal("We will never agree to this plan.", quote.Content);
        Assert.False(quote.Closed);
    }

    [Fact]
    public void Multi_paragraph_quote_has_one_content_span_per_paragraph()
    {
        var quotes = Quotes("He said: \u201CFirst part of it.\n\n\u201CSecond part of it.\n\n\u201CThird part,\u201D he said.");
        Assert.Equal("First part of it. || Second part of it. || Third part,", Assert.Single(quotes).Content);
    }

    [Fact]
    public void Nested_quotes_get_a_depth()
    {
        var document = ParleyPipeline.Default.Process("\u201CThey said \u2018no way at all\u2019 to us,\u201D he said.");
        Assert.Equal([0, 1], document.Quotes.Select(q => q.Depth));
    }

    [Fact]
    public void German_and_reversed_guillemet_quotes_pair()
    {
        Assert.Equal(["Das ist gut so", "Alles ist gut"], Quotes("\u201EDas ist gut so\u201C, sagte er. \u00BBAlles ist gut\u00AB.").Select(q => q.Content));
    }

    [Fact]
    public void Random_texts_never_break_the_quote_layer()
    {
        int quotes = RandomText.CheckMany(seed: 20261125, maxPieces: 80, SpanInvariants.AssertQuotes, d => d.Quotes.Length);
        Assert.True(quotes >= 300, $"the random texts should exercise the rules ({quotes} quotes)");
    }
}
