using System.Globalization;

namespace Parley.Syntax;

/// <summary>One token (word line) of a CoNLL-U sentence.</summary>
/// <param name="Id">1-based index in the sentence.</param>
/// <param name="Form">FORM (PTB-normalised in CoreNLP output: <c>-LRB-</c>, <c>``</c>, <c>''</c>).</param>
/// <param name="Lemma">LEMMA.</param>
/// <param name="XPos">XPOS: the PTB tag.</param>
/// <param name="Head">HEAD: 0 for the root, -1 when the column is <c>_</c>.</param>
/// <param name="DepRel">DEPREL, or <c>_</c>.</param>
/// <param name="Start">Start offset from <c>Offset=b-e</c> in MISC, or -1.</param>
/// <param name="End">End offset (exclusive), or -1.</param>
/// <param name="Ner">The <c>NER=</c> value of MISC, when present.</param>
public sealed record ConllToken(int Id, string Form, string Lemma, string XPos, int Head, string DepRel, int Start, int End, string? Ner);

/// <summary>One CoNLL-U sentence with its comments.</summary>
/// <param name="DocId">The latest <c># doc =</c> value (a document's sentences share it).</param>
/// <param name="SentId">The <c># sent_id =</c> value.</param>
/// <param name="Text">The <c># text =</c> value.</param>
/// <param name="Tokens">Word lines, in order (multi-word ranges and empty nodes are skipped).</param>
public sealed record ConllSentence(string? DocId, string? SentId, string? Text, IReadOnlyList<ConllToken> Tokens);

/// <summary>
/// Reads CoNLL-U as written by the PolNeAR CoreNLP conversion: comments <c># doc</c>, <c># sent_id</c>,
/// <c># text</c>; ten tab-separated columns; MISC <c>Offset=b-e|NER=x</c>. A malformed line throws a
/// <see cref="FormatException"/> naming the file and line.
/// </summary>
public static class ConllUReader
{
    /// <summary>Reads every sentence of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed (message names file and line).</exception>
    public static List<ConllSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CoNLL-U file not found: {path}", path);
        using var reader = new StreamReader(path);
        return Read(reader, path).ToList();
    }

    /// <summary>Reads sentences from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static IEnumerable<ConllSentence> Read(TextReader reader, string name)
    {
        string? doc = null, sentId = null, text = null;
        var tokens = new List<ConllToken>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (tokens.Count > 0) yield return new ConllSentence(doc, sentId, text, tokens.ToArray());
                tokens.Clear();
                sentId = null; text = null;
                continue;
            }
            if (line[0] == '#')
            {
                if (Comment(line, "doc", out var v)) doc = v;
                else if (Comment(line, "sent_id", out v)) sentId = v;
                else if (Comment(line, "text", out v)) text = v;
                continue;
            }
            var token = ParseLine(line, name, lineNumber, tokens.Count);
            if (token is not null) tokens.Add(token);
        }
        if (tokens.Count > 0) yield return new ConllSentence(doc, sentId, text, tokens.ToArray());
    }

    private static bool Comment(string line, string key, out string value)
    {
        value = "";
        var rest = line.AsSpan(1).TrimStart();
        if (!rest.StartsWith(key, StringComparison.Ordinal)) return false;
        rest = rest[key.Length..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=') return false;
        value = rest[1..].Trim().ToString();
        return true;
    }

    private static ConllToken? ParseLine(string line, string name, int lineNumber, int previous)
    {
        var cols = line.Split('\t');
        if (cols.Length != 10)
            throw Malformed(name, lineNumber, $"expected 10 tab-separated columns, found {cols.Length}");
        string id = cols[0];
        // Multi-word token ranges (3-4) and empty nodes (3.1) carry no word of their own.
        if (id.Contains('-') || id.Contains('.')) return null;
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n != previous + 1)
            throw Malformed(name, lineNumber, $"ID '{id}' is not {previous + 1}");
        int head = -1;
        if (cols[6] != "_" && (!int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head)))
            throw Malformed(name, lineNumber, $"HEAD '{cols[6]}' is not a number");
        int start = -1, end = -1;
        string? ner = null;
        if (cols[9] != "_")
        {
            foreach (var part in cols[9].Split('|'))
            {
                if (part.StartsWith("Offset=", StringComparison.Ordinal))
                {
                    var range = part.AsSpan(7);
                    int dash = range.IndexOf('-');
                    if (dash < 0 || !int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out start)
                        || !int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
                        throw Malformed(name, lineNumber, $"bad Offset '{part}'");
                }
                else if (part.StartsWith("NER=", StringComparison.Ordinal)) ner = part[4..];
            }
        }
        return new ConllToken(n, cols[1], cols[2], cols[4], head, cols[7], start, end, ner);
    }

    private static FormatException Malformed(string name, int line, string why) => new($"{name}:{line}: malformed CoNLL-U line: {why}");
}
