using Timeline.Core.Names;

namespace Timeline.Core.Tests.Unit;

public class NameTests
{
    [Theory]
    [InlineData("Saraqeb", "Saraqib")]
    [InlineData("SARAQIB", "Saraqib")]
    [InlineData("Hamdaniyeh", "Hamdaniyah")]
    [InlineData("Hamdaniyya", "Hamdaniyah")]
    [InlineData("al-Hamdaniyah", "Hamdaniyah")]
    [InlineData("Zahraa", "al-Zahra")]
    [InlineData("el-Bab", "al-Bab")]
    [InlineData("Ad-Dana", "Dana")]
    [InlineData("Idleb", "Idlib")]
    [InlineData("Qamishli", "Kamishli")]
    [InlineData("Deir ez-Zour", "Deir al-Zur")]
    [InlineData("Kafr Nubl", "Kafr-Nubl")]
    [InlineData("Ma'arrat al-Nu'man", "Maarat al-Numan")]
    [InlineData("Maʿarrat an-Nuʿmān", "Maarrat al-Numan")]
    [InlineData("Dhahiriya", "Zahiriyah")]
    [InlineData("Ghouta", "Guta")]
    [InlineData("Khan Shaykhun", "Kan Shaykhun")]
    [InlineData("Türkiye", "Turkiye")]
    [InlineData("حلب", "حلب")]
    [InlineData("إدلب", "ادلب")]
    [InlineData("الرقة", "رقه")]
    [InlineData("مَدِينَة", "مدينه")]
    [InlineData("سـراقب", "سراقب")]
    public void Same_key(string a, string b) => Assert.Equal(NameNormalizer.Key(b), NameNormalizer.Key(a));

    [Theory]
    [InlineData("Aleppo", "Idlib")]
    [InlineData("Homs", "Hama")]
    [InlineData("Saraqib", "Sarmin")]
    public void Different_key(string a, string b) => Assert.NotEqual(NameNormalizer.Key(b), NameNormalizer.Key(a));

    [Fact]
    public void Compact_ignores_spaces_and_hyphens()
    {
        Assert.Equal(NameNormalizer.Compact("New Aleppo"), NameNormalizer.Compact("NewAleppo"));
        Assert.Equal(NameNormalizer.Compact("Kafr-Nubl"), NameNormalizer.Compact("Kafrnubl"));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("titel", "title", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("", "abc", 3)]
    public void Edit_distance(string a, string b, int d) => Assert.Equal(d, NameNormalizer.EditDistance(a, b, 5));

    [Fact]
    public void Edit_distance_gives_up_past_its_limit() => Assert.Equal(2, NameNormalizer.EditDistance("aleppo", "zzzzzz", 1));

    [Fact]
    public void Index_ranks_exact_id_then_name_then_prefix_then_fuzzy()
    {
        var idx = new NameIndex<string>(new[]
        {
            new NameEntry<string>("saraqib", "saraqib", new[] { "Saraqib", "سراقب" }, KindRank: 1),
            new NameEntry<string>("sarmin", "sarmin", new[] { "Sarmin" }, KindRank: 1),
            new NameEntry<string>("aleppo", "aleppo", new[] { "Aleppo", "Halab" }, KindRank: 0),
            new NameEntry<string>("new-aleppo", "new-aleppo", new[] { "New Aleppo" }, KindRank: 5),
            new NameEntry<string>("aleppo-governorate", "aleppo-governorate", new[] { "Aleppo Governorate" }, KindRank: 3),
        });
        Assert.Equal("saraqib", idx.Search("Saraqeb")[0].Id);
        Assert.Equal("saraqib", idx.Search("سراقب")[0].Id);
        Assert.Equal(MatchLevel.ExactId, idx.Search("aleppo")[0].Level);
        Assert.Equal("aleppo", idx.Search("halab")[0].Id);
        var alep = idx.Search("alep").Select(m => m.Id).ToList();
        Assert.Equal(new[] { "aleppo", "aleppo-governorate", "new-aleppo" }, alep); // name prefixes first, the city before the governorate; then word prefixes
        Assert.Equal("saraqib", idx.Search("Saraqab")[0].Id); // one edit away
        Assert.Empty(idx.Search("zzzz"));
    }
}
