using System.Collections.Immutable;
using System.Globalization;
using Parley.Documents;

namespace Parley.Evaluation.PolNear;

/// <summary>A brat text-bound annotation ("T" line): a label and one or more (discontinuous) spans.</summary>
/// <param name="Id">The annotation id ("T12").</param>
/// <param name="Label">Source, Cue, Content, Attribution, …</param>
/// <param name="Spans">The fragments, in file order.</param>
public sealed record BratSpanAnnotation(string Id, string Label, ImmutableArray<TextSpan> Spans);

/// <summary>A brat event ("E" line) that ties an attribution together: role → annotation id.</summary>
/// <param name="Id">The event id ("E3").</param>
/// <param name="Arguments">Role and annotation id pairs ("Source" → "T10").</param>
public sealed record BratEvent(string Id, ImmutableArray<KeyValuePair<string, string>> Arguments);

/// <summary>One PolNeAR article with the annotations of one annotator.</summary>
/// <param name="Name">The article's file name without extension.</param>
/// <param name="Text">The article text.</param>
/// <param name="AnnotationFile">The .ann file the annotations came from.</param>
/// <param name="Spans">Text-bound annotations.</param>
/// <param name="Events">Attribution events.</param>
public sealed record PolNearArticle(string Name, string Text, string AnnotationFile, ImmutableArray<BratSpanAnnotation> Spans, ImmutableArray<BratEvent> Events)
{
    /// <summary>The gold Content annotations.</summary>
    public IEnumerable<BratSpanAnnotation> Contents => Spans.Where(s => s.Label == "Content");
}

/// <summary>A PolNeAR split read from disk, with the annotation lines that had to be skipped.</summary>
/// <param name="Articles">Articles with their annotations, in name order.</param>
/// <param name="Problems">One message per skipped line or file ("file:line: reason").</param>
public sealed record PolNearSplit(ImmutableArray<PolNearArticle> Articles, ImmutableArray<string> Problems);

/// <summary>
/// Reads PolNeAR brat standoff: <c>text/&lt;name&gt;.txt</c> and <c>attributions/&lt;name&gt;_&lt;annotator&gt;.ann</c>.
/// When several annotators annotated an article, the first file in ordinal name order is used. Lines that do
/// not parse (such as the continuation of an annotation whose text ran over a line break) are reported and skipped.
/// </summary>
public static class PolNearReader
{
    /// <summary>True when <paramref name="directory"/> looks like a PolNeAR split (has text/ and attributions/).</summary>
    public static bool IsSplit(string directory) =>
        Directory.Exists(Path.Combine(directory, "text")) && Directory.Exists(Path.Combine(directory, "attributions"));

    /// <summary>Reads a split folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder or its text/ or attributions/ subfolder is missing.</exception>
    public static PolNearSplit ReadSplit(string directory)
    {
        if (!IsSplit(directory))
            throw new DirectoryNotFoundException($"'{directory}' is not a PolNeAR split (expected text/ and attributions/ inside)");
        var annotationFiles = Directory.GetFiles(Path.Combine(directory, "attributions"), "*.ann");
        Array.Sort(annotationFiles, StringComparer.Ordinal);
        var textFiles = Directory.GetFiles(Path.Combine(directory, "text"), "*.txt");
        Array.Sort(textFiles, StringComparer.Ordinal);

        var problems = ImmutableArray.CreateBuilder<string>();
        var articles = ImmutableArray.CreateBuilder<PolNearArticle>(textFiles.Length);
        foreach (var textFile in textFiles)
        {
            string name = Path.GetFileNameWithoutExtension(textFile);
            string? annotationFile = FirstAnnotationFile(annotationFiles, Path.Combine(directory, "attributions"), name);
            if (annotationFile is null)
            {
                problems.Add($"{Path.GetFileName(textFile)}: no annotation file; article skipped");
                continue;
            }
            string text = File.ReadAllText(textFile);
            var (spans, events) = ParseAnnotations(File.ReadLines(annotationFile), CodePointCount(text), Path.GetFileName(annotationFile), problems);
            spans = ToUtf16Offsets(text, spans);
            articles.Add(new PolNearArticle(name, text, annotationFile, spans, events));
        }
        return new PolNearSplit(articles.ToImmutable(), problems.ToImmutable());
    }

