namespace Parley.Documents;

/// <summary>What is known about a document apart from its text.</summary>
public sealed record DocumentMetadata
{
    /// <summary>Stable identifier of the document (derived from the source when not given).</summary>
    public string Id { get; init; } = "";

    /// <summary>Where the text came from, as the user gave it (a path, "-" for stdin, a URL).</summary>
    public string? Source { get; init; }

    /// <summary>Title given by the caller; the headline stage fills it from the text when absent.</summary>
    public string? Title { get; init; }

    /// <summary>The publishing outlet, when known.</summary>
    public string? Outlet { get; init; }

    /// <summary>Publication date, when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>BCP-47 language tag; Parley's models are English.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Canonical URL, when known.</summary>
    public string? Url { get; init; }
}
