using Parley.Documents;
using Parley.Syntax;

namespace Parley.Statements.Attribution;

/// <summary>
/// The edges of a tagged source, set as PolNeAR annotates them. A source is the whole subject: the head of an
/// apposition ("China, Pyongyang's only ally …,"), every conjunct ("China and Russia"), the quantifier or head of a
/// partitive ("one of her ads", "Advisers to Mr. Rubio"), both halves of a word the tokenizer split ("EB-5") and a
/// title the tagger left in the content ("…, union leader | Ana Silva said"); the tagger often starts at the last
/// capitalised name. Adverbs and conjunctions at the edges stay out ("Even Rendell"). A source with no comma inside ends without one (17,212 PolNeAR train sources: 3 plain ones end with a comma,
/// 748 stop right before one), while an apposition keeps its closing comma (863 against 99 that stop right before it).
/// </summary>
internal static class SourceBoundaries
{
    /// <summary>Words that join the parts of one noun phrase: conjunctions and the prepositions of partitives and titles.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Joiners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "of", "to", "for", "at", "in", "with", "like", "around", "from", "on", "&", "/", "-", "(", ")",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adverbs and conjunctions at a source's edge that the annotation leaves out ("Even Rendell", "Republicans also"):
    /// PolNeAR train sources open with "then" 0 times and follow it 21 times, "but" 4 against 382, "even" 8 against 28.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingOutside = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "even", "then", "now", "so", "yet", "but", "and", "soon", "still", "also", "later", "meanwhile", "instead", "however",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a source that the annotation leaves out ("Germany's ministers all", "critics, too"): "also" follows 272 sources and ends none.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TrailingOutside = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "still", "also", "now", "then", "even", "later", "again", "just", "only", "soon", "all", "both", "too", "however",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The source with its start moved back to the beginning of its noun phrase, a plain trailing comma dropped, an
    /// apposition's closing comma added and edge adverbs left out, or <paramref name="source"/> itself. Only a source before
    /// its cue grows to the left: the words before it must reach back to the sentence's start and hold nothing but a noun phrase.
    /// </summary>
    public static TextSpan Adjust(Document document, TextSpan source, TextSpan? cue)
    {
        if (!document.Has(SyntaxLayers.PartOfSpeech)) return source;
        string text = document.Text;
        var tokens = document.Tokens;
        int first = document.TokenIndexAt(source.Start);
        if (first >= tokens.Length || tokens[first].Start != source.Start) return source;
        int start = source.Start;
        // "EB-5", "Obama/Clinton": the tokenizer split the word, the tagger kept its second half.
        if (first > 0 && tokens[first - 1].End == start && text[start - 1] is '-' or '/' && first > 1 && tokens[first - 2].End == start - 1
            && char.IsLetterOrDigit(text[start - 2]))
        {
            first -= 2;
            start = tokens[first].Start;
        }
        if (cue is { } c && c.Start >= source.End)
        {
            int sentence = document.SentenceIndexOfToken(first);
            if (sentence >= 0 && !document.Sentences[sentence].IsHeadline)
            {
                int sentenceStart = document.Sentences[sentence].FirstToken;
                if (first > sentenceStart && NounPhraseStart(document, sentenceStart, first, source) is int grown and >= 0) start = grown;
            }
        }
        int end = source.End;
        bool apposition = text.AsSpan(start, end - 1 - start).IndexOf(',') >= 0;
        if (text[end - 1] == ',' && !apposition)
        {
            end--;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        }
        else if (apposition && text[end - 1] != ',' && end < text.Length && text[end] == ',')
            end++; // "Ed Rendell, a former governor," — the apposition's closing comma
        // Edge words the annotation leaves out, as long as a word stays.
        int firstToken = document.TokenIndexAt(start), lastToken = document.TokenIndexAt(end) - 1;
        while (firstToken < lastToken && LeadingOutside.Contains(text.AsSpan(tokens[firstToken].Start, tokens[firstToken].Length))) firstToken++;
        while (lastToken > firstToken && TrailingOutside.Contains(text.AsSpan(tokens[lastToken].Start, tokens[lastToken].Length))) lastToken--;
        if (lastToken >= firstToken && lastToken < tokens.Length)
        {
            if (tokens[firstToken].Start > start) start = tokens[firstToken].Start;
            if (tokens[lastToken].End < end) end = tokens[lastToken].End;
        }
        return start == source.Start && end == source.End ? source : new TextSpan(start, end);
    }