    private static int CodePointCount(string text)
    {
        int count = text.Length;
        foreach (char c in text) if (char.IsLowSurrogate(c)) count--;
        return count;
    }

    /// <summary>
    /// brat offsets count code points (they come from Python); Parley's count UTF-16 code units. The two
    /// differ only after a character outside the Basic Multilingual Plane, so most texts need no mapping.
    /// </summary>
    public static ImmutableArray<BratSpanAnnotation> ToUtf16Offsets(string text, ImmutableArray<BratSpanAnnotation> spans)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0) return spans;
        var map = new int[CodePointCount(text) + 1];
        int codePoint = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) continue;
            map[codePoint++] = i;
        }
        map[codePoint] = text.Length;
        return spans.Select(s => s with { Spans = s.Spans.Select(f => new TextSpan(map[f.Start], map[f.End])).ToImmutableArray() }).ToImmutableArray();
    }

    /// <summary>The first "&lt;name&gt;_&lt;annotator&gt;.ann" in ordinal order (the list is sorted).</summary>
    private static string? FirstAnnotationFile(string[] sortedFiles, string folder, string name)
    {
        string prefix = name + "_";
        int lo = 0, hi = sortedFiles.Length;
        string probe = Path.Combine(folder, prefix);
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sortedFiles[mid], probe) < 0) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < sortedFiles.Length && sortedFiles[i].StartsWith(probe, StringComparison.Ordinal); i++)
        {
            // "<name>_<annotator>.ann": the annotator part holds no further underscore.
            string rest = Path.GetFileNameWithoutExtension(sortedFiles[i])[prefix.Length..];
            if (!rest.Contains('_')) return sortedFiles[i];
        }
        return null;
    }

    /// <summary>Parses the lines of one .ann file; bad lines are added to <paramref name="problems"/> and skipped.</summary>
    public static (ImmutableArray<BratSpanAnnotation> Spans, ImmutableArray<BratEvent> Events) ParseAnnotations(
        IEnumerable<string> lines, int textLength, string fileName, ICollection<string> problems)
    {
        var spans = ImmutableArray.CreateBuilder<BratSpanAnnotation>();
        var events = ImmutableArray.CreateBuilder<BratEvent>();
        int lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] is '#' or 'A' or 'R' or 'N') continue; // notes, attributes, relations, normalisations
            string? error = line[0] switch
            {
                'T' => ParseSpanLine(line, textLength, spans),
                'E' => ParseEventLine(line, events),
                _ => "not an annotation line (a continuation of a multi-line annotation?)",
            };
            if (error is not null) problems.Add($"{fileName}:{lineNumber}: {error}; line skipped");
        }
        return (spans.ToImmutable(), events.ToImmutable());
    }

    private static string? ParseSpanLine(string line, int textLength, ImmutableArray<BratSpanAnnotation>.Builder output)
    {
        var fields = line.Split('\t');
        if (fields.Length < 2) return "a T line without a label and spans";
        string body = fields[1];
        int space = body.IndexOf(' ');
        if (space <= 0) return "a T line without spans";
        string label = body[..space];
        var fragments = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var fragment in body[(space + 1)..].Split(';'))
        {
            var bounds = fragment.Trim().Split(' ');
            if (bounds.Length != 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out int end))
                return $"bad span '{fragment}'";
            if (start > end || end > textLength) return $"span {start}-{end} outside the text ({textLength} characters)";
            fragments.Add(new TextSpan(start, end));
        }
        output.Add(new BratSpanAnnotation(fields[0], label, fragments.ToImmutable()));
        return null;
    }

    private static string? ParseEventLine(string line, ImmutableArray<BratEvent>.Builder output)
    {
        var fields = line.Split('\t');
        if (fields.Length < 2) return "an E line without arguments";
        var arguments = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var argument in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = argument.IndexOf(':');
            if (colon <= 0 || colon == argument.Length - 1) return $"bad event argument '{argument}'";
            arguments.Add(new(argument[..colon], argument[(colon + 1)..]));
        }
        output.Add(new BratEvent(fields[0], arguments.ToImmutable()));
        return null;
    }
}
