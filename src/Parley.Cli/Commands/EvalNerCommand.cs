using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Parley.Entities.Tagging;
using Parley.Learning;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley eval ner FILE</c>: scores the entity tagger on a gold CoNLL file (exact-match precision,
/// recall and F1 per type, as conlleval) and optionally writes the file back with a prediction column.
/// A standalone <c>ner</c> command, to be attached under <c>eval</c>.
/// </summary>
internal static class EvalNerCommand
{
    /// <summary>Builds the standalone <c>ner</c> command (attach it under <c>eval</c>).</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Gold file in CoNLL format (layout detected)" };
        var model = new Option<string?>("--model") { Description = $"Model file (default: {NerTagger.DefaultRelativePath} beside parley)" };
        var output = new Option<string?>("--output") { Description = "Write the file back with an extra last column of predicted IOB2 tags" };
        var keepMisc = new Option<bool>("--score-misc") { Description = "Score MISC even when the gold file has no MISC entity" };
        var command = new Command("ner", "Evaluate the named-entity tagger on a gold CoNLL file.") { file, model, output, keepMisc };
        command.SetAction(parse =>
        {
            try
            {
                var tagger = LoadTagger(parse.GetValue(model));
                var conll = ConllReader.Read(parse.GetValue(file)!);
                var examples = NerCorpus.From(conll);
                int misc = NerTagger.Scheme.TypeIndex("MISC");
                var ignored = !parse.GetValue(keepMisc) && !NerCorpus.Annotates(examples, misc) ? new[] { misc } : [];
                var clock = Stopwatch.StartNew();
                var (scores, predictions) = NerCorpus.Evaluate(tagger, examples, ignored);
                double seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"{conll.Path}: {conll.Layout}; {conll.TokenCount} tokens tagged in {seconds:F2} s");
                Console.Write(scores.Format());
                string? outPath = parse.GetValue(output);
                if (outPath is not null) WritePredictions(conll, examples, predictions, outPath);
                return 0;
            }
            catch (Exception e) when (e is ConllFormatException or ModelFormatException)
            {
                Console.Error.WriteLine($"parley: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Loads the model at <paramref name="path"/>, or the default model.</summary>
    internal static NerTagger LoadTagger(string? path) => path is null ? NerTagger.Default : NerTagger.Load(path);

    /// <summary>Writes every line of the file with the predicted IOB2 tag appended to token lines (O on -DOCSTART-).</summary>
    private static void WritePredictions(ConllFile conll, List<NerExample> examples, List<int[]> predictions, string path)
    {
        var extra = new string?[conll.Lines.Length];
        var types = NerTagger.Scheme.Types;
        for (int d = 0; d < examples.Count; d++)
        {
            var doc = examples[d].Source;
            var text = examples[d].Text;
            for (int s = 0; s < doc.Sentences.Count; s++)
            {
                var (start, end) = text.Sentences[s];
                var tags = new string[end - start];
                Array.Fill(tags, "O");
                foreach (var span in SpanTagScheme.DecodeSpans(predictions[d].AsSpan(start, end - start)))
                    for (int i = span.Start; i < span.End; i++) tags[i] = (i == span.Start ? "B-" : "I-") + types[span.Type];
                for (int i = 0; i < tags.Length; i++) extra[doc.Sentences[s].Lines[i]] = tags[i];
            }
        }
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < conll.Lines.Length; i++)
        {
            string line = conll.Lines[i];
            if (extra[i] is { } tag) writer.WriteLine(line + conll.Separator + tag);
            else if (line.Contains("-DOCSTART-", StringComparison.Ordinal) && !line.StartsWith('#')) writer.WriteLine(line + conll.Separator + "O");
            else writer.WriteLine(line);
        }
    }
}
