using System.Runtime.CompilerServices;

namespace Parley.Learning;

/// <summary>
/// An open-addressing map from a 64-bit feature hash to a dense row index. Read-only after it is
/// built, so one table serves any number of threads; lookups allocate nothing.
/// </summary>
public sealed class FeatureTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    /// <summary>Builds a table whose row <c>i</c> is <paramref name="keys"/>[i]. Keys must be distinct and non-zero.</summary>
    public FeatureTable(ReadOnlySpan<ulong> keys)
    {
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1; // load factor <= 0.5 keeps probes short
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        Keys = keys.ToArray();
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i];
            if (key == 0) throw new ArgumentException("Feature key 0 is reserved.", nameof(keys));
            int slot = (int)(key & (ulong)_mask);
            while (_keys[slot] != 0)
            {
                if (_keys[slot] == key) throw new ArgumentException($"Duplicate feature key {key:X16}.", nameof(keys));
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            _rows[slot] = i;
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
            ulong k = _keys[slot];
            if (k == key) return _rows[slot];
            if (k == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }
}
