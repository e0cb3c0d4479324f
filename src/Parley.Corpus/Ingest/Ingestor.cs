using System.Diagnostics;
using System.Threading.Channels;
using Parley.Corpus.Store;
using Parley.Pipeline;

namespace Parley.Corpus.Ingest;

/// <summary>Options for <see cref="Ingestor"/>.</summary>
public sealed record IngestOptions
{
    /// <summary>Threads analysing articles (default: one per core).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles per transaction.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>The pipeline (default: <see cref="ParleyPipeline.Default"/>).</summary>
    public TextPipeline? Pipeline { get; init; }
}

/// <summary>Progress, reported after each committed batch.</summary>
public readonly record struct IngestProgress(int Processed, int Added, int Failed, TimeSpan Elapsed)
{
    /// <summary>Items handled per second so far.</summary>
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;
}

/// <summary>What an ingest did.</summary>
public sealed record IngestSummary
{
    /// <summary>New articles.</summary>
    public int Added { get; init; }
    /// <summary>New versions of stored articles.</summary>
    public int Updated { get; init; }
    /// <summary>Already stored; skipped.</summary>
    public int Duplicates { get; init; }
    /// <summary>Added or updated articles linked as near-duplicates (wire copies) of earlier ones.</summary>
    public int NearDuplicates { get; init; }
    /// <summary>Items that could not be read or analysed, with reasons.</summary>
    public IReadOnlyList<IngestFailure> Failures { get; init; } = [];
    /// <summary>Statements stored.</summary>
    public int Statements { get; init; }
    /// <summary>Files in folders skipped for their extension.</summary>
    public int Ignored { get; init; }
    /// <summary>Time the writer spent committing batches (the rest is reading and analysis, which overlap it).</summary>
    public TimeSpan WriteTime { get; init; }
    /// <summary>Wall time.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>Articles handled (added, updated, duplicate) per second.</summary>
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? (Added + Updated + Duplicates) / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads inputs, analyses articles in parallel and writes them through one writer in batched
/// transactions: a reader feeds a bounded channel, <see cref="IngestOptions.Workers"/> threads run the
/// pipeline, and the writer commits results in input order. A crash loses at most the batch in flight;
/// a re-run skips what was committed (same content hash) without analysing it again.
/// </summary>
public sealed class Ingestor(ICorpusStore store, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Ingests every item of <paramref name="reader"/> over <paramref name="paths"/>.</summary>
    public IngestSummary Run(InputReader reader, IEnumerable<string> paths, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Run(reader.Read(paths), progress, cancellationToken) with { Ignored = reader.Ignored };

    /// <summary>Ingests <paramref name="items"/>.</summary>
    public IngestSummary Run(IEnumerable<InputItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var pipeline = _options.Pipeline ?? ParleyPipeline.Default;
        var known = new HashSet<string>(store.KnownContentHashes(), StringComparer.Ordinal);
        int workers = Math.Max(1, _options.Workers);
        var inputs = Channel.CreateBounded<(long Seq, InputItem Item)>(new BoundedChannelOptions(workers * 16) { SingleWriter = true });
        var outputs = Channel.CreateBounded<(long Seq, Result Result)>(new BoundedChannelOptions(workers * 32) { SingleReader = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancel.Token;

        var producer = Task.Run(async () =>
        {
            try
            {
                long seq = 0;
                foreach (var item in items)
                {
                    await inputs.Writer.WriteAsync((seq++, item), token).ConfigureAwait(false);
                }
                inputs.Writer.Complete();
            }
            catch (Exception e)
            {
                inputs.Writer.Complete(e);
            }
        }, token);

        var analysers = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (seq, item) in inputs.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await outputs.Writer.WriteAsync((seq, Analyse(item, pipeline, known, token)), token).ConfigureAwait(false);
            }
        }, token)).ToArray();
        var closer = Task.WhenAll(analysers).ContinueWith(t => outputs.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        var watch = Stopwatch.StartNew();
        int added = 0, updated = 0, duplicates = 0, near = 0, statements = 0, processed = 0;
        var writeTime = TimeSpan.Zero;
        var failures = new List<IngestFailure>();
        var batch = new List<AnalyzedArticle>(_options.BatchSize);
        var pending = new SortedDictionary<long, Result>();
        long nextSeq = 0;
        // Hashes written in this run, so an identical article later in the same batch counts as a duplicate too.
        var seenThisRun = new HashSet<string>(StringComparer.Ordinal);

        void Flush()
        {
            if (batch.Count == 0) return;
            long writeStart = Stopwatch.GetTimestamp();
            var results = store.Write(batch);
            writeTime += Stopwatch.GetElapsedTime(writeStart);
            for (int i = 0; i < results.Count; i++)
            {
                switch (results[i].Outcome)
                {
                    case IngestOutcome.Added: added++; statements += batch[i].Statements.Count; break;
                    case IngestOutcome.Updated: updated++; statements += batch[i].Statements.Count; break;
                    default: duplicates++; break;
                }
                if (results[i].NearDuplicate) near++;
            }
            batch.Clear();
            progress?.Report(new IngestProgress(processed, added + updated, failures.Count, watch.Elapsed));
        }

        try
        {
            foreach (var (seq, result) in outputs.Reader.ReadAllAsync(token).ToBlockingEnumerable(token))
            {
                pending[seq] = result;
                // Write in input order so a run is deterministic and a re-run after a crash matches a clean run.
                while (pending.Remove(nextSeq, out var next))
                {
                    nextSeq++;
                    processed++;
                    if (next.Failure is { } failure) failures.Add(failure);
                    else if (next.Known || !seenThisRun.Add(next.Article!.ContentHash)) duplicates++;
                    else batch.Add(next.Article!);
                    if (batch.Count >= _options.BatchSize) Flush();
                    else if (processed % 50 == 0) progress?.Report(new IngestProgress(processed, added + updated + batch.Count, failures.Count, watch.Elapsed));
                }
            }
            Flush();
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            try { Task.WaitAll([producer, closer, .. analysers]); } catch (AggregateException) when (token.IsCancellationRequested) { }
        }
        producer.GetAwaiter().GetResult();
        closer.GetAwaiter().GetResult();

        return new IngestSummary
        {
            Added = added, Updated = updated, Duplicates = duplicates, NearDuplicates = near, Failures = failures,
            Statements = statements, Elapsed = watch.Elapsed, WriteTime = writeTime,
        };
    }

    private static Result Analyse(InputItem item, TextPipeline pipeline, HashSet<string> known, CancellationToken token)
    {
        if (item.Failure is { } failure) return new Result(null, failure, false);
        var raw = item.Article!;
        try
        {
            string hash = ArticleAnalyzer.HashOf(raw.Text);
            // Known content is not analysed again: that is what makes a re-run after a crash cheap.
            lock (known)
            {
                if (known.Contains(hash)) return new Result(null, null, true);
            }
            var analysed = ArticleAnalyzer.Analyze(raw, pipeline, token);
            return new Result(analysed, null, false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bad article never stops the ingest: it is reported with its reason.
            string reason = e is Text.InputRejectedException ? e.Message : $"analysis failed ({e.GetType().Name}: {e.Message.Split('\n')[0]})";
            return new Result(null, new IngestFailure(raw.Origin, reason), false);
        }
    }

    private sealed record Result(AnalyzedArticle? Article, IngestFailure? Failure, bool Known);
}
