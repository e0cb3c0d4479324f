namespace Parley.Tests.Evaluation.PolNear;

/// <summary>Finds the project's shared data folder: <c>../shared</c> next to the repository root (the folder holding Parley.slnx).</summary>
internal static class SharedData
{
    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
            return null;
        }
    }

    /// <summary>The PolNeAR folder (with dev/ and train/), or null when it is absent.</summary>
    public static string? PolNear
    {
        get
        {
            if (RepositoryRoot is not { } root) return null;
            string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "polnear"));
            return Directory.Exists(path) ? path : null;
        }
    }
}

/// <summary>A fact that is skipped, with a clear message, when ../shared/data/polnear is absent.</summary>
public sealed class PolNearFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the data is missing.</summary>
    public PolNearFactAttribute()
    {
        if (SharedData.PolNear is null)
            Skip = "PolNeAR data not found: expected ../shared/data/polnear beside the repository root (the folder holding Parley.slnx)";
    }
}
