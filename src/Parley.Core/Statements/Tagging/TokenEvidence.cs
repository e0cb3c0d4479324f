using Parley.Documents;

namespace Parley.Statements.Tagging;

/// <summary>
/// The attribution tagger's evidence for one token, from its last pass's emission scores (summed feature weights
/// before transitions, on the model's scale): how far the best cue label outscores the best other label, and
/// likewise for source labels. Positive: the token looks like part of a cue (a source); the larger, the surer.
/// </summary>
/// <param name="Cue">Best cue label's score minus the best non-cue label's.</param>
/// <param name="Source">Best source label's score minus the best non-source label's.</param>
public readonly record struct TokenEvidence(float Cue, float Source);

/// <summary>Layers the attribution tagger adds beside the statements.</summary>
public static class StatementLayers
{
    /// <summary>Per token (same order as the tokens): the tagger's <see cref="TokenEvidence"/>; read by the confidence stage.</summary>
    public static readonly Layer<TokenEvidence> Evidence = new("statement-evidence");
}
