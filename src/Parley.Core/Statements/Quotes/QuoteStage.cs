using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Statements.Quotes;

/// <summary>Pairs quotation marks into direct quotes, paragraph by paragraph (see <see cref="QuotePairer"/>).</summary>
public sealed class QuoteStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public QuoteStage() : base("quotes", [Layers.Headlines, Layers.Paragraphs], [Layers.Quotes]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Quotes, QuotePairer.Pair(document.Text, document.Normalized.Value, document.Paragraphs.AsSpan()));
}
