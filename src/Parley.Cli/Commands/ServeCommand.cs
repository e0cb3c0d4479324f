using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Parley.Web;

namespace Parley.Cli.Commands;

/// <summary><c>parley serve [--db FILE] [--urls URL] [--api-key KEY]</c>: the web application and REST API over a corpus.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CorpusCli.DbOption();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (anything beyond loopback needs --api-key)",
            DefaultValueFactory = _ => ParleyServerOptions.DefaultUrls,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Key that POST /api/ingest needs in the X-Api-Key header (default: $PARLEY_API_KEY; none = ingest open on loopback only)",
        };
        var command = new Command("serve", "Serve the web pages and the REST API over a corpus (see docs/web.md).") { db, urls, apiKey };
        command.SetAction(parse => CliErrors.Guard(() => Run(
            parse.GetValue(db)!, parse.GetValue(urls)!, parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("PARLEY_API_KEY"))));
        return command;
    }

    private static int Run(string db, string urls, string? apiKey)
    {
        if (apiKey is { Length: > 0 and < 16 }) throw new UsageException("--api-key: use at least 16 characters");
        WebApplication app;
        try
        {
            app = ParleyServer.Create(new ParleyServerOptions { DatabasePath = db, Urls = urls, ApiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey });
        }
        catch (ServerConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
        using (app as IDisposable)
        {
            try
            {
                app.Start();
            }
            catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"{urls}: cannot listen ({e.Message.Split('\n')[0]})");
            }
            Console.Error.WriteLine($"parley: serving {db} at {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            app.WaitForShutdown();
        }
        return 0;
    }
}
