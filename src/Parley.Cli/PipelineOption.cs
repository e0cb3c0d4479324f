using System.CommandLine;
using Parley.Pipeline;
using Parley.Statements.Enrichment;

namespace Parley.Cli;

/// <summary>The <c>--pipeline</c> option shared by every command that analyses text.</summary>
internal static class PipelineOption
{
    /// <summary>A new <c>--pipeline NAME</c> option (one of <see cref="ParleyPipeline.Names"/>; default "full").</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--pipeline", "-p")
        {
            Description = "Which pipeline: full (the default: POS, entities, coreference, the trained attribution tagger with rule merge, kinds, speakers, channels, claims), rules (the rule-based attribution only, faster), trained (the tagger's statements without the rule merge) or quotes (text and quotes only, no model)",
            DefaultValueFactory = _ => "full",
        };
        option.AcceptOnlyFromAmong([.. ParleyPipeline.Names]);
        return option;
    }

    /// <summary>A new <c>--min-confidence X</c> option (full pipeline only).</summary>
    public static Option<double?> CreateMinConfidence() => new("--min-confidence")
    {
        Description = "Keep only statements at least this confident (0 to 1; the default keeps all). Full pipeline only",
    };

    /// <summary>The named pipeline, or the full one dropping statements below <paramref name="minConfidence"/>.</summary>
    /// <exception cref="UsageException">The threshold is out of range or given with another pipeline.</exception>
    public static TextPipeline Build(string name, double? minConfidence)
    {
        if (minConfidence is null) return ParleyPipeline.Get(name);
        if (minConfidence is < 0 or >= 1) throw new UsageException("--min-confidence must lie in [0, 1)");
        if (name != "full") throw new UsageException("--min-confidence works with the full pipeline only");
        if (ConfidenceModel.Default is not { } confidence) throw new UsageException($"--min-confidence needs the confidence model ({ConfidenceModel.DefaultRelativePath})");
        return ParleyPipeline.CreateDefaultBuilder().Replace("statement-confidence", new StatementConfidenceStage(confidence.WithMinimum(minConfidence.Value))).Build();
    }
}
