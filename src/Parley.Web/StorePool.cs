using System.Collections.Concurrent;
using Parley.Corpus.Store;

namespace Parley.Web;

/// <summary>
/// A fixed set of read connections to the corpus (an <see cref="SqliteCorpusStore"/> is one connection and
/// not thread-safe), so requests query in parallel; plus one writer for ingest, used one request at a time.
/// SQLite in WAL mode lets the readers go on while the writer commits.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly ConcurrentBag<ICorpusStore> _idle = [];
    private readonly List<ICorpusStore> _all = [];
    private readonly SemaphoreSlim _available;
    private readonly SemaphoreSlim _writerLock = new(1, 1);
    private readonly Lazy<ICorpusStore> _writer;
    private int _generation;

    /// <summary>How much of the file read connections map into memory (1 GiB; the corpus of 10,000 articles is 144 MB).</summary>
    public const long MemoryMapBytes = 1L << 30;

    /// <summary>Opens <paramref name="connections"/> read connections to <paramref name="path"/>.</summary>
    /// <exception cref="CorpusStoreException">The file is missing, not a Parley corpus, corrupt, or locked.</exception>
    public StorePool(string path, int connections)
    {
        Path = path;
        try
        {
            for (int i = 0; i < Math.Max(1, connections); i++)
            {
                var store = SqliteCorpusStore.Open(path, create: false);
                _all.Add(store);
                store.UseMemoryMap(MemoryMapBytes);
                _idle.Add(store);
            }
            // Opening is cheap, but a corrupt file only shows when it is read: read it once now.
            _ = _all[0].Stats();
        }
        catch
        {
            foreach (var store in _all) store.Dispose();
            throw;
        }
        _available = new SemaphoreSlim(_all.Count, _all.Count);
        _writer = new Lazy<ICorpusStore>(() => SqliteCorpusStore.Open(path, create: false), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Bumped after every write, so caches of query results can tell they are stale.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Runs <paramref name="query"/> on a free read connection (waiting for one when all are busy).</summary>
    public async Task<T> ReadAsync<T>(Func<ICorpusStore, T> query, CancellationToken cancellationToken = default)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_idle.TryTake(out var store))
        {
            _available.Release();
            throw new InvalidOperationException("store pool is inconsistent");
        }
        try
        {
            return query(store);
        }
        finally
        {
            _idle.Add(store);
            _available.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the writer, one at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<ICorpusStore, T> write, CancellationToken cancellationToken = default)
    {
        await _writerLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return write(_writer.Value);
        }
        finally
        {
            Interlocked.Increment(ref _generation);
            _writerLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var store in _all) store.Dispose();
        if (_writer.IsValueCreated) _writer.Value.Dispose();
        _available.Dispose();
        _writerLock.Dispose();
    }
}
