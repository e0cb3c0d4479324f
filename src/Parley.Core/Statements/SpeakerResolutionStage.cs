using System.Collections.Immutable;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Pipeline;
using Parley.Statements.Attribution;
using Parley.Text;

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
        var tokens = document.Tokens.AsSpan();
        var index = new MentionIndex(mentions);
        var bodies = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
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
            if (statement.Source is not { } source)
            {
                resolved.Add(statement);
                continue;
            }
            var previous = statement.Speaker;
            // Every statement is typed from its source phrase, whichever attributor found it.
            var written = SpeakerRules.TypeOf(document.Text, tokens, document.TokenIndexAt(source.Start), document.TokenIndexAt(source.End));
            var speaker = written is SpeakerType.Anonymous or SpeakerType.Vague
                ? Unnamed(document, index, entities, source, written, previous, bodies)
                : Resolve(document, index, entities, statement, source, written, previous);
            if (previous is not null) byWrittenName[previous.Name] = speaker;
            resolved.Add(statement with { Speaker = speaker });
        }
        document.Replace(Layers.Statements, resolved.MoveToImmutable());
    }

    /// <summary>A named (or nameable) speaker: the entity the source's head mention resolves to, with its role.</summary>
    private static Speaker Resolve(Document document, MentionIndex mentions, ImmutableArray<ResolvedEntity> entities,
        Statement statement, TextSpan source, SpeakerType written, Speaker? previous)
    {
        string text = document.Text;
        if (HeadMention(text, mentions, source) is not { Entity: >= 0 } mention)
            return new Speaker { Name = previous?.Name ?? source.GetText(text), Type = written, Role = previous?.Role, Affiliation = previous?.Affiliation };
        var entity = entities[mention.Entity];
        if (mention.Kind == MentionKind.Name && entity.Type != EntityType.Person && IsModifier(document, mention.Span, source))
        {
            // "The Ukrainian president", "the Kremlin's envoy": the named place or body only qualifies the speaker.
            return new Speaker
            {
                Name = previous?.Name ?? source.GetText(text),
                Type = written == SpeakerType.Unknown ? SpeakerType.Person : written,
                Role = previous?.Role,
                Affiliation = entity.IsOutlet ? previous?.Affiliation : entity.Name,
            };
        }
        // A role the entity layer read into the statement's own content is no role ("According to Anna Novak, the talks …").
        var mentionRole = mention.Role is { } r && !statement.Content.Any(c => c.Overlaps(r)) ? r.GetText(text) : null;
        var type = entity.IsNamed
            ? entity.Type switch
            {
                EntityType.Person => SpeakerType.Person,
                EntityType.Organization or EntityType.Location => SpeakerType.Organization,
                _ => written,
            }
            // Unnamed: the source phrase decides ("the mayor" is an identified person, "a spokesperson" anonymous).
            : written != SpeakerType.Unknown ? written : entity.Type == EntityType.Person ? SpeakerType.Anonymous : SpeakerType.Organization;
        return new Speaker
        {
            Name = entity.IsNamed ? entity.Name : previous?.Name ?? entity.Name,
            Type = type,
            Entity = entity.Id,
            Role = mentionRole ?? entity.Roles.FirstOrDefault(role => !statement.Content.Any(c => c.GetText(text).Contains(role, StringComparison.Ordinal))) ?? previous?.Role,
            Affiliation = entity.Affiliation ?? previous?.Affiliation,
        };
    }

    /// <summary>True when a name inside the source is followed by a lower-case head noun: the name is a modifier.</summary>
    private static bool IsModifier(Document document, TextSpan name, TextSpan source)
    {
        if (name.End >= source.End) return false;
        var rest = document.TokensIn(new TextSpan(name.End, source.End));
        if (rest.IsEmpty) return false;
        // An apposition or a conjunction after the name leaves it the head ("the Kremlin, which …").
        foreach (var t in rest)
            if (t.Kind is TokenKind.Punct or TokenKind.Terminal) return false;
        var last = rest[^1];
        return last.Kind == TokenKind.Word && char.IsLower(document.Text[last.Start]) && !WordClasses.IsOrganizationNoun(document.Text.AsSpan(last.Start, last.Length));
    }

    /// <summary>
    /// An unnamed speaker ("a ministry spokesperson", "Kremlin sources", "International observers"): it stays
    /// anonymous or vague, keeps the entity of its own nominal mention, and takes the named body in or behind the
    /// phrase as its affiliation ("the Kremlin"; "the ministry" resolved to "Russian Foreign Ministry").
    /// </summary>
    private static Speaker Unnamed(Document document, MentionIndex mentions, ImmutableArray<ResolvedEntity> entities,
        TextSpan source, SpeakerType written, Speaker? previous, Dictionary<string, string?> bodies)
    {
        string text = document.Text;
        ResolvedEntity? own = null;
        string? affiliation = null;
        foreach (var mention in mentions.From(source))
        {
            if (mention.Span.Start >= source.End) break;
            if (!mention.Span.Overlaps(source) || mention.Entity < 0) continue;
            var entity = entities[mention.Entity];
            if (mention.Kind == MentionKind.Nominal && entity.Type == EntityType.Person && own is null) own = entity;
            // A named body inside the phrase ("Kremlin" in "a Kremlin spokesman"); an outlet's sources are not its staff.
            else if (mention.Kind == MentionKind.Name && entity.Type is EntityType.Organization or EntityType.Location
                && !entity.IsOutlet && affiliation is null)
                affiliation = entity.Name;
        }
        affiliation = own?.Affiliation ?? affiliation ?? previous?.Affiliation ?? BodyNamedNearby(document, entities, source, bodies);
        return new Speaker
        {
            Name = previous?.Name ?? source.GetText(text),
            Type = written,
            Entity = own?.Id,
            Role = previous?.Role,
            Affiliation = affiliation,
        };
    }

    /// <summary>
    /// "a ministry spokesperson" with no resolved affiliation: the organisation named in the document whose name
    /// holds the body word ("ministry" → "Russian Foreign Ministry"), preferring one named before the source.
    /// </summary>
    /// <remarks>The answer for a word depends on the word alone, so it is kept in <paramref name="bodies"/> (a scan of every entity per statement was quadratic).</remarks>
    private static string? BodyNamedNearby(Document document, ImmutableArray<ResolvedEntity> entities, TextSpan source, Dictionary<string, string?> bodies)
    {
        foreach (var token in document.TokensIn(source))
        {
            if (token.Kind != TokenKind.Word) continue;
            var word = document.Text.AsSpan(token.Start, token.Length);
            if (!WordClasses.IsOrganizationNoun(word) || char.IsUpper(word[0])) continue;
            var lookup = bodies.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(word, out string? body))
            {
                body = null;
                foreach (var entity in entities)
                    if (entity.IsNamed && entity.Type == EntityType.Organization && !entity.IsOutlet
                        && entity.Name.AsSpan().Contains(word, StringComparison.OrdinalIgnoreCase))
                    {
                        body = entity.Name;
                        break;
                    }
                lookup[word] = body;
            }
            if (body is not null) return body;
        }
        return null;
    }

    /// <summary>
    /// The mention that heads a source phrase: a person inside it wins ("Kremlin spokesman Dmitry Peskov"), a named one first,
    /// then a nominal or pronoun, then an organisation or place; among equals, the longer overlap.
    /// </summary>
    /// <summary>True when the text from <paramref name="from"/> to <paramref name="to"/> is one or two words, no comma or preposition.</summary>
    private static bool IsBareModifier(string text, int from, int to)
    {
        var rest = text.AsSpan(from, to - from).Trim();
        if (rest.IsEmpty || rest.IndexOfAny(',', '(', '’') >= 0 || rest.Contains("'s", StringComparison.Ordinal)) return false;
        int words = 1;
        foreach (char c in rest) if (c == ' ') words++;
        if (words > 2) return false;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (Attribution.WordClasses.IsInnerPreposition(word) || word is "and") return false;
        }
        return true;
    }

    private static Mention? HeadMention(string text, MentionIndex mentions, TextSpan source)
    {
        Mention? best = null;
        int bestScore = int.MinValue;
        foreach (var mention in mentions.From(source))
        {
            if (mention.Span.Start >= source.End) break;
            if (!mention.Span.Overlaps(source)) continue;
            // A place or body named before the head noun only modifies it ("Crimean Leader", "Russian officials"):
            // the speaker is the head, not the place.
            if (mention.Kind == MentionKind.Name && mention.Type != EntityType.Person && mention.Span.Start <= source.Start && mention.Span.End < source.End
                && IsBareModifier(text, mention.Span.End, source.End)) continue;
            // The object of a preposition after the head names where or whose, not who ("Shop owners near the pier").
            if (mention.Span.Start > source.Start && AfterPreposition(text, source.Start, mention.Span.Start)) continue;
            int overlap = Math.Min(mention.Span.End, source.End) - Math.Max(mention.Span.Start, source.Start);
            // A named person over a nominal one ("The governor, Anton Belov"), then nominals and pronouns, then bodies and places.
            int rank = mention.Type == EntityType.Person ? (mention.Kind == MentionKind.Name ? 4 : 3) : mention.Kind != MentionKind.Name ? 2 : 1;
            int score = rank * 10_000 + overlap;
            if (score > bestScore) (best, bestScore) = (mention, score);
        }
        return best;
    }

    private static bool AfterPreposition(string text, int from, int at)
    {
        int end = at;
        while (end > from && char.IsWhiteSpace(text[end - 1])) end--;
        int start = end;
        while (start > from && char.IsLetter(text[start - 1])) start--;
        if (start == end || start == from) return false;
        var word = text.AsSpan(start, end - start);
        // Not "by" or "from": they name the author ("a report by Bloomberg", "a statement from the ministry").
        return word is "of" or "near" or "in" or "at" or "for" or "on" or "with" or "outside" or "across" or "around" or "along" or "inside" or "about" or "under";
    }

    /// <summary>
    /// Mentions in text order with the running maximum of their ends, so the scans above start at the first
    /// mention that can overlap a source instead of at the document's start (quadratic on long documents).
    /// </summary>
    private sealed class MentionIndex
    {
        private readonly ImmutableArray<Mention> _mentions;
        private readonly int[] _maxEnd; // largest End among mentions[0..i]

        public MentionIndex(ImmutableArray<Mention> mentions)
        {
            _mentions = mentions;
            _maxEnd = new int[mentions.Length];
            for (int i = 0; i < mentions.Length; i++) _maxEnd[i] = Math.Max(mentions[i].Span.End, i > 0 ? _maxEnd[i - 1] : int.MinValue);
        }

        /// <summary>
        /// The mentions from the first whose running end passes <paramref name="source"/>'s start: none before it
        /// overlaps the source, and mentions are in text order, so callers' early stop is unchanged.
        /// </summary>
        public IEnumerable<Mention> From(TextSpan source)
        {
            int lo = 0, hi = _maxEnd.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_maxEnd[mid] <= source.Start) lo = mid + 1; else hi = mid;
            }
            for (int i = lo; i < _mentions.Length; i++) yield return _mentions[i];
        }
    }
}
