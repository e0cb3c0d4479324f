using Parley.Claims;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Statements;
using Parley.Statements.Attribution;
using Parley.Statements.Quotes;
using Parley.Text;

namespace Parley.Pipeline;

/// <summary>Ready-made pipelines.</summary>
public static class ParleyPipeline
{
    private static readonly Lazy<TextPipeline> DefaultPipeline = new(() => CreateDefaultBuilder().Build());

    /// <summary>The default pipeline, shared (pipelines are immutable and thread-safe).</summary>
    public static TextPipeline Default => DefaultPipeline.Value;

    /// <summary>A builder holding the default stages, to customise.</summary>
    public static TextPipelineBuilder CreateDefaultBuilder() => TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage())
        .Use(new EntityStage())
        .Use(new CoreferenceStage())
        .Use(new QuoteStage())
        .Use(new QuoteAttributionStage())
        .Use(new SpeakerResolutionStage())
        .Use(new ClaimStage());
}
