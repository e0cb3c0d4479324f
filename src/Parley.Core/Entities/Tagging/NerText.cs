using Parley.Documents;

namespace Parley.Entities.Tagging;

/// <summary>
/// What the entity tagger reads: a text, its tokens as spans of it, and sentences as token ranges. Both a
/// Parley <see cref="Document"/> and a pre-tokenized CoNLL document are turned into this, so training,
/// evaluation and the pipeline see the same features.
/// </summary>
public sealed class NerText
{
    /// <summary>Creates the input.</summary>
    /// <param name="text">The text the token spans point into.</param>
    /// <param name="tokens">Token spans in text order.</param>
    /// <param name="sentences">Sentences as half-open token index ranges, in order, not overlapping.</param>
    /// <param name="headline">Optional per-sentence flags: the sentence is a headline.</param>
    public NerText(string text, TextSpan[] tokens, (int Start, int End)[] sentences, bool[]? headline = null)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Headline = headline ?? new bool[sentences.Length];
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>Token spans.</summary>
    public TextSpan[] Tokens { get; }

    /// <summary>Sentences as token ranges.</summary>
    public (int Start, int End)[] Sentences { get; }

    /// <summary>Per sentence: marked as a headline by the caller.</summary>
    public bool[] Headline { get; }

    /// <summary>The characters of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Token(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    /// <summary>Builds the input from pre-tokenized sentences (tokens joined by single spaces, sentences by newlines).</summary>
    public static NerText FromTokens(IReadOnlyList<IReadOnlyList<string>> sentences, bool[]? headline = null)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<TextSpan>();
        var ranges = new (int, int)[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            int first = tokens.Count;
            foreach (string token in sentences[s])
            {
                if (text.Length > 0) text.Append(tokens.Count == first ? '\n' : ' ');
                tokens.Add(new TextSpan(text.Length, text.Length + token.Length));
                text.Append(token);
            }
            ranges[s] = (first, tokens.Count);
        }
        return new NerText(text.ToString(), tokens.ToArray(), ranges, headline);
    }

    /// <summary>
    /// Builds the input from a document's token and sentence layers. The tagger reads the document's
    /// normalized text (curly quotes and apostrophes folded to straight ones, as in the training corpora),
    /// which has the same length, so every offset still points into the original text.
    /// </summary>
    public static NerText FromDocument(Document document)
    {
        var tokens = document.Tokens;
        var spans = new TextSpan[tokens.Length];
        for (int i = 0; i < spans.Length; i++) spans[i] = tokens[i].Span;
        var sentences = document.Sentences;
        (int, int)[] ranges;
        bool[] headline;
        if (sentences.IsDefaultOrEmpty)
        {
            ranges = spans.Length == 0 ? [] : [(0, spans.Length)];
            headline = new bool[ranges.Length];
        }
        else
        {
            ranges = new (int, int)[sentences.Length];
            headline = new bool[sentences.Length];
            for (int s = 0; s < sentences.Length; s++)
            {
                ranges[s] = (sentences[s].FirstToken, sentences[s].EndToken);
                headline[s] = sentences[s].IsHeadline;
            }
        }
        return new NerText(document.Normalized.Value, spans, ranges, headline);
    }
}
