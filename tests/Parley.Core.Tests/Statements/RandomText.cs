using System.Text;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests.Statements;

/// <summary>Seeded random texts that mix every quote mark with apostrophes, words, punctuation and line breaks.</summary>
internal static class RandomText
{
    private static readonly string[] Pieces =
    [
        "\u201C", "\u201D", "\u201E", "\u201F", "\u2018", "\u2019", "\u201A", "\u201B", "\u00AB", "\u00BB", "\u2039", "\u203A", "\"", "'",
        "don\u2019t", "Kyiv\u2019s", "officials\u2019", "\u201990s", "rock \u2019n\u2019 roll", "it's",
        "said", "he said", "said Anna Berg,", "a spokesperson said", "according to", "told Reuters:", "\u2014", "-", "--",
        "the", "plan", "Minister", "Smith", "war", "we", "will", "not", "go", "U.S.", "3.5", "1990s",
        ",", ".", ":", ";", "!", "?", "(", ")", "\u2026",
        " ", " ", " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00A0",
    ];

    /// <summary>A text of about <paramref name="pieces"/> pieces.</summary>
    public static string Next(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) == 0) sb.Append(' ');
        }
        if (sb.ToString().Trim().Length == 0) sb.Append('x');
        return sb.ToString();
    }

    /// <summary>
    /// Runs the default pipeline over 3,000 seeded random texts and applies <paramref name="check"/> to each;
    /// a failure names the case and its text. Returns the sum of <paramref name="count"/> over all documents.
    /// </summary>
    public static int CheckMany(int seed, int maxPieces, Action<Document> check, Func<Document, int> count)
    {
        var random = new Random(seed);
        int total = 0;
        for (int i = 0; i < 3000; i++)
        {
            string text = Next(random, random.Next(1, maxPieces));
            var document = ParleyPipeline.Default.Process(text);
            total += count(document);
            try
            {
                check(document);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"case {i}: {System.Text.Json.JsonSerializer.Serialize(text)}", e);
            }
        }
        return total;
    }
}
