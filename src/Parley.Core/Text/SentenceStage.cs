using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Text;

/// <summary>
/// Splits paragraphs into sentences at terminal punctuation. Closing quote marks and brackets after the
/// terminal stay with the sentence; a terminal followed by a lower-case word ("… !” he said") does not
/// end one; abbreviations (Mr., Gen., Jan., initials) never do, and "U.S." or "Inc." do only before a
/// typical sentence opener. A headline is one sentence.
/// </summary>
public sealed class SentenceStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public SentenceStage() : base("sentences", [Layers.Paragraphs, Layers.Tokens], [Layers.Sentences]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        string text = document.Text;
        var tokens = document.Tokens.AsSpan();
        var paragraphs = document.Paragraphs;
        var sentences = ImmutableArray.CreateBuilder<Sentence>(paragraphs.Length * 3);

        int t = 0;
        for (int p = 0; p < paragraphs.Length; p++)
        {
            var paragraph = paragraphs[p];
            int first = t;
            while (t < tokens.Length && tokens[t].Start < paragraph.Span.End) t++;
            int last = t; // exclusive
            if (first == last) continue;
            if (paragraph.IsHeadline)
            {
                Add(sentences, tokens, first, last, p, true);
                continue;
            }
            int sentenceStart = first;
            for (int k = first; k < last; k++)
            {
                if (!IsBoundary(text, tokens, k, last, out int endToken)) continue;
                Add(sentences, tokens, sentenceStart, endToken + 1, p, false);
                sentenceStart = endToken + 1;
                k = endToken;
            }
            if (sentenceStart < last) Add(sentences, tokens, sentenceStart, last, p, false);
        }
        document.Set(Layers.Sentences, sentences.ToImmutable());

    }

    private static void Add(ImmutableArray<Sentence>.Builder sentences, ReadOnlySpan<Token> tokens, int from, int to, int paragraph, bool headline)
    {
        var span = new TextSpan(tokens[from].Start, tokens[to - 1].End);
        sentences.Add(new Sentence(span, from, to - from, paragraph, headline));
    }

    /// <summary>
    /// True when token <paramref name="k"/> ends a sentence; <paramref name="endToken"/> is the last token
    /// of that sentence (closing quotes and brackets after the terminal included).
    /// </summary>
    private static bool IsBoundary(string text, ReadOnlySpan<Token> tokens, int k, int last, out int endToken)
    {
        endToken = k;
        var token = tokens[k];
        bool terminal = token.Kind == TokenKind.Terminal;
        bool abbreviation = false;
        if (!terminal)
        {
            if (token.Kind != TokenKind.Word || text[token.End - 1] != '.') return false;
            if (!Abbreviations.MayEndSentence(text.AsSpan(token.Start, token.Length))) return false;
            abbreviation = true;
        }

        // Absorb closing quotes and brackets: ."  ?”  .)  !»
        int e = k;
        while (e + 1 < last && tokens[e + 1].Start == tokens[e].End && IsCloser(text, tokens[e + 1])) e++;
        endToken = e;
        if (e + 1 >= last) return true;

        var next = tokens[e + 1];
        char nc = text[next.Start];
        if (abbreviation)
            return next.Kind == TokenKind.Word && Abbreviations.IsSentenceStarter(text.AsSpan(next.Start, next.Length));
        // "…,” he said" and "e.g. this": a lower-case continuation keeps the sentence going.
        if (char.IsLower(nc)) return false;
        if (next.Kind == TokenKind.Punct && nc is ',' or ';' or ':' or ')' or '-' or '\u2013' or '\u2014') return false;
        // "3 p.m. EST", decimals and ellipses inside quotes: a terminal glued to the next word is not a boundary.
        if (next.Start == tokens[e].End && next.Kind is TokenKind.Word or TokenKind.Number) return false;
        return true;
    }

    private static bool IsCloser(string text, Token token)
    {
        if (token.Kind == TokenKind.Quote)
        {
            char c = text[token.Start];
            // An opening curly quote or guillemet after a terminal starts the next sentence instead.
            return c is not ('\u201C' or '\u201E' or '\u00AB' or '\u2018' or '\u201A' or '\u2039');
        }
        return token.Length == 1 && text[token.Start] is ')' or ']' or '}';
    }
}
