using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests;

/// <summary>Shortcuts for tests.</summary>
internal static class TestPipeline
{
    public static Document Run(string text) => ParleyPipeline.Default.Process(text, new DocumentMetadata { Id = "test" });

    private static readonly Lazy<TextPipeline> s_preprocessing = new(() => Parley.Statements.Tagging.StatementTrainer.CreatePreprocessingBuilder().Build());

    /// <summary>The stages before the attribution tagger (tokens, sentences, POS, entities, quotes): what its features and the merge rules read.</summary>
    public static TextPipeline Preprocessing => s_preprocessing.Value;

    /// <summary>A text through <see cref="Preprocessing"/>.</summary>
    public static Document Prepare(string text) => Preprocessing.Process(text, new DocumentMetadata { Id = "test" });

    public static string[] Texts<T>(Document document, IEnumerable<T> items, Func<T, TextSpan> span) =>
        items.Select(i => span(i).GetText(document.Text)).ToArray();
}
