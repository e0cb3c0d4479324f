using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Syntax;

/// <summary>
/// Trained (averaged) perceptron weights: one dense row of class scores per known feature. Read-only
/// after construction, so one table serves any number of threads.
/// </summary>
internal sealed class WeightTable
{
    private readonly ulong[] _keys;

    /// <summary>Creates a table from feature keys and their rows (row-major, <paramref name="classes"/> wide).</summary>
    public WeightTable(int classes, ulong[] keys, float[] weights) : this(classes, keys, weights, padded: false) { }

    private WeightTable(int classes, ulong[] keys, float[] weights, bool padded)
    {
        Classes = classes;
        Stride = StrideOf(classes);
        if (weights.Length != keys.Length * (padded ? Stride : classes)) throw new ArgumentException("Weights do not match keys × classes.");
        _keys = keys;
        if (padded || Stride == classes) Weights = weights;
        else
        {
            Weights = new float[(long)keys.Length * Stride];
            for (int r = 0; r < keys.Length; r++) weights.AsSpan(r * classes, classes).CopyTo(Weights.AsSpan(r * Stride, classes));
        }
        Index = new FeatureIndex(keys);
        if (classes == 3) _narrow = new NarrowTable(Index, keys, Weights);
    }

    /// <summary>Rows are padded to whole SIMD vectors so scoring needs no scalar tail.</summary>
    private static int StrideOf(int classes)
    {
        int lanes = Vector.IsHardwareAccelerated ? Vector<float>.Count : 1;
        return classes < lanes ? classes : (classes + lanes - 1) / lanes * lanes;
    }

    private readonly NarrowTable? _narrow;

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Row width in memory (classes padded to whole SIMD vectors); score buffers need this length.</summary>
    public int Stride { get; }

    /// <summary>Number of features.</summary>
    public int Features => _keys.Length;

    /// <summary>Feature key → row.</summary>
    public FeatureIndex Index { get; }

    /// <summary>Row-major weights.</summary>
    public float[] Weights { get; }

