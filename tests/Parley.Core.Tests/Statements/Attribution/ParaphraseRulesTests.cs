using Parley.Documents;
using Parley.Statements;
using Parley.Statements.Attribution;
using Parley.Statements.Tagging;

namespace Parley.Tests.Statements.Attribution;

/// <summary>The deterministic paraphrase rules on their own, before the merge stage weighs them against the tagger.</summary>
public sealed class ParaphraseRulesTests
{
    private static List<(StatementKind Kind, string Cue, string Source, string Content)> Find(string text)
    {
        var document = TestPipeline.Prepare(text);
        return ParaphraseRules.Find(document).Select(s => (s.Kind, s.Cue!.Value.GetText(text), s.Source!.Value.GetText(text),
            string.Join(" || ", s.Content.Select(c => c.GetText(text))))).ToList();
    }

    [Theory]
    [InlineData("The port will stay shut until March, said Ana Silva, the union's leader.", "said", "Ana Silva, the union's leader",
        "The port will stay shut until March")]
    [InlineData("Prices have risen by a third since the spring, a senior official added.", "added", "a senior official", "Prices have risen by a third since the spring")]
    [InlineData("The port will stay shut, the union told Reuters.", "told", "the union", "The port will stay shut")]
    [InlineData("The mayor marched in the parade with the firefighters, the Westport Herald reported late Thursday.", "reported",
        "the Westport Herald", "The mayor marched in the parade with the firefighters")]
    [InlineData("Farmers have been his base, but \"the valley has the fewest farms left,\" said Jeff Holm, a professor at the college.", "said",
        "Jeff Holm, a professor at the college", "Farmers have been his base, but \"the valley has the fewest farms left,\"")]
    [InlineData("In the latest Westport Herald poll, 38 percent of voters backed the new bridge.", "In", "the latest Westport Herald poll",
        "38 percent of voters backed the new bridge")]
    public void A_trailing_attribution_frames_the_clause_before_it(string text, string cue, string source, string content)
    {
        var found = Assert.Single(Find(text));
        Assert.Equal((cue, source, content), (found.Cue, found.Source, found.Content));
    }

    [Theory]
    // A participle, "said that", a direct quote (the quote attributor's), a clause too short to be content, an interview (a channel).
    [InlineData("The ship, said to be worth $5 million, sank near the harbour.")]
    [InlineData("The committee met on Monday, said that it would meet again.")]
    [InlineData("“The port will stay shut until March,” said Ana Silva, the union's leader.")]
    [InlineData("Yes, said Ana Silva.")]
    [InlineData("In an interview, the mayor said the bridge would reopen.")]
    public void Other_commas_before_said_are_no_attribution(string text) =>
        Assert.DoesNotContain(Find(text), f => f.Cue is "said" or "In");
}
