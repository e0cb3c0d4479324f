using System.Collections.Immutable;
using Parley.Documents;
using Parley.Evaluation.PolNear;
using Parley.Learning;
using Parley.Pipeline;
using Parley.Statements;
using Parley.Statements.Tagging;

namespace Parley.Tests.Statements.Tagging;

public sealed class StatementTaggerTests
{
    // A direct quote split around its cue (a discontinuous content), a sourceless passive cue, and "according to".
    private const string Text = "“The plan,” the minister said, “will work.” It was reported that prices rose. Prices will fall, according to analysts.";

    private static TextSpan Find(string text, string part, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{part}' not in the text");
        return new TextSpan(at, at + part.Length);
    }

    private static ImmutableArray<GoldAttribution> Gold(string text) =>
    [
        new([Find(text, "said")], [Find(text, "the minister")], [Find(text, "“The plan,”"), Find(text, "“will work.”")]),
        new([Find(text, "was reported")], [], [Find(text, "that prices rose")]),
        new([Find(text, "according to")], [Find(text, "analysts")], [Find(text, "Prices will fall")]),
    ];

    private static List<(string Text, string Role)> Spans(Document document, int[] labels) =>
        SpanTagScheme.DecodeSpans(labels).Select(s => (
            new TextSpan(document.Tokens[s.Start].Start, document.Tokens[s.End - 1].End).GetText(document.Text),
            StatementRoles.Scheme.Types[s.Type])).ToList();

    [Fact]
    public void Gold_spans_align_to_token_labels()
    {
        var document = TestPipeline.Prepare(Text);
        var labels = StatementRoles.Align(document, Gold(Text));
        Assert.Equal(document.Tokens.Length, labels.Length);
        Assert.Equal(
        [
            ("“The plan,”", "CONTENT"), ("the minister", "SOURCE"), ("said", "CUE"), ("“will work.”", "CONTENT"),
            ("was reported", "CUE"), ("that prices rose", "CONTENT"),
            ("Prices will fall", "CONTENT"), ("according to", "CUE"), ("analysts", "SOURCE"),
        ], Spans(document, labels));
    }

    [Fact]
    public void Nested_roles_prefer_the_cue_and_source_over_the_content()
    {
        const string text = "Reports said the minister claimed victory.";
        var document = TestPipeline.Prepare(text);
        var labels = StatementRoles.Align(document,
        [
            new([Find(text, "said")], [Find(text, "Reports")], [Find(text, "the minister claimed victory")]),
            new([Find(text, "claimed")], [Find(text, "the minister")], [Find(text, "victory")]),
        ]);
        Assert.Equal([("Reports", "SOURCE"), ("said", "CUE"), ("the minister", "SOURCE"), ("claimed", "CUE"), ("victory", "CONTENT")], Spans(document, labels));
    }

    [Fact]
    public void Tagged_spans_decode_into_statements()
    {
        var document = TestPipeline.Prepare(Text);
        var statements = StatementDecoder.Decode(document, StatementRoles.Align(document, Gold(Text)));
        Assert.Equal(3, statements.Length);
        string Of(TextSpan? s) => s is { } x ? x.GetText(Text) : "";

        var first = statements[0];
        Assert.Equal("s1", first.Id);
        Assert.Equal(StatementKind.Direct, first.Kind);
        Assert.Equal("said", Of(first.Cue));
        Assert.Equal("the minister", Of(first.Source));
        Assert.Equal(["“The plan,”", "“will work.”"], first.Content.Select(c => c.GetText(Text)));
        Assert.Equal("the minister", first.Speaker?.Name);
        Assert.True(first.QuoteIndex >= 0);

        var second = statements[1];
        Assert.Equal(StatementKind.Indirect, second.Kind);
        Assert.Equal("was reported", Of(second.Cue));
        Assert.Null(second.Source);
        Assert.Equal(["that prices rose"], second.Content.Select(c => c.GetText(Text)));

        var third = statements[2];
        Assert.Equal(StatementKind.AccordingTo, third.Kind);
        Assert.Equal("analysts", Of(third.Source));
        Assert.Equal(["Prices will fall"], third.Content.Select(c => c.GetText(Text)));
    }

    [Fact]
    public void A_cue_without_content_makes_no_statement()
    {
        var document = TestPipeline.Prepare("The minister said nothing.");
        var labels = new int[document.Tokens.Length];
        labels[2] = SpanTagScheme.Label(StatementRoles.Cue, 3);
        Assert.Empty(StatementDecoder.Decode(document, labels));
    }

