using System.Collections.Immutable;
using Parley.Claims;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements;

namespace Parley.Tests.Claims;

public class ClaimStageTests
{
    /// <summary>Runs the rule-based pipeline with its statements replaced by ones the test gives (found by cue text).</summary>
    private static Document Run(string text, params (string Cue, string Content, SpeakerType Type)[] statements)
    {
        var pipeline = ParleyPipeline.CreateRulesBuilder().Replace("quote-attribution", new FixedStatements(statements)).Build();
        return pipeline.Process(text);
    }

    private static Claim[] Claims(Document doc) => doc.Get(ClaimLayers.Claims).ToArray();

    [Fact]
    public void Assertion_in_the_articles_voice_is_unattributed()
    {
        var claim = Assert.Single(Claims(Run("The bridge was closed to traffic for three days.")));
        Assert.Equal(ClaimLabel.Unattributed, claim.Label);
    }

    [Theory]
    [InlineData("The tanker was reportedly hit by a drone near the coast.", "reportedly", "hearsay")]
    [InlineData("The ceasefire appears to be holding in most districts.", "appears to", "appearance")]
    [InlineData("The minister may resign before the end of the week.", "may", "modal")]
    [InlineData("It remains unclear who ordered the strike on the depot.", "It remains unclear", "uncertainty")]
    public void Hedged_assertions_name_their_hedge(string text, string hedge, string category)
    {
        var claim = Assert.Single(Claims(Run(text)));
        Assert.Equal(ClaimLabel.Hedged, claim.Label);
        var term = Assert.Single(claim.Hedges);
        Assert.Equal(hedge, term.Span.GetText(text));
        Assert.Equal(category, term.Category);
    }

    [Fact]
    public void The_month_May_is_not_a_hedge()
    {
        var claim = Assert.Single(Claims(Run("In May the talks resumed after a long break.")));
        Assert.Equal(ClaimLabel.Unattributed, claim.Label);
        Assert.Empty(claim.Hedges);
    }

    [Fact]
    public void Questions_in_the_articles_voice()
    {
        Assert.Equal(ClaimLabel.Question, Assert.Single(Claims(Run("Is the ceasefire already over for good?"))).Label);
    }

    [Theory]
    [InlineData("Read more here.")]
    [InlineData("Photo: the harbour at dawn, taken from the north pier.")]
    [InlineData("KYIV, March 3")]
    public void Fragments_and_boilerplate_are_other(string text)
    {
        Assert.All(Claims(Run(text)), c => Assert.Equal(ClaimLabel.Other, c.Label));
    }

    [Fact]
    public void A_repeated_headline_is_other()
    {
        var claims = Claims(Run("Talks Collapse in Geneva After Walkout\nTalks collapse in Geneva after walkout\n\nThe delegations left on Friday."));
        Assert.Equal(ClaimLabel.Unattributed, claims[0].Label);
        Assert.Equal(ClaimLabel.Other, claims[1].Label);
    }

    [Fact]
    public void Loaded_wording_in_the_articles_voice_is_marked()
    {
        const string text = "The regime slammed the so-called report as a hoax.";
        var claim = Assert.Single(Claims(Run(text)));
        Assert.Equal(new[] { "regime", "slammed", "so-called", "hoax" }, claim.Loaded.Select(t => t.Span.GetText(text)));
    }

    [Fact]
    public void Loaded_words_inside_a_quote_belong_to_the_speaker()
    {
        const string text = "The mayor spoke for an hour. “This regime is a disgrace,” he said.";
        var doc = Run(text, ("said", "This regime is a disgrace,", SpeakerType.Person));
        var claims = Claims(doc);
        Assert.Equal(ClaimLabel.Attributed, claims[1].Label);
        Assert.Equal(new[] { "s1" }, claims[1].Statements);
        Assert.Empty(claims[1].Loaded);
    }

    [Fact]
    public void Sentence_covered_by_a_statement_is_attributed_even_without_the_cue()
    {
        const string text = "“The port will reopen. Every crew is back at work.” That was the message from the harbour master, he said.";
        var doc = Run(text, ("said", "The port will reopen. Every crew is back at work.", SpeakerType.Person));
        Assert.All(Claims(doc), c => Assert.Equal(ClaimLabel.Attributed, c.Label));
    }

    [Fact]
    public void Profile_counts_speakers_kinds_and_labels()
    {
        const string text = "Prices rose sharply in March. Officials said the rise was temporary. Analysts said it may last. Is it over?";
        var doc = Run(text, ("said the rise", "the rise was temporary", SpeakerType.Anonymous), ("said it", "it may last", SpeakerType.Vague));
        var profile = SourcingProfile.Compute(doc);
        Assert.Equal(2, profile.Statements);
        Assert.Equal(1, profile.Anonymous);
        Assert.Equal(1, profile.Vague);
        Assert.Equal(0, profile.Named);
        Assert.Equal(2, profile.ByLabel[ClaimLabel.Attributed]);
        Assert.Equal(1, profile.ByLabel[ClaimLabel.Unattributed]);
        Assert.Equal(1, profile.ByLabel[ClaimLabel.Question]);
        Assert.Equal(1.0 / 3, profile.UnattributedShare, 3);
    }

    /// <summary>Sets statements found by searching the text for the cue and the content.</summary>
    private sealed class FixedStatements((string Cue, string Content, SpeakerType Type)[] statements) : PipelineStage(
        "quote-attribution", [Layers.Sentences, Layers.Tokens, Layers.Quotes], [Layers.Statements])
    {
        public override void Process(Document document, CancellationToken cancellationToken)
        {
            var list = ImmutableArray.CreateBuilder<Statement>();
            int n = 0;
            foreach (var (cue, content, type) in statements)
            {
                int c = document.Text.IndexOf(content, StringComparison.Ordinal);
                int q = document.Text.IndexOf(cue, StringComparison.Ordinal);
                var cueSpan = new TextSpan(q, q + cue.Split(' ')[0].Length);
                list.Add(new Statement
                {
                    Id = $"s{++n}",
                    Kind = StatementKind.Direct,
                    Cue = cueSpan,
                    Content = [new TextSpan(c, c + content.Length)],
                    Speaker = new Speaker { Name = "x", Type = type },
                });
            }
            document.Set(Layers.Statements, list.ToImmutable());
        }
    }
}
