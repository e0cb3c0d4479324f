using Parley.Entities.Tagging;

namespace Parley.Tests.Entities;

public sealed class ConllReaderTests
{
    [Fact]
    public void Reads_conll2003_layout_with_documents()
    {
        string[] lines =
        [
            "-DOCSTART- -X- -X- O", "",
            "Anna NNP I-NP I-PER", "Berg NNP I-NP I-PER", "visited VBD I-VP O", "Oslo NNP I-NP I-LOC", ". . O O", "",
            "-DOCSTART- -X- -X- O", "",
            "# NN I-NP O", "Tromso NNP I-NP I-LOC", "",
        ];
        var file = ConllReader.Parse(lines, "toy.conll");
        Assert.Equal(2, file.Documents.Count);
        Assert.Equal(["Anna", "Berg", "visited", "Oslo", "."], file.Documents[0].Sentences[0].Tokens);
        Assert.Equal(["#", "Tromso"], file.Documents[1].Sentences[0].Tokens); // a '#' token is data, not a comment
        Assert.Contains("CoNLL-2003", file.Layout);
    }

    [Fact]
    public void Reads_uner_layout_with_comments()
    {
        string[] lines =
        [
            "# newdoc id = a", "# text = Ola lives in Bergen", "1\tOla\tB-PER\t-\t-", "2\tlives\tO\t-\t-", "3\tin\tO\t-\t-", "4\tBergen\tB-LOC\t-\tx", "",
            "# newdoc id = b", "1\tHi\tO\t-\t-", "",
        ];
        var file = ConllReader.Parse(lines, "toy.iob2");
        Assert.Equal(2, file.Documents.Count);
        Assert.Equal(["Ola", "lives", "in", "Bergen"], file.Documents[0].Sentences[0].Tokens);
        Assert.Equal(["B-PER", "O", "O", "B-LOC"], file.Documents[0].Sentences[0].Tags);
        Assert.Equal('\t', file.Separator);
    }

    [Fact]
    public void Maps_re3d_types_onto_conll_types()
    {
        string[] lines = ["The\tO", "Syrian\tB-Nationality", "army\tB-Organisation", "met\tO", "Ali\tB-Person", "on\tO", "Monday\tB-Temporal"];
        var examples = NerCorpus.From(ConllReader.Parse(lines, "re3d.conll"));
        var spans = Parley.Learning.SpanTagScheme.DecodeSpans(examples[0].Gold);
        Assert.Equal(["MISC", "ORG", "PER"], spans.Select(s => NerTagger.Scheme.Types[s.Type]));
    }

    [Fact]
    public void Malformed_file_names_the_line()
    {
        string[] columns = ["Anna NNP I-NP I-PER", "Berg NNP I-PER", ""];
        var e = Assert.Throws<ConllFormatException>(() => ConllReader.Parse(columns, "bad.conll"));
        Assert.StartsWith("bad.conll:2:", e.Message);

        string[] tags = ["Anna I-PER", "", "Berg PERSON"];
        e = Assert.Throws<ConllFormatException>(() => ConllReader.Parse(tags, "bad2.conll"));
        Assert.StartsWith("bad2.conll:3:", e.Message);
        Assert.Contains("not an IOB tag", e.Message);
    }
}
