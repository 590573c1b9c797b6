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
    [InlineData("Khan Cheikhoun", "Khan Sheikhoun")]
    [InlineData("Djisr ech-Chorhour", "Jisr ash-Shorhour")]
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
        Assert.Equal(new[] { "aleppo", "aleppo-governorate", "new-aleppo" },
            alep); // name prefixes first, the city before the governorate; then word prefixes
        Assert.Equal("saraqib", idx.Search("Saraqab")[0].Id); // one edit away
        Assert.Empty(idx.Search("zzzz"));
    }

    [Fact]
    public void A_query_ending_in_an_article_is_still_being_typed()
    {
        Assert.Equal(new[] { "jisr" }, NameNormalizer.QueryWords("Jisr al"));
        Assert.Equal(new[] { "jisr", "shugur" }, NameNormalizer.QueryWords("Jisr al-Shughur"));
        Assert.Equal(new[] { "al" }, NameNormalizer.QueryWords("al")); // alone, the article is the query
        Assert.Equal(new[] { "jisr", "al" }, NameNormalizer.Words("Jisr al")); // a name keeps it
    }

    [Fact]
    public void Words_inside_a_name_find_it_and_the_alias_typed_is_the_one_shown()
    {
        var idx = new NameIndex<string>(new[]
        {
            new NameEntry<string>("sarc", "sarc", new[] { "Syrian Arab Red Crescent", "SARC" }),
            new NameEntry<string>("saraqib", "saraqib", new[] { "Saraqib", "Sarâqeb", "Saraqeb" }),
            new NameEntry<string>("other", "other", new[] { "Red Sea" }),
        });
        var red = idx.Search("Red Cres");
        Assert.Equal("sarc", red[0].Id);
        Assert.Equal(MatchLevel.WordPrefix, red[0].Level);
        Assert.DoesNotContain(red, m => m.Id == "other");
        Assert.Equal("Saraqeb", idx.Search("saraqeb")[0].MatchedName); // written as typed, of three that match alike
        Assert.Equal("Sarâqeb", idx.Search("Sarâqeb")[0].MatchedName);
    }

    [Fact]
    public void Browse_lists_preferred_entries_first_then_by_kind_and_population()
    {
        var idx = new NameIndex<string>(new[]
        {
            new NameEntry<string>("village", "village", new[] { "V" }, KindRank: 6, Population: 900),
            new NameEntry<string>("big-city", "big-city", new[] { "B" }, KindRank: 0, Population: 2_000_000),
            new NameEntry<string>("small-city", "small-city", new[] { "S" }, KindRank: 0, Population: 150_000),
        });
        Assert.Equal(new[] { "big-city", "small-city", "village" }, idx.Browse(10));
        Assert.Equal(new[] { "village", "big-city" }, idx.Browse(2, id => id == "village"));
    }
}
