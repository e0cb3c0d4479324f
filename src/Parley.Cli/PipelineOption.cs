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
            Description = "Which pipeline: full (entities, coreference, speakers; rule-based quote attribution), quotes (text and quotes only, no model) or trained (full with syntax and the trained attribution tagger: reported speech too, slower)",
            DefaultValueFactory = _ => "full",
        };
        option.AcceptOnlyFromAmong([.. ParleyPipeline.Names]);
        return option;
    }
}
