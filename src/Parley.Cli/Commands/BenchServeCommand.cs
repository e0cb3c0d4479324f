using System.CommandLine;
using Parley.Web;

namespace Parley.Cli.Commands;

/// <summary><c>parley bench serve</c>: load test of the web API's statement search (see docs/benchmarks.md, "Web").</summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var url = new Option<string?>("--url") { Description = "Measure a server already running at this address instead of serving --db in-process" };
        var clients = new Option<int>("--clients", "-c") { Description = "Concurrent clients (closed loop, no think time)", DefaultValueFactory = _ => 100 };
        var duration = new Option<int>("--duration", "-d") { Description = "Measured seconds", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of the same load before measuring", DefaultValueFactory = _ => 5 };
        var think = new Option<int>("--think") { Description = "Mean pause of each client between requests, ms (0: send the next as soon as answered)" };
        var format = CorpusCli.FormatOption();
        var command = new Command("serve", "Load-test GET /api/statements: concurrent clients searching for a fixed time; requests, errors, p50/p95/p99.")
        {
            db, url, clients, duration, warmup, think, format,
        };
        command.SetAction(parse => CliErrors.Guard(() => Run(parse.GetValue(db)!, parse.GetValue(url), parse.GetValue(clients),
            parse.GetValue(duration), parse.GetValue(warmup), parse.GetValue(think), parse.GetValue(format)!)));
        return command;
    }

    private static int Run(string db, string? url, int clients, int duration, int warmup, int think, string format)
    {
        if (think < 0) throw new UsageException("--think must be at least 0");
        if (clients is < 1 or > 2000) throw new UsageException("--clients must be between 1 and 2000");
        if (duration < 1 || warmup < 0) throw new UsageException("--duration must be at least 1 and --warmup at least 0");
        var result = ServeBenchmark.RunAsync(new ServeBenchmarkOptions
        {
            DatabasePath = db, Url = url, Clients = clients, Duration = TimeSpan.FromSeconds(duration), Warmup = TimeSpan.FromSeconds(warmup),
            ThinkTime = TimeSpan.FromMilliseconds(think),
        }, line => Console.Error.WriteLine("bench: " + line)).GetAwaiter().GetResult();
        if (format == "json")
        {
            CorpusCli.WriteJson(result);
            return result.Errors > 0 ? CliErrors.InputFailed : 0;
        }
        Console.WriteLine($"{result.Clients} clients, {result.Seconds:0} s against {result.Url}" +
            (think > 0 ? $", think time {think} ms (mean)" : ", no think time"));
        Console.WriteLine($"requests {result.Requests:N0} ({result.RequestsPerSecond:0.0}/s), errors {result.Errors}");
        Console.WriteLine($"latency p50 {result.P50:0.0} ms, p95 {result.P95:0.0} ms, p99 {result.P99:0.0} ms, max {result.Max:0.0} ms");
        foreach (var (kind, count) in result.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            Console.WriteLine($"  {kind,-18} {count,8:N0} requests, p95 {result.P95ByKind[kind],7:0.0} ms");
        foreach (string error in result.SampleErrors) Console.WriteLine($"  error: {error}");
        return result.Errors > 0 ? CliErrors.InputFailed : 0;
    }
}
