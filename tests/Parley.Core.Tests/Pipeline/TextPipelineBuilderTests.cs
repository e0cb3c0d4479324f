using System.Collections.Immutable;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Text;

namespace Parley.Tests.Pipeline;

public class TextPipelineBuilderTests
{
    [Fact]
    public void A_stage_whose_input_is_missing_fails_at_build_time()
    {
        var builder = TextPipeline.CreateBuilder().Use(new SentenceStage());
        var e = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("'sentences' requires layer 'paragraphs'", e.Message);
    }

    [Fact]
    public void Default_pipeline_declares_every_layer_it_sets()
    {
        var pipeline = ParleyPipeline.Default;
        var doc = pipeline.Process("Headline\n\nSome text. More text.");
        foreach (var layer in pipeline.Produces) Assert.True(doc.Has(layer), layer.Name);
    }

    [Fact]
    public void Replace_swaps_a_stage_by_name()
    {
        var marker = new MarkerStage();
        var pipeline = ParleyPipeline.CreateDefaultBuilder().Replace("quotes", marker).Build();
        pipeline.Process("Text “with a quote in it” here.");
        Assert.Equal(1, marker.Calls);
    }

    [Fact]
    public void Layers_are_set_once()
    {
        var doc = new Document("x");
        doc.Set(Layers.Tokens, ImmutableArray<Token>.Empty);
        Assert.Throws<InvalidOperationException>(() => doc.Set(Layers.Tokens, ImmutableArray<Token>.Empty));
    }

    [Fact]
    public void One_pipeline_serves_many_threads_with_the_same_results()
    {
        var texts = Enumerable.Range(0, 64).Select(i =>
            $"Report {i} Says Talks Continue\n\n“We will meet again on day {i},” the minister said. Mr. Lee agreed.\n\nThe U.S. delegation left.").ToArray();
        var pipeline = ParleyPipeline.Default;
        string Summary(Document d) => string.Join(";", d.Sentences.Select(s => s.Span)) + "|" + string.Join(";", d.Tokens.Select(t => t.Span));
        var sequential = texts.Select(t => Summary(pipeline.Process(t))).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Summary(pipeline.Process(texts[i])));
        Assert.Equal(sequential, parallel);
    }

    private sealed class MarkerStage : PipelineStage
    {
        public MarkerStage() : base("quotes", [Layers.Paragraphs], [Layers.Quotes]) { }

        public int Calls { get; private set; }

        public override void Process(Document document, CancellationToken cancellationToken)
        {
            Calls++;
            document.Set(Layers.Quotes, ImmutableArray<Parley.Statements.Quote>.Empty);
        }
    }
}
