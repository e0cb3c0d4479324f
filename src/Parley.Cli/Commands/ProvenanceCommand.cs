using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley provenance QUOTE_ID</c>: every sighting of a direct quote, the first one, the outlets, wording differences.</summary>
internal static class ProvenanceCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("quote") { Description = "Quote id (as shown by 'parley quotes', with or without the q)" };
        var db = CorpusCli.DbOption();
        var format = CorpusCli.FormatOption();
        var command = new Command("provenance", "Where a direct quote appeared: first sighting, outlets, wording differences.") { id, db, format };
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            string raw = parse.GetValue(id)!.TrimStart('q', 'Q');
            if (!long.TryParse(raw, out long quoteId)) throw new UsageException($"'{parse.GetValue(id)}' is not a quote id");
            using var store = CorpusCli.OpenExisting(parse.GetValue(db)!);
            var provenance = store.Provenance(quoteId) ?? throw new UsageException($"no quote q{quoteId}");
            if (parse.GetValue(format) == "json")
            {
                CorpusCli.WriteJson(provenance);
                return 0;
            }
            Console.WriteLine($"q{provenance.Id}: “{provenance.Canonical}”");
            Console.WriteLine($"first seen {CorpusCli.Day(provenance.First?.Published)} in {provenance.First?.Outlet ?? "—"} ({provenance.First?.ArticleId})");
            Console.WriteLine($"{provenance.Sightings.Count} sightings ({provenance.IndependentSightings} independent, the rest wire copies) in {provenance.Outlets.Count} outlets: {string.Join(", ", provenance.Outlets)}");
            foreach (var s in provenance.Sightings)
            {
                Console.WriteLine($"  {CorpusCli.Day(s.Published)} · {s.Outlet ?? "—"} · {s.ArticleId} · {s.Speaker ?? "(unattributed)"}{(s.WireCopy ? " · wire copy" : "")}");
                if (s.Diff is not null) Console.WriteLine($"      {s.Diff}");
            }
            return 0;
        }));
        return command;
    }
}
