using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Web;

/// <summary>What <see cref="ServeBenchmark"/> does.</summary>
public sealed record ServeBenchmarkOptions
{
    /// <summary>The database to serve in-process on a free loopback port (ignored when <see cref="Url"/> is given).</summary>
    public string? DatabasePath { get; init; }
    /// <summary>A server already running (e.g. <c>http://127.0.0.1:5080</c>).</summary>
    public string? Url { get; init; }
    /// <summary>Concurrent clients, each sending its next request as soon as the previous one is answered.</summary>
    public int Clients { get; init; } = 100;
    /// <summary>Measured time.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Unmeasured time first, with the same load (JIT, SQLite page cache).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Pause of each client between receiving an answer and sending its next request (0: closed loop, as fast as answered).</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.Zero;
    /// <summary>Seed of the request mix.</summary>
    public int Seed { get; init; } = 42;
}

/// <summary>The outcome of a run.</summary>
public sealed record ServeBenchmarkResult
{
    /// <summary>The server measured.</summary>
    public string Url { get; init; } = "";
    /// <summary>Clients.</summary>
    public int Clients { get; init; }
    /// <summary>Mean think time between requests of one client, ms.</summary>
    public double ThinkMs { get; init; }
    /// <summary>Measured seconds.</summary>
    public double Seconds { get; init; }
    /// <summary>Requests completed in the measured time.</summary>
    public long Requests { get; init; }
    /// <summary>Requests that failed (not 200, or no answer).</summary>
    public long Errors { get; init; }
    /// <summary>Requests per second.</summary>
    public double RequestsPerSecond { get; init; }
    /// <summary>Median latency, ms.</summary>
    public double P50 { get; init; }
    /// <summary>95th percentile latency, ms.</summary>
    public double P95 { get; init; }
    /// <summary>99th percentile latency, ms.</summary>
    public double P99 { get; init; }
    /// <summary>Slowest request, ms.</summary>
    public double Max { get; init; }
    /// <summary>Requests per kind of search.</summary>
    public IReadOnlyDictionary<string, long> ByKind { get; init; } = new Dictionary<string, long>();
    /// <summary>p95 per kind of search, ms.</summary>
    public IReadOnlyDictionary<string, double> P95ByKind { get; init; } = new Dictionary<string, double>();
    /// <summary>The first few errors, for the report.</summary>
    public IReadOnlyList<string> SampleErrors { get; init; } = [];
}

/// <summary>
/// Load test of <c>GET /api/statements</c>: <see cref="ServeBenchmarkOptions.Clients"/> clients (closed loop; by default with no think time)
/// send varied searches — full-text words, speakers, outlets, combinations, date ranges, later pages — drawn from the
/// corpus itself (the first page's facets and words of its statements), and latency is measured per request on the client.
/// </summary>
public static class ServeBenchmark
{
    /// <summary>Runs the benchmark; <paramref name="log"/> gets progress lines.</summary>
    public static async Task<ServeBenchmarkResult> RunAsync(ServeBenchmarkOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        WebApplication? app = null;
        string url;
        if (options.Url is { Length: > 0 } given) url = given.TrimEnd('/');
        else
        {
            app = ParleyServer.Create(new ParleyServerOptions { DatabasePath = options.DatabasePath ?? "parley.db", Urls = "http://127.0.0.1:0" });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Clients,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                AutomaticDecompression = DecompressionMethods.None,
            })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            var mix = await RequestMix.LoadAsync(client, options.Seed, cancellationToken).ConfigureAwait(false);
            log?.Invoke($"server {url}; {mix.Words.Count} words, {mix.Speakers.Count} speakers, {mix.Outlets.Count} outlets in the request mix");
            log?.Invoke($"warm-up {options.Warmup.TotalSeconds:0} s, then {options.Clients} clients for {options.Duration.TotalSeconds:0} s");

