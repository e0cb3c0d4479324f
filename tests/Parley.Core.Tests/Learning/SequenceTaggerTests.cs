using Parley.Learning;

namespace Parley.Tests.Learning;

public sealed class SequenceTaggerTests
{
    // A toy task: colour words are COLOR spans, "light"/"dark" before a colour extends the span,
    // and the word after "at" is a PLACE. Hand-written, no corpus needed.
    private static readonly string[][] Toy =
    [
        ["the", "red", "car", "is", "at", "home"],
        ["a", "light", "blue", "door", "at", "school"],
        ["blue", "is", "nice"],
        ["we", "met", "at", "work", "near", "the", "green", "tree"],
        ["dark", "red", "wine", "at", "dinner"],
        ["green", "and", "red", "flags"],
        ["nothing", "here"],
        ["at", "home", "the", "dark", "green", "sofa"],
    ];

    private static readonly SpanTagScheme Scheme = new(["COLOR", "PLACE"]);

    private static List<TaggedSpan> Gold(string[] words)
    {
        var spans = new List<TaggedSpan>();
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] is "red" or "blue" or "green")
            {
                int start = i > 0 && words[i - 1] is "light" or "dark" ? i - 1 : i;
                spans.Add(new TaggedSpan(start, i + 1, 0));
            }
            if (words[i] == "at" && i + 1 < words.Length) spans.Add(new TaggedSpan(i + 1, i + 2, 1));
        }
        return spans;
    }

    internal static void Features(string[] words, FeatureSequence output)
    {
        output.Clear();
        for (int i = 0; i < words.Length; i++)
        {
            output.Add(FeatureHash.Start(0));
            output.Add(FeatureHash.Add(FeatureHash.Start(1), words[i]));
            output.Add(FeatureHash.Add(FeatureHash.Start(2), i > 0 ? words[i - 1] : "<s>"));
            output.Add(FeatureHash.Add(FeatureHash.Start(3), i + 1 < words.Length ? words[i + 1] : "</s>"));
            output.EndPosition();
        }
    }

    internal static SequenceModel TrainToy(int seed)
    {
        var (allowed, end) = Scheme.Constraints();
        var trainer = new PerceptronTrainer(Scheme.Labels, allowed, end);
        var buffer = new FeatureSequence();
        foreach (var words in Toy)
        {
            Features(words, buffer);
            var gold = new int[words.Length];
            SpanTagScheme.Encode(Gold(words), gold);
            trainer.Add(buffer, gold);
        }
        return trainer.Train(20, seed, "toy");
    }

    private static List<TaggedSpan> Predict(SequenceModel model, string[] words)
    {
        var buffer = new FeatureSequence();
        Features(words, buffer);
        var labels = new int[words.Length];
        model.Decode(buffer, labels);
        return SpanTagScheme.DecodeSpans(labels);
    }

    [Fact]
    public void Learns_the_toy_training_data()
    {
        var model = TrainToy(seed: 7);
        foreach (var words in Toy) Assert.Equal(Gold(words), Predict(model, words));
    }

    [Fact]
    public void Generalises_to_an_unseen_toy_sentence()
    {
        var model = TrainToy(seed: 7);
        string[] words = ["a", "dark", "blue", "boat", "at", "school"];
        Assert.Equal([new TaggedSpan(1, 3, 0), new TaggedSpan(5, 6, 1)], Predict(model, words));
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        string a = Path.GetTempFileName(), b = Path.GetTempFileName();
        try
        {
            TrainToy(seed: 3).Save(a);
            TrainToy(seed: 3).Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Save_and_load_round_trip_keeps_decisions()
    {
        var model = TrainToy(seed: 1);
        string path = Path.GetTempFileName();
        try
        {
            model.Save(path);
            var loaded = SequenceModel.Load(path);
            Assert.Equal(model.Labels, loaded.Labels);
            Assert.Equal("toy", loaded.Metadata);
            Assert.Equal(model.Features.Count, loaded.Features.Count);
            foreach (var words in Toy.Append(["light", "green", "at", "work"]))
                Assert.Equal(Predict(model, words), Predict(loaded, words));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corrupt_or_missing_model_files_fail_with_a_clear_message()
    {
        string path = Path.GetTempFileName();
        try
        {
            TrainToy(seed: 1).Save(path);
            byte[] bytes = File.ReadAllBytes(path);

            var flipped = (byte[])bytes.Clone();
            flipped[^5] ^= 0x40;
            File.WriteAllBytes(path, flipped);
            Assert.Contains("checksum", Assert.Throws<ModelFormatException>(() => SequenceModel.Load(path)).Message);

            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => SequenceModel.Load(path)).Message);

            File.WriteAllText(path, "not a model at all, just some text");
            Assert.Contains("not a Parley", Assert.Throws<ModelFormatException>(() => SequenceModel.Load(path)).Message);

            var missing = Path.Combine(Path.GetTempPath(), "parley-no-such-model.bin");
            Assert.Contains("not found", Assert.Throws<ModelFormatException>(() => SequenceModel.Load(missing)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Constrained_decoding_never_produces_an_ill_formed_bilou_sequence()
    {
        var model = TrainToy(seed: 5);
        var (allowed, end) = Scheme.Constraints();
        int n = Scheme.Labels.Count;
        string[][] odd = [["light", "dark", "at", "at"], ["red"], ["at"], ["green", "green", "light"]];
        foreach (var words in odd)
        {
            var buffer = new FeatureSequence();
            Features(words, buffer);
            var labels = new int[words.Length];
            model.Decode(buffer, labels);
            Assert.True(allowed[n * n + labels[0]]);
            for (int i = 1; i < labels.Length; i++) Assert.True(allowed[labels[i - 1] * n + labels[i]]);
            Assert.True(end[labels[^1]]);
        }
    }

    [Fact]
    public void Iob1_and_iob2_give_the_same_spans()
    {
        var scheme = new SpanTagScheme(["PER", "LOC"]);
        string[] iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-PER"];
        string[] iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-PER"];
        var expected = new[] { new TaggedSpan(0, 2, 0), new TaggedSpan(2, 3, 0), new TaggedSpan(4, 5, 1), new TaggedSpan(5, 6, 0) };
        Assert.Equal(expected, scheme.SpansFromIob(iob1));
        Assert.Equal(expected, scheme.SpansFromIob(iob2));
        var labels = new int[6];
        SpanTagScheme.Encode(expected, labels);
        Assert.Equal(expected, SpanTagScheme.DecodeSpans(labels));
    }
}
