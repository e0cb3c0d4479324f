using System.Net;
using System.Text.Json;

namespace Parley.Web.Tests;

public sealed class QuotesApiTests(SharedHost shared) : IClassFixture<SharedHost>
{
    private HttpClient Client => shared.Host.Client;

    private async Task<long> BergQuoteId()
    {
        var items = (await Client.Json("/api/statements?q=reopen%20harbour")).Items();
        return items.Select(i => i.GetProperty("quoteId")).First(q => q.ValueKind == JsonValueKind.Number).GetInt64();
    }

    [Fact]
    public async Task Shows_every_sighting_with_a_word_level_diff()
    {
        long id = await BergQuoteId();
        var quote = await Client.Json($"/api/quotes/{id}");
        Assert.Equal(id, quote.GetProperty("id").GetInt64());
        var sightings = quote.GetProperty("sightings").EnumerateArray().ToList();
        Assert.Equal(2, sightings.Count);
        Assert.Equal(["Harbour Times", "Coast Daily"], quote.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()!).ToArray());
        Assert.Equal("harbour-1", quote.GetProperty("first").Str("articleId"));
        Assert.Equal(sightings[0].Str("text"), quote.Str("canonical"));

        // The first sighting is the canonical wording: every word the same.
        Assert.All(sightings[0].GetProperty("words").EnumerateArray(), w => Assert.Equal("same", w.Str("op")));
        // The second adds one word.
        var words = sightings[1].GetProperty("words").EnumerateArray().Select(w => (Text: w.Str("text"), Op: w.Str("op"))).ToList();
        Assert.Equal([("whole", "added")], words.Where(w => w.Op != "same").ToList());
        Assert.Equal(sightings[1].Str("text")!.Split(' ', StringSplitOptions.RemoveEmptyEntries), words.Select(w => w.Text).ToArray());
        Assert.Contains("{+whole+}", sightings[1].Str("diff"));
    }

    [Fact]
    public async Task Accepts_q_prefixed_ids()
    {
        long id = await BergQuoteId();
        var quote = await Client.Json($"/api/quotes/q{id}");
        Assert.Equal(id, quote.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task Unknown_quote_is_a_404_problem(string id)
    {
        await Client.GetAsync("/api/quotes/" + id).AssertProblem(HttpStatusCode.NotFound);
    }
}
