namespace Parley.Web.BrowserTests;

/// <summary>
/// The small corpus the browser tests run on, written for them: one politician quoted in three outlets over three
/// months (1, 1 and 2 statements; one quote repeated with a changed word, for the quote page), an anonymous source, and one article whose
/// text and title carry markup and script that must stay inert text.
/// </summary>
internal static class TestArticles
{
    /// <summary>The first article: "We will not raise taxes …" (the canonical wording).</summary>
    public const string Ledger = "ledger-fuel-tax";
    /// <summary>Repeats the quote with "never" for "not".</summary>
    public const string Herald = "herald-fuel-tax";
    /// <summary>A third month for the same speaker.</summary>
    public const string Gazette = "gazette-budget";
    /// <summary>Markup and script in the title and the text.</summary>
    public const string Hostile = "hostile-page";
    /// <summary>The hostile article's title, as text.</summary>
    public const string HostileTitle = "Council Debates <script>alert(1)</script> Markup";

    /// <summary>The articles as JSON Lines (the ingest format with metadata).</summary>
    public static IEnumerable<object> All()
    {
        yield return new
        {
            id = Ledger, outlet = "The Ledger", published = "2026-03-02T09:00:00Z", title = "Finance Minister Rules Out Fuel Tax Rise",
            text = """
                Finance Minister Rules Out Fuel Tax Rise

                Finance Minister Maria Holm presented the budget in the capital on Monday.

                “We will not raise taxes on fuel this year, whatever the deficit looks like,” Holm told reporters in the capital.

                “The ministry has a fallback plan ready,” said a senior official who asked not to be named.

                The opposition is expected to challenge the budget next week. The deficit may grow to four percent of output.

                “This budget protects working families,” said Peter Adler, a spokesman for the ruling party.
                """,
        };
        yield return new
        {
            id = Herald, outlet = "Northern Herald", published = "2026-04-15T12:30:00Z", title = "Fuel Tax Pledge Stands",
            text = """
                Fuel Tax Pledge Stands

                Maria Holm, the finance minister, visited the northern ports on Wednesday.

                “We will never raise taxes on fuel this year, whatever the deficit looks like,” Holm said at a press conference.

                “The coalition partners are divided on the deficit,” said sources familiar with the talks.

                Economists warned that revenue could fall short by billions.
                """,
        };
        yield return new
        {
            id = Gazette, outlet = "City Gazette", published = "2026-05-20T08:00:00Z", title = "Budget Passes First Reading",
            text = """
                Budget Passes First Reading

                Parliament approved the budget in a first reading on Tuesday.

                “The numbers add up, and the markets know it,” Maria Holm said after the vote.

                “Growth will return by the autumn,” Holm added.

                “We were not consulted,” said Anna Berg, the leader of the opposition.
                """,
        };
        yield return new
        {
            id = Hostile, outlet = "Test <i>Wire</i>", published = "2026-05-21T10:00:00Z", title = HostileTitle,
            text = $"""
                {HostileTitle}

                The council met on Thursday to discuss the website <img src=x onerror=alert(2)> and its security.

                “Nobody should ever type <script>alert(3)</script> into our forms,” said Jonas Weber, the council's IT director.

                “<b onmouseover=alert(4)>Bold</b> claims need <a href="javascript:alert(5)">evidence</a>,” Weber added.
                """,
        };
    }
}
