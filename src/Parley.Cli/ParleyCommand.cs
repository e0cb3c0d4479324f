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
        var bench = BenchCommand.Create();
        bench.Subcommands.Add(BenchServeCommand.Create());
        root.Subcommands.Add(bench);
        var train = TrainCommand.Create();
        train.Subcommands.Add(SyntaxCommands.CreateTrainPos());
        train.Subcommands.Add(SyntaxCommands.CreateTrainParser());
        train.Subcommands.Add(SyntaxCommands.CreateCompactParser());
        train.Subcommands.Add(TrainStatementsCommand.Create());
        train.Subcommands.Add(TrainConfidenceCommand.Create());
        root.Subcommands.Add(train);
        var eval = EvalCommand.Create();
        eval.Subcommands.Add(SyntaxCommands.CreateEvalSyntax());
        root.Subcommands.Add(eval);
        return root;
    }

    /// <summary>Parses and runs; returns the exit code.</summary>
    public static int Run(string[] args) => Create().Parse(args).Invoke();
}