    /// <summary>Adds the rows of the known <paramref name="features"/> to <paramref name="scores"/> (not cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (_narrow is not null)
        {
            _narrow.Score(features, scores);
            return;
        }
        int c = Stride;
        var weights = Weights.AsSpan();
        foreach (ulong feature in features)
        {
            int row = Index.Find(feature);
            if (row < 0) continue;
            Add(weights.Slice(row * c, c), scores);
        }
    }

    /// <summary>Whether <see cref="Score"/> sums three-class rows kept in the hash slots (then <see cref="AddRow"/> sums differently).</summary>
    public bool HasNarrowRows => _narrow is not null;

    /// <summary>Adds row <paramref name="row"/> (nothing when negative: an unknown feature) to <paramref name="scores"/>, as <see cref="Score"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRow(int row, Span<float> scores)
    {
        if (row < 0) return;
        int c = Stride;
        Add(Weights.AsSpan(row * c, c), scores);
    }

    /// <summary>Asks the processor to fetch the weight rows <paramref name="rows"/> (negative: none) into the cache.</summary>
    public unsafe void PrefetchRows(ReadOnlySpan<int> rows)
    {
        if (!Sse.IsSupported) return;
        int c = Stride;
        fixed (float* weights = Weights)
        {
            foreach (int row in rows)
            {
                if (row < 0) continue;
                byte* start = (byte*)(weights + (long)row * c), end = (byte*)(weights + (long)row * c + c);
                for (byte* line = start; line < end; line += 64) Sse.Prefetch0(line);
                Sse.Prefetch0(end - 1);
            }
        }
    }

    /// <summary>scores += row, vectorised when the row is wide enough.</summary>
    public static void Add(ReadOnlySpan<float> row, Span<float> scores)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<float>.Count)
        {
            var src = MemoryMarshal.Cast<float, Vector<float>>(row);
            var dst = MemoryMarshal.Cast<float, Vector<float>>(scores[..row.Length]);
            for (int v = 0; v < src.Length; v++) dst[v] += src[v];
            i = src.Length * Vector<float>.Count;
        }
        for (; i < row.Length; i++) scores[i] += row[i];
    }

    /// <summary>A copy without weights smaller than <paramref name="minWeight"/> in magnitude, and without rows left empty.</summary>
    public WeightTable Compact(float minWeight)
    {
        var keys = new List<ulong>(_keys.Length);
        var weights = new List<float>(_keys.Length * Classes);
        for (int r = 0; r < _keys.Length; r++)
        {
            var row = Weights.AsSpan(r * Stride, Classes);
            bool any = false;
            foreach (float w in row) any |= Math.Abs(w) >= minWeight;
            if (!any) continue;
            keys.Add(_keys[r]);
            foreach (float w in row) weights.Add(Math.Abs(w) >= minWeight ? w : 0f);
        }
        return new WeightTable(Classes, keys.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// Writes the table sparsely, in blocks that load with a few bulk copies: the keys, the count of
    /// non-zero weights per row, their classes, then their values as half-precision floats.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        int c = Classes;
        writer.Write(c);
        writer.Write(_keys.Length);
        // Rows go out in the order of their home slots, so loading fills the hash tables front to back
        // instead of scattering a million writes over tens of megabytes (several times faster).
        int capacity = FeatureIndex.CapacityFor(_keys.Length);
        var order = new int[_keys.Length];
        var homes = new long[_keys.Length];
        for (int r = 0; r < order.Length; r++)
        {
            order[r] = r;
            homes[r] = ((long)FeatureIndex.HomeOf(_keys[r], capacity) << 32) | (uint)r;
        }
        Array.Sort(homes, order);
        var keys = new ulong[_keys.Length];
        var counts = new byte[_keys.Length];
        var classes = new List<byte>();
        var values = new List<Half>();
        for (int i = 0; i < order.Length; i++)
        {
            int r = order[i];
            keys[i] = _keys[r];
            for (int k = 0; k < c; k++)
            {
                var h = (Half)Weights[r * Stride + k];
                if (h == Half.Zero) continue;
                counts[i]++;
                classes.Add((byte)k);
                values.Add(h);
            }
        }
        writer.Write(classes.Count);
        writer.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        writer.Write(counts);
        writer.Write(CollectionsMarshal.AsSpan(classes));
        writer.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(values)));
    }

    /// <summary>Reads a table written by <see cref="Write"/>. (Rows are dense in memory: scoring them with SIMD is several times faster than scattering sparse entries.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WeightTable Read(BinaryReader reader)
    {
        int c = reader.ReadInt32();
        int rows = reader.ReadInt32();
        int total = reader.ReadInt32();
        if (c <= 0 || c > 255 || rows < 0 || total < 0 || (long)total > (long)rows * c)
            throw new InvalidDataException($"bad weight table header ({c} classes, {rows} rows, {total} weights)");
        var keys = MemoryMarshal.Cast<byte, ulong>(Block(reader, rows * 8L)).ToArray();
        var counts = Block(reader, rows);
        var classes = Block(reader, total);
        var values = MemoryMarshal.Cast<byte, Half>(Block(reader, total * 2L));
        int stride = StrideOf(c);
        var weights = new float[(long)rows * stride];
        int j = 0;
        for (int r = 0; r < rows; r++)
        {
            int n = counts[r];
            if (j + n > total) throw new InvalidDataException("weight counts exceed the weights stored");
            for (int e = 0; e < n; e++, j++)
            {
                int k = classes[j];
                if (k >= c) throw new InvalidDataException("weight class out of range");
                weights[r * stride + k] = (float)values[j];
            }
        }
        if (j != total) throw new InvalidDataException("weight counts do not add up");
        return new WeightTable(c, keys, weights, padded: true);
    }

    private static byte[] Block(BinaryReader reader, long length)
    {
        var bytes = reader.ReadBytes(checked((int)length));
        if (bytes.Length != length) throw new EndOfStreamException("model ends inside a weight table");
        return bytes;
    }
}

/// <summary>
/// A three-class table (the parser's moves) with the weights inside the hash slots: one memory access
/// per feature instead of two. Slots hold a 32-bit fingerprint, as in <see cref="FeatureIndex"/>.
/// </summary>
internal sealed class NarrowTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        public uint Fingerprint;
        public float W0, W1, W2;
    }

    /// <summary>Copies the weights into slots laid out exactly as in <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NarrowTable(FeatureIndex index, ReadOnlySpan<ulong> keys, ReadOnlySpan<float> weights)
    {
        _slots = new Slot[index.Capacity];
        _mask = index.Capacity - 1;
        for (int row = 0; row < keys.Length; row++)
        {
            int i = index.SlotOf(keys[row]);
            // A repeated key keeps its first row, as in the index.
            if (i < 0 || _slots[i].Fingerprint != 0) continue;
            _slots[i] = new Slot { Fingerprint = FeatureIndex.Fingerprint(keys[row]), W0 = weights[row * 3], W1 = weights[row * 3 + 1], W2 = weights[row * 3 + 2] };
        }
    }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        float s0 = 0, s1 = 0, s2 = 0;
        foreach (ulong key in features)
        {
            uint fp = FeatureIndex.Fingerprint(key);
            int i = (int)key & _mask;
            while (true)
            {
                ref readonly Slot slot = ref slots[i];
                if (slot.Fingerprint == fp) { s0 += slot.W0; s1 += slot.W1; s2 += slot.W2; break; }
                if (slot.Fingerprint == 0) break;
                i = (i + 1) & _mask;
            }
        }
        scores[0] += s0; scores[1] += s1; scores[2] += s2;
    }
}

