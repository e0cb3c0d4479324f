namespace Parley.Web;

/// <summary>
/// A small least-recently-used cache of analysed documents as JSON (UTF-8), keyed by store id and content hash: an
/// article's layers are computed again from its stored text on first view, then served from here.
/// </summary>
public sealed class DocumentCache(int capacity) : LruCache<byte[]>(capacity);

/// <summary>Serialised answers of <c>GET /api/statements</c>, keyed by the search, the page and the store's write generation.</summary>
public sealed class SearchCache(int capacity) : LruCache<byte[]>(capacity);

/// <summary>Totals and facets of statement searches, keyed by the search (without the page) and the write generation.</summary>
public sealed class FacetCache(int capacity) : LruCache<(long Total, Parley.Corpus.Queries.StatementFacets Facets)>(capacity);

/// <summary>A least-recently-used cache by string key; thread-safe.</summary>
public abstract class LruCache<TValue>(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Json)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Json)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>How many entries the cache holds at most.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get { lock (_lock) return _map.Count; }
    }

    /// <summary>The cached value for <paramref name="key"/>; a hit becomes the most recently used.</summary>
    public bool TryGet(string key, out TValue value)
    {
        lock (_lock)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                value = default!;
                return false;
            }
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Json;
            return true;
        }
    }

    /// <summary>Stores <paramref name="json"/>, evicting the least recently used entry when full.</summary>
    public void Put(string key, TValue json)
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
