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
}
