using Parley.Cli;

namespace Parley.Tests.Commands;

public sealed class EvalCommandTests
{
    [Fact]
    public void Missing_polnear_folder_gives_one_line_error_and_exit_code_2()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = ParleyCommand.Run(["eval", "quotes", "--polnear", Path.Combine(Path.GetTempPath(), "no-such-polnear-" + Guid.NewGuid().ToString("N"))]);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Equal(2, code);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("not a PolNeAR split", lines[0]);
    }

    [Fact]
    public void Eval_has_a_quotes_subcommand()
    {
        var eval = ParleyCommand.Create().Subcommands.Single(c => c.Name == "eval");
        Assert.Contains(eval.Subcommands, c => c.Name == "quotes");
    }

    [Fact]
    public void Polnear_errors_file_lists_every_gold_attribution_beside_its_prediction()
    {
        using var dir = new TempDir();
        string split = MiniSplit(dir);
        string errors = Path.Combine(dir.Path, "errors.tsv");
        var result = CliRunner.Run("eval", "polnear", split, "--errors", errors);
        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(errors);
        Assert.StartsWith("article\tproblem\tgold cue", lines[0]);
        var gold = Assert.Single(lines, l => l.Contains("\tAnna Berg\t", StringComparison.Ordinal));
        var fields = gold.Split('\t');
        Assert.Equal(8, fields.Length);
        Assert.Equal("said", fields[2]);
        Assert.Contains(fields[1], new[] { "ok", "cue-missed", "cue-boundary", "source", "cue-boundary+source" });
    }

    [Fact]
    public void Polnear_errors_file_that_cannot_be_written_gives_one_line_error_before_any_work()
    {
        using var dir = new TempDir();
        string split = MiniSplit(dir);
        var result = CliRunner.Run("eval", "polnear", split, "--errors", Path.Combine(dir.Path, "no-such-folder", "errors.tsv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write --errors file", line);
    }

    /// <summary>A one-article PolNeAR-style split: "Anna Berg said the port would reopen on Friday."</summary>
    internal static string MiniSplit(TempDir dir)
    {
        const string text = "Port to Reopen\n\nAnna Berg said the port would reopen on Friday.\n";
        string split = Path.Combine(dir.Path, "split");
        Directory.CreateDirectory(Path.Combine(split, "text"));
        Directory.CreateDirectory(Path.Combine(split, "attributions"));
        File.WriteAllText(Path.Combine(split, "text", "port.txt"), text);
        int source = text.IndexOf("Anna Berg", StringComparison.Ordinal), cue = text.IndexOf("said", StringComparison.Ordinal);
        int content = cue + 5, contentEnd = text.IndexOf('.', content);
        File.WriteAllText(Path.Combine(split, "attributions", "port_a1.ann"),
            $"T1\tSource {source} {source + 9}\tAnna Berg\n" +
            $"T2\tCue {cue} {cue + 4}\tsaid\n" +
            $"T3\tContent {content} {contentEnd}\t{text[content..contentEnd]}\n" +
            $"T4\tAttribution {cue} {cue + 4}\tsaid\n" +
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n");
        return split;
    }
}
