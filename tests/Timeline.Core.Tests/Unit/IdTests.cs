using Timeline.Core.Checks;
using Timeline.Core.Model;

namespace Timeline.Core.Tests.Unit;

public class IdTests
{
    [Theory]
    [InlineData("aleppo", true)]
    [InlineData("a-1-b", true)]
    [InlineData("2024", true)]
    [InlineData("Aleppo", false)]
    [InlineData("al_zahraa", false)]
    [InlineData("-aleppo", false)]
    [InlineData("aleppo-", false)]
    [InlineData("a--b", false)]
    [InlineData("", false)]
    [InlineData("geonames:170063", false)]
    public void Pattern(string id, bool valid) => Assert.Equal(valid, StructureValidator.IsValidId(id));

    [Fact]
    public void Length_limit_is_64()
    {
        Assert.True(StructureValidator.IsValidId(new string('a', 64)));
        Assert.False(StructureValidator.IsValidId(new string('a', 65)));
    }

    [Theory]
    [InlineData("Rashidin District", "rashidin-district")]
    [InlineData("al-Zahraa", "al-zahraa")]
    [InlineData("Türkiye", "turkiye")]
    [InlineData("  New   Aleppo ", "new-aleppo")]
    public void Slug(string text, string slug) => Assert.Equal(slug, StructureValidator.Slug(text));

    [Theory]
    [InlineData("Reuters", "reuters")]
    [InlineData("The Reuters", "reuters")]
    [InlineData("North Press Agency", "northpressagency")]
    [InlineData("north-press agency.", "northpressagency")]
    public void Origins_compare_without_case_punctuation_or_the(string text, string key) =>
        Assert.Equal(key, SourceDef.OriginKey(text));
}
