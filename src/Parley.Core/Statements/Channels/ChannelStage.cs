using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Statements.Channels;

/// <summary>
/// Sets each statement's channel from the phrases around its cue: "in an interview with TASS", "told Reuters"
/// (interview), "in a statement", "at a press conference" or "briefing", "on Telegram", "wrote on X", "tweeted"
/// (social media), "TASS reported", "a report by X" (report), "according to Axios sources" (anonymous sources).
/// A phrase inside the statement's content belongs to the speaker, not to the statement, and is skipped;
/// among the rest, the one nearest the cue wins. The channel points at the outlet entity when the entity layer names it.
/// </summary>
public sealed class ChannelStage : PipelineStage
{
    /// <summary>Creates the stage.</summary>
    public ChannelStage() : base("channels", [Layers.Statements, Layers.Sentences, Layers.Tokens], [Layers.Statements]) { }

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var statements = document.Statements;
        if (statements.IsEmpty) return;
        string text = document.Text;
        var tokens = document.Tokens.AsSpan();
        var sentences = document.Sentences;
        var mentions = document.Has(CoreferenceLayers.Mentions) ? document.Get(CoreferenceLayers.Mentions) : [];
        var entities = document.Has(CoreferenceLayers.Entities) ? document.Get(CoreferenceLayers.Entities) : [];
        var matches = new List<ChannelMatch>();
        var builder = ImmutableArray.CreateBuilder<Statement>(statements.Length);
        foreach (var statement in statements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int anchor = statement.Cue?.Start ?? statement.Source?.Start ?? (statement.Content.IsEmpty ? -1 : statement.Content[0].Start);
            int sentence = anchor < 0 ? -1 : document.SentenceIndexOfToken(document.TokenIndexAt(anchor));
            Channel? channel = null;
            if (sentence >= 0)
            {
                matches.Clear();
                ChannelFinder.FindAll(text, tokens, sentences[sentence].FirstToken, sentences[sentence].EndToken, matches);
                channel = Pick(document, statement, matches, mentions, entities, anchor, out var phrase);
                // "said in a statement", "said in an interview with TASS": the annotation reads "in a statement" and "in an
                // interview" as part of the cue more often than not (PolNeAR train: 50 to 34, 14 to 2), and leaves out the
                // outlet after "with" and every other channel phrase ("on Twitter" 6 to 7, "in the letter", "at a news conference").
                if (channel is { Kind: ChannelKind.Statement or ChannelKind.Interview } && statement.Cue is { } cue && phrase.Start > cue.End
                    && text.AsSpan(phrase.Start).StartsWith("in ", StringComparison.OrdinalIgnoreCase)
                    && string.IsNullOrWhiteSpace(text[cue.End..phrase.Start]) && !statement.Content.Any(c => c.Start < phrase.End && c.End > cue.End))
                {
                    int with = text.IndexOf(" with ", phrase.Start, phrase.Length, StringComparison.Ordinal);
                    int end = with > 0 ? with : phrase.End;
                    builder.Add(statement with { Channel = channel, Cue = new TextSpan(cue.Start, end) });
                    continue;
                }
            }
            builder.Add(channel is null ? statement : statement with { Channel = channel });
        }
        document.Replace(Layers.Statements, builder.MoveToImmutable());
    }

    private static Channel? Pick(Document document, Statement statement, List<ChannelMatch> matches,
        ImmutableArray<Mention> mentions, ImmutableArray<ResolvedEntity> entities, int anchor, out TextSpan bestPhrase)
    {
        bestPhrase = default;
        var tokens = document.Tokens;
        ChannelMatch? best = null;
        string? bestEntity = null;
        int bestDistance = int.MaxValue;
        foreach (var m in matches)
        {
            var phrase = new TextSpan(tokens[m.FirstToken].Start, tokens[m.EndToken - 1].End);
            if (InContent(statement, phrase)) continue;
            var mention = MentionAt(mentions, m.Name);
            var entity = mention is { Entity: >= 0 } ? entities[mention.Entity] : null;
            // A person is told something or reports it; only outlets and bodies are channels ("told Putin" is not an interview).
            if (mention is { Type: EntityType.Person } && m.Kind is ChannelKind.Interview or ChannelKind.Report && !(entity?.IsOutlet ?? false)) continue;
            // "Reuters reported" is the statement's channel only when the outlet is its source or relays another speaker.
            int distance = phrase.End <= anchor ? anchor - phrase.End : phrase.Start >= anchor ? phrase.Start - anchor : 0;
            if (distance < bestDistance) (best, bestDistance, bestEntity, bestPhrase) = (m, distance, entity?.Id, phrase);
        }
        if (best is not { } chosen) return null;
        return chosen.FixedName is { } fixedName
            ? new Channel { Name = fixedName, Kind = chosen.Kind }
            : new Channel { Name = chosen.Name.GetText(document.Text), Kind = chosen.Kind, Span = chosen.Name, Entity = bestEntity };
    }

    private static bool InContent(Statement statement, TextSpan phrase)
    {
        foreach (var c in statement.Content)
            if (c.Overlaps(phrase)) return true;
        return false;
    }

    private static Mention? MentionAt(ImmutableArray<Mention> mentions, TextSpan span)
    {
        foreach (var m in mentions)
        {
            if (m.Span.Start >= span.End) break;
            if (m.Span.Overlaps(span) && m.Kind == MentionKind.Name) return m;
        }
        return null;
    }
}
