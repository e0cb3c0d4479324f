namespace Parley.Tests.Syntax;

/// <summary>Locates ../shared beside the repository (the folder holding Parley.slnx).</summary>
internal static class SharedData
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>The PolNeAR CoreNLP silver folder, or null when ../shared is absent.</summary>
    public static string? CoreNlpDir
    {
        get
        {
            if (RepoRoot is null) return null;
            string dir = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "polnear-corenlp"));
            return File.Exists(Path.Combine(dir, "dev.conllu")) ? dir : null;
        }
    }

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        return null;
    }
}

/// <summary>A fact that is skipped, with a message, when ../shared/data/polnear-corenlp is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.CoreNlpDir is null)
            Skip = "needs ../shared/data/polnear-corenlp (PolNeAR CoreNLP silver) beside the repository; absent here";
    }
}
