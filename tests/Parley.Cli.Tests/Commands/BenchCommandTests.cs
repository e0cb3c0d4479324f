using System.Text.Json;

namespace Parley.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public void Stages_report_time_and_allocation_per_stage_in_json()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "The minister said on Monday that the bridge would reopen. \"We are ready,\" she told reporters.");
        dir.File("b.txt", "According to officials, talks will resume next week.");
        var result = CliRunner.Run("bench", dir.Path, "--stages", "--repeat", "1", "--format", "json", "--pipeline", "rules");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("files").GetInt32());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Contains(stages, s => s.GetProperty("name").GetString() == "tokens");
        foreach (var stage in stages)
        {
            Assert.True(stage.GetProperty("secondsPerPass").GetDouble() >= 0);
            Assert.True(stage.GetProperty("allocatedBytesPerDocument").GetDouble() >= 0);
        }
        // Tokenizing allocates the token layer, so its allocation cannot be zero.
        Assert.True(stages.Single(s => s.GetProperty("name").GetString() == "tokens").GetProperty("allocatedBytesPerDocument").GetDouble() > 0);
    }
}
