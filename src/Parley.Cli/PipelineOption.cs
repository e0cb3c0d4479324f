using System.CommandLine;
using Parley.Pipeline;

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
}
