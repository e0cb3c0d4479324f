using System.Runtime.InteropServices;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Syntax;

/// <summary>Tags every token of every sentence with its part of speech (<see cref="SyntaxLayers.PartOfSpeech"/>).</summary>
public sealed class PosTagStage : PipelineStage
{
    private readonly Func<PosTagger> _tagger;

    /// <summary>Creates the stage with the shipped model (<see cref="SyntaxModels.PosTagger"/>), loaded on first use.</summary>
    public PosTagStage() : this(() => SyntaxModels.PosTagger) { }

    /// <summary>Creates the stage with a given tagger.</summary>
    public PosTagStage(PosTagger tagger) : this(() => tagger) => ArgumentNullException.ThrowIfNull(tagger);

    private PosTagStage(Func<PosTagger> tagger) : base("pos", [Layers.Tokens, Layers.Sentences], [SyntaxLayers.PartOfSpeech]) =>
        _tagger = tagger;

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var tagger = _tagger();
        var tokens = document.Tokens.AsSpan();
        var result = new PosTag[tokens.Length];
        var ids = new byte[Math.Max(1, tokens.Length)];
        var tagNames = tagger.Tags;
        // Tokens outside every sentence (none with the default stages) keep a placeholder tag.
        for (int i = 0; i < result.Length; i++) result[i] = new PosTag("XX");
        foreach (var sentence in document.Sentences)
        {
            var slice = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
            tagger.Tag(document.Text, slice, ids);
            for (int i = 0; i < slice.Length; i++) result[sentence.FirstToken + i] = new PosTag(tagNames[ids[i]]);
        }
        // The array is not touched again: hand it over without a copy (a long input has millions of tokens).
        document.Set(SyntaxLayers.PartOfSpeech, ImmutableCollectionsMarshal.AsImmutableArray(result));
    }
}

/// <summary>Parses every sentence into basic dependencies (<see cref="SyntaxLayers.Dependencies"/>).</summary>
public sealed class DependencyStage : PipelineStage
{
    private readonly Func<DependencyParser> _parser;

    /// <summary>Creates the stage with the shipped model (<see cref="SyntaxModels.DependencyParser"/>), loaded on first use.</summary>
    public DependencyStage() : this(() => SyntaxModels.DependencyParser) { }

    /// <summary>Creates the stage with the shipped full (<paramref name="fast"/> false) or fast parser, loaded on first use.</summary>
    public DependencyStage(bool fast) : this(fast ? () => SyntaxModels.FastDependencyParser : () => SyntaxModels.DependencyParser) { }

    /// <summary>Creates the stage with a given parser.</summary>
    public DependencyStage(DependencyParser parser) : this(() => parser) => ArgumentNullException.ThrowIfNull(parser);

    private DependencyStage(Func<DependencyParser> parser)
        : base("dependencies", [Layers.Tokens, Layers.Sentences, SyntaxLayers.PartOfSpeech], [SyntaxLayers.Dependencies]) => _parser = parser;

    /// <inheritdoc />
    public override void Process(Document document, CancellationToken cancellationToken)
    {
        var parser = _parser();
        var tokens = document.Tokens.AsSpan();
        var pos = document.Get(SyntaxLayers.PartOfSpeech).AsSpan();
        var result = new Dependency[tokens.Length];
        int longest = 1;
        foreach (var sentence in document.Sentences) longest = Math.Max(longest, sentence.TokenCount);
        var tags = new string[longest];
        var heads = new int[longest];
        var labels = new byte[longest];
        var labelNames = parser.Labels;
        for (int i = 0; i < result.Length; i++) result[i] = new Dependency(-1, "dep");
        foreach (var sentence in document.Sentences)
        {
            int first = sentence.FirstToken, n = sentence.TokenCount;
            for (int i = 0; i < n; i++) tags[i] = pos[first + i].Tag;
            parser.Parse(document.Text, tokens.Slice(first, n), tags.AsSpan(0, n), heads, labels);
            for (int i = 0; i < n; i++)
                result[first + i] = new Dependency(heads[i] < 0 ? -1 : first + heads[i], labelNames[labels[i]]);
        }
        document.Set(SyntaxLayers.Dependencies, ImmutableCollectionsMarshal.AsImmutableArray(result));
    }
}

/// <summary>Adds the syntax stages to a pipeline.</summary>
public static class SyntaxPipeline
{
    /// <summary>
    /// Appends <see cref="PosTagStage"/> and <see cref="DependencyStage"/> (shipped models, loaded on first
    /// use). Place after the sentence stage; pass <paramref name="parse"/> false to tag only, and
    /// <paramref name="fastParser"/> true for the faster, less accurate parser (models/parser-fast.bin).
    /// </summary>
    public static TextPipelineBuilder AddSyntax(this TextPipelineBuilder builder, bool parse = true, bool fastParser = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Use(new PosTagStage());
        if (parse) builder.Use(new DependencyStage(fastParser));
        return builder;
    }
}
