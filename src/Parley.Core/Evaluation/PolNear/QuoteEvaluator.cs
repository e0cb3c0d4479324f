using System.Collections.Immutable;
using System.Diagnostics;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements.Quotes;

namespace Parley.Evaluation.PolNear;

/// <summary>A miss, for inspection: the article, the span and its text.</summary>
/// <param name="Article">Article name.</param>
/// <param name="Span">The missed gold content or the unmatched detected quote.</param>
/// <param name="Text">Its text.</param>
public sealed record QuoteMiss(string Article, TextSpan Span, string Text);

/// <summary>The quote-detection numbers on PolNeAR.</summary>
public sealed record QuoteEvaluation
{
    /// <summary>Articles evaluated.</summary>
    public int Articles { get; init; }

    /// <summary>Characters of text processed.</summary>
    public long Characters { get; init; }

    /// <summary>Gold Content annotations that contain a quotation mark.</summary>
    public int GoldQuoted { get; init; }

    /// <summary>Of those, how many overlap a detected quote.</summary>
    public int GoldQuotedFound { get; init; }

    /// <summary>Of the gold quoted contents, how many overlap a detected quote that is speech (not a scare quote or title).</summary>
    public int GoldQuotedFoundBySpeech { get; init; }

    /// <summary>Detected speech quotes.</summary>
    public int DetectedSpeech { get; init; }

    /// <summary>Of those, how many overlap a gold Content annotation.</summary>
    public int DetectedSpeechInGold { get; init; }

    /// <summary>Wall-clock time spent in the pipeline (the first run, so JIT compilation included).</summary>
    public TimeSpan PipelineTime { get; init; }

    /// <summary>Processor time of the whole evaluation, all threads; less sensitive than wall time to a busy machine.</summary>
    public TimeSpan CpuTime { get; init; }

    /// <summary>Gold quoted contents no detected quote overlaps.</summary>
    public ImmutableArray<QuoteMiss> MissedGold { get; init; } = [];

    /// <summary>Detected speech quotes outside every gold content.</summary>
    public ImmutableArray<QuoteMiss> UnmatchedDetections { get; init; } = [];

    /// <summary>Share of gold quoted contents found (recall), 0 when there are none.</summary>
    public double Recall => GoldQuoted == 0 ? 0 : (double)GoldQuotedFound / GoldQuoted;

    /// <summary>Share of detected speech quotes inside gold content (precision), 0 when there are none.</summary>
    public double Precision => DetectedSpeech == 0 ? 0 : (double)DetectedSpeechInGold / DetectedSpeech;
}

/// <summary>
/// Measures quote detection against PolNeAR: of the gold Content spans that contain a quotation mark, the
/// share that overlaps a detected quote; and of the detected speech quotes, the share that overlaps a gold
/// Content span.
/// </summary>
public static class QuoteEvaluator
{
    /// <summary>Runs <paramref name="pipeline"/> over every article and compares.</summary>
    public static QuoteEvaluation Evaluate(IEnumerable<PolNearArticle> articles, TextPipeline pipeline, CancellationToken cancellationToken = default)
    {
        int articleCount = 0, goldQuoted = 0, goldFound = 0, goldFoundBySpeech = 0, detected = 0, detectedInGold = 0;
        long characters = 0;
        var missed = ImmutableArray.CreateBuilder<QuoteMiss>();
        var unmatched = ImmutableArray.CreateBuilder<QuoteMiss>();
        var clock = new Stopwatch();
        var goldContents = new List<TextSpan>();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            articleCount++;
            characters += article.Text.Length;
            clock.Start();
            var document = pipeline.Process(article.Text, new DocumentMetadata { Id = article.Name }, cancellationToken);
            clock.Stop();
            var quotes = document.Quotes;

            goldContents.Clear();
            foreach (var content in article.Contents)
            {
                goldContents.AddRange(content.Spans);
                if (!ContainsQuotationMark(article.Text, content.Spans)) continue;
                goldQuoted++;
                if (OverlapsAnyQuote(content.Spans, quotes, speechOnly: true)) goldFoundBySpeech++;
                if (OverlapsAnyQuote(content.Spans, quotes, speechOnly: false)) goldFound++;
                else missed.Add(new QuoteMiss(article.Name, Cover(content.Spans), Cover(content.Spans).GetText(article.Text)));
            }
            foreach (var quote in quotes)
            {
                if (!quote.IsSpeech) continue;
                detected++;
                if (Overlaps(goldContents, quote.Extent)) detectedInGold++;
                else unmatched.Add(new QuoteMiss(article.Name, quote.Extent, quote.Extent.GetText(article.Text)));
            }
        }
        return new QuoteEvaluation
        {
            Articles = articleCount,
            Characters = characters,
            GoldQuoted = goldQuoted,
            GoldQuotedFound = goldFound,
            GoldQuotedFoundBySpeech = goldFoundBySpeech,
            DetectedSpeech = detected,
            DetectedSpeechInGold = detectedInGold,
            PipelineTime = clock.Elapsed,
            CpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpuStart,
            MissedGold = missed.ToImmutable(),
            UnmatchedDetections = unmatched.ToImmutable(),
        };
    }

    /// <summary>True when a fragment holds a quotation mark used as such (apostrophes do not count).</summary>
    public static bool ContainsQuotationMark(string text, ImmutableArray<TextSpan> spans)
    {
        foreach (var span in spans)
            for (int i = span.Start; i < span.End; i++)
                if (QuoteMarks.IsMark(text[i]) && QuoteMarks.IsQuotationUse(text, i)) return true;
        return false;
    }

    private static bool OverlapsAnyQuote(ImmutableArray<TextSpan> spans, ImmutableArray<Statements.Quote> quotes, bool speechOnly)
    {
        foreach (var quote in quotes)
        {
            if (speechOnly && !quote.IsSpeech) continue;
            foreach (var span in spans)
                if (span.Overlaps(quote.Extent)) return true;
        }
        return false;
    }

    private static bool Overlaps(List<TextSpan> spans, TextSpan span)
    {
        foreach (var s in spans) if (s.Overlaps(span)) return true;
        return false;
    }

    private static TextSpan Cover(ImmutableArray<TextSpan> spans) => spans[0].Union(spans[^1]);
}
