using System.Text;

namespace Parley.Corpus.Tests.Cli;

/// <summary>Writes distinct, reproducible news-like articles for ingest tests.</summary>
internal static class ArticleGenerator
{
    private static readonly string[] Subjects = ["The council", "The ministry", "Dock workers", "The regulator", "Local farmers", "The airline", "Teachers", "The central bank"];
    private static readonly string[] Verbs = ["announced", "rejected", "delayed", "welcomed", "criticised", "approved", "questioned", "proposed"];
    private static readonly string[] Objects = ["a new budget", "the harbour plan", "higher fees", "the pay offer", "the merger", "stricter rules", "the bridge repairs", "a rate cut"];
    private static readonly string[] Extras = ["on Monday", "after weeks of talks", "despite protests", "in a surprise move", "late on Friday", "for the third time", "ahead of the vote", "without comment"];

    /// <summary>Writes <paramref name="count"/> .txt articles to <paramref name="folder"/>.</summary>
    public static void WriteFolder(string folder, int count, int seed = 7)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
            File.WriteAllText(Path.Combine(folder, $"article-{i:D5}.txt"), Article(random, i));
    }

    private static string Article(Random random, int n)
    {
        var text = new StringBuilder();
        text.Append($"Report {n}: {Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Objects)}\n\n");
        for (int p = 0; p < 4; p++)
        {
            for (int s = 0; s < 3; s++)
                text.Append($"{Pick(random, Subjects)} {Pick(random, Verbs)} {Pick(random, Objects)} {Pick(random, Extras)} (item {n}.{p}.{s}). ");
            text.Append($"\"We {Pick(random, Verbs)} {Pick(random, Objects)} {Pick(random, Extras)},\" said spokesperson number {random.Next(1000)}.\n\n");
        }
        return text.ToString();
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
