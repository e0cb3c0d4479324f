using System.Diagnostics;

namespace Parley.Syntax;

/// <summary>Scores of the syntax models against a (silver) treebank, with tagging and parsing speeds.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Tokens">Tokens scored.</param>
/// <param name="PosCorrect">Tokens with the reference tag (0 when no tagger was given).</param>
/// <param name="HeadCorrect">Tokens with the reference head.</param>
/// <param name="LabelledCorrect">Tokens with the reference head and label.</param>
/// <param name="ScoredWords">Tokens whose reference tag is not punctuation.</param>
/// <param name="WordHeadCorrect">Of those, with the reference head.</param>
/// <param name="WordLabelledCorrect">Of those, with the reference head and label.</param>
/// <param name="TagSeconds">Processor time spent tagging, one pass on one thread (robust on a shared machine).</param>
/// <param name="ParseSeconds">Processor time spent parsing, one pass on one thread.</param>
/// <param name="TagWallSeconds">Elapsed time spent tagging, one pass.</param>
/// <param name="ParseWallSeconds">Elapsed time spent parsing, one pass.</param>
public sealed record SyntaxScores(long Sentences, long Tokens, long PosCorrect, long HeadCorrect, long LabelledCorrect,
    long ScoredWords, long WordHeadCorrect, long WordLabelledCorrect, double TagSeconds, double ParseSeconds,
    double TagWallSeconds = 0, double ParseWallSeconds = 0)
{
    /// <summary>POS accuracy, %.</summary>
    public double PosAccuracy => Percent(PosCorrect, Tokens);

    /// <summary>Unlabelled attachment score over all tokens, %.</summary>
    public double Uas => Percent(HeadCorrect, Tokens);

    /// <summary>Labelled attachment score over all tokens, %.</summary>
    public double Las => Percent(LabelledCorrect, Tokens);

    /// <summary>UAS without punctuation tokens, %.</summary>
    public double UasNoPunct => Percent(WordHeadCorrect, ScoredWords);

    /// <summary>LAS without punctuation tokens, %.</summary>
    public double LasNoPunct => Percent(WordLabelledCorrect, ScoredWords);

    /// <summary>Tagging speed, tokens per elapsed second.</summary>
    public double TagTokensPerWallSecond => TagWallSeconds > 0 ? Tokens / TagWallSeconds : 0;

    /// <summary>Parsing speed, tokens per elapsed second.</summary>
    public double ParseTokensPerWallSecond => ParseWallSeconds > 0 ? Tokens / ParseWallSeconds : 0;

    /// <summary>Tagging speed, tokens per processor second.</summary>
    public double TagTokensPerSecond => TagSeconds > 0 ? Tokens / TagSeconds : 0;

    /// <summary>Parsing speed, tokens per processor second.</summary>
    public double ParseTokensPerSecond => ParseSeconds > 0 ? Tokens / ParseSeconds : 0;

    private static double Percent(long a, long b) => b == 0 ? 0 : 100.0 * a / b;
}

/// <summary>Evaluates a tagger and/or parser on prepared sentences.</summary>
public static class SyntaxEvaluator
{
    /// <summary>
    /// Tags (when <paramref name="tagger"/> is given) and parses (when <paramref name="parser"/> is given)
    /// every sentence, timing each over <paramref name="passes"/> passes after one warm-up pass. The parser
    /// reads the tagger's tags, or the reference tags without a tagger.
    /// </summary>
    public static SyntaxScores Evaluate(IReadOnlyList<SyntaxSentence> sentences, PosTagger? tagger, DependencyParser? parser, int passes = 1)
    {
        long tokens = 0;
        foreach (var s in sentences) tokens += s.Tokens.Length;
        var predictedTags = new string[sentences.Count][];
        long posCorrect = 0;
        double tagSeconds = 0, tagWall = 0;
        if (tagger is not null)
        {
            var ids = new byte[1024];
            for (int pass = 0; pass <= passes; pass++)
            {
                var watch = Stopwatch.StartNew();
                var cpu = CpuTime();
                foreach (var s in sentences)
                {
                    if (ids.Length < s.Tokens.Length) ids = new byte[s.Tokens.Length * 2];
                    tagger.Tag(s.Text, s.Tokens, ids);
                }
                if (pass > 0) { tagSeconds += CpuTime() - cpu; tagWall += watch.Elapsed.TotalSeconds; }
            }
            tagSeconds /= passes;
            tagWall /= passes;
            for (int k = 0; k < sentences.Count; k++)
            {
                var s = sentences[k];
                predictedTags[k] = tagger.Tag(s.Text, s.Tokens);
                for (int i = 0; i < s.Tags.Length; i++) if (predictedTags[k][i] == s.Tags[i]) posCorrect++;
            }
        }
        else
        {
            for (int k = 0; k < sentences.Count; k++) predictedTags[k] = sentences[k].Tags;
        }

        long head = 0, labelled = 0, words = 0, wordHead = 0, wordLabelled = 0;
        double parseSeconds = 0, parseWall = 0;
        if (parser is not null)
        {
            var heads = new int[1024];
            var labels = new byte[1024];
            for (int pass = 0; pass <= passes; pass++)
            {
                var watch = Stopwatch.StartNew();
                var cpu = CpuTime();
                for (int k = 0; k < sentences.Count; k++)
                {
                    var s = sentences[k];
                    if (heads.Length < s.Tokens.Length) { heads = new int[s.Tokens.Length * 2]; labels = new byte[heads.Length]; }
                    parser.Parse(s.Text, s.Tokens, predictedTags[k], heads, labels);
                }
                if (pass > 0) { parseSeconds += CpuTime() - cpu; parseWall += watch.Elapsed.TotalSeconds; }
            }
            parseSeconds /= passes;
            parseWall /= passes;
            for (int k = 0; k < sentences.Count; k++)
            {
                var s = sentences[k];
                parser.Parse(s.Text, s.Tokens, predictedTags[k], heads, labels);
                for (int i = 0; i < s.Tokens.Length; i++)
                {
                    bool punct = IsPunctuation(s.Tags[i]);
                    if (!punct) words++;
                    if (heads[i] != s.Heads[i]) continue;
                    head++;
                    bool labelOk = parser.Labels[labels[i]] == s.Labels[i];
                    if (labelOk) labelled++;
                    if (!punct) { wordHead++; if (labelOk) wordLabelled++; }
                }
            }
        }
        return new SyntaxScores(sentences.Count, tokens, posCorrect, head, labelled, words, wordHead, wordLabelled,
            tagSeconds, parseSeconds, tagWall, parseWall);
    }

    /// <summary>Processor seconds used by this process so far (the evaluation runs on one thread).</summary>
    private static double CpuTime() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>PTB punctuation tags (left out of the "no punctuation" attachment scores, as in CoNLL evaluations).</summary>
    public static bool IsPunctuation(string tag) => tag is "``" or "''" or "," or "." or ":" or "-LRB-" or "-RRB-" or "#" or "$";
}
