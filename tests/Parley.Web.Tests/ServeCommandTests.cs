using System.Net;
using System.Net.Sockets;
using Parley.Tests;

namespace Parley.Web.Tests;

/// <summary><c>parley serve</c> as a user runs it: a real process on a loopback port.</summary>
public sealed class ServeCommandTests(SharedHost shared) : IClassFixture<SharedHost>
{
    [Fact]
    public void A_missing_database_is_one_line_and_exit_code_2()
    {
        var result = CliRunner.RunWithInput(null, "serve", "--db", Path.Combine(shared.Host.Folder, "nope.db"), "--urls", "http://127.0.0.1:1");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("parley: ", line);
        Assert.Contains("no such database", line);
    }

    [Fact]
    public void Listening_beyond_loopback_needs_a_key()
    {
        var result = CliRunner.RunWithInput(null, "serve", "--db", shared.Host.DatabasePath, "--urls", "http://0.0.0.0:5099");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--api-key", result.Stderr);
    }

    [Fact]
    public void A_port_in_use_is_one_line_and_exit_code_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var result = CliRunner.RunWithInput(null, "serve", "--db", shared.Host.DatabasePath, "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot listen", line);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Serves_the_api_on_loopback()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var process = CliRunner.Start("serve", "--db", shared.Host.DatabasePath, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            string? line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(line);
            Assert.Contains("serving", line);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await client.GetAsync("/api/statements?q=harbour");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("harbour-1", await response.Content.ReadAsStringAsync());
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }
}
