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
    /// <summary>The names accepted by <see cref="Get"/>: "full" (the default) and "quotes".</summary>
    public static readonly IReadOnlyList<string> Names = ["full", "quotes"];

    private static readonly Lazy<TextPipeline> FullPipeline = new(() => CreateDefaultBuilder().Build());
    private static readonly Lazy<TextPipeline> QuotesPipeline = new(() => CreateQuotesBuilder().Build());

    /// <summary>The default (full) pipeline, shared (pipelines are immutable and thread-safe).</summary>
    public static TextPipeline Default => FullPipeline.Value;

    /// <summary>A shared pipeline by name: "full" or "quotes".</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static TextPipeline Get(string name) => name switch
    {
        "full" => FullPipeline.Value,
        "quotes" => QuotesPipeline.Value,
        _ => throw new ArgumentException($"unknown pipeline '{name}' (expected one of: {string.Join(", ", Names)})", nameof(name)),
    };

    /// <summary>
    /// Everything: layout, tokens, sentences, entities (trained tagger), coreference, quotes, attribution,
    /// speaker resolution and claims.
    /// </summary>
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
}
