using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley actor NAME</c>: one person or organisation across the corpus.</summary>
internal static class ActorCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "A name, alias or spelling variant" };
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var timing = CorpusCli.TimingOption();
        var command = new Command("actor", "An actor across articles: aliases, roles, statements per month, channels, co-mentioned actors.") { name, db, format, timing };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var actor = CorpusCli.Timed(parse.GetValue(timing), () => store.Actor(parse.GetValue(name)!));
            if (actor is null)
            {
                CliErrors.Error($"no actor named '{parse.GetValue(name)}'");
                return CliErrors.InputFailed;
            }
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(actor);
                return 0;
            }
            Console.WriteLine($"{actor.Name} ({actor.Type}{(actor.SurnameOnly ? ", surname only: not tied to a full name" : "")}) · {actor.Statements} statements in {actor.Articles} articles");
            Console.WriteLine($"aliases:   {string.Join(", ", actor.Aliases.Select(a => $"{a.Alias} ({a.Mentions})"))}");
            if (actor.Roles.Count > 0)
            {
                Console.WriteLine("roles:");
                foreach (var r in actor.Roles) Console.WriteLine($"  {r.Role}: {CorpusCli.Day(r.FirstSeen)} – {CorpusCli.Day(r.LastSeen)} ({r.Mentions})");
            }
            Console.WriteLine("statements per month:");
            foreach (var m in actor.PerMonth) Console.WriteLine($"  {m.Month}  {new string('█', (int)Math.Min(40, m.Statements))} {m.Statements}");
            if (actor.Channels.Count > 0)
                Console.WriteLine($"channels:  {string.Join(", ", actor.Channels.Select(c => $"{c.Channel} [{c.Kind}] ({c.Statements})"))}");
            if (actor.CoMentioned.Count > 0)
                Console.WriteLine($"co-mentioned: {string.Join(", ", actor.CoMentioned.Select(c => $"{c.Name} ({c.Articles})"))}");
            if (actor.OtherMatches.Count > 0)
                Console.WriteLine($"also matches: {string.Join(", ", actor.OtherMatches)} (different actors with this name)");
            return 0;
        }));
        return command;
    }
}
