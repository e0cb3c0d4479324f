using Parley.Claims;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Statements;
using Parley.Statements.Attribution;
using Parley.Statements.Channels;
using Parley.Statements.Enrichment;
using Parley.Statements.Quotes;
using Parley.Statements.Tagging;
using Parley.Syntax;
using Parley.Text;

namespace Parley.Pipeline;

/// <summary>Ready-made pipelines.</summary>
public static class ParleyPipeline
{
    /// <summary>The names accepted by <see cref="Get"/>: "full" (the default), "rules", "quotes" and "trained".</summary>
    public static readonly IReadOnlyList<string> Names = ["full", "rules", "quotes", "trained"];

    private static readonly Lazy<TextPipeline> FullPipeline = new(() => CreateDefaultBuilder().Build());
    private static readonly Lazy<TextPipeline> RulesPipeline = new(() => CreateRulesBuilder().Build());
    private static readonly Lazy<TextPipeline> QuotesPipeline = new(() => CreateQuotesBuilder().Build());
    private static readonly Lazy<TextPipeline> TrainedPipeline = new(() => CreateTrainedBuilder().Build());

    /// <summary>The default (full) pipeline, shared (pipelines are immutable and thread-safe).</summary>
    public static TextPipeline Default => FullPipeline.Value;

    /// <summary>A shared pipeline by name: "full", "rules", "quotes" or "trained".</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static TextPipeline Get(string name) => name switch
    {
        "full" => FullPipeline.Value,
        "rules" => RulesPipeline.Value,
        "quotes" => QuotesPipeline.Value,
        "trained" => TrainedPipeline.Value,
        _ => throw new ArgumentException($"unknown pipeline '{name}' (expected one of: {string.Join(", ", Names)})", nameof(name)),
    };

    /// <summary>
    /// Everything: layout, tokens, sentences, syntax, entities (trained tagger), coreference, quotes, the trained
    /// attribution tagger merged with rule-based quote attribution, kinds from spans, speaker resolution and
    /// typing, channels and claims.
    /// </summary>
    public static TextPipelineBuilder CreateDefaultBuilder() => CreateTrainedBuilder()
        // The statement post-processing runs after whatever the trained builder puts before it.
        .Remove("speakers")
        .Remove("claims")
        .Use(new StatementMergeStage())
        .Use(new StatementKindStage())
        .Use(new SpeakerResolutionStage())
        .Use(new ChannelStage())
        .Use(new StatementConfidenceStage())
        .Use(new ClaimStage());

    /// <summary>
    /// The rule-based pipeline (the default before the trained tagger): layout, tokens, sentences, entities,
    /// coreference, quotes, rule-based quote attribution (direct quotes only), speaker resolution and claims.
    /// </summary>
    public static TextPipelineBuilder CreateRulesBuilder() => TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage())
        .Use(new EntityStage())
        .Use(new CoreferenceStage())
        .Use(new QuoteStage())
        .Use(new QuoteAttributionStage())
        .Use(new SpeakerResolutionStage())
        .Use(new ClaimStage());

    /// <summary>
    /// The text and quote pipeline alone (no model): layout, tokens, sentences, quotes, rule-based
    /// attribution and claims. Fast; speakers stay as written.
    /// </summary>
    public static TextPipelineBuilder CreateQuotesBuilder() => TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage())
        .Use(new QuoteStage())
        .Use(new QuoteAttributionStage())
        .Use(new ClaimStage());

    /// <summary>
    /// As the full pipeline, with part-of-speech tagging and the trained attribution tagger (<see cref="StatementTaggerStage"/>)
    /// instead of rule-based quote attribution: direct, indirect, mixed and "according to" statements.
    /// </summary>
    public static TextPipelineBuilder CreateTrainedBuilder() => TextPipeline.CreateBuilder()
        .Use(new LayoutStage())
        .Use(new TokenizerStage())
        .Use(new SentenceStage())
        .AddSyntax(parse: false) // the tagger reads tags and chunks; a parse would triple the pipeline's time
        .Use(new EntityStage())
        .Use(new CoreferenceStage())
        .Use(new QuoteStage())
        .Use(new StatementTaggerStage())
        .Use(new SpeakerResolutionStage())
        .Use(new ClaimStage());
}
