using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ConllUReaderTests
{
    private const string Sample =
        "# doc = d1\n# sent_id = d1-1\n# text = “Hi,” (he) said.\n" +
        "1\t``\t``\t_\t``\t_\t4\tpunct\t_\tOffset=0-1|NER=O\n" +
        "2\tHi\thi\t_\tUH\t_\t4\tdiscourse\t_\tOffset=1-3|NER=O\n" +
        "3\t-LRB-\t-lrb-\t_\t-LRB-\t_\t4\tpunct\t_\tOffset=6-7|NER=O\n" +
        "4\tsaid\tsay\t_\tVBD\t_\t0\troot\t_\tOffset=11-15|NER=O\n\n";

    [Fact]
    public void ReadsCommentsColumnsAndMisc()
    {
        var sentences = ConllUReader.Read(new StringReader(Sample), "sample.conllu").ToList();
        var s = Assert.Single(sentences);
        Assert.Equal("d1", s.DocId);
        Assert.Equal("d1-1", s.SentId);
        Assert.Equal(4, s.Tokens.Count);
        Assert.Equal(new ConllToken(4, "said", "say", "VBD", 0, "root", 11, 15, "O"), s.Tokens[3]);
    }

    [Fact]
    public void MalformedLineNamesFileAndLine()
    {
        var bad = Sample.Replace("2\tHi\thi\t_\tUH\t_\t4", "2\tHi\thi\t_\tUH\t_\tfour");
        var e = Assert.Throws<FormatException>(() => ConllUReader.Read(new StringReader(bad), "sample.conllu").ToList());
        Assert.Contains("sample.conllu:5:", e.Message);
        var short_ = Sample.Replace("1\t``\t``\t_\t``\t_\t4\tpunct\t_\tOffset=0-1|NER=O", "1\t``\t``");
        e = Assert.Throws<FormatException>(() => ConllUReader.Read(new StringReader(short_), "x.conllu").ToList());
        Assert.Contains("x.conllu:4:", e.Message);
        var offset = Sample.Replace("Offset=11-15", "Offset=15-11");
        e = Assert.Throws<FormatException>(() => ConllUReader.Read(new StringReader(offset), "y.conllu").ToList());
        Assert.Contains("y.conllu:7:", e.Message);
    }

    [Fact]
    public void ReadFromDiskNamesThePath()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Sample.Replace("\tVBD\t_\t0\t", "\tVBD\t_\t0\t\t"));
            var e = Assert.Throws<FormatException>(() => ConllUReader.Read(path));
            Assert.Contains(path + ":7:", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CorpusTakesRawTokensFromTheArticle()
    {
        var s = ConllUReader.Read(new StringReader(Sample), "sample.conllu").Single();
        const string article = "“Hi,” (he) said.";
        var converted = SyntaxCorpus.Convert(s, article);
        Assert.Equal(["“", "Hi", "(", "said"], converted.Tokens.Select(t => article[t.Start..t.End]).ToArray());
        Assert.Equal([3, 3, 3, -1], converted.Heads);

        var rebuilt = SyntaxCorpus.Convert(s, null);
        Assert.Equal(["“", "Hi", "(", "said"], rebuilt.Tokens.Select(t => rebuilt.Text[t.Start..t.End]).ToArray());
    }
}
