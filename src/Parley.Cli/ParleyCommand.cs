using System.CommandLine;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>The root of the <c>parley</c> command line.</summary>
public static class ParleyCommand
{
    /// <summary>Builds the command tree. Each subcommand lives in its own file under Commands/.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Parley: who said what, through whom, about what, and when, from news text.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        // Temporary wiring of the syntax commands (to be merged with the other train/eval subcommands).
        root.Subcommands.Add(new Command("train", "Train Parley's models.") { SyntaxCommands.CreateTrainPos(), SyntaxCommands.CreateTrainParser(), SyntaxCommands.CreateCompactParser() });
        root.Subcommands.Add(new Command("eval", "Evaluate Parley's models.") { SyntaxCommands.CreateEvalSyntax() });
        return root;
    }

    /// <summary>Parses and runs; returns the exit code.</summary>
    public static int Run(string[] args) => Create().Parse(args).Invoke();
}
