using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements.Tagging;

namespace Parley.Statements.Enrichment;

/// <summary>
/// Sets each statement's confidence to the <see cref="ConfidenceModel"/>'s probability that an annotator marks an
/// attribution with its cue, and drops statements below the model's <see cref="ConfidenceModel.MinimumConfidence"/>
/// (0 in the shipped model: all are kept), renumbering the rest. Runs last among the statement stages, so that it sees
/// the final spans, kind, speaker and channel. Without a confidence model the confidences the attributors gave stay.
/// </summary>
public sealed class StatementConfidenceStage : PipelineStage
{
    private readonly Func<ConfidenceModel?> _model;

    /// <summary>Creates the stage with the shipped model (<see cref="ConfidenceModel.Default"/>), loaded on first use.</summary>
    public StatementConfidenceStage() : this(() => ConfidenceModel.Default) { }

    /// <summary>Creates the stage with a given model.</summary>
    public StatementConfidenceStage(ConfidenceModel model) : this(() => model) => ArgumentNullException.ThrowIfNull(model);

    private StatementConfidenceStage(Func<ConfidenceModel?> model)
        : base("statement-confidence", [Layers.Statements, Layers.Tokens], [Layers.Statements]) => _model = model;

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var statements = document.Statements;
        if (statements.IsEmpty || _model() is not { } model) return;
        var evidence = document.Has(StatementLayers.Evidence) ? document.Get(StatementLayers.Evidence) : [];
        if (evidence.Length != document.Tokens.Length) evidence = [];
        var builder = ImmutableArray.CreateBuilder<Statement>(statements.Length);
        bool dropped = false;
        foreach (var s in statements)
        {
            double confidence = Math.Round(model.Probability(ConfidenceModel.Features(document, s, evidence)), 3);
            if (confidence >= model.MinimumConfidence) builder.Add(s with { Confidence = confidence });
            else dropped = true;
        }
        if (dropped)
            for (int i = 0; i < builder.Count; i++) builder[i] = builder[i] with { Id = "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }; // ids stay s1, s2, … in text order
        document.Replace(Layers.Statements, builder.ToImmutable());
    }
}