/// <summary>
/// Trains a multi-class averaged perceptron over a fixed feature set (features are counted first and
/// rare ones dropped, which bounds memory). Averaging uses the "w − u/c" trick, so no timestamps.
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly ulong[] _keys;
    private readonly FeatureIndex _index;
    private readonly float[] _w;
    private readonly double[] _u;
    private long _tick = 1;

    /// <summary>Creates a trainer over <paramref name="keys"/> with <paramref name="classes"/> classes.</summary>
    public PerceptronTrainer(int classes, ulong[] keys)
    {
        Classes = classes;
        _keys = keys;
        _index = new FeatureIndex(keys);
        _w = new float[(long)keys.Length * classes];
        _u = new double[(long)keys.Length * classes];
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features being trained.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Appends the rows of the known features to <paramref name="rows"/>.</summary>
    public void Rows(ReadOnlySpan<ulong> features, List<int> rows)
    {
        rows.Clear();
        foreach (ulong f in features)
        {
            int r = _index.Find(f);
            if (r >= 0) rows.Add(r);
        }
    }

    /// <summary>Current (not averaged) scores; clears <paramref name="scores"/> first.</summary>
    public void Score(List<int> rows, Span<float> scores)
    {
        scores.Clear();
        int c = Classes;
        foreach (int r in CollectionsMarshal.AsSpan(rows)) WeightTable.Add(_w.AsSpan(r * c, c), scores);
    }

    /// <summary>Moves weight from <paramref name="guess"/> to <paramref name="truth"/> for every row.</summary>
    public void Update(List<int> rows, int truth, int guess)
    {
        if (truth == guess) return;
        int c = Classes;
        foreach (int r in CollectionsMarshal.AsSpan(rows))
        {
            _w[r * c + truth] += 1; _u[r * c + truth] += _tick;
            _w[r * c + guess] -= 1; _u[r * c + guess] -= _tick;
        }
    }

    /// <summary>Advances the example counter (once per training example).</summary>
    public void Tick() => _tick++;

    /// <summary>The averaged weights, without rows that are all (near) zero.</summary>
    public WeightTable Average(float epsilon = 1e-3f)
    {
        int c = Classes;
        var keys = new List<ulong>(_keys.Length);
        var weights = new List<float>(_keys.Length * c);
        var row = new float[c];
        for (int r = 0; r < _keys.Length; r++)
        {
            bool any = false;
            for (int k = 0; k < c; k++)
            {
                double avg = _w[r * c + k] - _u[r * c + k] / _tick;
                row[k] = Math.Abs(avg) < epsilon ? 0f : (float)avg;
                any |= row[k] != 0f;
            }
            if (!any) continue;
            keys.Add(_keys[r]);
            weights.AddRange(row);
        }
        return new WeightTable(c, keys.ToArray(), weights.ToArray());
    }
}

/// <summary>Counts feature occurrences in a first pass, to keep only the features seen often enough.</summary>
internal sealed class FeatureCounter
{
    private readonly Dictionary<ulong, int> _counts = new();

    /// <summary>Counts each feature once.</summary>
    public void Add(ReadOnlySpan<ulong> features)
    {
        foreach (ulong f in features) CollectionsMarshal.GetValueRefOrAddDefault(_counts, f, out _)++;
    }

    /// <summary>Features seen at least <paramref name="minCount"/> times, sorted (for determinism).</summary>
    public ulong[] Keep(int minCount)
    {
        var keep = new List<ulong>(_counts.Count);
        foreach (var (key, count) in _counts) if (count >= minCount) keep.Add(key);
        keep.Sort();
        return keep.ToArray();
    }
}
