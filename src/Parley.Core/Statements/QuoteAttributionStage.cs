using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Statements;

/// <summary>Attributes direct quotes to sources with cue rules. (Placeholder; being implemented.)</summary>
public sealed class QuoteAttributionStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public QuoteAttributionStage() : base("quote-attribution", [Layers.Sentences, Layers.Tokens, Layers.Quotes], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Statements, ImmutableArray<Statement>.Empty);
}
