using Parley.Entities.Tagging;
using Parley.Learning;

namespace Parley.Tests.Entities;

/// <summary>
/// The tagger extracts features one sentence at a time into reused buffers (bounded memory on huge inputs);
/// these tests check it labels exactly as the whole-document form that keeps every sentence's features.
/// </summary>
public sealed class NerWindowingTests
{
    private const string Article = """
        Kremlin Rejects Kyiv Peace Plan

        MOSCOW — Kremlin spokesman Dmitry Peskov said on Tuesday that Russia would not accept the plan put forward by Ukrainian President Volodymyr Zelensky.

        "There is nothing to discuss," Peskov told reporters in Moscow. The Russian Foreign Ministry said the talks in Istanbul had stalled.

        Zelenskyy, speaking in Kyiv, said Ukraine would press on with the European Union and NATO. A spokesperson for the European Commission said Brussels would respond.

        Anna Novak, an analyst at Chatham House in London, said the Kremlin was playing for time. Novak added that Washington and Berlin were watching closely.

        PESKOV SAYS TALKS STALLED

        Reuters and the Associated Press reported that Peskov met Turkish officials in Ankara on Friday.
        """;

    [Fact]
    public void Windowed_tagging_matches_whole_document_tagging()
    {
        var tagger = NerTagger.Load(NerTagger.DefaultPath);
        var (document, _) = NerTaggerTests.Tag(tagger, Article);
        var text = NerText.FromDocument(document);
        Assert.True(text.Sentences.Length > 8, "the article must have many sentences");
        Assert.Equal(WholeDocumentLabels(tagger, text, 1), tagger.TagLabels(text, 1));
        Assert.Equal(WholeDocumentLabels(tagger, text, tagger.Stages), tagger.TagLabels(text));
        Assert.Equal(2, tagger.Stages);
        Assert.Contains(tagger.TagLabels(text), l => l != 0); // entities were found, so the comparison means something
    }

    [Fact]
    public void Second_pass_labels_do_not_depend_on_how_many_first_pass_rows_are_kept()
    {
        // The first pass keeps the second pass's local feature rows up to a budget; sentences past it are extracted
        // and looked up again. Any budget (none, part of the document, all of it) must give the same labels.
        var tagger = NerTagger.Load(NerTagger.DefaultPath);
        var (document, _) = NerTaggerTests.Tag(tagger, Article);
        var text = NerText.FromDocument(document);
        var expected = WholeDocumentLabels(tagger, text, tagger.Stages);
        foreach (int budget in new[] { 0, 1, 300, 1500, 5000, NerTagger.MaxKeptRows })
            Assert.Equal(expected, tagger.TagLabels(text, tagger.Stages, budget));
    }

    /// <summary>The earlier form of <see cref="NerTagger.TagLabels(NerText)"/>: every sentence's local features kept for the second pass.</summary>
    private static int[] WholeDocumentLabels(NerTagger tagger, NerText text, int stages)
    {
        var local = new FeatureSequence[text.Sentences.Length];
        var context = tagger.Features.Analyze(text, null);
        int[] labels = new int[text.Tokens.Length];
        for (int s = 0; s < text.Sentences.Length; s++)
        {
            var (start, end) = text.Sentences[s];
            local[s] = new FeatureSequence();
            if (end == start) continue;
            tagger.Features.ExtractLocal(text, context, s, local[s]);
            tagger.Models[0].Decode(local[s], labels.AsSpan(start, end - start));
        }
        if (stages < 2) return labels;
        var second = tagger.Features.Analyze(text, labels, context);
        var final = new int[text.Tokens.Length];
        for (int s = 0; s < text.Sentences.Length; s++)
        {
            var (start, end) = text.Sentences[s];
            if (end == start) continue;
            var extra = new FeatureSequence();
            tagger.Features.ExtractSecondPass(text, second, s, extra);
            tagger.Models[1].Decode(local[s], extra, final.AsSpan(start, end - start));
        }
        return final;
    }
}
