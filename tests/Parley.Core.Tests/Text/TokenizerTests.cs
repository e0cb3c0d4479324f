using Parley.Documents;
using Parley.Text;

namespace Parley.Tests.Text;

public class TokenizerTests
{
    private static string[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens.Select(t => text[t.Start..t.End]).ToArray();
    }

    [Theory]
    [InlineData("The U.S. said no.", "The|U.S.|said|no|.")]
    [InlineData("Mr. Smith met Gen. Jones.", "Mr.|Smith|met|Gen.|Jones|.")]
    [InlineData("J. R. Smith", "J.|R.|Smith")]
    [InlineData("Kyiv’s mayor", "Kyiv|’s|mayor")]
    [InlineData("We don't know", "We|do|n't|know")]
    [InlineData("since the ’90s began", "since|the|’90s|began")]
    [InlineData("officials’ claims", "officials|’|claims")]
    [InlineData("O'Brien said", "O'Brien|said")]
    [InlineData("a well-known fact", "a|well-known|fact")]
    [InlineData("1,000 troops and 3.5 percent on 9/11", "1,000|troops|and|3.5|percent|on|9/11")]
    [InlineData("AT&T rose 5%.", "AT&T|rose|5|%|.")]
    [InlineData("«Нет», — сказал он.", "«|Нет|»|,|—|сказал|он|.")]
    [InlineData("Wait... what?!", "Wait|...|what|?!")]
    [InlineData("the 1990s and 5th", "the|1990s|and|5th")]
    [InlineData("“Go,” she said", "“|Go|,|”|she|said")]
    public void Splits_as_expected(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void Token_kinds_are_set()
    {
        const string text = "“Yes,” 42 times!";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        Assert.Equal(new[] { TokenKind.Quote, TokenKind.Word, TokenKind.Punct, TokenKind.Quote, TokenKind.Number, TokenKind.Word, TokenKind.Terminal },
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Surrogate_pairs_are_one_token()
    {
        Assert.Equal(new[] { "Great", "👍" }, Tokens("Great 👍"));
    }
}
