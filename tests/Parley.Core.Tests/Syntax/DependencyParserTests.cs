using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class DependencyParserTests
{
    private static DependencyParser TrainToy(ParserFeatures features = ParserFeatures.Full) => DependencyParser.Train(
        ToyTreebank.Sentences(), new DependencyParser.TrainingOptions(Epochs: 15, Seed: 3, Features: features, MinFeatureCount: 1));

    [Theory]
    [InlineData(ParserFeatures.Full)]
    [InlineData(ParserFeatures.Fast)]
    [InlineData(ParserFeatures.Rich)]
    public void LearnsTheToyTreebank(ParserFeatures features)
    {
        var parser = TrainToy(features);
        foreach (var s in ToyTreebank.Sentences())
        {
            var (heads, labels) = parser.Parse(s.Text, s.Tokens, s.Tags);
            Assert.Equal(s.Heads, heads);
            Assert.Equal(s.Labels, labels);
        }
    }

    [Fact]
    public void SaveLoadRoundTripParsesTheSame()
    {
        var parser = TrainToy();
        var path = Path.GetTempFileName();
        try
        {
            parser.Save(path);
            var loaded = DependencyParser.Load(path);
            Assert.Equal(parser.Labels, loaded.Labels);
            foreach (var s in ToyTreebank.Sentences())
            {
                var a = parser.Parse(s.Text, s.Tokens, s.Tags);
                var b = loaded.Parse(s.Text, s.Tokens, s.Tags);
                Assert.Equal(a.Heads, b.Heads);
                Assert.Equal(a.Labels, b.Labels);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AlwaysProducesATreeWithOneRoot()
    {
        var parser = TrainToy();
        var s = ToyTreebank.Sentences()[0];
        // Nonsense tags: the parse may be wrong but must still be a projective tree with one root.
        var tags = Enumerable.Repeat("NN", s.Tokens.Length).ToArray();
        var (heads, _) = parser.Parse(s.Text, s.Tokens, tags);
        Assert.True(DependencyParser.IsProjectiveTree(heads));
    }

    [Fact]
    public void ProjectivityCheck()
    {
        Assert.True(DependencyParser.IsProjectiveTree([1, -1, 1]));
        Assert.False(DependencyParser.IsProjectiveTree([2, 3, -1, 2])); // 0→2 crosses 1→3
        Assert.False(DependencyParser.IsProjectiveTree([-1, -1]));      // two roots
        Assert.False(DependencyParser.IsProjectiveTree([1, 0]));        // cycle, no root
    }
}

public sealed class ParserOracleTests
{
    [Fact]
    public void OracleRebuildsTheToyTrees()
    {
        foreach (var s in ToyTreebank.Sentences())
        {
            Assert.Equal(s.Heads, DependencyParser.OracleHeads(s.Heads));
            Assert.Equal(s.Heads, DependencyParser.OracleHeads(s.Heads, preferRight: true));
        }
    }

    [SharedDataFact]
    public void OracleRebuildsEveryProjectiveDevTree()
    {
        var sentences = ConllUReader.Read(Path.Combine(SharedData.CoreNlpDir!, "dev.conllu"));
        int checkedTrees = 0;
        foreach (var s in sentences)
        {
            var heads = s.Tokens.Select(t => t.Head - 1).ToArray();
            if (!DependencyParser.IsProjectiveTree(heads)) continue;
            Assert.Equal(heads, DependencyParser.OracleHeads(heads));
            Assert.Equal(heads, DependencyParser.OracleHeads(heads, preferRight: true));
            checkedTrees++;
        }
        Assert.True(checkedTrees > 3000);
    }
}
