using Parley.Statements.Enrichment;

namespace Parley.Tests.Commands;

public sealed class TrainConfidenceCommandTests
{
    [Fact]
    public void Fits_a_loadable_model_on_a_split()
    {
        using var dir = new TempDir();
        string split = EvalCommandTests.MiniSplit(dir);
        string output = Path.Combine(dir.Path, "confidence.json");
        var result = CliRunner.Run("train", "confidence", "--dev", split, "--out", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("fitted on 1 statements of 1 PolNeAR articles", result.Stderr);
        var model = ConfidenceModel.Load(output);
        Assert.Equal(32, model.StatementModelMd5.Length);
    }

    [Fact]
    public void A_folder_that_is_no_split_gives_one_line_error_and_writes_nothing()
    {
        using var dir = new TempDir();
        string output = Path.Combine(dir.Path, "confidence.json");
        var result = CliRunner.Run("train", "confidence", "--dev", dir.Path, "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not a PolNeAR split", result.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Eval_polnear_reports_calibration()
    {
        using var dir = new TempDir();
        string split = EvalCommandTests.MiniSplit(dir);
        var result = CliRunner.Run("eval", "polnear", split);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("confidence against 'cue overlaps a gold cue': Brier", result.Stdout);
        Assert.Contains("1 statements, mean confidence", result.Stdout.Replace("    ", " ").Replace("  ", " "));
    }

    [Fact]
    public void Analyze_min_confidence_filters_and_checks_its_range()
    {
        using var dir = new TempDir();
        string file = dir.File("a.txt", "The minister said the bridge would reopen. “It is safe,” the engineer said. Critics fear the repairs will fail.");
        var all = CliRunner.Run("analyze", file, "--format", "json");
        var none = CliRunner.Run("analyze", file, "--format", "json", "--min-confidence", "0.999");
        Assert.True(all.ExitCode == 0 && none.ExitCode == 0, all.Stderr + none.Stderr);
        Assert.Contains("\"statements\": [\n", all.Stdout.Replace("\r", ""));
        Assert.Contains("\"statements\": []", none.Stdout);

        var outOfRange = CliRunner.Run("analyze", file, "--min-confidence", "1.5");
        Assert.Equal(2, outOfRange.ExitCode);
        Assert.Contains("--min-confidence must lie in [0, 1)", outOfRange.Stderr);
        var otherPipeline = CliRunner.Run("analyze", file, "--min-confidence", "0.5", "--pipeline", "rules");
        Assert.Equal(2, otherPipeline.ExitCode);
        Assert.Contains("full pipeline only", otherPipeline.Stderr);
    }

    [Theory]
    [InlineData("--minimum", "2", "--minimum must lie in [0, 1)")]
    [InlineData("--model", "/no/such/statements.bin", "no statement model at")]
    public void Bad_arguments_give_one_line_error_and_write_nothing(string option, string value, string expected)
    {
        using var dir = new TempDir();
        string split = EvalCommandTests.MiniSplit(dir);
        string output = Path.Combine(dir.Path, "confidence.json");
        var result = CliRunner.Run("train", "confidence", "--dev", split, "--out", output, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, result.Stderr);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void An_unwritable_output_gives_one_line_error()
    {
        using var dir = new TempDir();
        string split = EvalCommandTests.MiniSplit(dir);
        string blocker = dir.File("blocker", "a file where a folder should be");
        var result = CliRunner.Run("train", "confidence", "--dev", split, "--out", Path.Combine(blocker, "confidence.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
