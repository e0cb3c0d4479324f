using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>
/// One step of the pipeline. A stage reads the layers it <see cref="Requires"/> and sets the layers it
/// <see cref="Produces"/>. Stages must be thread-safe: one instance serves every document.
/// </summary>
public interface IPipelineStage
{
    /// <summary>A short name for errors and timings ("sentences", "quotes").</summary>
    string Name { get; }

    /// <summary>Layers that must exist before this stage runs.</summary>
    IReadOnlyList<LayerKey> Requires { get; }

    /// <summary>Layers this stage sets (or replaces).</summary>
    IReadOnlyList<LayerKey> Produces { get; }

    /// <summary>Annotates <paramref name="document"/>.</summary>
    void Process(Document document, CancellationToken cancellationToken);
}
