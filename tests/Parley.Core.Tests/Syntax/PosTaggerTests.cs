using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class PosTaggerTests
{
    private static PosTagger TrainToy() => PosTagger.Train(ToyTreebank.Sentences(),
        new PosTagger.TrainingOptions(Epochs: 10, Seed: 7, MinFeatureCount: 1, DictionaryMinCount: 1000));

    [Fact]
    public void LearnsTheToyTreebank()
    {
        var tagger = TrainToy();
        foreach (var s in ToyTreebank.Sentences())
            Assert.Equal(s.Tags, tagger.Tag(s.Text, s.Tokens));
    }

    [Fact]
    public void TrainingIsDeterministicForASeed()
    {
        var a = Path.GetTempFileName();
        var b = Path.GetTempFileName();
        try
        {
            TrainToy().Save(a);
            TrainToy().Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally { File.Delete(a); File.Delete(b); }
    }

    [Fact]
    public void SaveLoadRoundTripTagsTheSame()
    {
        var tagger = TrainToy();
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            var loaded = PosTagger.Load(path);
            Assert.Equal(tagger.Tags, loaded.Tags);
            foreach (var s in ToyTreebank.Sentences())
                Assert.Equal(tagger.Tag(s.Text, s.Tokens), loaded.Tag(s.Text, s.Tokens));
        }
        finally { File.Delete(path); }
    }
}