    [Fact]
    public void A_cue_with_a_source_but_no_content_is_kept_at_a_lower_confidence()
    {
        const string text = "The minister said nothing.";
        var document = TestPipeline.Prepare(text);
        var labels = StatementRoles.Align(document, [new([Find(text, "said")], [Find(text, "The minister")], [])]);
        var statement = Assert.Single(StatementDecoder.Decode(document, labels));
        Assert.Equal("The minister", statement.Source?.GetText(text));
        Assert.Empty(statement.Content);
        Assert.Equal(StatementDecoder.NoContentConfidence, statement.Confidence);
    }

    [Fact]
    public void A_quote_over_two_paragraphs_stays_one_statement_with_its_own_cue()
    {
        // The first paragraph of the quote has no cue of its own and sits right after another statement's cue.
        const string text = "Union leaders said the strike would go on.\n\n“We did not choose this fight.\n\n“Our members are tired,” said Ines Kovač.";
        var document = TestPipeline.Prepare(text);
        var labels = StatementRoles.Align(document,
        [
            new([Find(text, "said")], [Find(text, "Union leaders")], [Find(text, "the strike would go on")]),
            new([Find(text, "said", 1)], [Find(text, "Ines Kovač")], [Find(text, "“We did not choose this fight."), Find(text, "“Our members are tired,”")]),
        ]);
        var statements = StatementDecoder.Decode(document, labels);
        Assert.Equal(2, statements.Length);
        Assert.Equal(["the strike would go on"], statements[0].Content.Select(c => c.GetText(text)));
        Assert.Equal("Ines Kovač", statements[1].Source?.GetText(text));
        Assert.Equal(["“We did not choose this fight.", "“Our members are tired,”"], statements[1].Content.Select(c => c.GetText(text)));
    }

    [Fact]
    public void An_untagged_paragraph_of_a_multi_paragraph_quote_joins_the_statement()
    {
        const string text = "Union leaders said the strike would go on.\n\n“We did not choose this fight.\n\n“Our members are tired,” said Ines Kovač.";
        var document = TestPipeline.Prepare(text);
        var labels = StatementRoles.Align(document,
        [
            new([Find(text, "said")], [Find(text, "Union leaders")], [Find(text, "the strike would go on")]),
            new([Find(text, "said", 1)], [Find(text, "Ines Kovač")], [Find(text, "“Our members are tired,”")]),
        ]);
        var statements = StatementDecoder.Decode(document, labels);
        Assert.Equal(2, statements.Length);
        Assert.Equal(["“We did not choose this fight.", "“Our members are tired,”"], statements[1].Content.Select(c => c.GetText(text)));
    }