    /// <summary>
    /// When a content piece ends right before the source with a short noun phrase after its last comma ("The strike will go
    /// on, union leader | Ana Silva said"), that phrase is the source's title: the source's new start and the content cut
    /// before the comma. Null otherwise.
    /// </summary>
    public static (int Start, System.Collections.Immutable.ImmutableArray<TextSpan> Content)? RoleBefore(
        Document document, TextSpan source, System.Collections.Immutable.ImmutableArray<TextSpan> content)
    {
        if (!document.Has(SyntaxLayers.PartOfSpeech)) return null;
        string text = document.Text;
        int at = -1;
        for (int i = 0; i < content.Length && at < 0; i++)
            if (content[i].End <= source.Start && text.AsSpan(content[i].End, source.Start - content[i].End).IsWhiteSpace()) at = i;
        if (at < 0) return null;
        var piece = content[at];
        var tokens = document.Tokens;
        var pos = document.Get(SyntaxLayers.PartOfSpeech);
        int end = document.TokenIndexAt(piece.End), first = document.TokenIndexAt(piece.Start);
        int k = end - 1;
        while (k > first && end - k <= 5 && (pos[k].Tag.StartsWith("NN", StringComparison.Ordinal) || pos[k].Tag is "JJ" or "DT")) k--;
        if (k == end - 1 || k <= first || tokens[k].Length != 1 || text[tokens[k].Start] != ',' || k - first < 4) return null;
        if (!char.IsLower(text[tokens[k + 1].Start])) return null; // "…, Germany's | Angela Merkel" may be an apposition of its own
        int cut = tokens[k].Start;
        while (cut > piece.Start && char.IsWhiteSpace(text[cut - 1])) cut--;
        return (tokens[k + 1].Start, content.SetItem(at, new TextSpan(piece.Start, cut)));
    }

    /// <summary>The start of the sentence when tokens <paramref name="from"/> to <paramref name="first"/> (exclusive) are the rest of the source's noun phrase, else -1.</summary>
    private static int NounPhraseStart(Document document, int from, int first, TextSpan source)
    {
        string text = document.Text;
        var tokens = document.Tokens;
        var pos = document.Get(SyntaxLayers.PartOfSpeech);
        var before = text.AsSpan(tokens[first - 1].Start, tokens[first - 1].Length);
        // An apposition's head ("China, Pyongyang's only ally …,") joins only a source that closes the apposition with a
        // comma; a source after a comma that holds "and" is the end of a list ("the United States, Britain and France").
        bool apposition = before is "," or "including";
        if (apposition && text[source.End - 1] != ',' && !(source.End < text.Length && text[source.End] == ','))
        {
            if (before is "including" || !HasConjunction(document, first, document.TokenIndexAt(source.End))) return -1;
            apposition = false;
        }
        // "The things he wants", "Everything Trump says": a pronoun or a name right after a common noun opens a relative clause.
        if (pos[first].Tag is "PRP" || !apposition && pos[first].Tag.StartsWith("NNP", StringComparison.Ordinal) && pos[first - 1].Tag is "NN" or "NNS"
            && (char.IsLower(text[tokens[first - 1].Start]) || first - 1 == from)) return -1;
        if (!char.IsLetterOrDigit(text[tokens[from].Start])) return -1;
        int commas = 0;
        bool noun = false;
        for (int t = from; t < first; t++)
        {
            var word = text.AsSpan(tokens[t].Start, tokens[t].Length);
            string tag = pos[t].Tag;
            if (word is ",")
            {
                // One comma, the apposition's own; a list ("the United States, Britain and France") may have more before "and".
                if (!apposition && !HasConjunction(document, t + 1, first) && !HasConjunction(document, first, document.TokenIndexAt(source.End))) return -1;
                if (++commas > 1 && apposition) return -1;
                continue;
            }
            if (WordClasses.IsTimeNoun(word)) return -1; // "Last week Stumpf said": an adverbial of time, not part of a subject
            bool nominal = tag.StartsWith("NN", StringComparison.Ordinal) || tag is "DT" or "PDT" or "JJ" or "JJR" or "JJS" or "CD" or "POS" or "PRP$";
            bool joiner = Joiners.Contains(word) || word is "including" && t == first - 1;
            if (t == from ? !nominal : !(nominal || joiner)) return -1;
            noun |= tag.StartsWith("NN", StringComparison.Ordinal) || tag is "CD" or "PRP$";
        }
        return noun ? tokens[from].Start : -1; // "Contrary to his" has no head
    }

    /// <summary>Whether tokens <paramref name="from"/> to <paramref name="to"/> (exclusive) hold "and" or "or": a comma before them separates list items.</summary>
    private static bool HasConjunction(Document document, int from, int to)
    {
        var tokens = document.Tokens;
        for (int t = from; t < to; t++)
            if (document.Text.AsSpan(tokens[t].Start, tokens[t].Length) is "and" or "or") return true;
        return false;
    }
}
