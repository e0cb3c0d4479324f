using Parley.Documents;
using Parley.Pipeline;
using SyntaxLayers = Parley.Syntax.SyntaxLayers;

namespace Parley.Statements.Tagging;

/// <summary>
/// Finds statements with the trained attribution tagger (<see cref="StatementTagger"/>): direct, indirect,
/// mixed and "according to" attributions with their source, cue and content spans. Replaces the rule-based
/// quote attribution in the "trained" pipeline. Needs part-of-speech tags, not a dependency parse; uses the
/// entity layer and the dependency layer when an earlier stage set them.
/// </summary>
public sealed class StatementTaggerStage : PipelineStage
{
    private readonly Func<StatementTagger> _tagger;

    /// <summary>Creates the stage with the shipped model (<see cref="StatementTagger.Default"/>), loaded on first use.</summary>
    public StatementTaggerStage() : this(() => StatementTagger.Default) { }

    /// <summary>Creates the stage with a given tagger.</summary>
    public StatementTaggerStage(StatementTagger tagger) : this(() => tagger) => ArgumentNullException.ThrowIfNull(tagger);

    private StatementTaggerStage(Func<StatementTagger> tagger)
        : base("statement-tagger", [Layers.Tokens, Layers.Sentences, Layers.Quotes, SyntaxLayers.PartOfSpeech], [Layers.Statements, StatementLayers.Evidence]) =>
        _tagger = tagger;

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var evidence = new TokenEvidence[document.Tokens.Length];
        document.Set(Layers.Statements, _tagger().Tag(document, evidence, cancellationToken));
        document.Set(StatementLayers.Evidence, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(evidence));
    }
}
