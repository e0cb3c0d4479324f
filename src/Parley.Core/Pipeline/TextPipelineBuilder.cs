using System.Collections.Immutable;
using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>Assembles stages into a <see cref="TextPipeline"/>, checking that every stage's inputs are produced before it.</summary>
public sealed class TextPipelineBuilder
{
    private readonly List<IPipelineStage> _stages = new();

    /// <summary>Appends a stage.</summary>
    public TextPipelineBuilder Use(IPipelineStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Replaces the stage named <paramref name="name"/> (for example a rule-based stage by a trained one).</summary>
    public TextPipelineBuilder Replace(string name, IPipelineStage stage)
    {
        int index = _stages.FindIndex(s => s.Name == name);
        if (index < 0) throw new InvalidOperationException($"No stage named '{name}' to replace.");
        _stages[index] = stage;
        return this;
    }

    /// <summary>Removes the stage named <paramref name="name"/>, if present.</summary>
    public TextPipelineBuilder Remove(string name)
    {
        _stages.RemoveAll(s => s.Name == name);
        return this;
    }

    /// <summary>Validates stage order and returns the immutable pipeline.</summary>
    /// <exception cref="InvalidOperationException">A stage requires a layer no earlier stage produces.</exception>
    public TextPipeline Build()
    {
        var available = new HashSet<LayerKey>();
        foreach (var stage in _stages)
        {
            foreach (var required in stage.Requires)
            {
                if (!available.Contains(required))
                    throw new InvalidOperationException(
                        $"Stage '{stage.Name}' requires layer '{required.Name}', which no earlier stage produces.");
            }
            foreach (var produced in stage.Produces) available.Add(produced);
        }
        return new TextPipeline(_stages.ToImmutableArray());
    }
}
