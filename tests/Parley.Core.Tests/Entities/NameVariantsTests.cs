using Parley.Entities.Resolution;

namespace Parley.Tests.Entities;

public class NameVariantsTests
{
    [Theory]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Zelensky", "Zelenskiy")]
    [InlineData("Aksyonov", "Aksenov")]
    [InlineData("Kyiv", "Kiev")]
    [InlineData("Kharkiv", "Kharkov")]
    [InlineData("Tass", "TASS")]
    [InlineData("Kovač", "Kovac")]
    [InlineData("Yevgeny", "Evgeny")]
    [InlineData("Muhammad", "Mohammed")]
    [InlineData("Luhansk", "Lugansk")]
    [InlineData("Hlib", "Gleb")]
    [InlineData("Chernihiv", "Chernigov")]
    public void Variants_match(string a, string b) => Assert.True(NameVariants.AreVariants(a, b), $"{NameVariants.Key(a)} vs {NameVariants.Key(b)}");

    [Theory]
    [InlineData("Putin", "Patton")]
    [InlineData("Ana", "Ina")]
    [InlineData("Li", "Lee")]
    [InlineData("Clinton", "Clifton")]
    [InlineData("Smith", "Smyth-Jones")]
    [InlineData("Harper", "Hopper")]
    public void Different_names_do_not(string a, string b) => Assert.False(NameVariants.AreVariants(a, b));
}
