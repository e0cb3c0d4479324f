using System.Runtime.CompilerServices;

namespace Parley.Learning;

/// <summary>
/// The features of one sequence (a sentence): for each position, a run of 64-bit feature hashes.
/// A buffer is reused from sentence to sentence, so extraction allocates only when it grows.
/// </summary>
public sealed class FeatureSequence
{
    private ulong[] _features = new ulong[256];
    private int[] _ends = new int[32];

    // A few buffers per thread, so a tagger reuses grown arrays from document to document instead of growing a
    // fresh buffer (into the large-object heap, for a long paragraph) every time.
    [ThreadStatic] private static Stack<FeatureSequence>? t_spare;
    private const int MaxSpare = 8, MaxKeptFeatures = 1 << 20;

    /// <summary>An empty buffer: one this thread returned earlier (<see cref="Return"/>), or a new one.</summary>
    public static FeatureSequence Rent()
    {
        if (t_spare is { Count: > 0 } spare)
        {
            var sequence = spare.Pop();
            sequence.Clear();
            return sequence;
        }
        return new FeatureSequence();
    }

    /// <summary>Hands a buffer from <see cref="Rent"/> back for reuse on this thread; the caller must not use it after.</summary>
    public static void Return(FeatureSequence sequence)
    {
        if (sequence._features.Length > MaxKeptFeatures) return; // a huge paragraph's buffer is left to the collector
        var spare = t_spare ??= new Stack<FeatureSequence>();
        if (spare.Count < MaxSpare) spare.Push(sequence);
    }

    /// <summary>Number of positions.</summary>
    public int Length { get; private set; }

    /// <summary>Total number of features over all positions.</summary>
    public int FeatureCount { get; private set; }

    /// <summary>Empties the buffer.</summary>
    public void Clear()
    {
        Length = 0;
        FeatureCount = 0;
    }

    /// <summary>Adds a feature hash to the current (last opened) position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash)
    {
        int count = FeatureCount;
        var features = _features;
        if ((uint)count < (uint)features.Length)
        {
            features[count] = FeatureHash.Finish(hash);
            FeatureCount = count + 1;
        }
        else AddGrowing(hash);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddGrowing(ulong hash)
    {
        Array.Resize(ref _features, _features.Length * 2);
        _features[FeatureCount++] = FeatureHash.Finish(hash);
    }

    /// <summary>Closes the current position: the features added since the previous call belong to it.</summary>
    public void EndPosition()
    {
        if (Length == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[Length++] = FeatureCount;
    }

    /// <summary>Adds an already finished hash (copied from another sequence).</summary>
    private void AddFinished(ulong hash)
    {
        if (FeatureCount == _features.Length) Array.Resize(ref _features, _features.Length * 2);
        _features[FeatureCount++] = hash;
    }

    /// <summary>Merges <paramref name="other"/>, position by position, into this sequence (same length required).</summary>
    public void Append(FeatureSequence other)
    {
        if (other.Length != Length) throw new ArgumentException("Sequences differ in length.", nameof(other));
        var merged = new FeatureSequence();
        for (int i = 0; i < Length; i++)
        {
            foreach (ulong f in At(i)) merged.AddFinished(f);
            foreach (ulong f in other.At(i)) merged.AddFinished(f);
            merged.EndPosition();
        }
        (_features, _ends, FeatureCount) = (merged._features, merged._ends, merged.FeatureCount);
    }

    /// <summary>Every feature hash, position after position (for lookups batched over the whole sequence).</summary>
    internal ReadOnlySpan<ulong> All => _features.AsSpan(0, FeatureCount);

    /// <summary>Where the features of each position end in <see cref="All"/>.</summary>
    internal ReadOnlySpan<int> Ends => _ends.AsSpan(0, Length);

    /// <summary>Where the features of <paramref name="position"/> end in <see cref="All"/>.</summary>
    internal int End(int position) => _ends[position];

    /// <summary>The feature hashes of <paramref name="position"/>.</summary>
    public ReadOnlySpan<ulong> At(int position)
    {
        int start = position == 0 ? 0 : _ends[position - 1];
        return _features.AsSpan(start, _ends[position] - start);
    }
}
