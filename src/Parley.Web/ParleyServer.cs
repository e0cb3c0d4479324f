using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Corpus.Store;
using Parley.Web.Api;

namespace Parley.Web;

/// <summary>Builds the <c>parley serve</c> web application: the REST API under <c>/api</c>, the OpenAPI document and the pages.</summary>
public static class ParleyServer
{
    /// <summary>The Content-Security-Policy sent with every response: same-origin scripts, styles and images only, no inline script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Creates the application. <paramref name="configure"/> can change the builder before it is built (tests use it to
    /// swap Kestrel for the in-memory test server).
    /// </summary>
    /// <exception cref="ServerConfigurationException">A non-loopback address without an API key, or a bad address.</exception>
    /// <exception cref="CorpusStoreException">The database is missing or unusable.</exception>
    public static WebApplication Create(ParleyServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool loopback = AllLoopback(options.Urls);
        if (!loopback && string.IsNullOrEmpty(options.ApiKey))
            throw new ServerConfigurationException($"{options.Urls}: listening beyond loopback needs --api-key (ingest would be open to the network)");

        string webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        // Production always: never the developer exception page, never exception details in problem responses.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("PARLEY_DEBUG") != "1")
        {
            // As every parley command: no stack traces on the console (PARLEY_DEBUG=1 shows them). Start-up failures
            // are reported by the caller in one line; failed requests by OneLineErrors.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics", LogLevel.None);
            builder.Services.AddExceptionHandler<OneLineErrors>();
        }
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxIngestBytes, options.MaxAnalyzeBytes);
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestHeaderCount = 64;
        });
        // Escape HTML-sensitive characters (< > & ' ") in every JSON response: article text is data, never markup.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Parley";
            document.Info.Description = "Who said what, through whom, about what, and when: statements, articles, actors and quotes of a Parley corpus.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new StorePool(options.DatabasePath, options.ReadConnections));
        builder.Services.AddSingleton(_ => new DocumentCache(options.DocumentCacheSize));
        builder.Services.AddSingleton(_ => new SearchCache(options.SearchCacheSize));
        builder.Services.AddSingleton(_ => new FacetCache(options.SearchCacheSize));
        configure?.Invoke(builder);

        var app = builder.Build();
        // Open the database now, so a missing or corrupt file stops the start with one line, not the first request.
        _ = app.Services.GetRequiredService<StorePool>();

        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                CorpusStoreException => StatusCodes.Status503ServiceUnavailable,
                BadHttpRequestException bad => bad.StatusCode,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();

        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
            });
        }

        app.MapOpenApi();
        ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>True when every address in <paramref name="urls"/> is a loopback address (127.0.0.0/8, ::1 or localhost).</summary>
    /// <exception cref="ServerConfigurationException">An address that is not an http(s) URL.</exception>
    public static bool AllLoopback(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new ServerConfigurationException("--urls: no address given");
        bool all = true;
        foreach (string part in parts)
        {
            // Kestrel accepts "*" and "+" as hosts, which Uri does not parse: they mean every interface.
            string probe = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ServerConfigurationException($"--urls: '{part}' is not an http:// or https:// address");
            string host = uri.Host.Trim('[', ']');
            bool isLoopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            all &= isLoopback;
        }
        return all;
    }
}

/// <summary>Writes one line to standard error for a request that failed, then lets the problem-details response go out.</summary>
internal sealed class OneLineErrors : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OperationCanceledException)
        {
            string message = exception.Message.Split('\n')[0];
            Console.Error.WriteLine($"parley: {httpContext.Request.Method} {httpContext.Request.Path} failed: {exception.GetType().Name}: {message}");
        }
        return ValueTask.FromResult(false);
    }
}
