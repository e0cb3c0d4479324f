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
    public const int FormatVersion = 2;

    /// <summary>The default model location, relative to the application directory.</summary>
    public const string DefaultRelativePath = "models/statements.bin";

    private static readonly Lazy<StatementTagger> s_default = new(() => Load(DefaultPath));

    /// <summary>Creates a tagger from a trained model (one pass).</summary>
    public StatementTagger(SequenceModel model, string description, SequenceModel? sources = null) : this([model], description, sources) { }

    /// <summary>
    /// Creates a tagger from trained passes: the first on local features, the optional second also on the
    /// first pass's roles in the token's sentence and neighbourhood.
    /// </summary>
    /// <param name="passes">The passes (one or two).</param>
    /// <param name="description">A description of the training run.</param>
    /// <param name="sources">The optional cue-conditioned source tagger (<see cref="SourceModel"/>).</param>
    public StatementTagger(IReadOnlyList<SequenceModel> passes, string description, SequenceModel? sources = null)
    {
        ArgumentNullException.ThrowIfNull(passes);
        if (passes.Count is < 1 or > 2) throw new ArgumentException("A tagger has one or two passes.", nameof(passes));
        if (passes.Any(m => m.Labels.Count != StatementRoles.Scheme.Labels.Count))
            throw new ArgumentException("The model's labels do not match the statement scheme.", nameof(passes));
        if (sources is not null && sources.Labels.Count != SourceFeatures.Scheme.Labels.Count)
            throw new ArgumentException("The source model's labels do not match the source scheme.", nameof(sources));
        Passes = passes.ToArray();
        Description = description;
        SourceModel = sources;
    }

    /// <summary>
    /// The cue-conditioned source tagger: given one cue, it labels that cue's source in the cue's sentence
    /// (<see cref="SourceFeatures"/>). Null when the model has none; the decoder then picks among the joint tagger's sources.
    /// </summary>
    public SequenceModel? SourceModel { get; }

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
    public int FeatureCount => Passes.Sum(p => p.Features.Count) + (SourceModel?.Features.Count ?? 0);

    /// <summary>A description of the training run, stored in the model.</summary>
    public string Description { get; }

    /// <summary>
    /// BILOU labels (see <see cref="StatementRoles.Scheme"/>) for every token of <paramref name="document"/>,
    /// decoded paragraph by paragraph. Needs tokens, sentences and the syntax layers; quotes and entities when present.
    /// </summary>
    public int[] TagLabels(Document document, CancellationToken cancellationToken = default) => TagLabels(document, Passes.Count, cancellationToken);

    /// <summary>Labels from the first <paramref name="passes"/> passes only.</summary>
    internal int[] TagLabels(Document document, int passes, CancellationToken cancellationToken = default) =>
        TagLabels(document, StatementContext.Of(document), passes, out _, cancellationToken);

    /// <summary>Labels from the first <paramref name="passes"/> passes, and the first pass's labels.</summary>
    private int[] TagLabels(Document document, StatementContext context, int passes, out int[] firstPass, CancellationToken cancellationToken) =>
        TagLabels(document, context, passes, out firstPass, null, cancellationToken);

    /// <summary>
    /// As above; when <paramref name="evidence"/> is given (one entry per token), also the last pass's evidence for
    /// each token being part of a cue and of a source (<see cref="TokenEvidence"/>).
    /// </summary>
    private int[] TagLabels(Document document, StatementContext context, int passes, out int[] firstPass, TokenEvidence[]? evidence, CancellationToken cancellationToken)
    {
        var labels = new int[context.Tokens.Length];
        var units = StatementUnits.Of(document);
        float[] scores = [];
        var local = FeatureSequence.Rent();
        try
        {
            for (int u = 0; u < units.Count; u++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (start, end) = units[u];
                StatementFeatures.Extract(context, start, end, u, local);
                bool last = evidence is not null && (passes < 2 || Passes.Count < 2);
                Passes[0].Decode(local, null, labels.AsSpan(start, end - start), last ? Scores(ref scores, end - start) : default);
                if (last) Evidence(scores, start, end, evidence!);
            }
        }
        finally
        {
            FeatureSequence.Return(local);
        }
        firstPass = labels;
        if (passes < 2 || Passes.Count < 2) return labels;
        var final = new int[labels.Length];
        var core = FeatureSequence.Rent();
        var extra = FeatureSequence.Rent();
        try
        {
            for (int u = 0; u < units.Count; u++)
            {
                var (start, end) = units[u];
                StatementFeatures.ExtractCore(context, start, end, core);
                StatementFeatures.ExtractSecondPass(context, labels, start, end, extra);
                Passes[1].Decode(core, extra, final.AsSpan(start, end - start), evidence is null ? default : Scores(ref scores, end - start));
                if (evidence is not null) Evidence(scores, start, end, evidence);
            }
        }
        finally
        {
            FeatureSequence.Return(core);
            FeatureSequence.Return(extra);
        }
        return final;
    }

    private static Span<float> Scores(ref float[] buffer, int length) => Buffers.Grow(ref buffer, length * StatementRoles.Scheme.Labels.Count);

    /// <summary>Per token: the best cue (source) label's emission score minus the best other label's.</summary>
    private static void Evidence(float[] scores, int start, int end, TokenEvidence[] evidence)
    {
        int n = StatementRoles.Scheme.Labels.Count;
        for (int t = start; t < end; t++)
        {
            var row = scores.AsSpan((t - start) * n, n);
            float cue = float.NegativeInfinity, notCue = float.NegativeInfinity, source = float.NegativeInfinity, notSource = float.NegativeInfinity;
            for (int y = 0; y < n; y++)
            {
                int type = SpanTagScheme.Decompose(y).Type;
                if (type == StatementRoles.Cue) cue = Math.Max(cue, row[y]); else notCue = Math.Max(notCue, row[y]);
                if (type == StatementRoles.Source) source = Math.Max(source, row[y]); else notSource = Math.Max(notSource, row[y]);
            }
            evidence[t] = new TokenEvidence(cue - notCue, source - notSource);
        }
    }

    /// <summary>Tags <paramref name="document"/> and groups the tagged spans into statements.</summary>
    public System.Collections.Immutable.ImmutableArray<Statement> Tag(Document document, CancellationToken cancellationToken = default) =>
        Tag(document, null, cancellationToken);

    /// <summary>
    /// As <see cref="Tag(Document, CancellationToken)"/>; when <paramref name="evidence"/> is given (one entry per
    /// token), also fills in the tagger's evidence for each token (<see cref="TokenEvidence"/>).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<Statement> Tag(Document document, TokenEvidence[]? evidence, CancellationToken cancellationToken = default)
    {
        var context = StatementContext.Of(document);
        if (evidence is not null && evidence.Length < context.Tokens.Length) throw new ArgumentException("One evidence entry per token is needed.", nameof(evidence));
        var labels = TagLabels(document, context, Passes.Count, out int[] firstPass, evidence, cancellationToken);
        if (SourceModel is null) return StatementDecoder.Decode(document, labels, context.SentenceOf);
        var features = FeatureSequence.Rent();
        int[] buffer = [];
        try
        {
            return StatementDecoder.Decode(document, labels, context.SentenceOf, (cueStart, cueEnd) => SourceOf(context, firstPass, cueStart, cueEnd, features, ref buffer));
        }
        finally
        {
            FeatureSequence.Return(features);
        }
    }

    /// <summary>
    /// The source of the cue at tokens <paramref name="cueStart"/>–<paramref name="cueEnd"/> by the cue-conditioned source
    /// tagger: of the spans it labels in the cue's sentence, the nearest to the cue (token range), or null for none.
    /// </summary>
    private (int Start, int End)? SourceOf(StatementContext context, int[] firstPass, int cueStart, int cueEnd, FeatureSequence features, ref int[] buffer)
    {
        var (start, end) = SourceFeatures.Window(context, cueStart, cueEnd);
        SourceFeatures.Extract(context, firstPass, start, end, cueStart, cueEnd, features);
        var labels = Buffers.Grow(ref buffer, end - start);
        SourceModel!.Decode(features, labels);
        (int Start, int End)? best = null;
        int bestDistance = int.MaxValue;
        foreach (var span in SpanTagScheme.DecodeSpans(labels))
        {
            int s = start + span.Start, e = start + span.End;
            if (s < cueEnd && e > cueStart) continue;
            int distance = e <= cueStart ? cueStart - e : s - cueEnd;
            if (distance < bestDistance) { bestDistance = distance; best = (s, e); }
        }
        return best;
    }

    /// <summary>Saves the tagger.</summary>
    public void Save(string path) => ModelFile.Write(path, Magic, FormatVersion, w =>
    {
        w.Write(StatementFeatures.Version);
        w.Write(Description);
        w.Write(Passes.Count);
        foreach (var pass in Passes) pass.WriteTo(w);
        w.Write(SourceModel is not null);
        SourceModel?.WriteTo(w);
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
        var sources = r.ReadBoolean() ? SequenceModel.ReadFrom(r) : null;
        if (sources is not null && sources.Labels.Count != SourceFeatures.Scheme.Labels.Count)
            throw new ModelFormatException($"'{path}' has a source model whose labels do not match the source scheme.");
        return new StatementTagger(passes, description, sources);
    });
}
