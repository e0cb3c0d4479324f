using System.Text.Json;

namespace Parley.Tests.Commands;

public class AnalyzeCommandTests
{
    private const string Article = "Port Strike Enters Second Week\n\n“We will not back down,” union leader Ana Silva said on Monday.\n";

    [Fact]
    public void Json_output_is_valid_and_spans_match_the_input()
    {
        using var dir = new TempDir();
        string path = dir.File("strike.txt", Article);
        var result = CliRunner.Run("analyze", path, "--format", "json", "--tokens");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(path, json.RootElement.GetProperty("document").GetProperty("source").GetString());
        Assert.Equal("Port Strike Enters Second Week", json.RootElement.GetProperty("document").GetProperty("title").GetString());
        Assert.True(SpanChecker.Check(json.RootElement, Article) > 10);
    }

    [Fact]
    public void Every_bundled_example_gives_valid_json_whose_spans_match()
    {
        var examples = Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "examples"), "*.txt");
        Assert.True(examples.Length >= 3);
        foreach (var example in examples)
        {
            var result = CliRunner.Run("analyze", example, "--format", "json");
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            SpanChecker.Check(json.RootElement, File.ReadAllText(example));
        }
    }

    [Fact]
    public void Jsonl_writes_one_line_per_file()
    {
        using var dir = new TempDir();
        var a = dir.File("a.txt", Article);
        var b = dir.File("b.txt", "Another text. “Quoted words here,” he said.");
        var result = CliRunner.Run("analyze", a, b, "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("a", JsonDocument.Parse(lines[0]).RootElement.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal("b", JsonDocument.Parse(lines[1]).RootElement.GetProperty("document").GetProperty("id").GetString());
    }

    [Fact]
    public void Json_of_several_files_is_an_array()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", Article), dir.File("b.txt", Article), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public void Reads_standard_input()
    {
        var result = CliRunner.RunWithInput(Article, "analyze", "-", "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("stdin", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("document").GetProperty("id").GetString());
    }

    [Fact]
    public void Text_format_names_channel_kinds_in_words()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", "Port Strike Continues\n\nThe strike will go on, union leader Ana Silva told reporters on Monday."));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(press conference)", result.Stdout);
        Assert.DoesNotContain("press_conference", result.Stdout);
    }

    [Fact]
    public void Text_format_shows_each_statements_confidence_as_in_the_json()
    {
        using var dir = new TempDir();
        string file = dir.File("a.txt", "The strike will go on, union leader Ana Silva told reporters on Monday.");
        var text = CliRunner.Run("analyze", file);
        var json = CliRunner.Run("analyze", file, "--format", "json");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("conf.", text.Stdout);
        using var parsed = System.Text.Json.JsonDocument.Parse(json.Stdout);
        double confidence = parsed.RootElement.GetProperty("statements")[0].GetProperty("confidence").GetDouble();
        Assert.Contains(confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), text.Stdout);
    }

    [Fact]
    public void Text_format_shows_the_title()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", Article));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Port Strike Enters Second Week", result.Stdout);
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_encoded_text()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", "Test <script>alert(1)</script> Headline\n\n“Go home,” he said."), "--format", "html");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", result.Stdout);
        Assert.DoesNotContain("<script>", result.Stdout);
        Assert.Contains("&lt;script&gt;", result.Stdout);
        Assert.DoesNotContain("http://", result.Stdout);
        Assert.DoesNotContain("https://", result.Stdout);
    }

    [Fact]
    public void Html_highlights_sources_cues_contents_and_entity_mentions()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("analyze", dir.File("a.txt", "Port Strike Enters Second Week\n\n“We will not back down,” union leader Ana Silva said on Monday. Prices rose sharply."), "--format", "html");
        Assert.Equal(0, result.ExitCode);
        foreach (var cls in new[] { "class=\"source", "class=\"cue", "class=\"content", "mention", "class=\"unattributed" })
            Assert.Contains(cls, result.Stdout);
        Assert.Contains("Ana Silva (PERSON", result.Stdout); // the mention's tooltip names the resolved entity
        Assert.Matches(@"s1: [^""]*, confidence [01]\.\d\d", result.Stdout); // the statement's tooltip gives its confidence
    }

    [Fact]
    public void Out_folder_receives_one_file_per_input()
    {
        using var dir = new TempDir();
        string outDir = Path.Combine(dir.Path, "out");
        var result = CliRunner.Run("analyze", dir.File("x.txt", Article), dir.File("y.txt", Article), "--format", "html", "--out", outDir);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "x.html")));
        Assert.True(File.Exists(Path.Combine(outDir, "y.html")));
    }
}
