using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Learning;

/// <summary>
/// An open-addressing map from a 64-bit feature hash to a dense row index. Read-only after it is
/// built, so one table serves any number of threads; lookups allocate nothing.
/// </summary>
public sealed class FeatureTable
{
    // 8-byte slots: the low bits of a key choose the slot and its high 32 bits are kept as a fingerprint,
    // so about 50 bits of the key are compared while the table stays half the size (decoding is memory-bound).
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        /// <summary>The key's high 32 bits with the lowest bit set; 0 marks an empty slot.</summary>
        public uint Fingerprint;

        /// <summary>The feature's row.</summary>
        public int Row;
    }

    /// <summary>Builds a table whose row <c>i</c> is <paramref name="keys"/>[i]. Keys must be distinct and non-zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load: skip tier-0 code
    public FeatureTable(ReadOnlySpan<ulong> keys)
    {
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1; // load factor <= 0.5 keeps probes short
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        Keys = keys.ToArray();
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i];
            if (key == 0) throw new ArgumentException("Feature key 0 is reserved.", nameof(keys));
            int slot = (int)(key & (ulong)_mask);
            uint fingerprint = Fingerprint(key);
            bool shadowed = false;
            while (_slots[slot].Fingerprint != 0)
            {
                if (_slots[slot].Fingerprint == fingerprint)
                {
                    if (Keys[_slots[slot].Row] == key) throw new ArgumentException($"Duplicate feature key {key:X16}.", nameof(keys));
                    shadowed = true; // another key with the same ~50 bits: vanishingly rare; the first one wins
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            if (shadowed) continue;
            _slots[slot].Fingerprint = fingerprint;
            _slots[slot].Row = i;
        }
    }

    /// <summary>Number of features.</summary>
    public int Count => Keys.Length;

    /// <summary>The keys in row order.</summary>
    public ulong[] Keys { get; }

    /// <summary>The row of <paramref name="key"/>, or -1 when the feature is unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        int slot = (int)(key & (ulong)_mask);
        uint fingerprint = Fingerprint(key);
        while (true)
        {
            ref readonly Slot entry = ref _slots[slot];
            if (entry.Fingerprint == fingerprint) return entry.Row;
            if (entry.Fingerprint == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// The rows of all <paramref name="keys"/> into <paramref name="rows"/> (-1 for unknown features), with the
    /// slots of keys a few places ahead prefetched: the table is far larger than the cache, so overlapping the
    /// misses of independent lookups is what makes a batch faster than one <see cref="Find"/> after another.
    /// </summary>
    internal unsafe void FindAll(ReadOnlySpan<ulong> keys, Span<int> rows)
    {
        fixed (Slot* slots = _slots)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (Sse.IsSupported && i + PrefetchDistance < keys.Length) Sse.Prefetch0(slots + (int)(keys[i + PrefetchDistance] & (ulong)_mask));
                rows[i] = Find(keys[i]);
            }
        }
    }

    /// <summary>How many lookups ahead <see cref="FindAll"/> prefetches (enough misses in flight to hide memory latency).</summary>
    internal const int PrefetchDistance = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Fingerprint(ulong key) => (uint)(key >> 32) | 1;
}
