using Parley.Statements.Tagging;

namespace Parley.Tests.Commands;

public sealed class TrainStatementsCommandTests
{
    [Fact]
    public void Trains_a_model_with_a_source_tagger_unless_told_not_to()
    {
        using var dir = new TempDir();
        string split = Split(dir);
        string withSources = Path.Combine(dir.Path, "with.bin"), without = Path.Combine(dir.Path, "without.bin");
        var result = CliRunner.Run("train", "statements", "--train", split, "--dev", split, "--out", withSources, "--epochs", "3", "--folds", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cue-conditioned sources", result.Stderr);
        Assert.NotNull(StatementTagger.Load(withSources).SourceModel);
        result = CliRunner.Run("train", "statements", "--train", split, "--dev", split, "--out", without, "--epochs", "3", "--folds", "2", "--no-source-tagger");
        Assert.Equal(0, result.ExitCode);
        Assert.Null(StatementTagger.Load(without).SourceModel);
    }

    [Fact]
    public void A_folder_that_is_no_split_gives_one_line_error_and_writes_nothing()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "model.bin");
        var result = CliRunner.Run("train", "statements", "--train", Path.Combine(dir.Path, "missing"), "--dev", Path.Combine(dir.Path, "missing"), "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a PolNeAR split", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(output));
    }

    /// <summary>A two-article PolNeAR-style split, one attribution each (source, cue, content).</summary>
    private static string Split(TempDir dir)
    {
        string split = Path.Combine(dir.Path, "split");
        Directory.CreateDirectory(Path.Combine(split, "text"));
        Directory.CreateDirectory(Path.Combine(split, "attributions"));
        Article(split, "port", "Port to Reopen\n\nAnna Berg said the port would reopen on Friday.\n", "Anna Berg", "said", "the port would reopen on Friday");
        Article(split, "dam", "Dam Holds\n\nThe engineers said that the dam would hold.\n", "The engineers", "said", "that the dam would hold");
        return split;
    }

    private static void Article(string split, string name, string text, string source, string cue, string content)
    {
        File.WriteAllText(Path.Combine(split, "text", name + ".txt"), text);
        int s = text.IndexOf(source, StringComparison.Ordinal), c = text.IndexOf(cue, StringComparison.Ordinal), t = text.IndexOf(content, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(split, "attributions", name + "_a1.ann"),
            $"T1\tSource {s} {s + source.Length}\t{source}\n" +
            $"T2\tCue {c} {c + cue.Length}\t{cue}\n" +
            $"T3\tContent {t} {t + content.Length}\t{content}\n" +
            $"T4\tAttribution {c} {c + cue.Length}\t{cue}\n" +
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n");
    }
}
