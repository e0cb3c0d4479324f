using Parley.Claims;
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
        if (!terminal) console.Profile.Width = 120;

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
            table.AddColumn("#\nconf.");
            table.AddColumn("kind");
            table.AddColumn("speaker");
            table.AddColumn("affiliation");
            table.AddColumn("channel");
            table.AddColumn("cue");
            table.AddColumn(new TableColumn("content"));
            foreach (var s in document.Statements)
            {
                string speaker = s.Speaker is { } sp ? $"{sp.Name} ({Names.Of(sp.Type)})" : "—";
                // Words for people, not the JSON names: "press conference", "according to".
                string channel = s.Channel is { } ch ? $"{ch.Name} ({Names.Of(ch.Kind).Replace('_', ' ')})" : "—";
                string content = string.Join(" … ", s.Content.Select(c => c.GetText(text)));
                table.AddRow(
                    // The confidence under the id: a column of its own would squeeze the others on a narrow terminal.
                    Markup.Escape(s.Id) + "\n" + s.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(Names.Of(s.Kind).Replace('_', ' ')),
                    Markup.Escape(speaker),
                    Markup.Escape(s.Speaker?.Affiliation ?? "—"),
                    Markup.Escape(channel),
                    Markup.Escape(s.Cue is { } cue ? cue.GetText(text) : "—"),
                    Markup.Escape(Shorten(content, 200)));
            }
            console.Write(table);
        }

        if (document.Has(ClaimLayers.Claims))
        {
            var profile = SourcingProfile.Compute(document);
            console.MarkupLine(
                $"[bold]Sourcing[/]: {profile.Statements} statements: {profile.Named} named ({profile.Person} person, {profile.Organization} organization), " +
                $"{profile.Anonymous} anonymous, {profile.Vague} vague, {profile.Unknown} unresolved; " +
                $"{profile.ByKind.GetValueOrDefault(Parley.Statements.StatementKind.Direct)} direct, {profile.ByKind.GetValueOrDefault(Parley.Statements.StatementKind.Indirect)} indirect, " +
                $"{profile.ByKind.GetValueOrDefault(Parley.Statements.StatementKind.Mixed)} mixed, {profile.ByKind.GetValueOrDefault(Parley.Statements.StatementKind.AccordingTo)} according to, " +
                $"{profile.ByKind.GetValueOrDefault(Parley.Statements.StatementKind.Belief)} belief.");
            console.MarkupLine(
                $"[bold]Sentences[/]: {profile.Sentences}: {profile.ByLabel.GetValueOrDefault(ClaimLabel.Attributed)} attributed, " +
                $"{profile.ByLabel.GetValueOrDefault(ClaimLabel.Unattributed)} unattributed, {profile.ByLabel.GetValueOrDefault(ClaimLabel.Hedged)} hedged, " +
                $"{profile.ByLabel.GetValueOrDefault(ClaimLabel.Question)} questions, {profile.ByLabel.GetValueOrDefault(ClaimLabel.Other)} other; {profile.LoadedTerms} loaded terms.");
            foreach (var claim in document.Get(ClaimLayers.Claims))
            {
                if (claim.Label is not (ClaimLabel.Unattributed or ClaimLabel.Hedged)) continue;
                string flags = string.Join(", ", claim.Hedges.Select(h => "hedge: " + h.Span.GetText(text)).Concat(claim.Loaded.Select(l => "loaded: " + l.Span.GetText(text))));
                console.MarkupLine($"  [grey]{Markup.Escape(Names.Of(claim.Label))}[/] {Markup.Escape(Shorten(claim.Span.GetText(text), 96))}" +
                    (flags.Length > 0 ? $" [grey]({Markup.Escape(flags)})[/]" : ""));
            }
        }
        writer.Flush();
    }

    private static string Shorten(string value, int max)
    {
        value = value.ReplaceLineEndings(" ");
        return value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
    }
}
