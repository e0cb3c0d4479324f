using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley article ID</c>: one stored article with its statements.</summary>
internal static class ArticleCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Article id, URL, or store number" };
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var text = new Option<bool>("--text") { Description = "Also print the article text (text format)" };
        var command = new Command("article", "Show a stored article: metadata, versions, near-duplicates and statements.") { id, db, format, text };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var a = store.Article(parse.GetValue(id)!);
            if (a is null)
            {
                CliErrors.Error($"no article '{parse.GetValue(id)}'");
                return CliErrors.InputFailed;
            }
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(a);
                return 0;
            }
            Console.WriteLine($"{a.Id}: {a.Title ?? "(no title)"}");
            Console.WriteLine($"  outlet {a.Outlet ?? "—"} · published {a.Published ?? "—"} · version {a.Version}{(a.Current ? "" : " (superseded)")} · {a.Length:N0} chars");
            if (a.Url is not null) Console.WriteLine($"  url {a.Url}");
            if (a.Byline is not null) Console.WriteLine($"  by {a.Byline}");
            Console.WriteLine($"  source {a.Source} · hash {a.ContentHash}{(a.HasHtmlMap ? " · HTML offset map stored" : "")}");
            if (a.NearDuplicateOf is not null) Console.WriteLine($"  near-duplicate (wire copy) of {a.NearDuplicateOf}");
            if (a.NearDuplicates.Count > 0) Console.WriteLine($"  near-duplicates: {string.Join(", ", a.NearDuplicates)}");
            Console.WriteLine($"  {a.Statements.Count} statements, {a.Quotes} direct quotes");
            foreach (var s in a.Statements)
                Console.WriteLine($"  {s.LocalId} {s.Kind,-12} {s.Speaker ?? "—"} [{s.SpeakerType}]{(s.Channel is null ? "" : " via " + s.Channel)}: {CorpusCli.Shorten(s.Content, 160)}");
            if (parse.GetValue(text))
            {
                Console.WriteLine();
                Console.WriteLine(a.Text);
            }
            return 0;
        }));
        return command;
    }
}
