using System.Collections.Immutable;
using Parley.Documents;
using Parley.Learning;
using Parley.Statements.Attribution;
using Dependency = Parley.Syntax.Dependency;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;
using Parley.Text;

namespace Parley.Statements.Tagging;

/// <summary>
/// Groups tagged SOURCE, CUE and CONTENT spans into statements. Every content span joins one cue: the cue
/// whose dependency subtree holds it (a complement of "said"), else the nearest cue in the same or an
/// adjacent sentence. Every cue takes the source in its sentence that is its dependency subject (or the
/// object of "according to"), else the nearest one. Cues left without content are dropped.
/// </summary>
public static class StatementDecoder
{
    /// <summary>Confidence given to every decoded statement (the perceptron's scores are not probabilities).</summary>
    public const double DefaultConfidence = 0.7;

    private static readonly string[] BeliefWords =
    [
        "believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt", "fear", "fears", "feared",
        "hope", "hopes", "hoped", "expect", "expects", "expected", "worry", "worries", "worried", "suspect", "suspects", "suspected",
        "doubt", "doubts", "doubted", "know", "knows", "knew", "consider", "considers", "considered", "assume", "assumes", "assumed",
    ];

    private readonly record struct Piece(int Start, int End, int Sentence);

    /// <summary>
    /// Statements from BILOU <paramref name="labels"/> (one per token, see <see cref="StatementRoles.Scheme"/>).
    /// Uses the sentence layer, and the dependency layer and quote layer when present.
    /// </summary>
    public static ImmutableArray<Statement> Decode(Document document, ReadOnlySpan<int> labels)
    {
        var tokens = document.Tokens;
        if (labels.Length != tokens.Length) throw new ArgumentException("One label per token is required.", nameof(labels));
        var sentenceOf = new int[tokens.Length];
        Array.Fill(sentenceOf, -1);
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
            for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++) sentenceOf[t] = s;
        var deps = document.Has(SyntaxLayers.Dependencies) ? document.Get(SyntaxLayers.Dependencies) : default;

        var cues = new List<Piece>();
        var sources = new List<Piece>();
        var contents = new List<Piece>();
        foreach (var span in SpanTagScheme.DecodeSpans(labels))
        {
            var piece = new Piece(span.Start, span.End, sentenceOf[span.Start]);
            (span.Type switch { StatementRoles.Cue => cues, StatementRoles.Source => sources, _ => contents }).Add(piece);
        }
        if (cues.Count == 0) return [];

        // Contents → cues.
        var contentOf = new List<Piece>[cues.Count];
        for (int c = 0; c < cues.Count; c++) contentOf[c] = [];
        foreach (var content in contents)
        {
            int lastSentence = sentenceOf[content.End - 1];
            int best = -1;
            long bestScore = long.MaxValue;
            for (int c = 0; c < cues.Count; c++)
            {
                var cue = cues[c];
                int distance = cue.Sentence < content.Sentence ? content.Sentence - cue.Sentence : cue.Sentence > lastSentence ? cue.Sentence - lastSentence : 0;
                if (distance > 1) continue;
                int gap = cue.End <= content.Start ? content.Start - cue.End : cue.Start >= content.End ? cue.Start - content.End : 0;
                // Same sentence first; then a cue in the sentence before (a quote continued after "…,” she said."), then the one after.
                long score = distance * 10_000L + (cue.Start >= content.End && distance > 0 ? 5_000 : 0) + gap;
                if (!deps.IsDefault && Governs(deps, cue, content)) score -= 100_000;
                if (score < bestScore) { bestScore = score; best = c; }
            }
            if (best >= 0) contentOf[best].Add(content);
        }

