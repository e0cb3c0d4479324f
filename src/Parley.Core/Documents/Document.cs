using System.Collections.Immutable;
using Parley.Statements;
using Parley.Text;

namespace Parley.Documents;

/// <summary>
/// The central object: an immutable text, its metadata, and typed span layers added by pipeline stages.
/// Offsets in every layer are half-open UTF-16 offsets into <see cref="Text"/>, the original input.
/// </summary>
/// <remarks>
/// A document is filled by one pipeline run on one thread; each layer is set once and is immutable
/// afterwards, so a finished document can be read from any number of threads.
/// </remarks>
public sealed class Document
{
    private readonly Dictionary<LayerKey, object> _layers = new();
    private NormalizedText? _normalized;

    /// <summary>Creates a document over <paramref name="text"/>.</summary>
    public Document(string text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Metadata = metadata ?? new DocumentMetadata();
    }

    /// <summary>The original text. Never changed.</summary>
    public string Text { get; }

    /// <summary>Metadata; the headline stage may fill in the title.</summary>
    public DocumentMetadata Metadata { get; internal set; }

    /// <summary>A same-length view of the text with quote marks, dashes and spaces folded, for matching.</summary>
    public NormalizedText Normalized => _normalized ??= new NormalizedText(Text);

    /// <summary>True when the layer has been set.</summary>
    public bool Has(LayerKey layer) => _layers.ContainsKey(layer);

    /// <summary>The layer's items, or an empty array when no stage produced it.</summary>
    public ImmutableArray<T> Get<T>(Layer<T> layer) =>
        _layers.TryGetValue(layer, out var value) ? (ImmutableArray<T>)value : ImmutableArray<T>.Empty;

    /// <summary>Sets a layer. Each layer can be set once; a later stage that refines a layer produces a new one.</summary>
    public void Set<T>(Layer<T> layer, ImmutableArray<T> items)
    {
        if (!_layers.TryAdd(layer, items.IsDefault ? ImmutableArray<T>.Empty : items))
            throw new InvalidOperationException($"Layer '{layer.Name}' is already set on document '{Metadata.Id}'.");
    }

    /// <summary>Replaces a layer that an earlier stage set (used by stages that refine a layer, such as full attribution).</summary>
    public void Replace<T>(Layer<T> layer, ImmutableArray<T> items) =>
        _layers[layer] = items.IsDefault ? ImmutableArray<T>.Empty : items;

    /// <summary>Sets the document title (used by the headline stage when the caller gave none).</summary>
    public void SetTitle(string title) => Metadata = Metadata with { Title = title };

    /// <summary>Headline lines.</summary>
    public ImmutableArray<Headline> Headlines => Get(Layers.Headlines);

    /// <summary>Paragraphs.</summary>
    public ImmutableArray<Paragraph> Paragraphs => Get(Layers.Paragraphs);

    /// <summary>Sentences.</summary>
    public ImmutableArray<Sentence> Sentences => Get(Layers.Sentences);

    /// <summary>Tokens.</summary>
    public ImmutableArray<Token> Tokens => Get(Layers.Tokens);

    /// <summary>Direct quotations.</summary>
    public ImmutableArray<Quote> Quotes => Get(Layers.Quotes);

    /// <summary>Statements.</summary>
    public ImmutableArray<Statement> Statements => Get(Layers.Statements);

    /// <summary>The text of a span.</summary>
    public string TextOf(TextSpan span) => span.GetText(Text);

    /// <summary>The tokens whose start lies in <paramref name="span"/>, as a slice of the token layer.</summary>
    public ReadOnlySpan<Token> TokensIn(TextSpan span)
    {
        var tokens = Tokens.AsSpan();
        int lo = LowerBound(tokens, span.Start);
        int hi = LowerBound(tokens, span.End);
        return tokens[lo..hi];
    }

    /// <summary>Index of the first token starting at or after <paramref name="offset"/>.</summary>
    public int TokenIndexAt(int offset) => LowerBound(Tokens.AsSpan(), offset);

    /// <summary>Index of the sentence that holds token <paramref name="token"/>, or -1 (no such token, or between sentences).</summary>
    public int SentenceIndexOfToken(int token)
    {
        if (token < 0) return -1;
        var sentences = Sentences.AsSpan();
        int lo = 0, hi = sentences.Length; // the first sentence that ends after the token
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sentences[mid].EndToken <= token) lo = mid + 1; else hi = mid;
        }
        return lo < sentences.Length && sentences[lo].FirstToken <= token ? lo : -1;
    }

    private static int LowerBound(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
