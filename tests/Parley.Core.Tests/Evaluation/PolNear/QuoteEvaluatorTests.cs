using Parley.Evaluation.PolNear;
using Parley.Pipeline;

namespace Parley.Tests.Evaluation.PolNear;

public sealed class QuoteEvaluatorTests
{
    [Fact]
    public void Counts_gold_quoted_contents_and_detected_speech()
    {
        const string text = "“We will build the new bridge next year,” Maria Olsen said. Officials said the plan was ready.";
        var (spans, events) = PolNearReader.ParseAnnotations(
        [
            "T1\tContent 0 42\tquoted",
            "T2\tContent 74 94\tthe plan was ready",
        ], text.Length, "x.ann", new List<string>());
        var article = new PolNearArticle("x", text, "x.ann", spans, events);
        var result = QuoteEvaluator.Evaluate([article], ParleyPipeline.Default);
        Assert.Equal(1, result.GoldQuoted);
        Assert.Equal(1, result.GoldQuotedFound);
        Assert.Equal(1, result.DetectedSpeech);
        Assert.Equal(1, result.DetectedSpeechInGold);
    }

    [Fact]
    public void Apostrophes_do_not_make_a_content_quoted()
    {
        const string text = "Kyiv’s officials’ plans don’t work.";
        Assert.False(QuoteEvaluator.ContainsQuotationMark(text, [new(0, text.Length)]));
        Assert.True(QuoteEvaluator.ContainsQuotationMark("He said “no”.", [new(0, 13)]));
    }

    [PolNearFact]
    public void Dev_split_meets_the_quote_targets()
    {
        var split = PolNearReader.ReadSplit(Path.Combine(SharedData.PolNear!, "dev"));
        Assert.Equal(84, split.Articles.Length);
        var result = QuoteEvaluator.Evaluate(split.Articles, ParleyPipeline.Default);
        Assert.True(result.Recall >= 0.95, $"recall {result.Recall:P1} ({result.GoldQuotedFound}/{result.GoldQuoted})");
        Assert.True(result.Precision >= 0.90, $"precision {result.Precision:P1} ({result.DetectedSpeechInGold}/{result.DetectedSpeech})");
    }
}
