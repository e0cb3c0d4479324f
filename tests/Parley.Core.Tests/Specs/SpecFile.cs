using System.Text;

namespace Parley.Tests.Specs;

/// <summary>One expected statement of a spec case; <see cref="Affiliation"/> and <see cref="Channel"/> are checked only when given.</summary>
public sealed record ExpectedStatement(string Kind, string? Cue, string? Source, string? SpeakerName, string? SpeakerType, IReadOnlyList<string> Content,
    string? Affiliation = null, string? Channel = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} | cue: {Cue} | source: {Source} | speaker: {SpeakerName} ({SpeakerType})"
        + (Affiliation is null ? "" : $" | affiliation: {Affiliation}")
        + (Channel is null ? "" : $" | channel: {Channel}")
        + $" | content: {string.Join(" || ", Content)}";
}

/// <summary>One expected sentence label of a spec case: the sentence's text and its claim label.</summary>
public sealed record ExpectedClaim(string Label, string Sentence);

/// <summary>One expected quote of a spec case.</summary>
public sealed record ExpectedQuote(IReadOnlyList<string> Content, bool IsSpeech);

/// <summary>A golden case: input text and what Parley must find in it.</summary>
public sealed record SpecCase(string File, string Name, string Text, bool Crlf, bool ExpectNone,
    IReadOnlyList<ExpectedStatement> Statements, IReadOnlyList<ExpectedQuote> Quotes, IReadOnlyList<ExpectedClaim> Claims)
{
    /// <summary>The text as processed (CRLF line breaks when asked for).</summary>
    public string Input => Crlf ? Text.Replace("\n", "\r\n", StringComparison.Ordinal) : Text;
}

/// <summary>
/// Reads the Markdown spec format: a "## name" heading per case, the input in a fenced block, and
/// "&gt; …" expectation lines (see Specs/quotes.spec.md for the format).
/// </summary>
public static class SpecFile
{
    /// <summary>The folder holding the spec files next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>Parses every case of <paramref name="path"/>.</summary>
    public static List<SpecCase> Parse(string path)
    {
        var cases = new List<SpecCase>();
        string file = Path.GetFileName(path);
        string? name = null;
        var text = new StringBuilder();
        bool inFence = false, crlf = false, none = false;
        var statements = new List<ExpectedStatement>();
        var quotes = new List<ExpectedQuote>();
        var claims = new List<ExpectedClaim>();

        foreach (var rawLine in File.ReadLines(path))
        {
            string line = rawLine.TrimEnd('\r');
            if (inFence)
            {
                if (line.StartsWith("```", StringComparison.Ordinal)) { inFence = false; continue; }
                if (text.Length > 0) text.Append('\n');
                text.Append(line);
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                name = line[3..].Trim();
                continue;
            }
            if (name is null) continue;
            if (line.StartsWith("```", StringComparison.Ordinal)) { inFence = true; continue; }
            if (!line.StartsWith("> ", StringComparison.Ordinal)) continue;
            string expectation = line[2..].Trim();
            if (expectation == "none") none = true;
            else if (expectation == "crlf") crlf = true;
            else if (expectation.StartsWith("quote:", StringComparison.Ordinal)) quotes.Add(ParseQuote(expectation["quote:".Length..].Trim(), file, name));
            else if (expectation.StartsWith("claim:", StringComparison.Ordinal)) claims.Add(ParseClaim(expectation["claim:".Length..].Trim(), file, name));
            else statements.Add(ParseStatement(expectation, file, name));
        }
        Flush();
        return cases;

        void Flush()
        {
            if (name is not null)
            {
                if (text.Length == 0) throw new FormatException($"{file}: case '{name}' has no input text");
                if (!none && statements.Count == 0 && quotes.Count == 0 && claims.Count == 0) throw new FormatException($"{file}: case '{name}' has no expectations");
                cases.Add(new SpecCase(file, name, text.ToString(), crlf, none, statements.ToList(), quotes.ToList(), claims.ToList()));
            }
            text.Clear();
            statements.Clear();
            quotes.Clear();
            claims.Clear();
            crlf = none = false;
            name = null;
        }
    }

    private static ExpectedQuote ParseQuote(string body, string file, string name)
    {
        bool speech;
        if (body.EndsWith("(not speech)", StringComparison.Ordinal)) { speech = false; body = body[..^"(not speech)".Length]; }
        else if (body.EndsWith("(speech)", StringComparison.Ordinal)) { speech = true; body = body[..^"(speech)".Length]; }
        else throw new FormatException($"{file}: case '{name}': a quote expectation must end with (speech) or (not speech)");
        return new ExpectedQuote(SplitContent(body.Trim()), speech);
    }

    private static ExpectedClaim ParseClaim(string body, string file, string name)
    {
        int bar = body.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0) throw new FormatException($"{file}: case '{name}': a claim expectation is 'claim: LABEL | sentence'");
        string label = body[..bar].Trim();
        if (label is not ("attributed" or "unattributed" or "hedged" or "question" or "other"))
            throw new FormatException($"{file}: case '{name}': unknown claim label '{label}'");
        return new ExpectedClaim(label, body[(bar + 3)..].Trim());
    }

    /// <summary>The statement kinds a spec may name (the JSON names).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["direct", "indirect", "mixed", "according_to", "belief"];

    private static ExpectedStatement ParseStatement(string body, string file, string name)
    {
        var fields = body.Split(" | ");
        string kind = fields[0].Trim();
        if (!Kinds.Contains(kind)) throw new FormatException($"{file}: case '{name}': unknown kind '{kind}'");
        string? cue = null, source = null, speakerName = null, speakerType = null, affiliation = null, channel = null;
        IReadOnlyList<string>? content = null;
        foreach (var field in fields.Skip(1))
        {
            int colon = field.IndexOf(':');
            if (colon < 0) throw new FormatException($"{file}: case '{name}': bad field '{field}'");
            string key = field[..colon].Trim(), value = field[(colon + 1)..].Trim();
            switch (key)
            {
                case "cue": cue = value; break;
                case "source": source = value; break;
                case "content": content = SplitContent(value); break;
                case "affiliation": affiliation = value; break;
                case "channel":
                    if (value != "none" && !(value.EndsWith(')') && value.Contains(" ("))) throw new FormatException($"{file}: case '{name}': channel must be 'Name (kind)' or 'none'");
                    channel = value;
                    break;
                case "speaker":
                    int paren = value.LastIndexOf('(');
                    if (paren < 0 || !value.EndsWith(')')) throw new FormatException($"{file}: case '{name}': speaker must end with (Type)");
                    speakerType = value[(paren + 1)..^1];
                    speakerName = paren == 0 ? null : value[..paren].Trim();
                    break;
                default: throw new FormatException($"{file}: case '{name}': unknown field '{key}'");
            }
        }
        if (content is null) throw new FormatException($"{file}: case '{name}': a statement needs content");
        return new ExpectedStatement(kind, cue, source, speakerName, speakerType, content, affiliation, channel);
    }

    private static string[] SplitContent(string value) => value.Split(" || ");
}
