using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests;

/// <summary>Shortcuts for tests.</summary>
internal static class TestPipeline
{
    public static Document Run(string text) => ParleyPipeline.Default.Process(text, new DocumentMetadata { Id = "test" });

    public static string[] Texts<T>(Document document, IEnumerable<T> items, Func<T, TextSpan> span) =>
        items.Select(i => span(i).GetText(document.Text)).ToArray();
}
