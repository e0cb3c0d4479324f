namespace Parley.Tests.Commands;

/// <summary><c>parley train pos|parser</c> and <c>parley eval syntax</c> on a tiny written treebank.</summary>
public class SyntaxCommandsTests
{
    private const string Treebank =
        "# doc = toy\n# sent_id = toy-1\n# text = The minister said the talks failed .\n" +
        "1\tThe\tthe\t_\tDT\t_\t2\tdet\t_\t_\n" +
        "2\tminister\tminister\t_\tNN\t_\t3\tnsubj\t_\t_\n" +
        "3\tsaid\tsay\t_\tVBD\t_\t0\troot\t_\t_\n" +
        "4\tthe\tthe\t_\tDT\t_\t5\tdet\t_\t_\n" +
        "5\ttalks\ttalk\t_\tNNS\t_\t6\tnsubj\t_\t_\n" +
        "6\tfailed\tfail\t_\tVBD\t_\t3\tccomp\t_\t_\n" +
        "7\t.\t.\t_\t.\t_\t3\tpunct\t_\t_\n\n";

    [Fact]
    public void TrainsAndEvaluatesOnATinyTreebank()
    {
        using var dir = new TempDir();
        var conllu = dir.File("toy.conllu", string.Concat(Enumerable.Repeat(Treebank, 5)));
        var pos = Path.Combine(dir.Path, "pos.bin");
        var parser = Path.Combine(dir.Path, "parser.bin");
        var tagged = CliRunner.Run("train", "pos", "--train", conllu, "--out", pos, "--epochs", "3", "--min-count", "1");
        Assert.True(tagged.ExitCode == 0, tagged.Stderr);
        var parsed = CliRunner.Run("train", "parser", "--train", conllu, "--out", parser, "--epochs", "5", "--min-count", "1", "--seed", "2");
        Assert.True(parsed.ExitCode == 0, parsed.Stderr);
        var eval = CliRunner.Run("eval", "syntax", conllu, "--pos", pos, "--parser", parser, "--passes", "1");
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Contains("100.00% accuracy", eval.Stdout);
        Assert.Contains("UAS / LAS    100.00 / 100.00", eval.Stdout);
    }

    [Fact]
    public void MalformedTreebankAndBadModelsGiveOneLineErrors()
    {
        using var dir = new TempDir();
        var bad = dir.File("bad.conllu", Treebank.Replace("\t2\tdet\t", "\ttwo\tdet\t"));
        var result = CliRunner.Run("train", "pos", "--train", bad, "--out", Path.Combine(dir.Path, "x.bin"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.conllu:4:", result.Stderr);

        var good = dir.File("good.conllu", Treebank);
        var notModel = dir.File("pos.bin", "not a model");
        result = CliRunner.Run("eval", "syntax", good, "--pos", notModel, "--tag-only");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(notModel, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
