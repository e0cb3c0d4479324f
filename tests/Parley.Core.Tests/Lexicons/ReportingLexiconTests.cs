using Parley.Lexicons;

namespace Parley.Tests.Lexicons;

public sealed class ReportingLexiconTests
{
    [Theory]
    [InlineData("said", "say")]
    [InlineData("Says", "say")]
    [InlineData("told", "tell")]
    [InlineData("insisted", "insist")]
    [InlineData("pointed", "point out")]
    public void Finds_inflected_forms(string form, string lemma)
    {
        Assert.True(ReportingLexicon.Default.TryGetVerb(form, out var verb));
        Assert.Equal(lemma, verb.Lemma);
    }

    [Fact]
    public void Phrasal_verbs_carry_their_particle()
    {
        Assert.True(ReportingLexicon.Default.TryGetVerb("pointed", out var verb));
        Assert.Equal("out", verb.Particle);
    }

    [Fact]
    public void Gerunds_and_other_words_are_not_cues()
    {
        Assert.False(ReportingLexicon.Default.TryGetVerb("saying", out _));
        Assert.False(ReportingLexicon.Default.TryGetVerb("table", out _));
        Assert.True(ReportingLexicon.Default.FormCount > 300);
        Assert.Equal("source_prep", ReportingLexicon.Default.Cues["according to"]);
    }
}
