using System.Buffers;
using System.Collections.Immutable;
using Parley.Documents;
using Parley.Learning;

namespace Parley.Entities.Tagging;

/// <summary>
/// Parley's named-entity tagger: a two-pass averaged-perceptron sequence model over BILOU labels for
/// PER, ORG, LOC and MISC. The second pass sees the first pass's tags of other occurrences of each word
/// in the document. Immutable and thread-safe once loaded.
/// </summary>
public sealed class NerTagger
{
    /// <summary>The magic of an entity model file.</summary>
    public const string Magic = "PRLYNER";

    /// <summary>The model file format version.</summary>
    public const int FormatVersion = 2;

    /// <summary>The default model location, relative to the application directory.</summary>
    public const string DefaultRelativePath = "models/ner.bin";

    private static readonly Lazy<NerTagger> s_default = new(() => Load(DefaultPath));
    private readonly SequenceModel[] _stages;
    private readonly PairedFeatureTable? _paired; // both passes' tables, for the local features the passes share

    /// <summary>Creates a tagger from trained stages (one or two).</summary>
    public NerTagger(IReadOnlyList<SequenceModel> stages, string description)
    {
        if (stages.Count is < 1 or > 2) throw new ArgumentException("A tagger has one or two stages.", nameof(stages));
        _stages = stages.ToArray();
        if (_stages.Length == 2) _paired = new PairedFeatureTable(_stages[0].Features, _stages[1].Features);
        Description = description;
        Features = new NerFeatures(Gazetteers.Default);
    }

    /// <summary>The span scheme (types PER, ORG, LOC, MISC).</summary>
    public static SpanTagScheme Scheme { get; } = new(EntityTypes.ConllCodes);

    /// <summary>Where <see cref="Default"/> loads from: <c>models/ner.bin</c> beside the Parley assemblies.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, DefaultRelativePath);

    /// <summary>The tagger loaded from <see cref="DefaultPath"/> (once, on first use).</summary>
    /// <exception cref="ModelFormatException">The model file is missing or corrupt.</exception>
    public static NerTagger Default => s_default.Value;

    /// <summary>A description of the training run, stored in the model.</summary>
    public string Description { get; }

    /// <summary>Number of passes.</summary>
    public int Stages => _stages.Length;

    /// <summary>Total number of weighted features over all passes.</summary>
    public int FeatureCount => _stages.Sum(s => s.Features.Count);

    internal NerFeatures Features { get; }

    internal IReadOnlyList<SequenceModel> Models => _stages;

    /// <summary>Tags a document's tokens, sentence by sentence; returns entity mentions with character offsets.</summary>
    /// <remarks>Needs the token and sentence layers; without sentences the whole document counts as one.</remarks>
    public ImmutableArray<EntityMention> Tag(Document document)
    {
        var text = NerText.FromDocument(document);
        var labels = TagLabels(text);
        var mentions = ImmutableArray.CreateBuilder<EntityMention>();
        foreach (var (start, end) in text.Sentences)
            foreach (var s in SpanTagScheme.DecodeSpans(labels.AsSpan(start, end - start)))
            {
                int first = start + s.Start, last = start + s.End - 1;
                var span = new TextSpan(text.Tokens[first].Start, text.Tokens[last].End);
                mentions.Add(new EntityMention(span, (EntityType)s.Type, first, s.End - s.Start));
            }
        return mentions.ToImmutable();
    }

    /// <summary>BILOU label indexes (see <see cref="Scheme"/>) for every token of <paramref name="text"/>.</summary>
    public int[] TagLabels(NerText text) => TagLabels(text, _stages.Length);

    /// <summary>
    /// At most this many second-pass feature rows are kept from the first pass per document (4 bytes each); the
    /// sentences beyond it are extracted and looked up again in the second pass.
    /// </summary>
    internal const int MaxKeptRows = 1 << 22;

    /// <summary>Labels from the first <paramref name="stages"/> passes only.</summary>
    internal int[] TagLabels(NerText text, int stages) => TagLabels(text, stages, MaxKeptRows);

