using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Tagging;
using Parley.Learning;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Tests.Entities;

public sealed class NerTaggerTests
{
    // Hand-written toy news in CoNLL-2003 layout (POS and chunk columns are dummies).
    private const string Toy = """
        -DOCSTART- -X- -X- O

        Maria X X I-PER
        Lopez X X I-PER
        told X X O
        Reuters X X I-ORG
        in X X O
        Madrid X X I-LOC
        . X X O

        Lopez X X I-PER
        said X X O
        the X X O
        Spanish X X I-MISC
        bank X X O
        would X X O
        grow X X O
        . X X O

        -DOCSTART- -X- -X- O

        Peter X X I-PER
        Novak X X I-PER
        of X X O
        Acme X X I-ORG
        Holdings X X I-ORG
        flew X X O
        to X X O
        Berlin X X I-LOC
        . X X O

        Novak X X I-PER
        met X X O
        German X X I-MISC
        officials X X O
        in X X O
        Berlin X X I-LOC
        . X X O

        -DOCSTART- -X- -X- O

        The X X O
        minister X X O
        spoke X X O
        to X X O
        TASS X X I-ORG
        in X X O
        Moscow X X I-LOC
        on X X O
        Monday X X O
        . X X O
        """;

    private static List<NerExample> ToyExamples() => NerCorpus.From(ConllReader.Parse(Toy.Split('\n'), "toy.conll"));

    private static NerTagger TrainToy(bool twoPass = false)
    {
        var examples = ToyExamples();
        return NerTrainer.Train(examples, examples, new NerTrainingOptions { Epochs = 10, Seed = 1, TwoPass = twoPass, Folds = 3 });
    }

    [Fact]
    public void Learns_the_toy_corpus()
    {
        var tagger = TrainToy();
        var (scores, _) = NerCorpus.Evaluate(tagger, ToyExamples());
        Assert.Equal(100, scores.F1, 3);
    }

    [Fact]
    public void Two_pass_tagger_trains_and_round_trips_through_a_file()
    {
        var tagger = TrainToy(twoPass: true);
        string path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            var loaded = NerTagger.Load(path);
            Assert.Equal(tagger.Stages, loaded.Stages);
            foreach (var e in ToyExamples()) Assert.Equal(tagger.TagLabels(e.Text), loaded.TagLabels(e.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_model_gives_a_clear_error()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            var e = Assert.Throws<ModelFormatException>(() => NerTagger.Load(path));
            Assert.Contains(path, e.Message);
            // A sequence model is not an entity model either.
            SequenceTaggerTestsAccess.SaveToyModel(path);
            Assert.Contains("bad header", Assert.Throws<ModelFormatException>(() => NerTagger.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs layout, tokens, sentences and entities over <paramref name="text"/>; returns the document and (text, type) pairs.</summary>
    internal static (Document Document, List<(string, string)> Found) Tag(NerTagger tagger, string text)
    {
        var pipeline = TextPipeline.CreateBuilder().Use(new LayoutStage()).Use(new TokenizerStage()).Use(new SentenceStage())
            .Use(new EntityStage(tagger)).Build();
        var document = pipeline.Process(text);
        return (document, document.Get(EntityLayers.Entities).Select(m => (document.TextOf(m.Span), m.TypeName)).ToList());
    }

    [Fact]
    public void Tags_a_document_with_character_offsets()
    {
        var (_, found) = Tag(TrainToy(), "Maria Lopez told Reuters in Madrid.\n\nNovak met German officials in Berlin.");
        Assert.Contains(("Maria Lopez", "PERSON"), found);
        Assert.Contains(("Reuters", "ORGANIZATION"), found);
        Assert.Contains(("Madrid", "LOCATION"), found);
        Assert.Contains(("Berlin", "LOCATION"), found);
        Assert.Contains(("German", "MISC"), found);
    }

    [Fact]
    public void Empty_documents_and_documents_without_sentences_are_tagged()
    {
        var tagger = TrainToy();
        Assert.Empty(Tag(tagger, "").Found);
        // Tokens only, no sentence layer: the whole document counts as one sentence.
        var document = TextPipeline.CreateBuilder().Use(new LayoutStage()).Use(new TokenizerStage()).Build().Process("Peter Novak flew to Berlin.");
        var found = tagger.Tag(document).Select(m => document.TextOf(m.Span)).ToList();
        Assert.Contains("Berlin", found);
    }

    [Fact]
    public void Feature_extraction_is_deterministic()
    {
        var text = NerText.FromTokens([["Reuters", "reported", "that", "Anna", "Berg", "left", "New", "York", "."], ["BERG", "LEAVES", "NEW", "YORK"]]);
        List<ulong[]> Extract()
        {
            var features = new NerFeatures(Gazetteers.Default);
            var context = features.Analyze(text, null);
            var buffer = new FeatureSequence();
            var result = new List<ulong[]>();
            for (int s = 0; s < text.Sentences.Length; s++)
            {
                features.Extract(text, context, s, buffer);
                for (int i = 0; i < buffer.Length; i++) result.Add(buffer.At(i).ToArray());
            }
            return result;
        }
        var first = Extract();
        var second = Extract();
        Assert.Equal(first.Count, second.Count);
        for (int i = 0; i < first.Count; i++) Assert.Equal(first[i], second[i]);
        // Hashes are fixed by the algorithm, not the process: saved models depend on it.
        // A change of this value means every saved model must be retrained.
        Assert.Equal(15597247487364267869UL, FeatureHash.Finish(FeatureHash.Add(FeatureHash.Start(2), "Reuters")));
    }

    [Fact]
    public void Gazetteers_match_multi_word_entries_longest_first()
    {
        var text = NerText.FromTokens([["the", "New", "York", "Times", "and", "Reuters", "in", "Kyiv"]]);
        int lists = Gazetteers.ListNames.Count;
        var marks = new byte[8 * lists];
        Gazetteers.Default.Match(text, 0, 8, marks);
        int outlets = Gazetteers.ListNames.ToList().IndexOf("news-outlets");
        int cities = Gazetteers.ListNames.ToList().IndexOf("cities");
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0, 4, 0, 0 }, Enumerable.Range(0, 8).Select(i => marks[i * lists + outlets]));
        Assert.Equal(4, marks[7 * lists + cities]);
    }

    [Fact]
    public void Gazetteers_match_a_later_sentence_by_its_own_offsets()
    {
        var text = NerText.FromTokens([["He", "left", "."], ["Reuters", "and", "the", "New", "York", "Times", "agree"]]);
        int lists = Gazetteers.ListNames.Count;
        var marks = new byte[7 * lists];
        Gazetteers.Default.Match(text, 3, 10, marks);
        int outlets = Gazetteers.ListNames.ToList().IndexOf("news-outlets");
        Assert.Equal(new byte[] { 4, 0, 0, 1, 2, 3, 0 }, Enumerable.Range(0, 7).Select(i => marks[i * lists + outlets]));
    }
}

internal static class SequenceTaggerTestsAccess
{
    public static void SaveToyModel(string path) => Parley.Tests.Learning.SequenceTaggerTests.TrainToy(1).Save(path);
}
