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
}
