using Parley.Documents;
using Parley.Claims;
using Parley.Pipeline;
using Parley.Serialization;
using Parley.Statements;

namespace Parley.Tests.Specs;

/// <summary>Runs every case of the golden spec files (Specs/*.spec.md) through the default pipeline, one test per case.</summary>
public sealed class QuoteSpecTests
{
    private static readonly Lazy<Dictionary<string, SpecCase>> Cases = new(() =>
    {
        var cases = new Dictionary<string, SpecCase>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(SpecFile.Folder, "*.spec.md").Order(StringComparer.Ordinal))
            foreach (var spec in SpecFile.Parse(path))
                if (!cases.TryAdd($"{spec.File}: {spec.Name}", spec))
                    throw new InvalidOperationException($"Duplicate spec case name '{spec.Name}' in {spec.File}");
        return cases;
    });

    /// <summary>The case names (strings, so each case shows as its own test).</summary>
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var key in Cases.Value.Keys) data.Add(key);
        return data;
    }

    [Fact]
    public void Spec_files_hold_at_least_45_cases() => Assert.True(Cases.Value.Count >= 45, $"only {Cases.Value.Count} spec cases");

    [Fact]
    public void Statement_specs_cover_every_kind_speaker_type_and_channel_kind()
    {
        var cases = Cases.Value.Values.Where(c => c.File == "statements.spec.md").ToList();
        Assert.True(cases.Count >= 60, $"only {cases.Count} statement spec cases");
        var statements = cases.SelectMany(c => c.Statements).ToList();
        foreach (var kind in SpecFile.Kinds)
            Assert.Contains(statements, s => s.Kind == kind);
        foreach (var type in Enum.GetValues<SpeakerType>())
            Assert.Contains(statements, s => s.SpeakerType == type.ToString());
        foreach (var kind in Enum.GetValues<ChannelKind>().Where(k => k != ChannelKind.Other))
            Assert.Contains(statements, s => s.Channel is { } c && c.EndsWith($"({Names.Of(kind)})", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Affiliation is { } a && a != "none");
        Assert.Contains(cases, c => c.ExpectNone && c.Claims.Any(claim => claim.Label == "unattributed"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Spec(string caseName)
    {
        var spec = Cases.Value[caseName];
        string input = spec.Input;
        var document = ParleyPipeline.Default.Process(input);

        foreach (var expected in spec.Quotes)
        {
            bool found = document.Quotes.Any(q => q.IsSpeech == expected.IsSpeech && Texts(input, q.Content).SequenceEqual(expected.Content));
            Assert.True(found, $"expected quote [{string.Join(" || ", expected.Content)}] (speech: {expected.IsSpeech}); found: "
                + string.Join("; ", document.Quotes.Select(q => $"[{string.Join(" || ", Texts(input, q.Content))}] speech: {q.IsSpeech}")));
        }

        if (spec.Claims.Count > 0)
        {
            var claims = document.Get(ClaimLayers.Claims);
            foreach (var expected in spec.Claims)
            {
                var claim = claims.FirstOrDefault(c => c.Span.GetText(input) == expected.Sentence);
                Assert.True(claim is not null, $"no sentence '{expected.Sentence}'; sentences: " + string.Join(" | ", claims.Select(c => c.Span.GetText(input))));
                Assert.Equal(expected.Label, Names.Of(claim.Label));
            }
        }

        if (!spec.ExpectNone && spec.Statements.Count == 0) return;
        var actual = document.Statements.Select(s => Describe(input, s)).ToList();
        var expectedStatements = spec.Statements.Select(s => s.ToString()).ToList();
        Assert.Equal(expectedStatements, actual.Select((a, i) => i < spec.Statements.Count ? Project(a, spec.Statements[i]) : a.ToString()).ToList());
        for (int i = 0; i < document.Statements.Length; i++)
        {
            Assert.Equal("s" + (i + 1), document.Statements[i].Id);
            Assert.InRange(document.Statements[i].Confidence, 0, 1);
        }
    }

    private static IEnumerable<string> Texts(string text, IEnumerable<TextSpan> spans) => spans.Select(s => s.GetText(text));

    private static ExpectedStatement Describe(string text, Statement s) => new(
        Names.Of(s.Kind),
        s.Cue?.GetText(text),
        s.Source?.GetText(text),
        s.Speaker?.Name,
        s.Speaker?.Type.ToString(),
        Texts(text, s.Content).ToList(),
        s.Speaker?.Affiliation ?? "none",
        s.Channel is { } c ? $"{c.Name} ({Names.Of(c.Kind)})" : "none");

    /// <summary>Leaves out what the expectation does not state (a speaker given only by type), so the comparison shows real differences.</summary>
    private static string Project(ExpectedStatement actual, ExpectedStatement expected) =>
        (actual with
        {
            SpeakerName = expected.SpeakerName is null ? null : actual.SpeakerName,
            Affiliation = expected.Affiliation is null ? null : actual.Affiliation,
            Channel = expected.Channel is null ? null : actual.Channel,
        }).ToString();
}
