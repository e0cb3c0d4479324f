using Parley.Documents;
using Parley.Learning;

namespace Parley.Statements.Tagging;

/// <summary>
/// The trained attribution tagger: an averaged-perceptron sequence model that labels each token of a
/// paragraph as part of a SOURCE, a CUE or a CONTENT (BILOU, see <see cref="StatementRoles"/>).
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class StatementTagger
{
    /// <summary>The magic of a statement model file.</summary>
    public const string Magic = "PRLYSTM";

    /// <summary>The model file format version.</summary>
    public const int FormatVersion = 1;

    /// <summary>The default model location, relative to the application directory.</summary>
    public const string DefaultRelativePath = "models/statements.bin";

    private static readonly Lazy<StatementTagger> s_default = new(() => Load(DefaultPath));

    /// <summary>Creates a tagger from a trained model (one pass).</summary>
    public StatementTagger(SequenceModel model, string description) : this([model], description) { }

    /// <summary>
    /// Creates a tagger from trained passes: the first on local features, the optional second also on the
    /// first pass's roles in the token's sentence and neighbourhood.
    /// </summary>
    public StatementTagger(IReadOnlyList<SequenceModel> passes, string description)
    {
        ArgumentNullException.ThrowIfNull(passes);
        if (passes.Count is < 1 or > 2) throw new ArgumentException("A tagger has one or two passes.", nameof(passes));
        if (passes.Any(m => m.Labels.Count != StatementRoles.Scheme.Labels.Count))
            throw new ArgumentException("The model's labels do not match the statement scheme.", nameof(passes));
        Passes = passes.ToArray();
        Description = description;
    }

    /// <summary>Where <see cref="Default"/> loads from: <c>models/statements.bin</c> beside the Parley assemblies.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>The tagger loaded from <see cref="DefaultPath"/> (once, on first use).</summary>
    /// <exception cref="ModelFormatException">The model file is missing or corrupt.</exception>
    public static StatementTagger Default => s_default.Value;

    /// <summary>The sequence model of the first pass.</summary>
    public SequenceModel Model => Passes[0];

    /// <summary>The passes (one or two).</summary>
    public IReadOnlyList<SequenceModel> Passes { get; }

    /// <summary>Total number of weighted features over all passes.</summary>
    public int FeatureCount => Passes.Sum(p => p.Features.Count);

    /// <summary>A description of the training run, stored in the model.</summary>
    public string Description { get; }

    /// <summary>
    /// BILOU labels (see <see cref="StatementRoles.Scheme"/>) for every token of <paramref name="document"/>,
    /// decoded paragraph by paragraph. Needs tokens, sentences and the syntax layers; quotes and entities when present.
    /// </summary>
    public int[] TagLabels(Document document, CancellationToken cancellationToken = default) => TagLabels(document, Passes.Count, cancellationToken);

    /// <summary>Labels from the first <paramref name="passes"/> passes only.</summary>
    internal int[] TagLabels(Document document, int passes, CancellationToken cancellationToken = default) =>
        TagLabels(document, passes, out _, cancellationToken);

    /// <summary>Labels from the first <paramref name="passes"/> passes, and the sentence of each token (for the decoder).</summary>
    private int[] TagLabels(Document document, int passes, out int[] sentenceOf, CancellationToken cancellationToken)
    {
        var context = StatementContext.Of(document);
        sentenceOf = context.SentenceOf;
        var labels = new int[context.Tokens.Length];
        var units = StatementUnits.Of(document);
        var local = new FeatureSequence();
        for (int u = 0; u < units.Count; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end) = units[u];
            StatementFeatures.Extract(context, start, end, u, local);
            Passes[0].Decode(local, labels.AsSpan(start, end - start));
        }
        if (passes < 2 || Passes.Count < 2) return labels;
        var final = new int[labels.Length];
        var core = new FeatureSequence();
        var extra = new FeatureSequence();
        for (int u = 0; u < units.Count; u++)
        {
            var (start, end) = units[u];
            StatementFeatures.ExtractCore(context, start, end, core);
            StatementFeatures.ExtractSecondPass(context, labels, start, end, extra);
            Passes[1].Decode(core, extra, final.AsSpan(start, end - start));
        }
        return final;
    }

    /// <summary>Tags <paramref name="document"/> and groups the tagged spans into statements.</summary>
    public System.Collections.Immutable.ImmutableArray<Statement> Tag(Document document, CancellationToken cancellationToken = default) =>
        StatementDecoder.Decode(document, TagLabels(document, Passes.Count, out int[] sentenceOf, cancellationToken), sentenceOf);

    /// <summary>Saves the tagger.</summary>
    public void Save(string path) => ModelFile.Write(path, Magic, FormatVersion, w =>
    {
        w.Write(StatementFeatures.Version);
        w.Write(Description);
        w.Write(Passes.Count);
        foreach (var pass in Passes) pass.WriteTo(w);
    });

    /// <summary>Loads a tagger.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, of another version, or made with another feature set.</exception>
    public static StatementTagger Load(string path) => ModelFile.Read(path, Magic, FormatVersion, r =>
    {
        string features = r.ReadString();
        if (features != StatementFeatures.Version)
            throw new ModelFormatException($"'{path}' was trained with feature set '{features}'; this build extracts '{StatementFeatures.Version}'. Retrain the model (parley train statements).");
        string description = r.ReadString();
        int count = r.ReadInt32();
        if (count is < 1 or > 2) throw new InvalidDataException($"implausible pass count {count}");
        var passes = new SequenceModel[count];
        for (int i = 0; i < count; i++) passes[i] = SequenceModel.ReadFrom(r);
        if (passes.Any(m => m.Labels.Count != StatementRoles.Scheme.Labels.Count))
            throw new ModelFormatException($"'{path}' has labels that do not match the statement scheme.");
        return new StatementTagger(passes, description);
    });
}
