namespace Parley.Tests;

/// <summary>A fact that needs the shared corpora (../shared/data): skipped, with the reason, when they are absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Skips unless <paramref name="relativePath"/> exists under the shared data directory.</summary>
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null)
            Skip = $"shared data '{relativePath}' not found (looked in $PARLEY_SHARED_DATA and ../shared/data above the test directory); this test needs the corpora";
    }
}

/// <summary>Locates the shared corpora.</summary>
public static class SharedData
{
    /// <summary>The full path of <paramref name="relativePath"/> under the shared data directory, or null.</summary>
    public static string? Find(string relativePath)
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("PARLEY_SHARED_DATA") is { Length: > 0 } env) roots.Add(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            roots.Add(Path.Combine(dir.FullName, "shared", "data"));
        foreach (string root in roots)
        {
            string path = Path.Combine(root, relativePath);
            if (File.Exists(path) || Directory.Exists(path)) return path;
        }
        return null;
    }
}
