using System.Globalization;

namespace Parley.Entities.Tagging;

/// <summary>One sentence of a CoNLL file: tokens, their gold tags and the file lines they came from.</summary>
/// <param name="Tokens">The tokens as given.</param>
/// <param name="Tags">The gold tags, as written in the file (IOB1 or IOB2).</param>
/// <param name="Lines">For each token, its 0-based line index in <see cref="ConllFile.Lines"/>.</param>
public sealed record ConllSentence(string[] Tokens, string[] Tags, int[] Lines);

/// <summary>A document of a CoNLL file (between -DOCSTART- or <c># newdoc</c> lines; a file without markers is one document).</summary>
public sealed record ConllDocument(List<ConllSentence> Sentences);

/// <summary>A parsed CoNLL file.</summary>
/// <param name="Path">Where it was read from.</param>
/// <param name="Lines">All lines as read, for writing the file back with a prediction column.</param>
/// <param name="Documents">Its documents.</param>
/// <param name="Separator">The column separator (tab or space).</param>
/// <param name="Layout">A description of the detected layout, for messages.</param>
public sealed record ConllFile(string Path, string[] Lines, List<ConllDocument> Documents, char Separator, string Layout)
{
    /// <summary>Number of tokens.</summary>
    public int TokenCount => Documents.Sum(d => d.Sentences.Sum(s => s.Tokens.Length));
}

/// <summary>A CoNLL file does not have the expected layout.</summary>
public sealed class ConllFormatException(string message) : FormatException(message);

/// <summary>
/// Reads CoNLL-style NER files and detects the column layout: CoNLL-2003 (<c>token POS chunk tag</c>,
/// space-separated, <c>-DOCSTART-</c> lines), two-column <c>token tag</c> (wikigold with spaces, re3d with
/// tabs) and Universal NER (<c>idx token tag - -</c>, tab-separated, <c>#</c> comments with
/// <c># newdoc</c> document marks). The tag is the file's last tag-like column; IOB1 and IOB2 are both read.
/// </summary>
public static class ConllReader
{
    /// <summary>Reads a file.</summary>
    /// <exception cref="ConllFormatException">A line does not fit the layout (the message names the file and line).</exception>
    public static ConllFile Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConllFormatException($"{path}: cannot read: {e.Message}");
        }
        return Parse(lines, path);
    }

    /// <summary>Parses lines already read (<paramref name="name"/> is used in messages).</summary>
    public static ConllFile Parse(string[] lines, string name)
    {
        var documents = new List<ConllDocument>();
        var current = new ConllDocument([]);
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineIndexes = new List<int>();
        int columns = -1, tokenColumn = 0, tagColumn = -1;
        char separator = ' ';
        string layout = "";

        void EndSentence()
        {
            if (tokens.Count == 0) return;
            current.Sentences.Add(new ConllSentence(tokens.ToArray(), tags.ToArray(), lineIndexes.ToArray()));
            tokens.Clear(); tags.Clear(); lineIndexes.Clear();
        }
        void EndDocument()
        {
            EndSentence();
            if (current.Sentences.Count > 0) documents.Add(current);
            current = new ConllDocument([]);
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0) { EndSentence(); continue; }
            if (columns < 0)
            {
                if (line.StartsWith('#')) { if (line.StartsWith("# newdoc", StringComparison.Ordinal)) EndDocument(); continue; }
                separator = line.Contains('\t') ? '\t' : ' ';
                string[] first = Split(line, separator);
                columns = first.Length;
                if (columns < 2) throw Error(name, i, $"expected at least 2 columns (token and tag), found 1: '{Clip(line)}'");
                if (columns == 5 && int.TryParse(first[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && IsTag(first[2]))
                {
                    tokenColumn = 1; tagColumn = 2;
                    layout = "UNER (idx token tag - -)";
                }
                else
                {
                    tokenColumn = 0; tagColumn = columns - 1;
                    layout = columns == 4 ? "CoNLL-2003 (token POS chunk tag)" : $"{columns} columns (token … tag)";
                }
                layout += separator == '\t' ? ", tab-separated" : ", space-separated";
            }
            string[] cells = Split(line, separator);
            if (line.StartsWith('#') && (cells.Length != columns || !IsTag(cells[tagColumn])))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal)) EndDocument();
                continue;
            }
            if (cells.Length != columns)
                throw Error(name, i, $"expected {columns} columns like the first data line ({layout}), found {cells.Length}: '{Clip(line)}'");
            string token = cells[tokenColumn];
            if (token == "-DOCSTART-") { EndDocument(); continue; }
            string tag = cells[tagColumn];
            if (!IsTag(tag)) throw Error(name, i, $"'{Clip(tag)}' in column {tagColumn + 1} is not an IOB tag (O, B-X, I-X…)");
            tokens.Add(token);
            tags.Add(tag);
            lineIndexes.Add(i);
        }
        EndDocument();
        return new ConllFile(name, lines, documents, separator, layout);
    }

    /// <summary>True for O and for B-/I-/E-/S-/L-/U- followed by a type name.</summary>
    public static bool IsTag(string tag) =>
        tag == "O" || (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U');

    private static string[] Split(string line, char separator) =>
        separator == '\t' ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static ConllFormatException Error(string name, int line, string message) => new($"{name}:{line + 1}: {message}");
}
