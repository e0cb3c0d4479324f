using System.Diagnostics;
using Parley.Entities;
using Parley.Entities.Tagging;

namespace Parley.Tests.Entities;

/// <summary>Checks of the committed model, models/ner.bin, copied beside the test assemblies.</summary>
public sealed class DefaultModelTests
{
    [Fact]
    public void Default_model_loads_and_tags_news_text()
    {
        // Load time is measured by `parley bench ner`, not here: timed unit tests fail on busy machines.
        var tagger = NerTagger.Load(NerTagger.DefaultPath);

        string text = "Russian President Vladimir Putin told TASS on Friday that talks with Ukraine in Istanbul had stalled.\n\n" +
                      "A spokesman for the European Commission said Brussels would respond.";
        var (document, found) = NerTaggerTests.Tag(tagger, text);
        Assert.Contains(("Vladimir Putin", "PERSON"), found);
        Assert.Contains(("TASS", "ORGANIZATION"), found);
        Assert.Contains(("Ukraine", "LOCATION"), found);
        Assert.Contains(("Istanbul", "LOCATION"), found);
        Assert.Contains(("European Commission", "ORGANIZATION"), found);
        foreach (var m in document.Get(EntityLayers.Entities)) Assert.Equal(m.Span, new Parley.Documents.TextSpan(document.Tokens[m.FirstToken].Start, document.Tokens[m.FirstToken + m.TokenCount - 1].End));
    }

    [SharedDataFact("ner/conll2003/eng.testa")]
    public void Default_model_reaches_the_dev_target_on_conll2003()
    {
        var examples = NerCorpus.From(ConllReader.Read(SharedData.Find("ner/conll2003/eng.testa")!));
        var (scores, _) = NerCorpus.Evaluate(NerTagger.Load(NerTagger.DefaultPath), examples);
        Assert.True(scores.F1 >= 91, scores.Format());
    }
}
