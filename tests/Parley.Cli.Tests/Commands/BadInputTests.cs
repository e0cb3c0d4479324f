namespace Parley.Tests.Commands;

/// <summary>Every kind of bad input gives a one-line error and a non-zero exit code, never a stack trace.</summary>
public class BadInputTests
{
    private static void AssertOneLineError(CliRunner.Result result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void Binary_file()
    {
        using var dir = new TempDir();
        var path = dir.File("image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D });
        var result = CliRunner.Run("analyze", path);
        AssertOneLineError(result, "binary");
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains(path));
    }

    [Fact]
    public void Invalid_utf8()
    {
        using var dir = new TempDir();
        AssertOneLineError(CliRunner.Run("analyze", dir.File("bad.txt", new byte[] { 0x48, 0x69, 0x20, 0xFF, 0xFE, 0x21 })), "not valid UTF-8");
    }

    [Fact]
    public void Empty_file()
    {
        using var dir = new TempDir();
        AssertOneLineError(CliRunner.Run("analyze", dir.File("empty.txt", Array.Empty<byte>())), "input is empty");
    }

    [Fact]
    public void File_of_200_megabytes()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "huge.txt");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024); // sparse: costs no disk
        AssertOneLineError(CliRunner.Run("analyze", path), "too large");
    }

    [Fact]
    public void Directory_instead_of_a_file()
    {
        using var dir = new TempDir();
        AssertOneLineError(CliRunner.Run("analyze", dir.Path), "is a directory");
    }

    [Fact]
    public void Missing_path()
    {
        AssertOneLineError(CliRunner.Run("analyze", "/no/such/file.txt"), "no such file");
    }

    [Fact]
    public void Batch_with_one_bad_file_processes_the_others_and_names_the_failure()
    {
        using var dir = new TempDir();
        var good1 = dir.File("good1.txt", "First Headline\n\nA sentence here.");
        var bad = dir.File("bad.txt", new byte[] { 0xC3, 0x28 });
        var good2 = dir.File("good2.txt", "Second Headline\n\nAnother sentence.");
        var result = CliRunner.Run("analyze", good1, bad, good2, "--format", "jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(bad, result.Stderr);
        Assert.Contains("1 of 3 input(s) failed", result.Stderr);
        Assert.DoesNotContain(good1, result.Stderr);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", "Text."), "--format", "xml");
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Theory]
    [InlineData("--threads", "0", "--threads must be between 1 and 64")]
    [InlineData("--repeat", "0", "--repeat must be at least 1")]
    public void Bench_with_bad_numbers(string option, string value, string expected)
    {
        using var dir = new TempDir();
        dir.File("a.txt", "Some text. More text.");
        AssertOneLineError(CliRunner.Run("bench", dir.Path, option, value), expected);
    }

    [Fact]
    public void Unknown_pipeline_is_a_usage_error()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", "Text."), "--pipeline", "bogus");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bogus", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Bench_on_a_missing_folder()
    {
        AssertOneLineError(CliRunner.Run("bench", "/no/such/folder"), "no such folder");
    }
}

public class EvalPolNearCommandTests
{
    [Fact]
    public void Missing_split_folder_is_a_one_line_error()
    {
        var result = CliRunner.Run("eval", "polnear", "/no/such/split");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a PolNeAR split folder", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
