using Timeline.Core.Names;

namespace Timeline.Core.Tests.Unit;

/// <summary>Phrases of an area around a place, read by the one name normaliser.</summary>
public sealed class AreaPhraseTests
{
    [Theory]
    [InlineData("Aleppo countryside", "Aleppo")]
    [InlineData("rural Idlib", "Idlib")]
    [InlineData("northern Hama countryside", "Hama")]
    [InlineData("Aleppo", null)]
    [InlineData("countryside", null)]
    public void An_area_phrase_names_its_place(string phrase, string? place)
    {
        Assert.Equal(place, NameNormalizer.PlaceOfArea(phrase));
    }
}
