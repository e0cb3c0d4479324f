using Parley.Corpus.Linking;

namespace Parley.Corpus.Tests.Linking;

public sealed class SimilarityTests
{
    private const string Wire = "Talks between the two delegations resumed in Geneva on Friday after a three week pause, " +
        "with both sides saying they hoped to agree a ceasefire framework before the end of the month. Officials said " +
        "the agenda included prisoner exchanges, humanitarian corridors and the return of displaced families to their homes. " +
        TestData.WireParagraph;

    [Fact]
    public void NormalizeFoldsQuotesCaseAndPunctuation() =>
        Assert.Equal("we will not give up an inch", TextFolding.Normalize("“We will NOT give up — an inch!”"));

    [Fact]
    public void WireCopyWithNewHeadlineIsANearDuplicate()
    {
        var a = NearDuplicates.Signature(TextFolding.Words("Geneva talks resume\n\n" + Wire));
        var b = NearDuplicates.Signature(TextFolding.Words("Peace talks back on in Geneva\n\n" + Wire));
        var other = NearDuplicates.Signature(TextFolding.Words("The city council approved a new budget for road repairs and school buildings, " +
            "after a long debate about property taxes and the cost of the new tram line that critics called a waste of money."));
        Assert.True(MinHash.Estimate(a, b) >= NearDuplicates.MinSimilarity, $"similarity {MinHash.Estimate(a, b)}");
        Assert.True(MinHash.Estimate(a, other) < 0.2);
        Assert.Contains(NearDuplicates.Bands(a), NearDuplicates.Bands(b).Contains);
    }

    [Fact]
    public void DriftedWordingSharesAMinHashBand()
    {
        var a = TextFolding.Shingles(TextFolding.Words("We will not allow anyone to threaten the security of our country and our people"));
        var b = TextFolding.Shingles(TextFolding.Words("We will not allow anyone to threaten the security of our nation and our people"));
        Assert.True(TextFolding.Jaccard(a, b) >= 0.4);
        var bandsA = MinHash.Bands(MinHash.Signature(a, QuoteSignature.Size), QuoteSignature.Rows);
        Assert.Contains(bandsA, MinHash.Bands(MinHash.Signature(b, QuoteSignature.Size), QuoteSignature.Rows).Contains);
    }

    [Fact]
    public void WordDiffShowsChangedWords()
    {
        var diff = WordDiff.Diff("We will not allow anyone to threaten our country", "“We will never allow anyone to threaten our nation”");
        Assert.Equal("“We will [-not-] {+never+} allow anyone to threaten our [-country-] {+nation”+}", WordDiff.Format(diff));
        Assert.False(WordDiff.HasChanges(WordDiff.Diff("Same words here", "same words, here")));
    }
}
