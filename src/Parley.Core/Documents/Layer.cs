namespace Parley.Documents;

/// <summary>
/// The name of an annotation layer. Pipeline stages declare the layers they require and produce,
/// so a pipeline assembled in the wrong order fails when it is built, not halfway through a corpus.
/// </summary>
public abstract class LayerKey
{
    private protected LayerKey(string name) => Name = name;

    /// <summary>The layer's name as used in errors and outputs.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A typed layer key: the value stored under it is an immutable array of <typeparamref name="T"/>.</summary>
public sealed class Layer<T> : LayerKey
{
    /// <summary>Creates a layer key. Keys are compared by reference, so create each once.</summary>
    public Layer(string name) : base(name) { }
}
