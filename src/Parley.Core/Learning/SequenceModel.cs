using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Parley.Learning;

/// <summary>
/// A trained linear-chain sequence labeller: per-position feature weights for each label, first-order
/// label transitions, and Viterbi decoding restricted to legal transitions. Immutable and thread-safe;
/// decoding allocates only pooled scratch memory.
/// </summary>
public sealed class SequenceModel
{
    /// <summary>The magic of a stand-alone sequence model file.</summary>
    public const string Magic = "PRLYSEQ";

    /// <summary>The file format version this build reads and writes.</summary>
    public const int FormatVersion = 2;

    private const float Forbidden = -1e30f;
    // Row-major feature row × label, as 16-bit integers on a common scale: half the memory of floats, so
    // a row sits in one cache line, and decoding is bound by memory, not arithmetic.
    private readonly short[] _weights;
    private readonly float[] _transitions;  // (L + 1) × L on the weights' scale, row L = start; forbidden pairs hold Forbidden
    private readonly float[] _end;          // per label: 0 or Forbidden
    // The decoder works on rows of _stride labels (the label count rounded up to whole vectors), all labels at once.
    private readonly int _stride;
    // n × _stride: the score of p → y at [p * _stride + y] when p is one of y's predecessors (see Predecessors), else
    // -infinity (and in the padding lanes): a sum with it never wins Viterbi's strict comparison, so the vectorised
    // decoder chooses among exactly the predecessors the scalar one visits.
    private readonly float[] _incoming;

    /// <summary>
    /// Creates a model from trained weights. They are quantised to 16 bits on a common scale (the largest
    /// becomes 32767): a linear model's decisions do not change when all its weights are scaled together.
    /// </summary>
    public SequenceModel(IReadOnlyList<string> labels, FeatureTable features, float[] weights, float[] transitions, bool[] allowedTransitions, bool[] allowedEnd, string metadata)
        : this(labels, features, Quantize(weights, transitions, allowedTransitions, out float[] scaled), scaled, allowedTransitions, allowedEnd, metadata)
    {
    }

