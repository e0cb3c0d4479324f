using Parley.Documents;
using Parley.Serialization;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>The readable who-said-what table of <c>--format text</c>.</summary>
internal static class TextReport
{
    /// <summary>Writes the report for <paramref name="document"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, Document document)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        bool terminal = stream is not FileStream && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 160;

        string text = document.Text;
        string title = document.Metadata.Title ?? "(no title)";
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        console.MarkupLine($"[grey]{Markup.Escape(document.Metadata.Source ?? "")} · {document.Sentences.Length} sentences · {document.Quotes.Length} quotes · {document.Statements.Length} statements[/]");

        if (document.Statements.IsEmpty)
        {
            console.MarkupLine("[grey]No statements found.[/]");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Expand();
            table.AddColumn("#");
            table.AddColumn("kind");
            table.AddColumn("speaker");
            table.AddColumn("cue");
            table.AddColumn(new TableColumn("content"));
            foreach (var s in document.Statements)
            {
                string speaker = s.Speaker is { } sp ? $"{sp.Name} ({Names.Of(sp.Type)})" : "—";
                if (s.Channel is { } ch) speaker += $" via {ch.Name}";
                string content = string.Join(" … ", s.Content.Select(c => c.GetText(text)));
                table.AddRow(
                    Markup.Escape(s.Id),
                    Markup.Escape(Names.Of(s.Kind)),
                    Markup.Escape(speaker),
                    Markup.Escape(s.Cue is { } cue ? cue.GetText(text) : "—"),
                    Markup.Escape(Shorten(content, 220)));
            }
            console.Write(table);
        }
        writer.Flush();
    }

    private static string Shorten(string value, int max)
    {
        value = value.ReplaceLineEndings(" ");
        return value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
    }
}
