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

    /// <summary>Creates a tagger from a trained model.</summary>
    public StatementTagger(SequenceModel model, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Labels.Count != StatementRoles.Scheme.Labels.Count)
            throw new ArgumentException("The model's labels do not match the statement scheme.", nameof(model));
        Model = model;
        Description = description;
    }

    /// <summary>Where <see cref="Default"/> loads from: <c>models/statements.bin</c> beside the Parley assemblies.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>The tagger loaded from <see cref="DefaultPath"/> (once, on first use).</summary>
    /// <exception cref="ModelFormatException">The model file is missing or corrupt.</exception>
    public static StatementTagger Default => s_default.Value;

    /// <summary>The sequence model.</summary>
    public SequenceModel Model { get; }

    /// <summary>A description of the training run, stored in the model.</summary>
    public string Description { get; }

    /// <summary>
    /// BILOU labels (see <see cref="StatementRoles.Scheme"/>) for every token of <paramref name="document"/>,
    /// decoded paragraph by paragraph. Needs tokens, sentences and the syntax layers; quotes and entities when present.
    /// </summary>
    public int[] TagLabels(Document document, CancellationToken cancellationToken = default)
    {
        var context = StatementContext.Of(document);
        var labels = new int[context.Tokens.Length];
        var buffer = new FeatureSequence();
        var units = StatementUnits.Of(document);
        for (int u = 0; u < units.Count; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, end) = units[u];
            StatementFeatures.Extract(context, start, end, u, buffer);
            Model.Decode(buffer, labels.AsSpan(start, end - start));
        }
        return labels;
    }

    /// <summary>Tags <paramref name="document"/> and groups the tagged spans into statements.</summary>
    public System.Collections.Immutable.ImmutableArray<Statement> Tag(Document document, CancellationToken cancellationToken = default) =>
        StatementDecoder.Decode(document, TagLabels(document, cancellationToken));

    /// <summary>Saves the tagger.</summary>
    public void Save(string path) => ModelFile.Write(path, Magic, FormatVersion, w =>
    {
        w.Write(StatementFeatures.Version);
        w.Write(Description);
        Model.WriteTo(w);
    });

    /// <summary>Loads a tagger.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, of another version, or made with another feature set.</exception>
    public static StatementTagger Load(string path) => ModelFile.Read(path, Magic, FormatVersion, r =>
    {
        string features = r.ReadString();
        if (features != StatementFeatures.Version)
            throw new ModelFormatException($"'{path}' was trained with feature set '{features}'; this build extracts '{StatementFeatures.Version}'. Retrain the model (parley train statements).");
        string description = r.ReadString();
        var model = SequenceModel.ReadFrom(r);
        if (model.Labels.Count != StatementRoles.Scheme.Labels.Count)
            throw new ModelFormatException($"'{path}' has labels that do not match the statement scheme.");
        return new StatementTagger(model, description);
    });
}
