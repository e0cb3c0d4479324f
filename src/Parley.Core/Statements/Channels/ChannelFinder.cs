using Parley.Documents;
using Parley.Text;

namespace Parley.Statements.Channels;

/// <summary>A channel phrase found in a sentence: its kind, the name span and the token range of the whole phrase.</summary>
/// <param name="Kind">The channel kind.</param>
/// <param name="Name">The span naming the channel ("TASS", "a statement", "Telegram").</param>
/// <param name="FirstToken">First token of the phrase.</param>
/// <param name="EndToken">One past the last token of the phrase.</param>
/// <param name="FixedName">The name when the text does not spell it ("Twitter" for "tweeted"), else null.</param>
internal readonly record struct ChannelMatch(ChannelKind Kind, TextSpan Name, int FirstToken, int EndToken, string? FixedName = null);

/// <summary>
/// Finds channel phrases with a small lexicon keyed by one anchor word per phrase ("told", "interview",
/// "statement", "conference", "Telegram", "reported", "sources"): each token is looked up once, and the
/// words around an anchor are checked by hand, so there is no regular expression and no allocation per token.
/// </summary>
internal static class ChannelFinder
{
    private enum Anchor : byte { Told, Interview, Statement, Conference, Platform, Tweet, Report, Sources }

    private static readonly Dictionary<string, Anchor>.AlternateLookup<ReadOnlySpan<char>> Anchors = new Dictionary<string, Anchor>(StringComparer.OrdinalIgnoreCase)
    {
        ["told"] = Anchor.Told,
        ["interview"] = Anchor.Interview, ["interviews"] = Anchor.Interview,
        ["statement"] = Anchor.Statement, ["communique"] = Anchor.Statement, ["communiqué"] = Anchor.Statement, ["release"] = Anchor.Statement,
        ["conference"] = Anchor.Conference, ["briefing"] = Anchor.Conference, ["presser"] = Anchor.Conference,
        ["telegram"] = Anchor.Platform, ["twitter"] = Anchor.Platform, ["x"] = Anchor.Platform, ["facebook"] = Anchor.Platform,
        ["instagram"] = Anchor.Platform, ["tiktok"] = Anchor.Platform, ["youtube"] = Anchor.Platform, ["vkontakte"] = Anchor.Platform,
        ["vk"] = Anchor.Platform, ["weibo"] = Anchor.Platform, ["wechat"] = Anchor.Platform, ["bluesky"] = Anchor.Platform,
        ["linkedin"] = Anchor.Platform, ["threads"] = Anchor.Platform, ["truth"] = Anchor.Platform, ["substack"] = Anchor.Platform,
        ["tweeted"] = Anchor.Tweet, ["tweet"] = Anchor.Tweet, ["tweets"] = Anchor.Tweet, ["retweeted"] = Anchor.Tweet,
        ["reported"] = Anchor.Report, ["reports"] = Anchor.Report, ["report"] = Anchor.Report, ["reporting"] = Anchor.Report,
        ["sources"] = Anchor.Sources,
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = new HashSet<string>(
        ["a", "an", "the", "his", "her", "its", "their", "our", "this", "that"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the channel phrases in tokens [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="output"/>.</summary>
    public static void FindAll(string text, ReadOnlySpan<Token> tokens, int from, int to, List<ChannelMatch> output)
    {
        for (int i = from; i < to; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || !Anchors.TryGetValue(text.AsSpan(t.Start, t.Length), out var anchor)) continue;
            var match = anchor switch
            {
                Anchor.Told => Told(text, tokens, i, from, to),
                Anchor.Interview => Interview(text, tokens, i, from, to),
                Anchor.Statement => Preceded(text, tokens, i, from, ChannelKind.Statement, "in", "issued", "released", "from"),
                Anchor.Conference => Preceded(text, tokens, i, from, ChannelKind.PressConference, "at", "during", "in", "told"),
                Anchor.Platform => Platform(text, tokens, i, from, to),
                Anchor.Tweet => new ChannelMatch(ChannelKind.SocialMedia, t.Span, i, i + 1, "Twitter"),
                Anchor.Report => Report(text, tokens, i, from, to),
                _ => Sources(text, tokens, i, from),
            };
            if (match is { } m) output.Add(m);
        }
    }

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<Token> tokens, int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

    private static bool Is(string text, ReadOnlySpan<Token> tokens, int k, string word) =>
        tokens[k].Kind == TokenKind.Word && Word(text, tokens, k).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsCapitalised(string text, Token t) => t.Kind is TokenKind.Word && char.IsUpper(text[t.Start]);

    /// <summary>The end of a run of capitalised words (a name) starting at <paramref name="k"/>, allowing "of" inside ("Voice of America").</summary>
    private static int NameEnd(string text, ReadOnlySpan<Token> tokens, int k, int to)
    {
        int end = k;
        while (end < to && end - k < 5)
        {
            var t = tokens[end];
            if (IsCapitalised(text, t) || t.Kind == TokenKind.Word && text[t.Start] is '\'' or '\u2019' && end > k) { end++; continue; }
            if (end > k && end + 1 < to && Is(text, tokens, end, "of") && IsCapitalised(text, tokens[end + 1])) { end += 2; continue; }
            break;
        }
        // A trailing possessive is not part of the name ("Reuters’" in "Reuters’ report").
        while (end > k && tokens[end - 1].Kind == TokenKind.Word && text[tokens[end - 1].Start] is '\'' or '\u2019') end--;
        return end;
    }

    /// <summary>A name after <paramref name="k"/>, skipping "the": the slot of "told Reuters", "an interview with the BBC".</summary>
    private static TextSpan? NameAfter(string text, ReadOnlySpan<Token> tokens, int k, int to, out int end)
    {
        end = k;
        if (k < to && Is(text, tokens, k, "the")) k++;
        if (k >= to || !IsCapitalised(text, tokens[k])) return null;
        end = NameEnd(text, tokens, k, to);
        return new TextSpan(tokens[k].Start, tokens[end - 1].End);
    }

    // "told Reuters", "told the BBC": an interview with the outlet; "told reporters": remarks to the press, as at a press conference.
    private static ChannelMatch? Told(string text, ReadOnlySpan<Token> tokens, int i, int from, int to)
    {
        if (NameAfter(text, tokens, i + 1, to, out int end) is { } name) return new ChannelMatch(ChannelKind.Interview, name, i, end);
        if (i + 1 < to && (Is(text, tokens, i + 1, "reporters") || Is(text, tokens, i + 1, "journalists")))
            return new ChannelMatch(ChannelKind.PressConference, tokens[i + 1].Span, i, i + 2);
        return null;
    }

    // "in an interview with TASS", "in a recent interview", "told the paper in an interview".
    private static ChannelMatch? Interview(string text, ReadOnlySpan<Token> tokens, int i, int from, int to)
    {
        int first = i;
        for (int k = i - 1; k >= from && k >= i - 4; k--)
        {
            if (Is(text, tokens, k, "in") || Is(text, tokens, k, "during") || Is(text, tokens, k, "an") || Is(text, tokens, k, "a")) { first = k; if (!Is(text, tokens, k, "a") && !Is(text, tokens, k, "an")) break; }
        }
        if (i + 1 < to && (Is(text, tokens, i + 1, "with") || Is(text, tokens, i + 1, "to") || Is(text, tokens, i + 1, "on"))
            && NameAfter(text, tokens, i + 2, to, out int end) is { } name)
            return new ChannelMatch(ChannelKind.Interview, name, first, end);
        if (first == i) return null;
        int nameStart = Is(text, tokens, first, "in") || Is(text, tokens, first, "during") ? first + 1 : first;
        return new ChannelMatch(ChannelKind.Interview, new TextSpan(tokens[nameStart].Start, tokens[i].End), first, i + 1);
    }

    // "in a statement", "in a written statement", "at a press conference", "during a briefing".
    private static ChannelMatch? Preceded(string text, ReadOnlySpan<Token> tokens, int i, int from, ChannelKind kind, params ReadOnlySpan<string> openers)
    {
        for (int k = i - 1; k >= from && k >= i - 4; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) return null;
            foreach (var opener in openers)
                if (Is(text, tokens, k, opener))
                {
                    if (k == i - 1) return null; // "in statement" without an article is rarely the channel
                    return new ChannelMatch(kind, new TextSpan(tokens[k + 1].Start, tokens[i].End), k, i + 1);
                }
            if (!Determiners.Contains(Word(text, tokens, k)) && char.IsUpper(text[tokens[k].Start]) && k != i - 1) return null;
        }
        return null;
    }

    // "on Telegram", "wrote on X", "posted on Facebook", "a post on Truth Social".
    private static ChannelMatch? Platform(string text, ReadOnlySpan<Token> tokens, int i, int from, int to)
    {
        if (!IsCapitalised(text, tokens[i]) || i - 1 < from || !Is(text, tokens, i - 1, "on") && !Is(text, tokens, i - 1, "via")) return null;
        int end = i + 1;
        if (Is(text, tokens, i, "truth"))
        {
            if (end >= to || !Is(text, tokens, end, "social")) return null;
            end++;
        }
        // "on X" is the platform only after a verb of writing or posting; the letter is too common otherwise.
        if (Word(text, tokens, i) is "X" && (i - 2 < from || !IsPostingWord(Word(text, tokens, i - 2)))) return null;
        return new ChannelMatch(ChannelKind.SocialMedia, new TextSpan(tokens[i].Start, tokens[end - 1].End), i - 1, end);
    }

    private static bool IsPostingWord(ReadOnlySpan<char> w) =>
        w.StartsWith("wr", StringComparison.OrdinalIgnoreCase) || w.StartsWith("post", StringComparison.OrdinalIgnoreCase)
        || w.StartsWith("said", StringComparison.OrdinalIgnoreCase) || w.StartsWith("shared", StringComparison.OrdinalIgnoreCase)
        || w.StartsWith("comment", StringComparison.OrdinalIgnoreCase) || w.StartsWith("message", StringComparison.OrdinalIgnoreCase)
        || w.StartsWith("account", StringComparison.OrdinalIgnoreCase) || w.StartsWith("statement", StringComparison.OrdinalIgnoreCase);

    // "TASS reported", "Reuters reports", "reported by Axios", "a report by the BBC", "a Reuters report".
    private static ChannelMatch? Report(string text, ReadOnlySpan<Token> tokens, int i, int from, int to)
    {
        if (i + 1 < to && (Is(text, tokens, i + 1, "by") || Is(text, tokens, i + 1, "in") || Is(text, tokens, i + 1, "from"))
            && NameAfter(text, tokens, i + 2, to, out int end) is { } after)
            return new ChannelMatch(ChannelKind.Report, after, i, end);
        int k = i - 1;
        while (k >= from && tokens[k].Kind == TokenKind.Word && text[tokens[k].Start] is '\'' or '\u2019') k--; // "Reuters’ report"
        if (k >= from && (tokens[k].Kind == TokenKind.Quote && k > from && tokens[k].Start == tokens[k - 1].End)) k--;
        if (k < from || !IsCapitalised(text, tokens[k])) return null;
        int first = k;
        while (first - 1 >= from && IsCapitalised(text, tokens[first - 1])) first--;
        // A sentence-initial capital alone is not a name ("Reports say …" is handled by the anchor itself).
        if (first == k && first == from && Determiners.Contains(Word(text, tokens, first))) return null;
        return new ChannelMatch(ChannelKind.Report, new TextSpan(tokens[first].Start, tokens[k].End), first, i + 1);
    }

    // "according to Axios sources", "CNN sources".
    private static ChannelMatch? Sources(string text, ReadOnlySpan<Token> tokens, int i, int from)
    {
        int k = i - 1;
        if (k < from || !IsCapitalised(text, tokens[k])) return null;
        int first = k;
        while (first - 1 >= from && IsCapitalised(text, tokens[first - 1])) first--;
        if (first == from && first == k && Determiners.Contains(Word(text, tokens, first))) return null;
        return new ChannelMatch(ChannelKind.AnonymousSources, new TextSpan(tokens[first].Start, tokens[k].End), first, i + 1);
    }
}
