using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Text;

/// <summary>Tokenizes every paragraph (see <see cref="Tokenizer"/>).</summary>
public sealed class TokenizerStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public TokenizerStage() : base("tokens", [Layers.Paragraphs], [Layers.Tokens]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var tokens = new List<Token>(document.Text.Length / 5 + 16);
        foreach (var paragraph in document.Paragraphs)
            Tokenizer.Tokenize(document.Text, paragraph.Span, tokens);
        document.Set(Layers.Tokens, ImmutableArray.CreateRange(tokens));
    }
}
