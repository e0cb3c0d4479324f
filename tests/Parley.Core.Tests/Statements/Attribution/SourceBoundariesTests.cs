using Parley.Documents;
using Parley.Statements.Attribution;
using Parley.Statements.Tagging;

namespace Parley.Tests.Statements.Attribution;

public sealed class SourceBoundariesTests
{
    /// <summary>Adjusts the source <paramref name="tagged"/> of the cue <paramref name="cue"/> in <paramref name="text"/> and returns its text.</summary>
    private static string Adjust(string text, string tagged, string cue)
    {
        var document = TestPipeline.Prepare(text);
        int source = text.IndexOf(tagged, StringComparison.Ordinal), at = text.IndexOf(cue, source + tagged.Length, StringComparison.Ordinal);
        Assert.True(source >= 0 && at >= 0);
        return SourceBoundaries.Adjust(document, new TextSpan(source, source + tagged.Length), new TextSpan(at, at + cue.Length)).GetText(text);
    }

    [Theory]
    // The head of an apposition the tagger left out.
    [InlineData("Norland, the region's largest trading partner, said on Monday that talks would resume.", "the region's largest trading partner,", "said",
        "Norland, the region's largest trading partner,")]
    [InlineData("Other unions, including the teachers' federation, have endorsed the plan.", "the teachers' federation,", "have endorsed",
        "Other unions, including the teachers' federation,")]
    // Every conjunct, every item of a list, the head of a partitive, the first half of a split word.
    [InlineData("Norland and Vesta said the border would stay closed.", "Vesta", "said", "Norland and Vesta")]
    [InlineData("The mayor, the governor and the senator agreed that the bridge must be rebuilt.", "the governor and the senator", "agreed",
        "The mayor, the governor and the senator")]
    [InlineData("Advisers to Mr. Holm say he will run again.", "Mr. Holm", "say", "Advisers to Mr. Holm")]
    [InlineData("One of the doctors said the clinic was full.", "the doctors", "said", "One of the doctors")]
    [InlineData("The agency's EB-5 office reported the losses first.", "5 office", "reported", "The agency's EB-5 office")]
    // Adverbs and conjunctions at the edges stay out; an apposition keeps its closing comma.
    [InlineData("Even Ana Ruiz admitted that the vote was close.", "Even Ana Ruiz", "admitted", "Ana Ruiz")]
    [InlineData("The ministers also said the talks would go on.", "The ministers also", "said", "The ministers")]
    [InlineData("Ana Ruiz, the council president, said the vote was fair.", "Ana Ruiz, the council president", "said", "Ana Ruiz, the council president,")]
    // A source with no comma inside ends without one.
    [InlineData("“We are ready,” Council President Ana Ruiz, said.", "Council President Ana Ruiz,", "said", "Council President Ana Ruiz")]
    public void A_source_grows_to_its_whole_noun_phrase(string text, string tagged, string cue, string expected) =>
        Assert.Equal(expected, Adjust(text, tagged, cue));

    [Theory]
    // A time adverbial, a preposition opening the sentence, a clause before a comma, a relative clause: the tagged source stays.
    [InlineData("Last week Holm said the plan was dead.", "Holm", "said")]
    [InlineData("In the capital, officials said the curfew would end.", "officials", "said")]
    [InlineData("The things he wants are simple, he said.", "he", "wants")]
    [InlineData("Contrary to his claims, the deal was signed.", "his", "claims")]
    [InlineData("When the vote ended, Holm said he was pleased.", "Holm", "said")]
    // An apposition holds the closing comma.
    [InlineData("Ana Ruiz, the council president, said the vote was fair.", "Ana Ruiz, the council president,", "said")]
    public void A_source_that_is_a_whole_phrase_stays(string text, string tagged, string cue) =>
        Assert.Equal(tagged, Adjust(text, tagged, cue));
}
