using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley analyze</c>: annotate articles and print who said what.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text files to analyze, or - for standard input", Arity = ArgumentArity.OneOrMore };
        var command = new Command("analyze", "Find statements in articles.") { files };
        command.SetAction(_ => 0);
        return command;
    }
}
