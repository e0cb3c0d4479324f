using Parley.Text;

namespace Parley.Tests.Text;

public class NormalizedTextTests
{
    [Fact]
    public void Folds_marks_dashes_and_spaces_one_for_one()
    {
        const string original = "«Да» — “yes”\u00A0‘no’ – „ja“";
        var normalized = new NormalizedText(original).Value;
        Assert.Equal(original.Length, normalized.Length);
        Assert.Equal("\"Да\" - \"yes\" 'no' - \"ja\"", normalized);
    }
}
