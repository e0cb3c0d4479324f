using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Parley.Learning;

/// <summary>
/// One lookup for two feature tables: the row of a key in <c>first</c> and in <c>second</c> with a single probe
/// (two passes of a tagger that share their local features need one memory access per feature instead of two).
/// The answers are exactly those of <see cref="FeatureTable.Find"/> on each table, including its rare
/// fingerprint collisions: slots are placed by the key's fingerprint, one slot per distinct fingerprint of
/// the two tables' keys, so a fingerprint missing here is missing from both tables (both answer -1), a key
/// stored here gets the rows both tables give it, and any other key with a stored fingerprint (vanishingly
/// rare) asks the two tables themselves.
/// </summary>
internal sealed class PairedFeatureTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly FeatureTable _first, _second;

    private struct Slot
    {
        public ulong Key;   // 0: empty
        public int First;
        public int Second;
    }

    /// <summary>Builds the joint table of <paramref name="first"/> and <paramref name="second"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per load
    public PairedFeatureTable(FeatureTable first, FeatureTable second)
    {
        _first = first;
        _second = second;
        int count = first.Count + second.Count;
        int capacity = 16;
        while (capacity < count * 2) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        Insert(first.Keys);
        Insert(second.Keys);
    }

    private void Insert(ulong[] keys)
    {
        foreach (ulong key in keys)
        {
            uint fingerprint = Fingerprint(key);
            int slot = Home(key);
            bool present = false;
            while (_slots[slot].Key != 0)
            {
                if (Fingerprint(_slots[slot].Key) == fingerprint) { present = true; break; }
                slot = (slot + 1) & _mask;
            }
            if (present) continue;
            _slots[slot] = new Slot { Key = key, First = _first.Find(key), Second = _second.Find(key) };
        }
    }

    /// <summary>
    /// The rows of all <paramref name="keys"/> in the first table into <paramref name="first"/> and in the second
    /// into <paramref name="second"/> (-1 for unknown), prefetching the slots of keys a few places ahead.
    /// </summary>
    public unsafe void FindAll(ReadOnlySpan<ulong> keys, Span<int> first, Span<int> second)
    {
        fixed (Slot* slots = _slots)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (Sse.IsSupported && i + FeatureTable.PrefetchDistance < keys.Length) Sse.Prefetch0(slots + Home(keys[i + FeatureTable.PrefetchDistance]));
                ulong key = keys[i];
                uint fingerprint = Fingerprint(key);
                int slot = Home(key);
                int a = -1, b = -1;
                while (true)
                {
                    ref readonly Slot entry = ref slots[slot];
                    if (entry.Key == 0) break;
                    if (Fingerprint(entry.Key) == fingerprint)
                    {
                        if (entry.Key == key) { a = entry.First; b = entry.Second; }
                        else { a = _first.Find(key); b = _second.Find(key); }
                        break;
                    }
                    slot = (slot + 1) & _mask;
                }
                first[i] = a;
                second[i] = b;
            }
        }
    }

    // Placed by the fingerprint's bits, so all keys sharing a fingerprint share one probe chain.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)(key >> 33) & _mask;

    /// <summary>The fingerprint <see cref="FeatureTable"/> compares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong key) => FeatureTable.Fingerprint(key);
}
