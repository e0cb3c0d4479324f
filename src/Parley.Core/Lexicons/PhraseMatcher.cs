using Parley.Documents;
using Parley.Text;

namespace Parley.Lexicons;

/// <summary>
/// Finds lexicon phrases ("reportedly", "it is believed", "so-called") in a token sequence,
/// case-insensitively and without allocating: phrases are indexed by their first token and compared
/// token by token against the text.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly Dictionary<string, List<Entry>> _byFirstToken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>A phrase, its tokens and the category it belongs to.</summary>
    private sealed record Entry(string[] Tokens, string Category);

    /// <summary>Builds a matcher from (phrase, category) pairs; phrases are tokenized like document text.</summary>
    public PhraseMatcher(IEnumerable<(string Phrase, string Category)> phrases)
    {
        foreach (var (phrase, category) in phrases)
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(phrase, new TextSpan(0, phrase.Length), tokens);
            if (tokens.Count == 0) continue;
            var words = tokens.Select(t => phrase[t.Start..t.End]).ToArray();
            if (!_byFirstToken.TryGetValue(words[0], out var list)) _byFirstToken[words[0]] = list = new List<Entry>();
            list.Add(new Entry(words, category));
        }
        // Longest phrase first, so "it is believed" wins over "believed".
        foreach (var list in _byFirstToken.Values) list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        _lookup = _byFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A match: token range and category.</summary>
    public readonly record struct Match(int FirstToken, int TokenCount, string Category);

    /// <summary>
    /// Appends to <paramref name="output"/> each non-overlapping match in tokens [<paramref name="from"/>, <paramref name="to"/>),
    /// scanning left to right and preferring the longest phrase at each position.
    /// </summary>
    public void FindAll(string text, ReadOnlySpan<Token> tokens, int from, int to, List<Match> output)
    {
        for (int i = from; i < to; i++)
        {
            var token = tokens[i];
            if (!_lookup.TryGetValue(text.AsSpan(token.Start, token.Length), out var entries)) continue;
            foreach (var entry in entries)
            {
                if (i + entry.Tokens.Length > to || !MatchesAt(text, tokens, i, entry.Tokens)) continue;
                output.Add(new Match(i, entry.Tokens.Length, entry.Category));
                i += entry.Tokens.Length - 1;
                break;
            }
        }
    }

    private static bool MatchesAt(string text, ReadOnlySpan<Token> tokens, int start, string[] words)
    {
        for (int k = 1; k < words.Length; k++)
        {
            var token = tokens[start + k];
            if (!text.AsSpan(token.Start, token.Length).Equals(words[k], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