    [Fact]
    public void The_shipped_model_keeps_a_multi_paragraph_quote_with_its_own_speaker()
    {
        const string text = "Dock workers voted on Monday to extend their strike by another week, union leaders said.\n\n"
            + "“We did not choose this fight. The port authority chose it when it tore up an agreement.\n\n"
            + "“Our members have families to feed,” said Ines Kovač, the general secretary of the dockers’ union.";
        var document = ParleyPipeline.Get("trained").Process(text, new DocumentMetadata { Id = "harbour" });
        var quote = Assert.Single(document.Statements, s => s.Content.Any(c => c.GetText(text).Contains("choose this fight", StringComparison.Ordinal)));
        Assert.Contains("Ines Kovač", quote.Source?.GetText(text));
        Assert.Contains(quote.Content, c => c.GetText(text).Contains("families to feed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_signed_with_a_dash_and_a_name_is_attributed_to_the_name()
    {
        const string text = "Readers wrote to us.\n\n“He represents our greatest shame.” ― Sonya Herridge\n“I am so ashamed.” ― Pamela Padilla";
        var document = TestPipeline.Prepare(text);
        var statements = StatementDecoder.Decode(document, new int[document.Tokens.Length]);
        Assert.Equal(2, statements.Length);
        Assert.Equal("―", statements[0].Cue?.GetText(text));
        Assert.Equal("Sonya Herridge", statements[0].Source?.GetText(text));
        Assert.Equal(["“He represents our greatest shame.”"], statements[0].Content.Select(c => c.GetText(text)));
        Assert.Equal(StatementKind.Direct, statements[0].Kind);
        Assert.Equal("Pamela Padilla", statements[1].Source?.GetText(text));
    }

    [Fact]
    public void A_paragraph_opening_with_a_name_and_a_colon_is_attributed_to_the_name()
    {
        const string text = "Partial transcript as follows:\n\n\"PENCE: Well, look, she apparently thinks that is fine.\"";
        var document = TestPipeline.Prepare(text);
        var statement = Assert.Single(StatementDecoder.Decode(document, new int[document.Tokens.Length]));
        Assert.Equal(":", statement.Cue?.GetText(text));
        Assert.Equal("PENCE", statement.Source?.GetText(text));
        Assert.Equal(["Well, look, she apparently thinks that is fine."], statement.Content.Select(c => c.GetText(text)));
    }

    // Hand-written toy training set: the tagger must fit it.
    private static readonly string[] ToyTexts =
    [
        Text,
        "“We will win,” the coach said. Fans said that the team was ready.",
        "The mayor told reporters the bridge would reopen. “It is safe,” she added.",
    ];

    private static List<StatementExample> ToyExamples()
    {
        var golds = new ImmutableArray<GoldAttribution>[]
        {
            Gold(ToyTexts[0]),
            [
                new([Find(ToyTexts[1], "said")], [Find(ToyTexts[1], "the coach")], [Find(ToyTexts[1], "“We will win,”")]),
                new([Find(ToyTexts[1], "said", 1)], [Find(ToyTexts[1], "Fans")], [Find(ToyTexts[1], "that the team was ready")]),
            ],
            [
                new([Find(ToyTexts[2], "told")], [Find(ToyTexts[2], "The mayor")], [Find(ToyTexts[2], "the bridge would reopen")]),
                new([Find(ToyTexts[2], "added")], [Find(ToyTexts[2], "she")], [Find(ToyTexts[2], "“It is safe,”")]),
            ],
        };
        return ToyTexts.Select((t, i) =>
        {
            var document = TestPipeline.Prepare(t);
            return new StatementExample(document, StatementRoles.Align(document, golds[i]), golds[i]);
        }).ToList();
    }

    [Fact]
    public void Trains_on_a_toy_set_and_reproduces_it_after_a_round_trip()
    {
        var examples = ToyExamples();
        var tagger = StatementTrainer.Train(examples, [], new StatementTrainingOptions { Epochs = 30, MinFeatureCount = 1 });
        // The averaged perceptron need not fit every boundary of a tiny set: every cue and source and nearly every label must come back.
        // Checked on the first pass: the stacked pass learns from jack-knifed first-pass labels, which three documents make too noisy to fit.
        int right = 0, all = 0;
        foreach (var e in examples)
        {
            var predicted = tagger.TagLabels(e.Document, passes: 1);
            var found = Spans(e.Document, predicted);
            foreach (var span in Spans(e.Document, e.Gold).Where(s => s.Role != "CONTENT")) Assert.Contains(span, found);
            all += predicted.Length;
            right += predicted.Where((label, i) => label == e.Gold[i]).Count();
        }
        Assert.True(right >= 0.95 * all, $"{right} of {all} labels reproduced");
        string path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            var loaded = StatementTagger.Load(path);
            foreach (var e in examples) Assert.Equal(tagger.TagLabels(e.Document), loaded.TagLabels(e.Document));
            Assert.NotNull(loaded.SourceModel);
            var statements = new StatementTaggerStage(loaded);
            var document = TestPipeline.Prepare(ToyTexts[1]);
            statements.Process(document, default);
            Assert.Equal(2, document.Statements.Length);
            // The cue-conditioned source tagger picks each cue's own source.
            Assert.Equal(["the coach", "Fans"], document.Statements.Select(s => s.Source?.GetText(ToyTexts[1])));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_of_the_format_before_the_source_tagger_asks_to_be_retrained()
    {
        string path = Path.GetTempFileName();
        try
        {
            ModelFile.Write(path, StatementTagger.Magic, 1, w => w.Write("statement-features-7"));
            var e = Assert.Throws<ModelFormatException>(() => StatementTagger.Load(path));
            Assert.Contains("version 1", e.Message);
            Assert.Contains("Retrain", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_or_corrupt_model_gives_a_clear_error()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3]);
            var e = Assert.Throws<ModelFormatException>(() => StatementTagger.Load(path));
            Assert.Contains(path, e.Message);
            File.Delete(path);
            Assert.Contains("not found", Assert.Throws<ModelFormatException>(() => StatementTagger.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_trained_pipeline_is_named_but_not_the_default()
    {
        Assert.Contains("trained", ParleyPipeline.Names);
        Assert.NotSame(ParleyPipeline.Default, ParleyPipeline.Get("trained"));
    }

    [SharedDataFact("polnear/dev")]
    public void PolNear_gold_aligns_to_every_role()
    {
        var split = PolNearReader.ReadSplit(SharedData.Find("polnear/dev")!);
        var examples = StatementTrainer.Examples(split.Articles.Take(3).ToList(), TestPipeline.Preprocessing);
        var roles = examples.SelectMany(e => SpanTagScheme.DecodeSpans(e.Gold)).Select(s => s.Type).ToHashSet();
        Assert.Equal([StatementRoles.Source, StatementRoles.Cue, StatementRoles.Content], roles.Order());
    }
}
