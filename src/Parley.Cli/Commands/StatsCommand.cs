using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley stats</c>: corpus counts and each outlet's sourcing profile.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var command = new Command("stats", "Corpus counts and the sourcing profile of each outlet (named / anonymous / vague / unattributed).") { db, format };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var stats = store.Stats();
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(stats);
                return 0;
            }
            Console.WriteLine($"articles        {stats.Articles:N0} ({stats.NearDuplicates:N0} near-duplicates, {stats.SupersededVersions:N0} older versions kept)");
            Console.WriteLine($"statements      {stats.Statements:N0}");
            Console.WriteLine($"direct quotes   {stats.Quotes:N0} ({stats.QuoteSightings:N0} sightings)");
            Console.WriteLine($"actors          {stats.Actors:N0}");
            Console.WriteLine($"outlets         {stats.Outlets:N0}");
            Console.WriteLine($"published       {CorpusCli.Day(stats.FirstPublished)} – {CorpusCli.Day(stats.LastPublished)}");
            if (stats.ByOutlet.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"{"outlet",-30} {"articles",9} {"statements",11} {"named",7} {"anon",7} {"vague",7} {"unattr",7}");
                foreach (var o in stats.ByOutlet)
                    Console.WriteLine($"{CorpusCli.Shorten(o.Outlet, 30),-30} {o.Articles,9:N0} {o.Statements,11:N0} {o.Named,7:P0} {o.Anonymous,7:P0} {o.Vague,7:P0} {o.Unattributed,7:P0}");
            }
            return 0;
        }));
        return command;
    }
}
