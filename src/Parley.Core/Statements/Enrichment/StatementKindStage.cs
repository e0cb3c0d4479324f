using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements.Quotes;
using Parley.Text;

namespace Parley.Statements.Enrichment;

/// <summary>
/// Sets each statement's kind from its spans, so the kind does not depend on which attributor found it:
/// content that is all quotation → direct; content holding a quote (a scare quote too, unless in single marks,
/// which are too often apostrophes) → mixed; "according to", a colon, a dash
/// or a parenthetical "X says" → according_to; a belief cue ("believes", "fears", "is convinced", "sentiment")
/// → belief; otherwise indirect.
/// </summary>
public sealed class StatementKindStage : PipelineStage
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeliefWords = new HashSet<string>(
    [
        "believe", "believes", "believed", "believing", "belief", "beliefs", "think", "thinks", "thought", "thinking",
        "feel", "feels", "felt", "fear", "fears", "feared", "fearing", "hope", "hopes", "hoped", "hoping",
        "worry", "worries", "worried", "suspect", "suspects", "suspected", "doubt", "doubts", "doubted",
        "convinced", "sentiment", "sentiments", "assume", "assumes", "assumed", "expect", "expects", "expected",
        "consider", "considers", "considered", "conviction", "suspicion", "suspicions", "view", "views", "feeling",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Creates the stage.</summary>
    public StatementKindStage() : base("statement-kinds", [Layers.Statements, Layers.Tokens, Layers.Quotes], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var statements = document.Statements;
        if (statements.IsEmpty) return;
        var builder = ImmutableArray.CreateBuilder<Statement>(statements.Length);
        var quoted = QuotedMask(document);
        foreach (var s in statements)
        {
            var kind = KindOf(document, s, quoted);
            builder.Add(kind == s.Kind ? s : s with { Kind = kind });
        }
        document.Replace(Layers.Statements, builder.MoveToImmutable());
    }

    /// <summary>The kind of <paramref name="statement"/> as its spans show it.</summary>
    public static StatementKind KindOf(Document document, Statement statement) => KindOf(document, statement, QuotedMask(document));

    /// <summary>
    /// Which characters lie inside a quote that makes content quoted (any speech quote, or a scare quote in double marks or guillemets: a quoted fragment makes a paraphrase mixed), computed once per
    /// document so that the kind of each statement costs its length, not its length times the number of quotes.
    /// </summary>
    private static System.Collections.BitArray QuotedMask(Document document)
    {
        var mask = new System.Collections.BitArray(document.Text.Length);
        foreach (var q in document.Quotes)
        {
            if (!q.IsSpeech && q.Style is QuoteMarkStyle.CurlySingle or QuoteMarkStyle.StraightSingle) continue;
            foreach (var c in q.Content)
                for (int i = c.Start; i < c.End; i++) mask[i] = true;
        }
        return mask;
    }

    private static StatementKind KindOf(Document document, Statement statement, System.Collections.BitArray inQuote)
    {
        string text = document.Text;
        bool quoted = false, unquotedWords = false;
        foreach (var piece in statement.Content)
        {
            for (int i = piece.Start; i < piece.End; i++)
            {
                if (!char.IsLetterOrDigit(text[i])) continue;
                if (inQuote[i]) quoted = true;
                else { unquotedWords = true; if (quoted) break; }
            }
        }
        if (quoted && !unquotedWords) return StatementKind.Direct;
        if (quoted) return StatementKind.Mixed;
        if (statement.Cue is not { } cue) return StatementKind.Indirect;
        var cueText = cue.GetText(text).AsSpan().Trim();
        if (cueText.StartsWith("according", StringComparison.OrdinalIgnoreCase) || cueText.Equals("in", StringComparison.OrdinalIgnoreCase))
            return StatementKind.AccordingTo; // "in" is the cue of "In the latest poll, …"
        if (cueText.Length == 1 && (cueText[0] == ':' || QuoteMarks.IsDash(cueText[0]))) return StatementKind.AccordingTo;
        if (IsBelief(document, cue)) return StatementKind.Belief;
        if (IsParentheticalSays(document, statement, cue)) return StatementKind.AccordingTo;
        return StatementKind.Indirect;
    }

    /// <summary>True for words of believing, fearing and hoping ("believes", "fears", "convinced", "sentiment").</summary>
    internal static bool IsBeliefWord(ReadOnlySpan<char> word) => BeliefWords.Contains(word);

    private static bool IsBelief(Document document, TextSpan cue)
    {
        foreach (var t in document.TokensIn(cue))
            if (t.Kind == TokenKind.Word && BeliefWords.Contains(document.Text.AsSpan(t.Start, t.Length))) return true;
        return false;
    }

    /// <summary>"The economy, analysts say, will shrink" / "…, she says.": a present-tense "say" set off by a comma after or inside the content.</summary>
    private static bool IsParentheticalSays(Document document, Statement statement, TextSpan cue)
    {
        var word = cue.GetText(document.Text).AsSpan();
        if (!word.Equals("says", StringComparison.OrdinalIgnoreCase) && !word.Equals("say", StringComparison.OrdinalIgnoreCase)) return false;
        if (statement.Content.IsEmpty || statement.Content[0].Start > cue.Start) return false;
        int before = (statement.Source is { } source && source.Start < cue.Start ? source.Start : cue.Start) - 1;
        string text = document.Text;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        return before >= 0 && text[before] == ',';
    }
}