    private static short[] Quantize(float[] weights, float[] transitions, bool[] allowed, out float[] scaledTransitions)
    {
        float max = 1e-6f;
        foreach (float w in weights) max = Math.Max(max, Math.Abs(w));
        for (int i = 0; i < transitions.Length && i < allowed.Length; i++) if (allowed[i]) max = Math.Max(max, Math.Abs(transitions[i]));
        float scale = 32767f / max;
        var quantized = new short[weights.Length];
        for (int i = 0; i < quantized.Length; i++) quantized[i] = (short)Math.Round(weights[i] * scale);
        scaledTransitions = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++) scaledTransitions[i] = transitions[i] * scale;
        return quantized;
    }

    private SequenceModel(IReadOnlyList<string> labels, FeatureTable features, short[] weights, float[] transitions, bool[] allowedTransitions, bool[] allowedEnd, string metadata)
    {
        int n = labels.Count;
        if (weights.Length != features.Count * n) throw new ArgumentException("Weights do not match features × labels.", nameof(weights));
        if (transitions.Length != (n + 1) * n || allowedTransitions.Length != (n + 1) * n || allowedEnd.Length != n)
            throw new ArgumentException("Transition tables do not match the label count.", nameof(transitions));
        Labels = labels.ToArray();
        Features = features;
        _weights = weights;
        AllowedTransitions = allowedTransitions;
        AllowedEnd = allowedEnd;
        _transitions = new float[transitions.Length];
        for (int i = 0; i < transitions.Length; i++) _transitions[i] = allowedTransitions[i] ? transitions[i] : Forbidden;
        _end = allowedEnd.Select(a => a ? 0f : Forbidden).ToArray();
        _stride = (n + Vector256<float>.Count - 1) / Vector256<float>.Count * Vector256<float>.Count;
        _incoming = new float[n * _stride];
        Array.Fill(_incoming, float.NegativeInfinity);
        var predecessors = Predecessors(allowedTransitions, n);
        for (int y = 0; y < n; y++)
            foreach (int p in predecessors[y]) _incoming[p * _stride + y] = _transitions[p * n + y];
        Metadata = metadata;
    }

    /// <summary>The labels, by index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The feature vocabulary.</summary>
    public FeatureTable Features { get; }

    /// <summary>Free text the task stores with the model (its feature set and version, its training run).</summary>
    public string Metadata { get; }

    /// <summary>Which label may follow which; row L is the sequence start.</summary>
    public bool[] AllowedTransitions { get; }

    /// <summary>Which labels may end a sequence.</summary>
    public bool[] AllowedEnd { get; }

    /// <summary>The weight of feature row <paramref name="row"/> for <paramref name="label"/>, on the model's scale.</summary>
    public float Weight(int row, int label) => _weights[row * Labels.Count + label];

    /// <summary>The transition score from <paramref name="previous"/> (or <see cref="Labels"/>.Count for the start) to <paramref name="next"/>.</summary>
    public float Transition(int previous, int next) => _transitions[previous * Labels.Count + next];

    /// <summary>Labels <paramref name="sequence"/> with the best-scoring legal label sequence; returns its score.</summary>
    public float Decode(FeatureSequence sequence, Span<int> labels) => Decode(sequence, null, labels);

    /// <summary>
    /// As <see cref="Decode(FeatureSequence, Span{int})"/>, with the features of <paramref name="extra"/> (same length)
    /// added at each position: a later pass adds its own features to a sequence extracted once.
    /// </summary>
    public float Decode(FeatureSequence sequence, FeatureSequence? extra, Span<int> labels) => Decode(sequence, extra, labels, default);

    /// <summary>
    /// As <see cref="Decode(FeatureSequence, FeatureSequence?, Span{int})"/>, also writing each position's emission
    /// scores (the summed feature weights per label, before transitions; on the model's scale) into
    /// <paramref name="scores"/>[i * Labels.Count + y] when it is not empty.
    /// </summary>
    public float Decode(FeatureSequence sequence, FeatureSequence? extra, Span<int> labels, Span<float> scores)
    {
        int length = sequence.Length;
        if (extra is not null && extra.Length != length) throw new ArgumentException("The extra features differ in length.", nameof(extra));
        if (labels.Length < length) throw new ArgumentException("Label buffer is shorter than the sequence.", nameof(labels));
        if (length == 0) return 0;
        int local = sequence.FeatureCount, total = local + (extra?.FeatureCount ?? 0);
        int[] rows = ArrayPool<int>.Shared.Rent(Math.Max(1, total));
        try
        {
            // All lookups first, then all weight rows: both walks prefetch ahead, so cache misses overlap.
            Features.FindAll(sequence.All, rows);
            if (extra is not null) Features.FindAll(extra.All, rows.AsSpan(local));
            return DecodeRows(rows.AsSpan(0, local), sequence.Ends, rows.AsSpan(local, total - local), extra is null ? default : extra.Ends, labels, scores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// Decodes from feature rows already looked up in <see cref="Features"/> (negative: unknown): position i has the
    /// rows <paramref name="rows"/>[ends[i-1]..ends[i]) and, when <paramref name="extraEnds"/> is not empty, also
    /// <paramref name="extraRows"/>[extraEnds[i-1]..extraEnds[i]). Same labels and score as <see cref="Decode(FeatureSequence, FeatureSequence?, Span{int})"/>.
    /// </summary>
    internal float DecodeRows(ReadOnlySpan<int> rows, ReadOnlySpan<int> ends, ReadOnlySpan<int> extraRows, ReadOnlySpan<int> extraEnds, Span<int> labels, Span<float> scores = default)
    {
        int length = ends.Length;
        if (labels.Length < length) throw new ArgumentException("Label buffer is shorter than the sequence.", nameof(labels));
        if (length == 0) return 0;
        bool hasExtra = !extraEnds.IsEmpty;
        if (hasExtra && extraEnds.Length != length) throw new ArgumentException("The extra features differ in length.", nameof(extraEnds));
        int n = Labels.Count, stride = _stride;
        float[] emissions = ArrayPool<float>.Shared.Rent(length * stride);
        int[] sums = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var acc = sums.AsSpan(0, n);
            int from = 0, extraFrom = 0;
            for (int i = 0; i < length; i++)
            {
                acc.Clear();
                int to = ends[i];
                AddRows(rows, from, to, acc);
                from = to;
                if (hasExtra)
                {
                    int extraTo = extraEnds[i];
                    AddRows(extraRows, extraFrom, extraTo, acc);
                    extraFrom = extraTo;
                }
                // Integer sums are exact and, below 2^24, equal to the float sums the model was validated with.
                var row = emissions.AsSpan(i * stride, stride);
                for (int y = 0; y < n; y++) row[y] = acc[y];
                row[n..].Clear();
            }
            if (!scores.IsEmpty)
            {
                if (scores.Length < length * n) throw new ArgumentException("The score buffer is shorter than the sequence.", nameof(scores));
                for (int i = 0; i < length; i++) emissions.AsSpan(i * stride, n).CopyTo(scores.Slice(i * n, n));
            }
            return Viterbi(emissions, length, labels);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<int>.Shared.Return(sums);
        }
    }

    /// <summary>
    /// Adds the weight rows <paramref name="rows"/>[<paramref name="from"/>..<paramref name="to"/>) (negative: unknown
    /// feature) into <paramref name="sums"/>, prefetching the rows a few features ahead (up to the end of <paramref name="rows"/>).
    /// </summary>
    private unsafe void AddRows(ReadOnlySpan<int> rows, int from, int to, Span<int> sums)
    {
        int n = sums.Length;
        if (Avx2.IsSupported && n <= 32)
        {
            AddRowsInRegisters(rows, from, to, sums);
            return;
        }
        fixed (short* weights = _weights)
        {
            for (int k = from; k < to; k++)
            {
                int ahead = k + FeatureTable.PrefetchDistance;
                if (Sse.IsSupported && ahead < rows.Length && rows[ahead] >= 0)
                {
                    // Both ends: a row of 17 labels (34 bytes) straddles two cache lines about half the time.
                    Sse.Prefetch0(weights + rows[ahead] * n);
                    Sse.Prefetch0(weights + rows[ahead] * n + n - 1);
                }
                int row = rows[k];
                if (row >= 0) AddRow(new ReadOnlySpan<short>(weights + row * n, n), sums);
            }
        }
    }

    /// <summary>
    /// <see cref="AddRows"/> for up to 32 labels with the sums held in four vector registers: each row is loaded 16
    /// labels at a time and sign-extended straight into the accumulators, instead of a load and a store of the sums
    /// per row. Lanes past the row's end read the next row's weights (or, for the last rows, are done one by one)
    /// and are never stored. Integer sums: the result is exactly the scalar one.
    /// </summary>
    private unsafe void AddRowsInRegisters(ReadOnlySpan<int> rows, int from, int to, Span<int> sums)
    {
        int n = sums.Length;
        int safeRows = (_weights.Length - 32) / n; // rows below this can be read 32 labels wide inside the array
        Vector256<int> a0 = Vector256<int>.Zero, a1 = Vector256<int>.Zero, a2 = Vector256<int>.Zero, a3 = Vector256<int>.Zero;
        Span<int> tail = stackalloc int[32];
        tail.Clear();
        bool wide = n > 16;
        fixed (short* weights = _weights)
        {
            for (int k = from; k < to; k++)
            {
                int ahead = k + FeatureTable.PrefetchDistance;
                if (ahead < rows.Length && rows[ahead] >= 0)
                {
                    Sse.Prefetch0(weights + rows[ahead] * n);
                    Sse.Prefetch0(weights + rows[ahead] * n + n - 1);
                }
                int row = rows[k];
                if (row < 0) continue;
                short* w = weights + row * n;
                if (row < safeRows)
                {
                    a0 = Avx2.Add(a0, Avx2.ConvertToVector256Int32(w));
                    a1 = Avx2.Add(a1, Avx2.ConvertToVector256Int32(w + 8));
                    if (wide)
                    {
                        a2 = Avx2.Add(a2, Avx2.ConvertToVector256Int32(w + 16));
                        a3 = Avx2.Add(a3, Avx2.ConvertToVector256Int32(w + 24));
                    }
                }
                else for (int y = 0; y < n; y++) tail[y] += w[y];
            }
        }
        Span<int> all = stackalloc int[32];
        a0.CopyTo(all);
        a1.CopyTo(all[8..]);
        a2.CopyTo(all[16..]);
        a3.CopyTo(all[24..]);
        for (int y = 0; y < n; y++) sums[y] += all[y] + tail[y];
    }

    private static void AddRow(ReadOnlySpan<short> row, Span<int> sums)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<short>.Count, half = Vector<int>.Count;
            for (; i + width <= row.Length; i += width)
            {
                Vector.Widen(new Vector<short>(row.Slice(i, width)), out Vector<int> low, out Vector<int> high);
                (new Vector<int>(sums.Slice(i, half)) + low).CopyTo(sums.Slice(i, half));
                (new Vector<int>(sums.Slice(i + half, half)) + high).CopyTo(sums.Slice(i + half, half));
            }
        }
        for (; i < row.Length; i++) sums[i] += row[i];
    }

    /// <summary>Adds the weight rows of the known features in <paramref name="features"/> into <paramref name="scores"/>.</summary>
    internal void Emissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        AddEmissions(features, scores);
    }

    private void AddEmissions(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int n = Labels.Count;
        foreach (ulong f in features)
        {
            int row = Features.Find(f);
            if (row >= 0) AddRow(_weights.AsSpan(row * n, n), scores);
        }
    }

    private static void AddRow(ReadOnlySpan<short> row, Span<float> scores)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<short>.Count;
            var dst = MemoryMarshal.Cast<float, Vector<float>>(scores);
            for (; i + width <= row.Length && (i / Vector<float>.Count) + 1 < dst.Length; i += width)
            {
                Vector.Widen(new Vector<short>(row.Slice(i, width)), out Vector<int> low, out Vector<int> high);
                int v = i / Vector<float>.Count;
                dst[v] += Vector.ConvertToSingle(low);
                dst[v + 1] += Vector.ConvertToSingle(high);
            }
        }
        for (; i < row.Length; i++) scores[i] += row[i];
    }

    internal static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            var src = MemoryMarshal.Cast<float, Vector<float>>(row);
            var dst = MemoryMarshal.Cast<float, Vector<float>>(scores);
            for (int v = 0; v < src.Length && v < dst.Length; v++) dst[v] += src[v];
            i = Math.Min(src.Length, dst.Length) * width;
        }
        for (; i < row.Length; i++) scores[i] += row[i];
    }

    /// <summary>Viterbi over precomputed emission scores (position × label, rows of <see cref="_stride"/> labels).</summary>
    /// <remarks>
    /// The same arithmetic, in the same order, as <see cref="Viterbi(float[], int, int, float[], float[], int[][], Span{int})"/>
    /// (so the same labels and score: each label takes the lowest predecessor with the greatest sum), for 8 labels at
    /// once: the scalar decoder's inner loop is a chain of dependent compares per label, here one chain serves 8.
    /// </remarks>
    internal unsafe float Viterbi(float[] emissions, int length, Span<int> labels)
    {
        int n = Labels.Count, stride = _stride, width = Vector256<float>.Count;
        if (emissions.Length < length * stride || labels.Length < length) throw new ArgumentException("Buffers are shorter than the sequence.");
        float[] scoreArray = ArrayPool<float>.Shared.Rent(2 * stride);
        int[] backArray = ArrayPool<int>.Shared.Rent(length * stride);
        try
        {
            fixed (float* score = scoreArray, emission = emissions, transitions = _transitions, incoming = _incoming)
            fixed (int* back = backArray)
            {
                float* previous = score, current = score + stride;
                for (int y = 0; y < n; y++) previous[y] = emission[y] + transitions[n * n + y];
                for (int i = 1; i < length; i++)
                {
                    float* e = emission + i * stride;
                    int* b = back + i * stride;
                    for (int y = 0; y < stride; y += width)
                    {
                        // Two chains, over the even and the odd predecessors, halve the chain of dependent compares;
                        // merged by the scalar tie rule (the lower predecessor wins a tie), the result is the same.
                        var best = Vector256.Create(float.NegativeInfinity);
                        var arg = Vector256<int>.Zero;
                        var oddBest = best;
                        var oddArg = arg;
                        float* column = incoming + y;
                        int p = 0;
                        for (; p + 1 < n; p += 2, column += 2 * stride)
                        {
                            Step(previous[p], column, p, ref best, ref arg);
                            Step(previous[p + 1], column + stride, p + 1, ref oddBest, ref oddArg);
                        }
                        if (p < n) Step(previous[p], column, p, ref best, ref arg);
                        var odd = Vector256.GreaterThan(oddBest, best)
                            | (Vector256.Equals(oddBest, best).AsInt32() & Vector256.LessThan(oddArg, arg)).AsSingle();
                        (Vector256.ConditionalSelect(odd, oddBest, best) + Vector256.Load(e + y)).Store(current + y);
                        Vector256.ConditionalSelect(odd.AsInt32(), oddArg, arg).Store(b + y);
                    }
                    float* done = current;
                    current = previous;
                    previous = done;
                }
                return Backtrack(new ReadOnlySpan<float>(previous, n), _end, backArray, stride, length, labels);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scoreArray);
            ArrayPool<int>.Shared.Return(backArray);
        }
    }

    /// <summary>One predecessor <paramref name="p"/> with score <paramref name="score"/> for 8 labels (transitions at <paramref name="column"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Step(float score, float* column, int p, ref Vector256<float> best, ref Vector256<int> arg)
    {
        var s = Vector256.Create(score) + Vector256.Load(column);
        var better = Vector256.GreaterThan(s, best);
        best = Vector256.ConditionalSelect(better, s, best);
        arg = Vector256.ConditionalSelect(better.AsInt32(), Vector256.Create(p), arg);
    }

    /// <summary>
    /// Picks the best final label (with its end score) and follows the back pointers (rows of <paramref name="stride"/>)
    /// to the start; returns the best score.
    /// </summary>
    private static float Backtrack(ReadOnlySpan<float> last, float[] end, int[] back, int stride, int length, Span<int> labels)
    {
        int n = last.Length;
        float bestEnd = float.NegativeInfinity;
        int label = 0;
        for (int y = 0; y < n; y++)
        {
            float s = last[y] + end[y];
            if (s > bestEnd) { bestEnd = s; label = y; }
        }
        for (int i = length - 1; i >= 0; i--)
        {
            labels[i] = label;
            label = back[i * stride + label];
        }
        return bestEnd;
    }

    internal static int[][] Predecessors(bool[] allowed, int n)
    {
        var result = new int[n][];
        for (int y = 0; y < n; y++)
        {
            var list = new List<int>();
            for (int p = 0; p < n; p++) if (allowed[p * n + y]) list.Add(p);
            result[y] = list.Count > 0 ? list.ToArray() : Enumerable.Range(0, n).ToArray();
        }
        return result;
    }

    internal static float Viterbi(float[] emissions, int length, int n, float[] transitions, float[] end, int[][] predecessors, Span<int> labels)
    {
        float[] score = ArrayPool<float>.Shared.Rent(length * n);
        int[] back = ArrayPool<int>.Shared.Rent(length * n);
        try
        {
            for (int y = 0; y < n; y++) score[y] = emissions[y] + transitions[n * n + y];
            for (int i = 1; i < length; i++)
            {
                int prevBase = (i - 1) * n, curBase = i * n;
                for (int y = 0; y < n; y++)
                {
                    float best = float.NegativeInfinity;
                    int arg = 0;
                    foreach (int p in predecessors[y])
                    {
                        float s = score[prevBase + p] + transitions[p * n + y];
                        if (s > best) { best = s; arg = p; }
                    }
                    score[curBase + y] = best + emissions[curBase + y];
                    back[curBase + y] = arg;
                }
            }
            return Backtrack(score.AsSpan((length - 1) * n, n), end, back, n, length, labels);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(score);
            ArrayPool<int>.Shared.Return(back);
        }
    }

    /// <summary>Saves the model as a stand-alone file.</summary>
    public void Save(string path) => ModelFile.Write(path, Magic, FormatVersion, WriteTo);

    /// <summary>Loads a stand-alone model file.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt or of another version.</exception>
    public static SequenceModel Load(string path) => ModelFile.Read(path, Magic, FormatVersion, ReadFrom);

    /// <summary>
    /// Writes the model body: labels, metadata, feature keys, the 16-bit weights, transitions on the same
    /// scale, and the transition constraints.
    /// </summary>
    public void WriteTo(BinaryWriter writer)
    {
        int n = Labels.Count;
        writer.Write(n);
        foreach (string label in Labels) writer.Write(label);
        writer.Write(Metadata);
        writer.Write(Features.Count);
        writer.Write(MemoryMarshal.AsBytes(Features.Keys.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        for (int i = 0; i < _transitions.Length; i++) writer.Write(AllowedTransitions[i] ? _transitions[i] : 0f);
        foreach (bool a in AllowedTransitions) writer.Write(a);
        foreach (bool a in AllowedEnd) writer.Write(a);
    }

    /// <summary>Reads a model body written by <see cref="WriteTo"/>.</summary>
    public static SequenceModel ReadFrom(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n is <= 0 or > 4096) throw new InvalidDataException($"implausible label count {n}");
        var labels = new string[n];
        for (int i = 0; i < n; i++) labels[i] = reader.ReadString();
        string metadata = reader.ReadString();
        int count = reader.ReadInt32();
        if (count < 0 || (long)count * n * 2 > reader.BaseStream.Length) throw new InvalidDataException($"implausible feature count {count}");
        var keys = new ulong[count];
        if (reader.Read(MemoryMarshal.AsBytes(keys.AsSpan())) != keys.Length * 8) throw new EndOfStreamException("feature keys are cut short");
        var quantized = new short[count * n];
        if (reader.Read(MemoryMarshal.AsBytes(quantized.AsSpan())) != quantized.Length * 2) throw new EndOfStreamException("weights are cut short");
        var weights = quantized;
        var transitions = new float[(n + 1) * n];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var allowed = new bool[(n + 1) * n];
        for (int i = 0; i < allowed.Length; i++) allowed[i] = reader.ReadBoolean();
        var end = new bool[n];
        for (int i = 0; i < n; i++) end[i] = reader.ReadBoolean();
        return new SequenceModel(labels, new FeatureTable(keys), weights, transitions, allowed, end, metadata);
    }
}
