using System.Text;
using Parley.Documents;
using Parley.Text;

namespace Parley.Tests.Text;

/// <summary>Randomised checks: the segmenters never throw and always return valid, ordered spans.</summary>
public class SegmentationPropertyTests
{
    private static readonly string[] Pieces =
    [
        "word", "Word", "U.S.", "Mr.", "J.", "3.5", "1,000", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", ".", "!", "?", "...", ",", ";", ":",
        "“", "”", "„", "«", "»", "‹", "›", "‘", "’", "\"", "'", "—", "–", "-", "(", ")", "don't", "Kyiv’s", "’90s", "\u00A0", "\t",
        "Ünïcödé", "👍", "\uD800", "\uDC00", "\u2029", "said", "he", "according to",
    ];

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 40).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_text_yields_valid_layers(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 50; round++)
        {
            var sb = new StringBuilder();
            int n = random.Next(1, 120);
            for (int i = 0; i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            string text = sb.ToString();
            var doc = TestPipeline.Run(text);
            CheckOrderedWithin(doc.Paragraphs.Select(p => p.Span).ToList(), text.Length, allowTouching: false);
            CheckOrderedWithin(doc.Tokens.Select(t => t.Span).ToList(), text.Length, allowTouching: true);
            CheckOrderedWithin(doc.Sentences.Select(s => s.Span).ToList(), text.Length, allowTouching: true);
            foreach (var token in doc.Tokens)
                Assert.Contains(doc.Paragraphs, p => p.Span.Contains(token.Span));
            int covered = 0;
            foreach (var sentence in doc.Sentences)
            {
                Assert.Equal(covered, sentence.FirstToken);
                Assert.True(sentence.TokenCount > 0);
                Assert.Equal(doc.Tokens[sentence.FirstToken].Start, sentence.Span.Start);
                Assert.Equal(doc.Tokens[sentence.EndToken - 1].End, sentence.Span.End);
                covered = sentence.EndToken;
            }
            Assert.Equal(doc.Tokens.Length, covered);
        }
    }

    private static void CheckOrderedWithin(List<TextSpan> spans, int length, bool allowTouching)
    {
        int previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.True(span.Start >= 0 && span.End <= length && span.Start < span.End, $"bad span {span}");
            Assert.True(allowTouching ? span.Start >= previousEnd : span.Start >= previousEnd, $"unordered span {span}");
            previousEnd = span.End;
        }
    }
}
