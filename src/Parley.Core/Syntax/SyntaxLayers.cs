using Parley.Documents;

namespace Parley.Syntax;

/// <summary>A token's Penn Treebank part-of-speech tag.</summary>
/// <param name="Tag">The tag ("NN", "VBD", ","); one shared string instance per tag.</param>
public readonly record struct PosTag(string Tag)
{
    /// <inheritdoc />
    public override string ToString() => Tag;
}

/// <summary>A token's basic dependency: its head and the relation's label (UD v1, as CoreNLP produces).</summary>
/// <param name="Head">Index of the head in the document's token layer, or -1 for the sentence root.</param>
/// <param name="Label">The relation ("nsubj", "dobj", "root"); one shared string instance per label.</param>
public readonly record struct Dependency(int Head, string Label)
{
    /// <summary>True for the sentence root.</summary>
    public bool IsRoot => Head < 0;
}

/// <summary>The layers the syntax stages produce, aligned one-to-one with <see cref="Layers.Tokens"/>.</summary>
public static class SyntaxLayers
{
    /// <summary>Part-of-speech tag of every token (same length and order as the token layer).</summary>
    public static readonly Layer<PosTag> PartOfSpeech = new("pos");

    /// <summary>Head and label of every token (same length and order as the token layer); heads stay inside the sentence.</summary>
    public static readonly Layer<Dependency> Dependencies = new("dependencies");
}
