using Parley.Documents;
using Parley.Entities.Tagging;
using Parley.Pipeline;

namespace Parley.Entities;

/// <summary>Pipeline stage that tags named entities (PERSON, ORGANIZATION, LOCATION, MISC) sentence by sentence.</summary>
public sealed class EntityStage : PipelineStage
{
    private readonly Lazy<NerTagger> _tagger;

    /// <summary>Creates the stage over <paramref name="tagger"/>, or over the default model (loaded on first use).</summary>
    public EntityStage(NerTagger? tagger = null) : base("entities", [Layers.Tokens, Layers.Sentences], [EntityLayers.Entities]) =>
        _tagger = tagger is null ? new Lazy<NerTagger>(() => NerTagger.Default) : new Lazy<NerTagger>(tagger);

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken) =>
        document.Set(EntityLayers.Entities, _tagger.Value.Tag(document));
}
