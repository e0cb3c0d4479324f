using Parley.Lexicons;

namespace Parley.Statements.Attribution;

/// <summary>Cue look-ups over the reporting-verb lexicon.</summary>
internal static class CueWords
{
    /// <summary>True when <paramref name="word"/> is a finite reporting-verb form ("said", "insists").</summary>
    public static bool IsCueVerb(ReadOnlySpan<char> word) => ReportingLexicon.Default.TryGetVerb(word, out _);
}
