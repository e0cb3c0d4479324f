using Parley.Text;

namespace Parley.Syntax;

/// <summary>
/// A sentence prepared for training or evaluation: the tokens as Parley's tokenizer would see them
/// (spans of the raw article text), with silver tags, heads and labels.
/// </summary>
/// <param name="Text">The text the token offsets point into (the article, or a sentence rebuilt from FORMs).</param>
/// <param name="Tokens">Token spans.</param>
/// <param name="Tags">PTB tags.</param>
/// <param name="Heads">0-based head index per token; -1 for the root.</param>
/// <param name="Labels">Dependency labels.</param>
public sealed record SyntaxSentence(string Text, Token[] Tokens, string[] Tags, int[] Heads, string[] Labels);

/// <summary>
/// Loads a CoNLL-U file for the syntax models. CoreNLP's FORMs are PTB-normalised (<c>-LRB-</c>,
/// <c>``</c>, <c>''</c>), but Parley's tokenizer yields the raw characters (“ ” ’ ( ), so the tokens are
/// taken from the article text through the <c>Offset=</c> in MISC; without the article the FORMs are
/// un-normalised instead.
/// </summary>
public static class SyntaxCorpus
{
    /// <summary>
    /// Reads <paramref name="conllPath"/>; article texts come from <paramref name="textDir"/>, or by default
    /// from <c>../polnear/&lt;split&gt;/text</c> beside the file (split = file name without extension).
    /// </summary>
    public static List<SyntaxSentence> Load(string conllPath, string? textDir = null)
    {
        textDir ??= DefaultTextDir(conllPath);
        var articles = new Dictionary<string, string?>(StringComparer.Ordinal);
        var result = new List<SyntaxSentence>();
        foreach (var sentence in ConllUReader.Read(conllPath))
        {
            string? article = null;
            if (textDir is not null && sentence.DocId is { } doc)
            {
                if (!articles.TryGetValue(doc, out article))
                {
                    string path = Path.Combine(textDir, doc + ".txt");
                    article = File.Exists(path) ? File.ReadAllText(path) : null;
                    articles[doc] = article;
                }
            }
            result.Add(Convert(sentence, article));
        }
        return result;
    }

    /// <summary>The default article folder for a CoNLL-U file, or null when it does not exist.</summary>
    public static string? DefaultTextDir(string conllPath)
    {
        string full = Path.GetFullPath(conllPath);
        string? dir = Path.GetDirectoryName(full);
        if (dir is null) return null;
        string candidate = Path.Combine(dir, "..", "polnear", Path.GetFileNameWithoutExtension(full), "text");
        return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }

    /// <summary>Converts one sentence, using the article text when its offsets fit.</summary>
    public static SyntaxSentence Convert(ConllSentence sentence, string? article)
    {
        int n = sentence.Tokens.Count;
        var tags = new string[n];
        var heads = new int[n];
        var labels = new string[n];
        for (int i = 0; i < n; i++)
        {
            var t = sentence.Tokens[i];
            tags[i] = string.Intern(t.XPos);
            heads[i] = t.Head - 1;
            labels[i] = string.Intern(t.DepRel);
        }
        bool useArticle = article is not null;
        if (useArticle)
        {
            foreach (var t in sentence.Tokens)
                if (t.Start < 0 || t.End > article!.Length || t.End <= t.Start) { useArticle = false; break; }
        }
        var tokens = new Token[n];
        if (useArticle)
        {
            for (int i = 0; i < n; i++) tokens[i] = new Token(sentence.Tokens[i].Start, sentence.Tokens[i].End, TokenKind.Word);
            return new SyntaxSentence(article!, tokens, tags, heads, labels);
        }
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(' ');
            int start = sb.Length;
            sb.Append(Unescape(sentence.Tokens[i].Form));
            tokens[i] = new Token(start, sb.Length, TokenKind.Word);
        }
        return new SyntaxSentence(sb.ToString(), tokens, tags, heads, labels);
    }

    /// <summary>Undoes PTB escaping of a FORM: brackets and quote marks back to raw characters.</summary>
    public static string Unescape(string form) => form switch
    {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        "``" => "\u201C",
        "''" => "\u201D",
        "`" => "\u2018",
        _ => form.Length == 0 ? "_" : form.Replace(' ', '\u00A0'),
    };
}
