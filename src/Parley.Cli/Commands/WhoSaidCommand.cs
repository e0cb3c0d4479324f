using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley who-said "QUERY"</c>: full-text search over statements, best matches first.</summary>
internal static class WhoSaidCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find in what was said (\"quoted words\" form a phrase)" };
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var limit = CorpusCli.LimitOption(20);
        var timing = CorpusCli.TimingOption();
        var command = new Command("who-said", "Who said something: full-text search over statements, ranked.") { query, db, format, limit, timing };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var hits = CorpusCli.Timed(parse.GetValue(timing), () => store.SearchStatements(parse.GetValue(query)!, Math.Max(1, parse.GetValue(limit))));
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(new { query = parse.GetValue(query), results = hits });
                return 0;
            }
            if (hits.Count == 0) Console.WriteLine("No statements match.");
            foreach (var h in hits)
            {
                Console.WriteLine($"{h.Speaker ?? "(unattributed)"} [{h.SpeakerType}] · {h.Outlet ?? "—"} · {CorpusCli.Day(h.Published)} · {h.Kind} · {h.ArticleId}/{h.LocalId}");
                Console.WriteLine($"    {CorpusCli.Shorten(h.Snippet ?? h.Content, 200)}");
            }
            return 0;
        }));
        return command;
    }
}
