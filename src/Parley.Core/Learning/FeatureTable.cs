using System.Runtime.CompilerServices;

namespace Parley.Learning;

/// <summary>
/// An open-addressing map from a 64-bit feature hash to a dense row index. Read-only after it is
/// built, so one table serves any number of threads; lookups allocate nothing.
/// </summary>
public sealed class FeatureTable
{
    // Key and row side by side: one cache line per probe instead of two.
    private readonly Slot[] _slots;
    private readonly int _mask;

    private struct Slot
    {
        /// <summary>The feature hash; 0 marks an empty slot.</summary>
        public ulong Key;

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
            while (_slots[slot].Key != 0)
            {
                if (_slots[slot].Key == key) throw new ArgumentException($"Duplicate feature key {key:X16}.", nameof(keys));
                slot = (slot + 1) & _mask;
            }
            _slots[slot].Key = key;
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
        while (true)
        {
            ref readonly Slot entry = ref _slots[slot];
            if (entry.Key == key) return entry.Row;
            ulong k = entry.Key;
            if (k == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }
}