        var text = document.Text;
        var statements = ImmutableArray.CreateBuilder<Statement>();
        var quoteExtents = document.Has(Layers.Quotes) ? document.Quotes : [];
        for (int c = 0; c < cues.Count; c++)
        {
            if (contentOf[c].Count == 0) continue;
            var cue = cues[c];
            Piece? source = PickSource(deps, cue, sources, document);
            var contentSpans = contentOf[c].OrderBy(p => p.Start)
                .Select(p => new TextSpan(tokens[p.Start].Start, tokens[p.End - 1].End)).ToImmutableArray();
            var cueSpan = new TextSpan(tokens[cue.Start].Start, tokens[cue.End - 1].End);
            var kind = KindOf(document, cue, contentOf[c]);
            int quoteIndex = -1;
            if (kind is StatementKind.Direct or StatementKind.Mixed)
                for (int q = 0; q < quoteExtents.Length && quoteIndex < 0; q++)
                    if (contentSpans.Any(s => s.Overlaps(quoteExtents[q].Extent))) quoteIndex = q;
            Speaker? speaker = null;
            TextSpan? sourceSpan = null;
            if (source is { } src)
            {
                sourceSpan = new TextSpan(tokens[src.Start].Start, tokens[src.End - 1].End);
                speaker = new Speaker { Name = sourceSpan.Value.GetText(text), Type = SpeakerRules.TypeOf(text, tokens.AsSpan(), src.Start, src.End) };
            }
            statements.Add(new Statement
            {
                Id = "s" + (statements.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind = kind,
                Cue = cueSpan,
                Source = sourceSpan,
                Content = contentSpans,
                Speaker = speaker,
                Confidence = DefaultConfidence,
                QuoteIndex = quoteIndex,
            });
        }
        return statements.ToImmutable();
    }

    /// <summary>True when a token of <paramref name="content"/> has a cue token among its ancestors.</summary>
    private static bool Governs(ImmutableArray<Dependency> deps, Piece cue, Piece content)
    {
        for (int t = content.Start; t < content.End; t++)
        {
            int node = t;
            for (int steps = 0; steps < 12 && node >= 0; steps++)
            {
                node = deps[node].Head;
                if (node >= cue.Start && node < cue.End) return true;
            }
        }
        return false;
    }

    /// <summary>The source of a cue: in its sentence, the span holding the cue's subject (or its prepositional object), else the nearest.</summary>
    private static Piece? PickSource(ImmutableArray<Dependency> deps, Piece cue, List<Piece> sources, Document document)
    {
        Piece? best = null;
        long bestScore = long.MaxValue;
        foreach (var s in sources)
        {
            if (s.Sentence != cue.Sentence) continue;
            long score = s.End <= cue.Start ? cue.Start - s.End : s.Start >= cue.End ? s.Start - cue.End : 0;
            if (!deps.IsDefault)
                for (int t = s.Start; t < s.End; t++)
                {
                    int head = deps[t].Head;
                    if (head < 0) continue;
                    // The subject of the cue verb, or the object of "according to" (head inside the cue).
                    bool argument = head >= cue.Start && head < cue.End && (deps[t].Label.StartsWith("nsubj", StringComparison.Ordinal) || deps[t].Label is "pobj" or "nmod" or "dobj");
                    if (argument) { score -= 1000; break; }
                }
            if (score < bestScore) { bestScore = score; best = s; }
        }
        return best;
    }

    private static StatementKind KindOf(Document document, Piece cue, List<Piece> contents)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        var cueText = text.AsSpan(tokens[cue.Start].Start, tokens[cue.End - 1].End - tokens[cue.Start].Start);
        if (cueText.StartsWith("according", StringComparison.OrdinalIgnoreCase)) return StatementKind.AccordingTo;
        int first = contents.Min(p => p.Start), last = contents.Max(p => p.End) - 1;
        bool opens = tokens[first].Kind == TokenKind.Quote && IsOpening(text, tokens[first]);
        bool closes = tokens[last].Kind == TokenKind.Quote && !IsOpening(text, tokens[last]);
        if (opens && closes) return StatementKind.Direct;
        foreach (var p in contents)
            for (int t = p.Start; t < p.End; t++)
                if (tokens[t].Kind == TokenKind.Quote && text[tokens[t].Start] is not '\'' and not '\u2019') return StatementKind.Mixed;
        for (int t = cue.Start; t < cue.End; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            foreach (string b in BeliefWords)
                if (w.Equals(b, StringComparison.OrdinalIgnoreCase)) return StatementKind.Belief;
        }
        return StatementKind.Indirect;
    }

    /// <summary>An opening mark: a curly opening quote, or a straight one followed by a letter.</summary>
    private static bool IsOpening(string text, Token token)
    {
        char c = text[token.Start];
        if (c is '\u201C' or '\u2018' or '\u201E') return true;
        if (c is '\u201D' or '\u2019') return false;
        return token.End < text.Length && !char.IsWhiteSpace(text[token.End]) && !char.IsPunctuation(text[token.End]);
    }
}
