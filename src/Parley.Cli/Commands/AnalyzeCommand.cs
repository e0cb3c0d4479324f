using System.CommandLine;
using System.Text;
using System.Text.Json;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Serialization;
using Parley.Text;

namespace Parley.Cli.Commands;

/// <summary><c>parley analyze FILE... | -</c>: annotate articles and print who said what.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Text files to analyze (UTF-8 or UTF-16 with BOM), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a who-said-what table), json (one document; an array for several), jsonl (one line per file), html (a page)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "html");
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write each result to this folder as <id>.<ext> instead of standard output (needed for html with several files)",
        };
        var tokens = new Option<bool>("--tokens") { Description = "Include the token layer in json/jsonl output" };
        var maxSize = new Option<long>("--max-size")
        {
            Description = "Largest input accepted, in bytes",
            DefaultValueFactory = _ => TextDecoder.DefaultMaxBytes,
        };

        var minConfidence = PipelineOption.CreateMinConfidence();
        var pipelineName = PipelineOption.Create();
        var command = new Command("analyze", "Find statements (who said what) in articles.") { files, format, output, tokens, maxSize, pipelineName, minConfidence };
        command.SetAction(parse => CliErrors.Guard(() => Run(
            parse.GetValue(files) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(tokens),
            parse.GetValue(maxSize),
            parse.GetValue(pipelineName) ?? "full",
            parse.GetValue(minConfidence))));
        return command;
    }

    private static int Run(string[] paths, string format, string? outDir, bool includeTokens, long maxBytes, string pipelineName, double? minConfidence)
    {
        if (maxBytes <= 0) throw new UsageException("--max-size must be positive");

        if (format == "html" && paths.Length > 1 && outDir is null)
            throw new UsageException("html output of several files needs --out DIR");
        if (outDir is not null) Directory.CreateDirectory(outDir);

        var pipeline = PipelineOption.Build(pipelineName, minConfidence);
        var jsonOptions = new DocumentJsonOptions { Indented = format == "json", IncludeTokens = includeTokens };
        using var stdout = Console.OpenStandardOutput();
        bool jsonArray = format == "json" && paths.Length > 1 && outDir is null;
        if (jsonArray) stdout.Write("[\n"u8);

        int failed = 0, written = 0;
        foreach (string path in paths)
        {
            Document document;
            try
            {
                string text = path == "-" ? TextInput.ReadStream(Console.OpenStandardInput(), maxBytes) : TextInput.ReadFile(path, maxBytes);
                document = pipeline.Process(text, new DocumentMetadata { Id = TextInput.IdFromPath(path), Source = path });
            }
            catch (InputRejectedException e)
            {
                CliErrors.Error($"{path}: {e.Message}");
                failed++;
                continue;
            }

            if (outDir is not null)
            {
                string extension = format switch { "html" => "html", "text" => "txt", _ => format };
                string target = Path.Combine(outDir, $"{document.Metadata.Id}.{extension}");
                using var file = File.Create(target);
                WriteOne(file, document, format, jsonOptions);
                continue;
            }
            if (jsonArray && written > 0) stdout.Write(",\n"u8);
            WriteOne(stdout, document, format, jsonOptions);
            written++;
        }
        if (jsonArray) stdout.Write("\n]\n"u8);
        stdout.Flush();

        if (failed > 0)
        {
            CliErrors.Error($"{failed} of {paths.Length} input(s) failed");
            return CliErrors.InputFailed;
        }
        return 0;
    }

    private static void WriteOne(Stream stream, Document document, string format, DocumentJsonOptions jsonOptions)
    {
        switch (format)
        {
            case "json":
            case "jsonl":
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
                {
                    Indented = jsonOptions.Indented,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }))
                {
                    DocumentJson.Write(writer, document, jsonOptions);
                }
                stream.Write("\n"u8);
                break;
            case "html":
                stream.Write(Encoding.UTF8.GetBytes(DocumentHtml.Render(document)));
                break;
            default:
                stream.Flush();
                TextReport.Write(stream, document);
                break;
        }
        stream.Flush();
    }
}
