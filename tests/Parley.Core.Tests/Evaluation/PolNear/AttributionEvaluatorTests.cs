using System.Collections.Immutable;
using Parley.Documents;
using Parley.Evaluation.PolNear;
using Parley.Pipeline;

namespace Parley.Tests.Evaluation.PolNear;

public class AttributionEvaluatorTests
{
    private const string Text = "“We will win the vote,” Maria Lopez said. Prices rose in March.";

    private static PolNearArticle Article(params string[] annotationLines)
    {
        var problems = new List<string>();
        var (spans, events) = PolNearReader.ParseAnnotations(annotationLines, Text.Length, "t_a.ann", problems);
        Assert.Empty(problems);
        return new PolNearArticle("t", Text, "t_a.ann", spans, events);
    }

    private static string Span(string part) => $"{Text.IndexOf(part, StringComparison.Ordinal)} {Text.IndexOf(part, StringComparison.Ordinal) + part.Length}";

    [Fact]
    public void Gold_attributions_come_from_events()
    {
        var gold = AttributionEvaluator.GoldOf(Article(
            $"T1\tSource {Span("Maria Lopez")}\tMaria Lopez",
            $"T2\tCue {Span("said")}\tsaid",
            $"T3\tContent {Span("“We will win the vote,”")}\t“We will win the vote,”",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3"));
        var a = Assert.Single(gold);
        Assert.Equal("Maria Lopez", a.Sources.Single().GetText(Text));
        Assert.Equal("said", a.Cue.Single().GetText(Text));
    }

    [Fact]
    public void A_perfect_statement_scores_one_and_a_missed_attribution_lowers_recall()
    {
        var article = Article(
            $"T1\tSource {Span("Maria Lopez")}\tMaria Lopez",
            $"T2\tCue {Span("said")}\tsaid",
            $"T3\tContent {Span("“We will win the vote,”")}\t“We will win the vote,”",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
            $"T4\tCue {Span("rose")}\trose",
            $"T5\tContent {Span("Prices")}\tPrices",
            "E2\tAttribution:T4 Cue:T4 Content:T5");
        var result = AttributionEvaluator.Evaluate([article], ParleyPipeline.Get("quotes"));
        Assert.Equal(2, result.Gold);
        Assert.Equal(1, result.Predicted);
        foreach (var role in result.Roles)
        {
            Assert.Equal(1.0, role.Exact.Precision, 3);
            Assert.Equal(0.5, role.Exact.Recall, 3);
            Assert.Equal(1.0, role.Overlap.Precision, 3);
        }
    }

    [Fact]
    public void Content_without_its_marks_is_not_an_exact_match_but_overlaps()
    {
        var article = Article(
            $"T2\tCue {Span("said")}\tsaid",
            $"T3\tContent {Span("We will win the vote")}\tWe will win the vote",
            "E1\tAttribution:T2 Cue:T2 Content:T3");
        var content = AttributionEvaluator.Evaluate([article], ParleyPipeline.Get("quotes")).Roles.Single(r => r.Role == "content");
        Assert.Equal(0, content.Exact.F1);
        Assert.True(content.Overlap.Recall == 1.0 && content.Overlap.Precision < 1.0);
    }

    [Fact]
    public void Prf_from_counts() => Assert.Equal(0.8, Prf.FromCounts(8, 2, 2).F1, 6);
}
