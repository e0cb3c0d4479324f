using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Syntax;

/// <summary>
/// Open-addressing map from a feature key (64-bit hash) to a weight row. The low bits of the key pick
/// the slot and only a 32-bit fingerprint of the high bits is stored, so a slot is 8 bytes and more of
/// the table stays in cache (a false match needs two features to agree on all 64 bits of position and
/// fingerprint: negligible). Built once, read-only afterwards: lookups are thread-safe and allocation-free.
/// </summary>
internal sealed class FeatureIndex
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        public uint Fingerprint;
        public int Row;
    }

    /// <summary>Builds the index; row <c>i</c> belongs to <paramref name="keys"/>[i]. A repeated key keeps its first row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FeatureIndex(ReadOnlySpan<ulong> keys)
    {
        int capacity = CapacityFor(keys.Length);
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int row = 0; row < keys.Length; row++)
        {
            ulong key = keys[row];
            uint fp = Fingerprint(key);
            int i = (int)key & _mask;
            bool seen = false;
            while (_slots[i].Fingerprint != 0)
            {
                if (_slots[i].Fingerprint == fp) { seen = true; break; }
                i = (i + 1) & _mask;
            }
            if (!seen) _slots[i] = new Slot { Fingerprint = fp, Row = row };
        }
        Count = keys.Length;
    }

    /// <summary>
    /// The slot count for <paramref name="count"/> keys: a power of two, at most two-thirds full (short
    /// probes, yet a smaller table loads faster and stays more in cache than a half-full one).
    /// </summary>
    public static int CapacityFor(int count)
    {
        int capacity = 16;
        while (capacity < count + count / 2) capacity <<= 1;
        return capacity;
    }

    /// <summary>The slot a key's probe starts at, in a table of <paramref name="capacity"/> slots.</summary>
    public static int HomeOf(ulong key, int capacity) => (int)key & (capacity - 1);

    /// <summary>Number of features.</summary>
    public int Count { get; }

    /// <summary>Number of slots (a power of two).</summary>
    public int Capacity => _slots.Length;

    /// <summary>The row of <paramref name="key"/>, or -1 when the feature is unknown.</summary>
    public int Find(ulong key)
    {
        int i = SlotOf(key);
        return i < 0 ? -1 : _slots[i].Row;
    }

    /// <summary>
    /// The rows of all <paramref name="keys"/> into <paramref name="rows"/> (-1 for unknown), the same as
    /// <see cref="Find"/> one after another, with the slots of keys a few places ahead prefetched (the table is
    /// larger than the cache: overlapping the misses of independent lookups is what makes a batch faster).
    /// </summary>
    public unsafe void FindAll(ReadOnlySpan<ulong> keys, Span<int> rows)
    {
        const int ahead = 16;
        fixed (Slot* slots = _slots)
        {
            for (int k = 0; k < keys.Length; k++)
            {
                if (Sse.IsSupported && k + ahead < keys.Length) Sse.Prefetch0(slots + ((int)keys[k + ahead] & _mask));
                rows[k] = Find(keys[k]);
            }
        }
    }

    /// <summary>
    /// The slot holding <paramref name="key"/>, or -1. Tables that keep their values inside the slots
    /// (<see cref="NarrowTable"/>) use the same layout, so they need no probing code of their own.
    /// </summary>
    public int SlotOf(ulong key)
    {
        var slots = _slots;
        uint fp = Fingerprint(key);
        int i = (int)key & _mask;
        while (true)
        {
            ref readonly Slot slot = ref slots[i];
            if (slot.Fingerprint == fp) return i;
            if (slot.Fingerprint == 0) return -1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The 32-bit fingerprint stored for a key (never 0, which marks an empty slot).</summary>
    public static uint Fingerprint(ulong key)
    {
        uint fp = (uint)(key >> 32);
        return fp == 0 ? 1u : fp;
    }
}
