using Parley.Documents;
using Parley.Evaluation.PolNear;

namespace Parley.Tests.Evaluation.PolNear;

public sealed class PolNearReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-polnear-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Parses_spans_discontinuous_spans_and_events()
    {
        var problems = new List<string>();
        var (spans, events) = PolNearReader.ParseAnnotations(
        [
            "T1\tSource 0 5\tMaria",
            "T2\tCue 6 10\tsaid",
            "T3\tContent 12 20;25 30\tnine two",
            "E1\tAttribution:T2 Source:T1 Content:T3",
            "#1\tAnnotatorNotes T1\ta note",
        ], 40, "a_x.ann", problems);
        Assert.Empty(problems);
        Assert.Equal(3, spans.Length);
        Assert.Equal([new TextSpan(12, 20), new TextSpan(25, 30)], spans[2].Spans.ToArray());
        Assert.Equal("Content", spans[2].Label);
        var e = Assert.Single(events);
        Assert.Equal(new KeyValuePair<string, string>("Source", "T1"), e.Arguments[1]);
    }

    [Fact]
    public void Broken_continuation_lines_are_reported_and_skipped()
    {
        var problems = new List<string>();
        var (spans, _) = PolNearReader.ParseAnnotations(
        [
            "T1\tContent 0 30\tfirst line of a quote",
            "",
            "that ran over a line break",
            "T2\tSource 31 36\tMaria",
            "T3\tContent 5 999\tout of range",
            "T4\tContent x y\tbad numbers",
        ], 40, "b_x.ann", problems);
        Assert.Equal(["T1", "T2"], spans.Select(s => s.Id));
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("b_x.ann:3:", problems[0]);
    }

    [Fact]
    public void Uses_the_first_annotator_in_ordinal_order()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "text"));
        Directory.CreateDirectory(Path.Combine(_folder, "attributions"));
        File.WriteAllText(Path.Combine(_folder, "text", "art_1.txt"), "Maria said “yes we can do it”.");
        File.WriteAllText(Path.Combine(_folder, "attributions", "art_1_b2.ann"), "T1\tSource 0 5\tMaria\n");
        File.WriteAllText(Path.Combine(_folder, "attributions", "art_1_a9.ann"), "T1\tCue 6 10\tsaid\n");
        File.WriteAllText(Path.Combine(_folder, "text", "art_2.txt"), "No annotations here.");

        var split = PolNearReader.ReadSplit(_folder);
        var article = Assert.Single(split.Articles);
        Assert.EndsWith("art_1_a9.ann", article.AnnotationFile);
        Assert.Equal("Cue", Assert.Single(article.Spans).Label);
        Assert.Contains(split.Problems, p => p.StartsWith("art_2.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_folder_is_not_a_split() => Assert.False(PolNearReader.IsSplit(_folder));
}
