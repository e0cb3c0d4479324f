using Parley.Statements;
using Parley.Text;

namespace Parley.Documents;

/// <summary>The layers that Parley's own stages produce.</summary>
public static class Layers
{
    /// <summary>Leading headline lines (and copies of them) that form the title.</summary>
    public static readonly Layer<Headline> Headlines = new("headlines");

    /// <summary>Paragraphs: blocks of text separated by line breaks.</summary>
    public static readonly Layer<Paragraph> Paragraphs = new("paragraphs");

    /// <summary>Sentences, in text order.</summary>
    public static readonly Layer<Sentence> Sentences = new("sentences");

    /// <summary>Tokens, in text order.</summary>
    public static readonly Layer<Token> Tokens = new("tokens");

    /// <summary>Direct quotations: paired quote marks and the text between them.</summary>
    public static readonly Layer<Quote> Quotes = new("quotes");

    /// <summary>Attributed statements: who said (or believed) what.</summary>
    public static readonly Layer<Statement> Statements = new("statements");
}
