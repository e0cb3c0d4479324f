using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Statements.Attribution;

/// <summary>
/// Attributes direct quotes to their sources with cue rules (see <see cref="QuoteAttributor"/>). A trained
/// attribution model can replace this stage by name ("quote-attribution") without touching the quote stage.
/// </summary>
public sealed class QuoteAttributionStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public QuoteAttributionStage()
        : base("quote-attribution", [Layers.Headlines, Layers.Sentences, Layers.Tokens, Layers.Quotes], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(Layers.Statements, new QuoteAttributor(document).Run(cancellationToken));
}
