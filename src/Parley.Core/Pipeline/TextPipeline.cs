using System.Collections.Immutable;
using Parley.Documents;
using Parley.Text;

namespace Parley.Pipeline;

/// <summary>
/// An ordered, validated list of stages. Immutable and thread-safe: build it once and reuse it for
/// every document, from any number of threads.
/// </summary>
public sealed class TextPipeline
{
    internal TextPipeline(ImmutableArray<IPipelineStage> stages) => Stages = stages;

    /// <summary>The stages in run order.</summary>
    public ImmutableArray<IPipelineStage> Stages { get; }

    /// <summary>The layers the pipeline produces.</summary>
    public IEnumerable<LayerKey> Produces => Stages.SelectMany(s => s.Produces).Distinct();

    /// <summary>Runs every stage over a new document made from <paramref name="text"/>.</summary>
    public Document Process(string text, DocumentMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        var document = new Document(text, metadata);
        Process(document, cancellationToken);
        return document;
    }

    /// <summary>Decodes <paramref name="bytes"/> (see <see cref="TextDecoder"/>) and processes the text.</summary>
    /// <exception cref="InputRejectedException">The bytes are not text Parley can read.</exception>
    public Document Process(ReadOnlySpan<byte> bytes, DocumentMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        Process(TextDecoder.Decode(bytes), metadata, cancellationToken);

    /// <summary>Runs every stage over <paramref name="document"/>.</summary>
    public void Process(Document document, CancellationToken cancellationToken = default)
    {
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Process(document, cancellationToken);
        }
    }

    /// <summary>A builder for a custom pipeline.</summary>
    public static TextPipelineBuilder CreateBuilder() => new();
}
