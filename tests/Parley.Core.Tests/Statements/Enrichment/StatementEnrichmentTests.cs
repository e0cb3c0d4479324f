using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;
using Parley.Statements.Attribution;
using Parley.Statements.Channels;
using Parley.Statements.Enrichment;

namespace Parley.Tests.Statements.Enrichment;

/// <summary>The default pipeline's statement post-processing: channels, kinds from spans and the merge with the quote rules.</summary>
public sealed class StatementEnrichmentTests
{
    private static Document Run(string text) => ParleyPipeline.Default.Process(text);

    private static Statement Single(string text) => Assert.Single(Run(text).Statements);

    [Fact]
    public void Stages_declare_their_inputs_and_outputs()
    {
        Assert.Contains(Layers.Statements, new ChannelStage().Requires);
        Assert.Equal([Layers.Statements], new ChannelStage().Produces);
        Assert.Contains(Layers.Quotes, new StatementKindStage().Requires);
        Assert.Contains(Layers.Quotes, new StatementMergeStage().Requires);
        var names = ParleyPipeline.CreateDefaultBuilder().Build().Stages.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf("statement-tagger") < names.IndexOf("statement-merge"));
        Assert.True(names.IndexOf("statement-merge") < names.IndexOf("statement-kinds"));
        Assert.True(names.IndexOf("speakers") < names.IndexOf("channels"));
        Assert.True(names.IndexOf("channels") < names.IndexOf("claims"));
    }

    [Fact]
    public void Rules_pipeline_keeps_the_rule_based_attribution()
    {
        var names = ParleyPipeline.Get("rules").Stages.Select(s => s.Name).ToList();
        Assert.Contains("quote-attribution", names);
        Assert.DoesNotContain("statement-tagger", names);
        Assert.Contains("rules", ParleyPipeline.Names);
        Assert.NotSame(ParleyPipeline.Default, ParleyPipeline.Get("rules"));
        Assert.Same(ParleyPipeline.Default, ParleyPipeline.Get("full"));
    }

    [Theory]
    [InlineData("Anna Berg said at a news conference that the port would reopen.", "a news conference", ChannelKind.PressConference)]
    [InlineData("Anna Berg said in a written statement that the port would reopen.", "a written statement", ChannelKind.Statement)]
    [InlineData("Anna Berg posted on Instagram that the port would reopen.", "Instagram", ChannelKind.SocialMedia)]
    [InlineData("Anna Berg told the BBC that the port would reopen.", "BBC", ChannelKind.Interview)]
    public void Channel_phrases_name_the_medium(string text, string name, ChannelKind kind)
    {
        var channel = Single(text).Channel;
        Assert.NotNull(channel);
        Assert.Equal(name, channel.Name);
        Assert.Equal(kind, channel.Kind);
        Assert.Equal(name, channel.Span?.GetText(text));
    }

    [Fact]
    public void Outlet_channel_points_at_its_entity()
    {
        const string text = "Sergei Lavrov said in an interview with TASS that Moscow was ready to talk.";
        var document = Run(text);
        var channel = Assert.Single(document.Statements).Channel;
        Assert.NotNull(channel?.Entity);
        var entity = document.Get(Parley.Entities.Resolution.CoreferenceLayers.Entities).Single(e => e.Id == channel.Entity);
        Assert.Equal("TASS", entity.Name);
    }

    [Theory]
    // A channel phrase inside what was said belongs to the speaker.
    [InlineData("Anna Berg said that the minister had lied at a press conference.")]
    // "told" a person is not an interview.
    [InlineData("Anna Berg told Peter Holm that the port would reopen.")]
    // "on X" without a verb of posting is not the platform.
    [InlineData("Anna Berg said the tax on X-rays would rise.")]
    public void No_channel_where_the_phrase_is_not_the_statements_medium(string text)
    {
        var statement = Single(text);
        Assert.Null(statement.Channel);
    }

    [Theory]
    [InlineData("Prices will rise again next year, the minister says.", StatementKind.AccordingTo)]
    [InlineData("The minister says prices will rise again next year.", StatementKind.Indirect)]
    [InlineData("The minister fears that prices will rise again next year.", StatementKind.Belief)]
    [InlineData("The minister said prices would rise by a \u201Cpainful\u201D amount next year.", StatementKind.Mixed)]
    public void Kind_follows_from_the_spans(string text, StatementKind kind) => Assert.Equal(kind, Single(text).Kind);

    [Fact]
    public void A_repeated_headline_gives_no_second_statement()
    {
        const string text = "Mayor says port will reopen\nMayor Says Port Will Reopen\n\nThe mayor said on Monday that the port would reopen in May.";
        var document = Run(text);
        foreach (var statement in document.Statements)
            Assert.DoesNotContain(document.Headlines.Where(h => h.IsDuplicate), h => statement.Content.Any(c => c.Overlaps(h.Span)));
    }

    [Fact]
    public void Merge_adds_a_quote_the_tagger_left_out_and_keeps_contents_disjoint()
    {
        var tagged = System.Collections.Immutable.ImmutableArray<Statement>.Empty;
        const string text = "\u201CWe will stay,\u201D the mayor said.";
        var document = ParleyPipeline.Get("rules").Process(text);
        var rules = document.Statements;
        var merged = StatementMergeStage.Merge(document, tagged, rules, []);
        var statement = Assert.Single(merged);
        Assert.Equal("said", statement.Cue?.GetText(text));
        Assert.Equal("s1", statement.Id);
        // The same rule statement twice is one statement: text is said once.
        Assert.Single(StatementMergeStage.Merge(document, rules, rules, []));
    }
}
