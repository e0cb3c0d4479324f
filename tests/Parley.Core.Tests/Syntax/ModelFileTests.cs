using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ModelFileTests
{
    private static string SavedTagger()
    {
        var tagger = PosTagger.Train(ToyTreebank.Sentences(), new PosTagger.TrainingOptions(Epochs: 2, MinFeatureCount: 1));
        var path = Path.Combine(Path.GetTempPath(), $"parley-test-{Guid.NewGuid():N}.bin");
        tagger.Save(path);
        return path;
    }

    [Fact]
    public void MissingModelNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-no-such-model.bin");
        var e = Assert.Throws<FileNotFoundException>(() => PosTagger.Load(path));
        Assert.Contains(path, e.Message);
        var p = Assert.Throws<FileNotFoundException>(() => DependencyParser.Load(path));
        Assert.Contains(path, p.Message);
    }

    [Fact]
    public void FlippedByteFailsTheChecksum()
    {
        var path = SavedTagger();
        try
        {
            var bytes = File.ReadAllBytes(path);
            bytes[^5] ^= 0x40;
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<InvalidDataException>(() => PosTagger.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("checksum", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TruncatedFileIsReported()
    {
        var path = SavedTagger();
        try
        {
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<InvalidDataException>(() => PosTagger.Load(path));
            Assert.Contains(path, e.Message);
            File.WriteAllBytes(path, bytes[..10]);
            Assert.Throws<InvalidDataException>(() => PosTagger.Load(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void NotAModelOrTheWrongKindIsReported()
    {
        var path = SavedTagger();
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => DependencyParser.Load(path));
            Assert.Contains("'pos' model", e.Message);
            File.WriteAllText(path, "hello, I am not a model at all");
            e = Assert.Throws<InvalidDataException>(() => PosTagger.Load(path));
            Assert.Contains("magic", e.Message);
        }
        finally { File.Delete(path); }
    }
}
