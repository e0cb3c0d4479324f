using System.Text;
using Parley.Text;

namespace Parley.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void Decodes_utf8_without_bom()
    {
        Assert.Equal("Kyiv’s «mayor»", TextDecoder.Decode(Encoding.UTF8.GetBytes("Kyiv’s «mayor»")));
    }

    [Fact]
    public void Strips_utf8_bom_so_offsets_start_at_the_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Hello")).ToArray();
        Assert.Equal("Hello", TextDecoder.Decode(bytes));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_utf16_with_bom(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("„Ja“, sagte sie.")).ToArray();
        Assert.Equal("„Ja“, sagte sie.", TextDecoder.Decode(bytes));
    }

    [Fact]
    public void Rejects_invalid_utf8_with_the_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("abc").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("def")).ToArray();
        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes));
        Assert.Contains("not valid UTF-8", e.Message);
        Assert.Contains("offset 3", e.Message);
    }

    [Fact]
    public void Rejects_binary_with_nul_bytes()
    {
        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 }));
        Assert.Contains("binary", e.Message);
    }

    [Fact]
    public void Rejects_text_made_of_control_characters()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray();
        Assert.Contains("binary", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t \r\n")]
    public void Rejects_empty_input(string text)
    {
        Assert.Equal("input is empty", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(Encoding.UTF8.GetBytes(text))).Message);
    }

    [Fact]
    public void Rejects_input_over_the_limit()
    {
        var e = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(new byte[2048], maxBytes: 1024));
        Assert.Contains("too large", e.Message);
    }

    [Fact]
    public void Rejects_unpaired_utf16_surrogates()
    {
        var bytes = new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00 };
        Assert.Contains("UTF-16", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes)).Message);
    }
}
