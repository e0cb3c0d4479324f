using System.Reflection;

namespace Parley.Lexicons;

/// <summary>Reads the lexicon files embedded in Parley.Core (Lexicons/Data, see the NOTICE files there).</summary>
public static class EmbeddedLexicon
{
    /// <summary>
    /// The non-empty, non-comment lines of an embedded file (comments start with '#').
    /// </summary>
    /// <exception cref="InvalidOperationException">No such embedded file.</exception>
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = typeof(EmbeddedLexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("Parley.Lexicons." + fileName)
            ?? throw new InvalidOperationException($"Embedded lexicon '{fileName}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            lines.Add(trimmed);
        }
        return lines;
    }

    /// <summary>True when an embedded file of that name exists.</summary>
    public static bool Exists(string fileName) =>
        typeof(EmbeddedLexicon).Assembly.GetManifestResourceInfo("Parley.Lexicons." + fileName) is not null;
}
