using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Statements;

/// <summary>Pairs quotation marks into direct quotes. (Placeholder; being implemented.)</summary>
public sealed class QuoteStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public QuoteStage() : base("quotes", [Layers.Headlines, Layers.Paragraphs], [Layers.Quotes]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Quotes, ImmutableArray<Quote>.Empty);
}
