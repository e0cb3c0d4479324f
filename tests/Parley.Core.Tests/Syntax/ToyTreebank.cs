using Parley.Syntax;
using Parley.Text;

namespace Parley.Tests.Syntax;

/// <summary>A tiny hand-written treebank (PTB tags, UD v1 labels as CoreNLP writes them).</summary>
internal static class ToyTreebank
{
    // word/TAG/head(1-based, 0 = root)/label
    private static readonly string[] Lines =
    [
        "The/DT/2/det minister/NN/3/nsubj said/VBD/0/root that/IN/7/mark the/DT/6/det talks/NNS/7/nsubj failed/VBD/3/ccomp ./././3/punct",
        "A/DT/2/det spokesman/NN/3/nsubj denied/VBD/0/root the/DT/5/det report/NN/3/dobj ./././3/punct",
        "She/PRP/2/nsubj told/VBD/0/root reporters/NNS/2/dobj that/IN/6/mark prices/NNS/6/nsubj rose/VBD/2/ccomp ./././2/punct",
        "The/DT/2/det senator/NN/3/nsubj says/VBZ/0/root the/DT/5/det plan/NN/6/nsubj works/VBZ/3/ccomp ./././3/punct",
        "Officials/NNS/2/nsubj announced/VBD/0/root a/DT/5/det new/JJ/5/amod deal/NN/2/dobj ./././2/punct",
        "He/PRP/2/nsubj said/VBD/0/root the/DT/4/det vote/NN/5/nsubj failed/VBD/2/ccomp ./././2/punct",
        "The/DT/3/det new/JJ/3/amod minister/NN/4/nsubj denied/VBD/0/root that/IN/7/mark prices/NNS/7/nsubj rose/VBD/4/ccomp ./././4/punct",
        "Reporters/NNS/2/nsubj said/VBD/0/root the/DT/4/det deal/NN/5/nsubj works/VBZ/2/ccomp ./././2/punct",
    ];

    public static List<SyntaxSentence> Sentences()
    {
        var result = new List<SyntaxSentence>();
        foreach (var line in Lines)
        {
            var parts = line.Split(' ');
            var text = new System.Text.StringBuilder();
            var tokens = new Token[parts.Length];
            var tags = new string[parts.Length];
            var heads = new int[parts.Length];
            var labels = new string[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                var cols = parts[i].Split('/');
                // "./././3/punct" splits into ["", "", "", "", "3", "punct"]-like pieces: handle the full stop.
                if (parts[i].StartsWith("./", StringComparison.Ordinal)) cols = [".", ".", cols[^2], cols[^1]];
                if (i > 0) text.Append(' ');
                tokens[i] = new Token(text.Length, text.Length + cols[0].Length, TokenKind.Word);
                text.Append(cols[0]);
                tags[i] = cols[1];
                heads[i] = int.Parse(cols[2]) - 1;
                labels[i] = cols[3];
            }
            result.Add(new SyntaxSentence(text.ToString(), tokens, tags, heads, labels));
        }
        return result;
    }
}
