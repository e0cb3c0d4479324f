using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;
using Parley.Statements.Attribution;
using Parley.Statements.Quotes;
using Parley.Tests.Specs;

namespace Parley.Tests.Statements.Attribution;

public sealed class QuoteAttributionTests
{
    [Fact]
    public void Stage_declares_its_inputs_and_outputs()
    {
        var stage = new QuoteAttributionStage();
        Assert.Contains(Layers.Quotes, stage.Requires);
        Assert.Contains(Layers.Tokens, stage.Requires);
        Assert.Equal([Layers.Statements], stage.Produces);
        // Without the quote stage the pipeline must not build.
        Assert.Throws<InvalidOperationException>(() => ParleyPipeline.CreateRulesBuilder().Remove("quotes").Build());
        Assert.Throws<InvalidOperationException>(() => ParleyPipeline.CreateDefaultBuilder().Remove("quotes").Build());
    }

    [Fact]
    public void Stage_can_be_replaced_by_name()
    {
        var pipeline = ParleyPipeline.CreateRulesBuilder().Replace("quote-attribution", new QuoteAttributionStage()).Build();
        Assert.Single(pipeline.Process("\u201CWe will stay here for the winter,\u201D the mayor said.").Statements);
    }

    [Theory]
    [InlineData("The dockers\u2019 union said: \u201CWe will strike on Monday.\u201D", "The dockers\u2019 union")]
    [InlineData("\u201CWe will strike on Monday,\u201D the dockers\u2019 union said.", "the dockers\u2019 union")]
    [InlineData("\u201CWages must rise,\u201D said the workers' council.", "the workers' council")]
    public void A_plural_possessive_apostrophe_stays_inside_the_source(string text, string source)
    {
        var statement = Assert.Single(ParleyPipeline.Get("rules").Process(text).Statements);
        Assert.Equal(source, statement.Source?.GetText(text));
        Assert.Equal(SpeakerType.Organization, statement.Speaker?.Type);
    }

    [Fact]
    public void Every_span_of_every_spec_case_maps_back_to_the_input()
    {
        foreach (var path in Directory.GetFiles(SpecFile.Folder, "*.spec.md"))
            foreach (var spec in SpecFile.Parse(path))
            {
                var document = ParleyPipeline.Default.Process(spec.Input);
                SpanInvariants.AssertQuotes(document);
                SpanInvariants.AssertStatements(document);
                foreach (var statement in document.Statements)
                {
                    if (statement.Cue is { } cue)
                    {
                        var cueText = cue.GetText(spec.Input);
                        Assert.True(cueText is ":" || cueText.Length == 1 && QuoteMarks.IsDash(cueText[0]) || char.IsLetter(cueText[0]), $"odd cue '{cueText}'");
                    }
                    if (statement.Kind == StatementKind.Direct && statement.QuoteIndex >= 0)
                    {
                        // A direct statement's content is quote content with its marks (PolNeAR's convention): every piece
                        // is one paragraph of a speech quote, and a split quote gives one piece per part.
                        foreach (var piece in statement.Content)
                        {
                            var inner = document.Quotes.Where(q => q.IsSpeech && q.Depth == 0).SelectMany(q => q.Content).Where(c => piece.Contains(c)).ToList();
                            Assert.True(inner.Count == 1, $"content piece '{piece.GetText(spec.Input)}' holds {inner.Count} quote paragraphs");
                            var extra = spec.Input[piece.Start..inner[0].Start] + spec.Input[inner[0].End..piece.End];
                            Assert.True(extra.All(c => Parley.Text.Tokenizer.IsQuoteMark(c) || char.IsWhiteSpace(c)), $"content adds '{extra}'");
                        }
                    }
                }
            }
    }

    [Fact]
    public void Random_texts_never_break_attribution()
    {
        int statements = RandomText.CheckMany(seed: 7, maxPieces: 120, SpanInvariants.AssertStatements, d => d.Statements.Length);
        Assert.True(statements >= 30, $"the random texts should exercise the rules ({statements} statements)");
    }

    [Fact]
    public void Speaker_types_follow_the_source_phrase()
    {
        Assert.Equal(SpeakerType.Anonymous, TypeOf("\u201CThe talks will resume in May,\u201D a senior official said."));
        Assert.Equal(SpeakerType.Vague, TypeOf("\u201CThe talks will resume in May,\u201D experts say."));
        Assert.Equal(SpeakerType.Organization, TypeOf("\u201CThe talks will resume in May,\u201D the Defence Department said."));
        Assert.Equal(SpeakerType.Person, TypeOf("\u201CThe talks will resume in May,\u201D Maria Olsen said."));
    }

    private static SpeakerType? TypeOf(string text) => Assert.Single(ParleyPipeline.Default.Process(text).Statements).Speaker?.Type;
}
