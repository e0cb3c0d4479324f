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
        CorpusCli.AddCommands(root);
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; returns the exit code.</summary>
    public static int Run(string[] args) => Create().Parse(args).Invoke();
}
