namespace Parley.Web;

/// <summary>
/// A small least-recently-used cache of analysed documents as JSON (UTF-8), keyed by content hash: an article's
/// layers are computed again from its stored text on first view, then served from here.
/// </summary>
public sealed class DocumentCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, byte[] Json)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, byte[] Json)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>How many entries the cache holds at most.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get { lock (_lock) return _map.Count; }
    }

    /// <summary>The cached JSON for <paramref name="key"/>, or null; a hit becomes the most recently used.</summary>
    public byte[]? Get(string key)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node)) return null;
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Json;
        }
    }

    /// <summary>Stores <paramref name="json"/>, evicting the least recently used entry when full.</summary>
    public void Put(string key, byte[] json)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }
            var node = _order.AddFirst((key, json));
            _map[key] = node;
            while (_map.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
