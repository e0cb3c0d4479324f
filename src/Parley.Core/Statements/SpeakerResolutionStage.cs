using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Pipeline;

namespace Parley.Statements;

/// <summary>
/// Points each statement's speaker at the entity its source mention resolves to: "he" and "Aksyonov"
/// become Sergei Aksyonov with his role; "a ministry spokesperson" stays anonymous but gains the
/// ministry as affiliation. Replaces the statement layer.
/// </summary>
public sealed class SpeakerResolutionStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public SpeakerResolutionStage() : base("speakers", [Layers.Statements, CoreferenceLayers.Mentions, CoreferenceLayers.Entities], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var statements = document.Statements;
        if (statements.IsEmpty) return;
        var mentions = document.Get(CoreferenceLayers.Mentions);
        var entities = document.Get(CoreferenceLayers.Entities);
        var resolved = ImmutableArray.CreateBuilder<Statement>(statements.Length);
        // A quote with no cue of its own inherits an earlier speaker by name: give it the same resolution.
        var byWrittenName = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            if (statement.Source is null && statement.Speaker is { } inherited && byWrittenName.TryGetValue(inherited.Name, out var earlier))
            {
                resolved.Add(statement with { Speaker = earlier });
                continue;
            }
            if (statement.Source is not { } source || HeadMention(mentions, source) is not { Entity: >= 0 } mention)
            {
                resolved.Add(statement);
                continue;
            }
            var entity = entities[mention.Entity];
            var previous = statement.Speaker;
            var type = entity.IsNamed
                ? entity.Type switch
                {
                    EntityType.Person => SpeakerType.Person,
                    EntityType.Organization or EntityType.Location => SpeakerType.Organization,
                    _ => previous?.Type ?? SpeakerType.Unknown,
                }
                // Unnamed: the source phrase decides ("the mayor" is an identified person, "a spokesperson" anonymous).
                : previous?.Type ?? (entity.Type == EntityType.Person ? SpeakerType.Anonymous : SpeakerType.Organization);
            var speaker = new Speaker
                {
                    Name = entity.IsNamed ? entity.Name : previous?.Name ?? entity.Name,
                    Type = type,
                    Entity = entity.Id,
                    Role = mention.Role is { } role ? role.GetText(document.Text) : entity.Roles.FirstOrDefault() ?? previous?.Role,
                    Affiliation = entity.Affiliation ?? previous?.Affiliation,
                };
            if (previous is not null) byWrittenName[previous.Name] = speaker;
            resolved.Add(statement with { Speaker = speaker });
        }
        document.Replace(Layers.Statements, resolved.MoveToImmutable());
    }

    /// <summary>
    /// The mention that heads a source phrase: a person inside it wins ("Kremlin spokesman Dmitry Peskov"),
    /// then a nominal or pronoun, then an organisation or place; among equals, the longer overlap.
    /// </summary>
    private static Mention? HeadMention(ImmutableArray<Mention> mentions, TextSpan source)
    {
        Mention? best = null;
        int bestScore = int.MinValue;
        foreach (var mention in mentions)
        {
            if (mention.Span.Start >= source.End) break;
            if (!mention.Span.Overlaps(source)) continue;
            int overlap = Math.Min(mention.Span.End, source.End) - Math.Max(mention.Span.Start, source.Start);
            int rank = mention.Type == EntityType.Person ? 3 : mention.Kind != MentionKind.Name ? 2 : 1;
            int score = rank * 10_000 + overlap;
            if (score > bestScore) (best, bestScore) = (mention, score);
        }
        return best;
    }
}
