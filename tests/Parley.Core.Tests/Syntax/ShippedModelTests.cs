using Parley.Documents;
using Parley.Pipeline;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

/// <summary>The committed models (models/*.bin, copied next to the tests) tag and parse sensibly.</summary>
public sealed class ShippedModelTests
{
    private static Document Run(string text, bool fast = false)
    {
        var pipeline = ParleyPipeline.CreateRulesBuilder().AddSyntax(fastParser: fast).Build(); // a pipeline without syntax of its own
        return pipeline.Process(text, new DocumentMetadata { Id = "syntax-test" });
    }

    private static int Index(Document doc, string word) =>
        doc.Tokens.IndexOf(doc.Tokens.First(t => doc.TextOf(t.Span) == word));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TagsAndParsesAReportingSentence(bool fast)
    {
        var doc = Run("The minister said that the talks had failed.", fast);
        var pos = doc.Get(SyntaxLayers.PartOfSpeech);
        var deps = doc.Get(SyntaxLayers.Dependencies);
        Assert.Equal(doc.Tokens.Length, pos.Length);
        Assert.Equal(doc.Tokens.Length, deps.Length);

        int said = Index(doc, "said"), talks = Index(doc, "talks"), failed = Index(doc, "failed"), minister = Index(doc, "minister");
        Assert.Equal("VBD", pos[said].Tag);
        Assert.Equal("NNS", pos[talks].Tag);
        Assert.Equal("VBN", pos[failed].Tag);
        Assert.True(deps[said].IsRoot);
        Assert.Equal("root", deps[said].Label);
        Assert.Equal(new Dependency(failed, "nsubj"), deps[talks]);
        Assert.Equal(new Dependency(said, "nsubj"), deps[minister]);
        Assert.Equal(new Dependency(said, "ccomp"), deps[failed]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EverySentenceIsATreeOverItsOwnTokens(bool fast)
    {
        var doc = Run("“We will not back down,” the senator told reporters on Tuesday. Talks resumed (briefly) in Kyiv’s old town hall.\n\nPrices rose 3.5% in 2016, officials said.", fast);
        var deps = doc.Get(SyntaxLayers.Dependencies);
        foreach (var sentence in doc.Sentences)
        {
            var heads = new int[sentence.TokenCount];
            for (int i = 0; i < heads.Length; i++)
            {
                var d = deps[sentence.FirstToken + i];
                Assert.True(d.IsRoot || (d.Head >= sentence.FirstToken && d.Head < sentence.EndToken));
                heads[i] = d.IsRoot ? -1 : d.Head - sentence.FirstToken;
            }
            Assert.True(DependencyParser.IsProjectiveTree(heads));
        }
        var pos = doc.Get(SyntaxLayers.PartOfSpeech);
        Assert.Equal("``", pos[0].Tag);
        Assert.Equal("POS", pos[Index(doc, "’s")].Tag);
    }

    [Fact]
    public void PipelineWithoutSentencesFailsWhenBuilt()
    {
        var builder = TextPipeline.CreateBuilder().Use(new PosTagStage());
        Assert.Throws<InvalidOperationException>(() => builder.Build());
        var parseOnly = ParleyPipeline.CreateRulesBuilder().Use(new DependencyStage()); // no part-of-speech layer
        Assert.Throws<InvalidOperationException>(() => parseOnly.Build());
    }

    [SharedDataFact]
    public void ShippedModelsScoreOnTheDevSet()
    {
        var dir = SharedData.CoreNlpDir!;
        var sentences = SyntaxCorpus.Load(Path.Combine(dir, "dev.conllu")).Take(600).ToList();
        var scores = SyntaxEvaluator.Evaluate(sentences, SyntaxModels.PosTagger, SyntaxModels.DependencyParser);
        // Guards against regressions (full dev: POS 98.0, UAS 84.4, LAS 82.0); not the targets.
        Assert.True(scores.PosAccuracy > 96, $"POS accuracy {scores.PosAccuracy:0.00}");
        Assert.True(scores.Uas > 81, $"UAS {scores.Uas:0.00}");
        Assert.True(scores.Las > 78, $"LAS {scores.Las:0.00}");
        var fast = SyntaxEvaluator.Evaluate(sentences, SyntaxModels.PosTagger, SyntaxModels.FastDependencyParser);
        Assert.True(fast.Uas > 79, $"fast UAS {fast.Uas:0.00}");
    }
}
