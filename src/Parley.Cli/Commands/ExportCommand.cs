using System.CommandLine;
using System.Text;
using Parley.Corpus.Export;

namespace Parley.Cli.Commands;

/// <summary><c>parley export --format jsonl|csv|gdelt</c>: statements for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl (one statement per line), csv (one row per statement), gdelt (GKG 2.1 Quotations per article)",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "gdelt");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Export the corpus's statements.") { db, format, output };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            string? path = parse.GetValue(output);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            int rows = StatementExport.Write(store, writer, parse.GetValue(format)!);
            writer.Flush();
            if (path is not null) Console.Error.WriteLine($"parley: wrote {rows} rows to {path}");
            return 0;
        }));
        return command;
    }
}
