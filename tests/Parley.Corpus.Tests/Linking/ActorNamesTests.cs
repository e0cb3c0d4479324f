using Parley.Corpus.Linking;
using Parley.Statements;

namespace Parley.Corpus.Tests.Linking;

public sealed class ActorNamesTests
{
    [Theory]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Zelensky", "Zelenskiy")]
    [InlineData("Zelenskyy", "Zelenskij")]
    [InlineData("Aksyonov", "Aksenov")]
    [InlineData("Kiev", "Kyiv")]
    [InlineData("Yevgeny", "Evgeny")]
    [InlineData("Müller", "Muller")]
    [InlineData("Khrushchev", "Khrushchyov")]
    [InlineData("Alexei", "Aleksei")]
    public void SpellingVariantsShareAKey(string a, string b) => Assert.Equal(ActorNames.VariantKey(a), ActorNames.VariantKey(b));

    [Theory]
    [InlineData("Stein", "Stone")]
    [InlineData("Johnson", "Jackson")]
    [InlineData("Putin", "Pushkin")]
    [InlineData("Biden", "Baden")]
    public void DifferentNamesKeepDifferentKeys(string a, string b) => Assert.NotEqual(ActorNames.VariantKey(a), ActorNames.VariantKey(b));

    [Fact]
    public void TitlesBecomeTheRole()
    {
        var mention = ActorNames.Person("President Volodymyr Zelenskyy")!;
        Assert.Equal("Volodymyr Zelenskyy", mention.Name);
        Assert.Equal("President", mention.Role);
        Assert.Equal(ActorNames.Person("Volodymyr Zelensky")!.Key, mention.Key);
        Assert.False(mention.SurnameOnly);
    }

    [Fact]
    public void PronounsAndBareTitlesAreNotActors()
    {
        Assert.Null(ActorNames.Person("he"));
        Assert.Null(ActorNames.Person("President"));
        Assert.Null(ActorNames.FromSpeaker(new Speaker { Name = "officials", Type = SpeakerType.Vague }));
    }

    [Fact]
    public void SurnameAttachesOnlyToAFullNameInTheSameArticle()
    {
        var full = ActorNames.Person("Boris Johnson")!;
        var surname = ActorNames.Person("Johnson")!;
        Assert.True(surname.SurnameOnly);

        var withFull = ActorNames.ResolveArticle([full, surname]);
        Assert.Equal(full.Key, withFull[1].Key);

        var alone = ActorNames.ResolveArticle([surname]);
        Assert.StartsWith("s:", alone[0].Key);
        Assert.NotEqual(full.Key, alone[0].Key);
    }

    [Fact]
    public void TwoFullNamesWithTheSurnameLeaveTheSurnameUnresolved()
    {
        var resolved = ActorNames.ResolveArticle([ActorNames.Person("Boris Johnson")!, ActorNames.Person("Dustin Johnson")!, ActorNames.Person("Johnson")!]);
        Assert.StartsWith("s:", resolved[2].Key);
        Assert.NotEqual(resolved[0].Key, resolved[1].Key);
    }

    [Fact]
    public void InitialMustMatch()
    {
        var resolved = ActorNames.ResolveArticle([ActorNames.Person("Boris Johnson")!, ActorNames.Person("D. Johnson")!]);
        Assert.StartsWith("s:", resolved[1].Key);
        resolved = ActorNames.ResolveArticle([ActorNames.Person("Boris Johnson")!, ActorNames.Person("B. Johnson")!]);
        Assert.Equal(resolved[0].Key, resolved[1].Key);
    }

    [Fact]
    public void OrganisationsDropTheArticle()
    {
        Assert.Equal(ActorNames.Organization("the Kremlin")!.Key, ActorNames.Organization("Kremlin")!.Key);
        Assert.Equal("Kremlin", ActorNames.Organization("the Kremlin")!.Name);
    }
}

public sealed class ActorNameCleanupTests
{
    [Theory]
    [InlineData("presidential candidate Donald Trump", "Donald Trump")]
    [InlineData("When Trump", "Trump")]
    [InlineData("A defensive Obama", "Obama")]
    [InlineData("younger Mr. Trump", "Trump")]
    [InlineData("Foreign Minister Sergei Lavrov", "Sergei Lavrov")]
    [InlineData("President Ursula von der Leyen", "Ursula von der Leyen")]
    public void LeadingWordsThatAreNotTheNameAreDropped(string written, string name) =>
        Assert.Equal(name, ActorNames.Person(written)!.Name);

    [Fact]
    public void ClausesAreNotRoles()
    {
        Assert.Equal("transport minister", ActorNames.PlausibleRole(" transport minister, "));
        Assert.Null(ActorNames.PlausibleRole("Ryan and RNC Chairman Reince Priebus have spent the last week trying to tell"));
    }

    [Fact]
    public void HonorificsAreNotRoles()
    {
        Assert.Null(ActorNames.Person("Mr. Trump")!.Role);
        Assert.Equal("Foreign Minister", ActorNames.Person("Foreign Minister Sergei Lavrov")!.Role);
    }
}
