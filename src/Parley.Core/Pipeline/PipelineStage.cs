using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>A convenience base for stages: declare inputs and outputs once in the constructor.</summary>
public abstract class PipelineStage : IPipelineStage
{
    /// <summary>Declares the stage.</summary>
    protected PipelineStage(string name, LayerKey[] requires, LayerKey[] produces)
    {
        Name = name;
        Requires = requires;
        Produces = produces;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<LayerKey> Requires { get; }

    /// <inheritdoc />
    public IReadOnlyList<LayerKey> Produces { get; }

    /// <inheritdoc />
    public abstract void Process(Document document, CancellationToken cancellationToken);
}
