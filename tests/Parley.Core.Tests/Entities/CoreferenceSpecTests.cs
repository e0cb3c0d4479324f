using System.Collections.Immutable;
using System.Text;
using Parley.Documents;
using Parley.Entities;
using Parley.Entities.Resolution;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Tests.Entities;

/// <summary>
/// Runs the golden cases of Specs/Entities/*.spec.md. A case whose text marks names as [[text|TYPE]] feeds
/// those names to coreference directly; a case without markup runs the trained entity tagger.
/// </summary>
public class CoreferenceSpecTests
{
    public sealed record SpecCase(string Name, string Markup, string[] Expectations)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<object[]> Cases() => Load().Select(c => new object[] { c });

    private static List<SpecCase> Load()
    {
        var cases = new List<SpecCase>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs", "Entities"), "*.spec.md").Order(StringComparer.Ordinal))
            cases.AddRange(Load(path));
        return cases;
    }

    private static List<SpecCase> Load(string path)
    {
        var cases = new List<SpecCase>();
        string? name = null;
        var text = new StringBuilder();
        var expectations = new List<string>();
        void Flush()
        {
            if (name is not null) cases.Add(new SpecCase(name, text.ToString().Trim(), expectations.ToArray()));
            text.Clear();
            expectations.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ")) { Flush(); name = line[3..].Trim(); }
            else if (name is null) continue;
            else if (line.StartsWith("> ")) expectations.Add(line[2..].Trim());
            else text.AppendLine(line);
        }
        Flush();
        return cases;
    }

    [Fact]
    public void There_are_at_least_forty_cases() => Assert.True(Load().Count >= 40);

    [Fact]
    public void Name_suffix_and_title_case_cases_are_present()
    {
        Assert.Contains(Load(), c => c.Name.Contains("Title Case", StringComparison.Ordinal) && !c.Markup.Contains("[["));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec(SpecCase spec)
    {
        var (text, names) = Strip(spec.Markup);
        IPipelineStage tagger = names.Count > 0 ? new GivenNames(names) : new EntityStage();
        var pipeline = TextPipeline.CreateBuilder()
            .Use(new LayoutStage()).Use(new TokenizerStage()).Use(new SentenceStage())
            .Use(tagger).Use(new CoreferenceStage()).Build();
        var doc = pipeline.Process(text);
        var entities = doc.Get(CoreferenceLayers.Entities);
        var mentions = doc.Get(CoreferenceLayers.Mentions);
        string Describe() => string.Join("\n", entities.Select(e =>
            $"{e.Name} ; {EntityTypes.Name(e.Type)} ; mentions: {string.Join(" | ", e.Mentions.Select(i => mentions[i].Span.GetText(text)))} ; roles: {string.Join(" | ", e.Roles)} ; affiliation: {e.Affiliation}"));

        foreach (var expectation in spec.Expectations)
        {
            var (kind, value) = (expectation[..expectation.IndexOf(':')], expectation[(expectation.IndexOf(':') + 1)..].Trim());
            var parts = value.Split(';').Select(p => p.Trim()).ToArray();
            switch (kind)
            {
                case "entity":
                    var entity = entities.FirstOrDefault(e => e.Name == parts[0]);
                    Assert.True(entity is not null, $"no entity '{parts[0]}' in:\n{Describe()}");
                    Assert.Equal(parts[1], EntityTypes.Name(entity!.Type));
                    foreach (var part in parts.Skip(2))
                    {
                        var list = part[(part.IndexOf(':') + 1)..].Split('|').Select(x => x.Trim()).ToArray();
                        if (part.StartsWith("mentions:"))
                            Assert.True(list.SequenceEqual(entity.Mentions.Select(i => mentions[i].Span.GetText(text))), $"mentions of '{entity.Name}' differ:\n{Describe()}");
                        else if (part.StartsWith("roles:"))
                            foreach (var role in list) Assert.True(entity.Roles.Contains(role), $"role '{role}' missing:\n{Describe()}");
                    }
                    break;
                case "outlet":
                    Assert.True(entities.Single(e => e.Name == parts[0]).IsOutlet, $"{parts[0]} is not an outlet");
                    break;
                case "gender":
                    Assert.Equal(parts[1], entities.Single(e => e.Name == parts[0]).Gender.ToString().ToLowerInvariant());
                    break;
                case "affiliation":
                    Assert.Equal(parts[1], entities.Single(e => e.Name == parts[0]).Affiliation);
                    break;
                case "unresolved":
                    var pronoun = mentions.Single(m => m.Span.GetText(text) == parts[0]);
                    if (pronoun.Entity >= 0) Assert.Fail($"'{parts[0]}' was resolved to {entities[pronoun.Entity].Name}");
                    break;
                case "entities":
                    Assert.True(int.Parse(parts[0]) == entities.Length, $"expected {parts[0]} entities:\n{Describe()}");
                    break;
                default:
                    throw new InvalidOperationException($"unknown expectation '{kind}'");
            }
        }
    }

    /// <summary>Removes [[text|TYPE]] markup, returning the text and the marked names' spans.</summary>
    private static (string Text, List<(TextSpan Span, EntityType Type)> Names) Strip(string markup)
    {
        var sb = new StringBuilder();
        var names = new List<(TextSpan, EntityType)>();
        int i = 0;
        while (i < markup.Length)
        {
            int open = markup.IndexOf("[[", i, StringComparison.Ordinal);
            if (open < 0) { sb.Append(markup, i, markup.Length - i); break; }
            sb.Append(markup, i, open - i);
            int bar = markup.IndexOf('|', open);
            int close = markup.IndexOf("]]", bar, StringComparison.Ordinal);
            string name = markup[(open + 2)..bar];
            var type = markup[(bar + 1)..close] switch
            {
                "PER" => EntityType.Person, "ORG" => EntityType.Organization, "LOC" => EntityType.Location, _ => EntityType.Misc,
            };
            names.Add((new TextSpan(sb.Length, sb.Length + name.Length), type));
            sb.Append(name);
            i = close + 2;
        }
        return (sb.ToString(), names);
    }

    /// <summary>Stands in for the entity tagger: sets the names the spec marked.</summary>
    private sealed class GivenNames(List<(TextSpan Span, EntityType Type)> names)
        : PipelineStage("entities", [Layers.Tokens], [EntityLayers.Entities])
    {
        public override void Process(Document document, CancellationToken cancellationToken)
        {
            var result = ImmutableArray.CreateBuilder<EntityMention>();
            foreach (var (span, type) in names)
            {
                int first = document.TokenIndexAt(span.Start);
                int last = first;
                while (last < document.Tokens.Length && document.Tokens[last].End <= span.End) last++;
                result.Add(new EntityMention(span, type, first, last - first));
            }
            document.Set(EntityLayers.Entities, result.ToImmutable());
        }
    }
}