    /// <summary>As <see cref="TagLabels(NerText, int)"/>, keeping at most <paramref name="maxKeptRows"/> rows for the second pass (tests use small budgets).</summary>
    internal int[] TagLabels(NerText text, int stages, int maxKeptRows)
    {
        // One sentence's features at a time, in a reused buffer. The first pass looks each local feature up in
        // both passes' tables at once (one probe of the joint table) and keeps the second pass's rows, so the
        // second pass neither extracts nor looks up the local features again. Keeping rows costs about 200 bytes
        // per token, so past MaxKeptRows (a huge input) the second pass extracts the local features again;
        // extraction and lookups are deterministic, so the labels are the same either way.
        var local = FeatureSequence.Rent();
        FeatureSequence? extra = null;
        var context = Features.Analyze(text, null);
        int[] labels = new int[text.Tokens.Length];
        var paired = stages >= 2 ? _paired : null;
        int sentences = text.Sentences.Length;
        int[] rows = ArrayPool<int>.Shared.Rent(256);
        int[]? kept = null, keptEnds = null;
        int[]? keptAt = null; // per sentence: where its rows start in kept, -1 when not kept
        int keptCount = 0, keptEndCount = 0;
        try
        {
            if (paired is not null)
            {
                kept = ArrayPool<int>.Shared.Rent(Math.Max(1, Math.Min(Math.Min(maxKeptRows, 1 << 16), text.Tokens.Length * 48)));
                keptEnds = ArrayPool<int>.Shared.Rent(Math.Max(1, text.Tokens.Length));
                keptAt = ArrayPool<int>.Shared.Rent(Math.Max(1, sentences));
            }
            for (int s = 0; s < sentences; s++)
            {
                var (start, end) = text.Sentences[s];
                if (keptAt is not null) keptAt[s] = -1;
                if (end == start) continue;
                Features.ExtractLocal(text, context, s, local);
                int count = local.FeatureCount;
                if (rows.Length < count) { ArrayPool<int>.Shared.Return(rows); rows = ArrayPool<int>.Shared.Rent(count); }
                if (paired is not null && keptCount + count <= maxKeptRows)
                {
                    if (kept!.Length < keptCount + count)
                    {
                        var larger = ArrayPool<int>.Shared.Rent(Math.Min(maxKeptRows, Math.Max(keptCount + count, kept.Length * 2)));
                        kept.AsSpan(0, keptCount).CopyTo(larger);
                        ArrayPool<int>.Shared.Return(kept);
                        kept = larger;
                    }
                    paired.FindAll(local.All, rows, kept.AsSpan(keptCount, count));
                    keptAt![s] = keptCount;
                    keptCount += count;
                    local.Ends.CopyTo(keptEnds.AsSpan(keptEndCount));
                    keptEndCount += local.Length;
                }
                else _stages[0].Features.FindAll(local.All, rows);
                _stages[0].DecodeRows(rows.AsSpan(0, count), local.Ends, default, default, labels.AsSpan(start, end - start));
            }
            if (stages < 2) return labels;
            var second = Features.Analyze(text, labels, context);
            extra = FeatureSequence.Rent();
            var final = new int[text.Tokens.Length];
            var model = _stages[1];
            int endsAt = 0;
            // The second-pass features take a few dozen values in all (types of neighbours and other occurrences):
            // a small direct-mapped cache of their rows saves probing the large table for each.
            Span<ulong> cacheKeys = stackalloc ulong[CacheSize];
            Span<int> cacheRows = stackalloc int[CacheSize];
            cacheKeys.Clear();
            for (int s = 0; s < sentences; s++)
            {
                var (start, end) = text.Sentences[s];
                if (end == start) continue;
                Features.ExtractSecondPass(text, second, s, extra);
                int extraCount = extra.FeatureCount;
                ReadOnlySpan<int> localRows, localEnds;
                if (keptAt is not null && keptAt[s] >= 0)
                {
                    int length = end - start;
                    localEnds = keptEnds.AsSpan(endsAt, length);
                    endsAt += length;
                    localRows = kept.AsSpan(keptAt[s], localEnds[^1]);
                    if (rows.Length < extraCount) { ArrayPool<int>.Shared.Return(rows); rows = ArrayPool<int>.Shared.Rent(extraCount); }
                    FindCached(model.Features, extra.All, rows, cacheKeys, cacheRows);
                    model.DecodeRows(localRows, localEnds, rows.AsSpan(0, extraCount), extra.Ends, final.AsSpan(start, end - start));
                }
                else
                {
                    Features.ExtractLocal(text, second, s, local);
                    model.Decode(local, extra, final.AsSpan(start, end - start));
                }
            }
            return final;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            FeatureSequence.Return(local);
            if (extra is not null) FeatureSequence.Return(extra);
            if (kept is not null) ArrayPool<int>.Shared.Return(kept);
            if (keptEnds is not null) ArrayPool<int>.Shared.Return(keptEnds);
            if (keptAt is not null) ArrayPool<int>.Shared.Return(keptAt);
        }
    }

    private const int CacheSize = 256;

    /// <summary>
    /// <see cref="FeatureTable.Find"/> for each of <paramref name="keys"/>, remembering answers in a direct-mapped cache
    /// (<paramref name="cacheKeys"/> 0: empty slot; feature keys are never 0). Same rows as the table gives.
    /// </summary>
    private static void FindCached(FeatureTable table, ReadOnlySpan<ulong> keys, Span<int> rows, Span<ulong> cacheKeys, Span<int> cacheRows)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i];
            int slot = (int)(key >> 40) & (CacheSize - 1);
            if (cacheKeys[slot] != key)
            {
                cacheKeys[slot] = key;
                cacheRows[slot] = table.Find(key);
            }
            rows[i] = cacheRows[slot];
        }
    }

    /// <summary>Saves the tagger.</summary>
    public void Save(string path) => ModelFile.Write(path, Magic, FormatVersion, w =>
    {
        w.Write(NerFeatures.Version);
        w.Write(Description);
        w.Write(_stages.Length);
        foreach (var stage in _stages) stage.WriteTo(w);
    });

    /// <summary>Loads a tagger.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, of another version, or made with another feature set.</exception>
    public static NerTagger Load(string path) => ModelFile.Read(path, Magic, FormatVersion, r =>
    {
        string features = r.ReadString();
        if (features != NerFeatures.Version)
            throw new ModelFormatException($"'{path}' was trained with feature set '{features}'; this build extracts '{NerFeatures.Version}'. Retrain the model (parley train ner).");
        string description = r.ReadString();
        int count = r.ReadInt32();
        if (count is < 1 or > 2) throw new InvalidDataException($"implausible stage count {count}");
        var stages = new SequenceModel[count];
        for (int i = 0; i < count; i++) stages[i] = SequenceModel.ReadFrom(r);
        if (stages.Any(s => s.Labels.Count != Scheme.Labels.Count))
            throw new ModelFormatException($"'{path}' has labels that do not match the entity scheme.");
        return new NerTagger(stages, description);
    });
}
