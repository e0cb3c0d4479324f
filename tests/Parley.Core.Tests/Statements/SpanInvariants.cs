using Parley.Documents;
using Parley.Statements;
using Parley.Statements.Quotes;

namespace Parley.Tests.Statements;

/// <summary>Checks shared by the quote and attribution tests: every span is valid for its text.</summary>
internal static class SpanInvariants
{
    /// <summary>Asserts that the quote layer is well formed: marks are marks, content lies between them, outer quotes do not overlap.</summary>
    public static void AssertQuotes(Document document)
    {
        string text = document.Text;
        var quotes = document.Quotes;
        int previousOpen = -1;
        TextSpan? previousOuter = null;
        foreach (var quote in quotes)
        {
            Assert.True(quote.Open.Start > previousOpen, "quotes are ordered by their opening marks");
            previousOpen = quote.Open.Start;
            AssertInRange(text, quote.Open);
            Assert.InRange(quote.Open.Length, 1, 2); // 2 for ''
            Assert.True(QuoteMarks.IsMark(text[quote.Open.Start]), $"opening mark at {quote.Open.Start} is '{text[quote.Open.Start]}'");
            Assert.False(quote.Content.IsDefaultOrEmpty, "a quote has content");
            int cursor = quote.Open.End;
            foreach (var span in quote.Content)
            {
                AssertInRange(text, span);
                Assert.False(span.IsEmpty, "content spans are not empty");
                Assert.True(span.Start >= cursor, "content spans are ordered and do not overlap");
                Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]), "content is trimmed");
                cursor = span.End;
            }
            if (quote.Close is { } close)
            {
                AssertInRange(text, close);
                Assert.True(QuoteMarks.IsMark(text[close.Start]), $"closing mark at {close.Start} is '{text[close.Start]}'");
                Assert.True(close.Start >= cursor, "the closing mark follows the content");
            }
            AssertInRange(text, quote.Extent);
            if (quote.Depth == 0)
            {
                if (previousOuter is { } outer) Assert.False(outer.Overlaps(quote.Extent), $"outer quotes {outer} and {quote.Extent} overlap");
                previousOuter = quote.Extent;
            }
        }
    }

    /// <summary>Asserts that statements are well formed: ids in order, spans in range and trimmed, contents disjoint.</summary>
    public static void AssertStatements(Document document)
    {
        string text = document.Text;
        var statements = document.Statements;
        int previousStart = -1;
        var contents = new List<TextSpan>();
        for (int i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            Assert.Equal("s" + (i + 1), s.Id);
            Assert.InRange(s.Confidence, 0.0, 1.0);
            Assert.False(s.Content.IsDefaultOrEmpty, "a statement has content");
            Assert.True(s.Content[0].Start >= previousStart, "statements are in text order");
            previousStart = s.Content[0].Start;
            foreach (var span in s.Content)
            {
                AssertTrimmed(text, span);
                foreach (var other in contents) Assert.False(other.Overlaps(span), $"statement contents {other} and {span} overlap");
            }
            contents.AddRange(s.Content);
            if (s.Cue is { } cue) AssertTrimmed(text, cue);
            if (s.Source is { } source)
            {
                AssertTrimmed(text, source);
                Assert.NotNull(s.Speaker);
            }
            if (s.Speaker is { } speaker) Assert.False(string.IsNullOrWhiteSpace(speaker.Name));
            if (s.QuoteIndex >= 0) Assert.InRange(s.QuoteIndex, 0, document.Quotes.Length - 1);
        }
    }

    private static void AssertInRange(string text, TextSpan span) =>
        Assert.True(span.Start >= 0 && span.End <= text.Length && span.Start <= span.End, $"span {span} outside a text of {text.Length} characters");

    private static void AssertTrimmed(string text, TextSpan span)
    {
        AssertInRange(text, span);
        Assert.False(span.IsEmpty, $"span {span} is empty");
        Assert.Equal(span.GetText(text), text.Substring(span.Start, span.Length));
        Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]), $"span {span} '{span.GetText(text)}' is not trimmed");
    }
}
