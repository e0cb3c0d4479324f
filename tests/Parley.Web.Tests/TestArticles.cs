using Parley.Corpus.Ingest;

namespace Parley.Web.Tests;

/// <summary>Articles written for these tests: two outlets carrying one quote in two wordings, and one hostile article.</summary>
public static class TestArticles
{
    public const string HarbourText =
        "Harbour Will Reopen by Friday, Mayor Says\n\n" +
        "The mayor of Westport promised on Monday that the harbour would reopen before the weekend.\n\n" +
        "\"We will reopen the harbour by Friday and the ferries will run again,\" Mayor Anna Berg told reporters at the town hall.\n\n" +
        "The harbour has been closed since a storm damaged the northern pier last week. " +
        "\"The repairs are going faster than anyone expected,\" said Piet Vos, the head of the port authority.\n";

    public const string HarbourCopyText =
        "Westport Mayor Promises Ferries Will Return\n\n" +
        "Ferry services in Westport are due to restart at the end of the week, officials said on Tuesday.\n\n" +
        "\"We will reopen the whole harbour by Friday and the ferries will run again,\" Mayor Anna Berg said in a statement.\n\n" +
        "Shop owners near the pier said they had lost most of their summer trade. " +
        "\"Every day closed costs us customers we will never see again,\" said Lena Holm, who runs a café on the quay.\n";

    /// <summary>Script and markup in the text, the title and a quote: the API must return it as data.</summary>
    public const string HostileText =
        "<script>alert('title')</script> Council Votes on Budget\n\n" +
        "The council met on Wednesday. <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n" +
        "\"<b>Nobody</b> will pay more tax next year, </script><script>alert(3)</script>\" said Councillor Ruth Adler after the vote.\n";

    public static RawArticle Harbour => new()
    {
        Origin = "test:harbour", Id = "harbour-1", Url = "https://times.example/harbour", Title = "Harbour Will Reopen by Friday, Mayor Says",
        Outlet = "Harbour Times", Published = DateTimeOffset.Parse("2024-03-04T09:00:00Z"), Text = HarbourText,
    };

    public static RawArticle HarbourCopy => new()
    {
        Origin = "test:coast", Id = "coast-7", Url = "https://coast.example/ferries", Title = "Westport Mayor Promises Ferries Will Return",
        Outlet = "Coast Daily", Published = DateTimeOffset.Parse("2024-04-02T16:30:00Z"), Text = HarbourCopyText,
    };

    public static RawArticle Hostile => new()
    {
        Origin = "test:hostile", Id = "hostile-<script>", Title = "<script>alert('title')</script>", Outlet = "<i>Evil</i> Gazette",
        Published = DateTimeOffset.Parse("2024-05-01T08:00:00Z"), Text = HostileText,
    };

    public static IReadOnlyList<RawArticle> All => [Harbour, HarbourCopy, Hostile];
}