            var clock = Stopwatch.StartNew();
            double warmupEnd = options.Warmup.TotalMilliseconds, end = warmupEnd + options.Duration.TotalMilliseconds;
            var perClient = Enumerable.Range(0, options.Clients).Select(_ => new ClientLog()).ToArray();
            var tasks = perClient.Select((logOf, i) => Task.Run(async () =>
            {
                var random = new Random(options.Seed * 7919 + i);
                while (clock.Elapsed.TotalMilliseconds < end && !cancellationToken.IsCancellationRequested)
                {
                    var (kind, path) = mix.Next(random);
                    double start = clock.Elapsed.TotalMilliseconds;
                    string? error = null;
                    try
                    {
                        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                        if (response.StatusCode != HttpStatusCode.OK) error = $"{(int)response.StatusCode} {path}";
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        error = $"{e.GetType().Name} {path}";
                    }
                    double stop = clock.Elapsed.TotalMilliseconds;
                    if (start >= warmupEnd && stop <= end) logOf.Add(kind, stop - start, error);
                    if (options.ThinkTime > TimeSpan.Zero)
                        await Task.Delay(TimeSpan.FromMilliseconds(options.ThinkTime.TotalMilliseconds * (0.5 + random.NextDouble())), cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken)).ToArray();
            await Task.WhenAll(tasks).ConfigureAwait(false);

            var all = perClient.SelectMany(c => c.Latencies).Select(l => l.Ms).ToArray();
            Array.Sort(all);
            var byKind = perClient.SelectMany(c => c.Latencies).GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Select(l => l.Ms).Order().ToArray());
            long errors = perClient.Sum(c => c.Errors);
            double seconds = options.Duration.TotalSeconds;
            return new ServeBenchmarkResult
            {
                Url = url,
                Clients = options.Clients,
                ThinkMs = options.ThinkTime.TotalMilliseconds,
                Seconds = seconds,
                Requests = all.Length,
                Errors = errors,
                RequestsPerSecond = Math.Round(all.Length / seconds, 1),
                P50 = Percentile(all, 0.50),
                P95 = Percentile(all, 0.95),
                P99 = Percentile(all, 0.99),
                Max = all.Length == 0 ? 0 : Math.Round(all[^1], 1),
                ByKind = byKind.ToDictionary(k => k.Key, k => (long)k.Value.Length),
                P95ByKind = byKind.ToDictionary(k => k.Key, k => Percentile(k.Value, 0.95)),
                SampleErrors = perClient.SelectMany(c => c.SampleErrors).Take(5).ToList(),
            };
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 1);

    private sealed class ClientLog
    {
        public List<(string Kind, double Ms)> Latencies { get; } = new(4096);
        public long Errors { get; private set; }
        public List<string> SampleErrors { get; } = [];

        public void Add(string kind, double ms, string? error)
        {
            Latencies.Add((kind, ms));
            if (error is null) return;
            Errors++;
            if (SampleErrors.Count < 2) SampleErrors.Add(error);
        }
    }

    /// <summary>The searches clients send, drawn from the corpus.</summary>
    private sealed class RequestMix
    {
        public List<string> Words { get; } = [];
        public List<string> Speakers { get; } = [];
        public List<string> Outlets { get; } = [];
        private string? _from, _to;

        public static async Task<RequestMix> LoadAsync(HttpClient client, int seed, CancellationToken cancellationToken)
        {
            var mix = new RequestMix();
            using var first = JsonDocument.Parse(await client.GetStringAsync("/api/statements?pageSize=100", cancellationToken).ConfigureAwait(false));
            var root = first.RootElement;
            foreach (var f in root.GetProperty("facets").GetProperty("speaker").EnumerateArray()) mix.Speakers.Add(f.GetProperty("value").GetString()!);
            foreach (var f in root.GetProperty("facets").GetProperty("outlet").EnumerateArray()) mix.Outlets.Add(f.GetProperty("value").GetString()!);
            var words = new SortedSet<string>(StringComparer.Ordinal);
            var dates = new List<string>();
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                foreach (string word in (item.GetProperty("content").GetString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    string w = new(word.Where(char.IsLetter).ToArray());
                    if (w.Length >= 5) words.Add(w.ToLowerInvariant());
                }
                if (item.GetProperty("published").GetString() is { Length: >= 10 } published) dates.Add(published[..10]);
            }
            var random = new Random(seed);
            mix.Words.AddRange(words.OrderBy(_ => random.Next()).Take(60));
            if (mix.Words.Count == 0) mix.Words.Add("said");
            if (mix.Speakers.Count == 0) mix.Speakers.Add("said");
            dates.Sort(StringComparer.Ordinal);
            if (dates.Count > 0)
            {
                var last = DateTime.Parse(dates[^1], System.Globalization.CultureInfo.InvariantCulture);
                mix._from = last.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                mix._to = dates[^1];
            }
            return mix;
        }

        public (string Kind, string Path) Next(Random random)
        {
            string W() => Uri.EscapeDataString(Words[random.Next(Words.Count)]);
            string S() => Uri.EscapeDataString(Speakers[random.Next(Speakers.Count)]);
            string O() => Outlets.Count == 0 ? "" : "&outlet=" + Uri.EscapeDataString(Outlets[random.Next(Outlets.Count)]);
            string D() => _from is null ? "" : $"&from={_from}&to={_to}";
            int roll = random.Next(100);
            return roll switch
            {
                < 30 => ("q", $"/api/statements?q={W()}"),
                < 40 => ("q two words", $"/api/statements?q={W()}%20{W()}"),
                < 55 => ("speaker", $"/api/statements?speaker={S()}"),
                < 70 => ("outlet", $"/api/statements?{O().TrimStart('&')}&page={1 + random.Next(5)}"),
                < 80 => ("q+outlet", $"/api/statements?q={W()}{O()}"),
                < 90 => ("speaker+dates", $"/api/statements?speaker={S()}{D()}"),
                _ => ("all, later page", $"/api/statements?page={1 + random.Next(50)}"),
            };
        }
    }
}
