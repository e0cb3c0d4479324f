using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Text;

/// <summary>
/// Finds the headline lines at the top of a document and splits the rest into paragraphs.
/// A paragraph ends at a blank line; a single line break also ends one unless the text is hard-wrapped
/// (the line does not end a sentence and the next one continues it).
/// </summary>
public sealed class LayoutStage : PipelineStage
{
    /// <summary>Headlines longer than this (in words) are taken for body text.</summary>
    private const int MaxHeadlineWords = 30;

    /// <summary>Creates the stage.</summary>
    public LayoutStage() : base("layout", [], [Layers.Headlines, Layers.Paragraphs]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        string text = document.Text;
        var lines = SplitLines(text);
        var headlines = ImmutableArray.CreateBuilder<Headline>();
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();

        int next = DetectHeadlines(document.Normalized.Value, text, lines, headlines);
        foreach (var h in headlines) paragraphs.Add(new Paragraph(h.Span, IsHeadline: true));

        // Body: join hard-wrapped lines, split at blank lines and at line breaks after a complete sentence.
        int paraStart = -1, paraEnd = -1;
        for (int i = next; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsEmpty)
            {
                Flush();
                continue;
            }
            if (paraStart >= 0 && !ContinuesParagraph(text, paraEnd, line)) Flush();
            if (paraStart < 0) paraStart = line.Start;
            paraEnd = line.End;
        }
        Flush();

        if (headlines.Count > 0 && document.Metadata.Title is null)
            document.SetTitle(Collapse(headlines[0].Span.AsSpan(text)));
        document.Set(Layers.Headlines, headlines.ToImmutable());
        document.Set(Layers.Paragraphs, paragraphs.ToImmutable());

        void Flush()
        {
            if (paraStart >= 0) paragraphs.Add(new Paragraph(new TextSpan(paraStart, paraEnd), false));
            paraStart = -1;
        }
    }

    /// <summary>Trimmed lines (empty spans for blank lines), in order.</summary>
    internal static List<TextSpan> SplitLines(string text)
    {
        var lines = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r' && text[i] != '\u2029' && text[i] != '\u2028') continue;
            lines.Add(Trim(text, start, i));
            if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        return lines;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return start == end ? new TextSpan(start, start) : new TextSpan(start, end);
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u200B';

    /// <summary>
    /// A line break inside a block continues the paragraph only when the text looks hard-wrapped:
    /// the previous line does not end a sentence and the next line starts in lower case or is a continuation.
    /// </summary>
    private static bool ContinuesParagraph(string text, int previousEnd, TextSpan line)
    {
        char last = text[previousEnd - 1];
        if (EndsSentence(last)) return false;
        char first = text[line.Start];
        // A wrapped line continues mid-sentence: lower-case start, or the previous line ends with a comma or a word.
        return char.IsLower(first) || last == ',' || last == ';' || char.IsLetterOrDigit(last) && previousEnd - LineStart(text, previousEnd) > 40;
    }

    private static int LineStart(string text, int end)
    {
        int i = end - 1;
        while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r') i--;
        return i;
    }

    /// <summary>True for characters that may end a sentence, closing quotes and brackets included.</summary>
    internal static bool EndsSentence(char c) => c is '.' or '!' or '?' or '\u2026' or '"' or '\u201D' or '\u2019' or '\u00BB' or '\u203A' or '\'' or ')' or ']' or ':';

    /// <summary>
    /// Headlines are leading lines without final punctuation (or short Title Case lines set off by a blank
    /// line); a later line that repeats a headline with other quote marks is marked as its duplicate.
    /// Returns the index of the first body line.
    /// </summary>
    private static int DetectHeadlines(string normalized, string text, List<TextSpan> lines, ImmutableArray<Headline>.Builder headlines)
    {
        var keys = new List<string>();
        int i = 0;
        int nonEmptySeen = 0;
        for (; i < lines.Count && nonEmptySeen < 4; i++)
        {
            var line = lines[i];
            if (line.IsEmpty) continue;
            nonEmptySeen++;
            string key = HeadlineKey(normalized, line);
            int duplicateOf = keys.IndexOf(key);
            if (duplicateOf >= 0)
            {
                headlines.Add(new Headline(line, duplicateOf));
                keys.Add(key);
                continue;
            }
            bool followedByBody = NextNonEmpty(lines, i) >= 0;
            bool blankAfter = i + 1 < lines.Count && lines[i + 1].IsEmpty;
            // A line directly followed by a lower-case line is the start of a hard-wrapped paragraph.
            bool wrapped = !blankAfter && i + 1 < lines.Count && char.IsLower(text[lines[i + 1].Start]);
            if (!followedByBody || wrapped || !LooksLikeHeadline(text, line, blankAfter))
                break;
            headlines.Add(new Headline(line, -1));
            keys.Add(key);
        }
        // Skip to the first body line.
        while (i < lines.Count && lines[i].IsEmpty) i++;
        return i;
    }

    private static int NextNonEmpty(List<TextSpan> lines, int i)
    {
        for (int j = i + 1; j < lines.Count; j++) if (!lines[j].IsEmpty) return j;
        return -1;
    }

    private static bool LooksLikeHeadline(string text, TextSpan line, bool blankAfter)
    {
        var span = line.AsSpan(text);
        int words = CountWords(span, out int capitalized, out int longWords);
        if (words == 0 || words > MaxHeadlineWords) return false;
        char last = span[^1];
        bool finalPunctuation = last is '.' or '!' or '?' or '\u2026' or ':' or ';' or ','
            || (span.Length > 1 && EndsSentence(last) && span[^2] is '.' or '!' or '?');
        if (!finalPunctuation) return true;
        // A Title Case line set off by a blank line is a headline even with a final period.
        return blankAfter && longWords >= 3 && capitalized * 10 >= longWords * 7 && last != ':';
    }

    private static int CountWords(ReadOnlySpan<char> span, out int capitalized, out int longWords)
    {
        int words = 0;
        capitalized = 0;
        longWords = 0;
        int i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i])) i++;
            if (i >= span.Length) break;
            int start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i])) i++;
            words++;
            int letters = 0;
            for (int k = start; k < i; k++) if (char.IsLetter(span[k])) letters++;
            if (letters >= 4)
            {
                longWords++;
                if (char.IsUpper(span[start])) capitalized++;
            }
        }
        return words;
    }

    /// <summary>A comparison key: quote marks and dashes folded, letters and digits only, lower case.</summary>
    private static string HeadlineKey(string normalized, TextSpan line)
    {
        var sb = new System.Text.StringBuilder(line.Length);
        foreach (char c in line.AsSpan(normalized))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static string Collapse(ReadOnlySpan<char> span)
    {
        var sb = new System.Text.StringBuilder(span.Length);
        bool space = false;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
