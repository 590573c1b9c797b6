using System.Globalization;
using Timeline.Core.Capture;
using Timeline.Core.Syntax;

namespace Timeline.Core.Tests.Capture;

/// <summary>The pieces of a capture that need no page: YAML values, ids, dates in addresses and in text.</summary>
public class CaptureUnitTests
{
    [Theory]
    [InlineData("Levant Wire", "Levant Wire")]
    [InlineData("Rebels enter Aleppo: the army denies it", "\"Rebels enter Aleppo: the army denies it\"")]
    [InlineData("\"Heavy clashes\" in Aleppo", "\"\\\"Heavy clashes\\\" in Aleppo\"")]
    [InlineData("'Breach' denied", "\"'Breach' denied\"")]
    [InlineData("Aleppo #1 story", "\"Aleppo #1 story\"")]
    [InlineData("Syria's second city", "Syria's second city")]
    [InlineData("- dash first", "\"- dash first\"")]
    [InlineData("[Update] Aleppo", "\"[Update] Aleppo\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("He said: \"no\" \\ yes", "\"He said: \\\"no\\\" \\\\ yes\"")]
    [InlineData("https://example.org/a#b?c=d", "https://example.org/a#b?c=d")]
    [InlineData("اشتباكات في حلب 😀", "اشتباكات في حلب 😀")]
    [InlineData("tab\there", "\"tab\\there\"")]
    public void Entry_values_are_quoted_only_where_yaml_needs_it_and_read_back_the_same(string value, string written)
    {
        var entry = new SourceEntry("a", value, "2024-11-29", value, value, null, "snapshots/a.txt", new string('0', 64), DateTimeOffset.UnixEpoch);
        Assert.Contains($"title: {written}", entry.Fields());
        var doc = YamlReader.Read(entry.ToYaml());
        Assert.Empty(doc.Problems);
        var item = (MappingNode)((SequenceNode)doc.Root!).Items[0];
        foreach (var key in new[] { "publisher", "title", "author" }) Assert.Equal(value, ((ScalarNode)item[key]!).Value);
    }

    [Theory]
    [InlineData("https://www.reuters.com/world/middle-east/syrian-rebels-breach-aleppo-2024-11-29/", "reuters-syrian-rebels-breach-aleppo")]
    [InlineData("https://news.bbc.co.uk/1/hi/world/middle_east/12345678.stm", "bbc-middle-east")]
    [InlineData("https://npasyria.com/en/122345/", "npasyria")]
    [InlineData("https://www.aljazeera.com/news/2024/11/29/rebels-enter-aleppo-as-army-sends-reinforcements-to-the-north.html",
                "aljazeera-rebels-enter-aleppo-as-army-sends")]
    [InlineData("https://english.alarabiya.net/News/middle-east/2024/11/29/Syrian-rebels-advance", "alarabiya-syrian-rebels-advance")]
    [InlineData("https://example.org/", "example")]
    [InlineData("https://www.aa.com.tr/ar/%D8%AD%D9%84%D8%A8/3405000", "aa")]
    [InlineData("https://www.gossipify.example/rebels-reach-heart-of-aleppo.html", "gossipify-rebels-reach-heart-of-aleppo")]
    [InlineData("https://www.averyveryveryverylongnewspapernamefortesting.example/a-headline-with-many-words-beyond-the-limit",
                "averyveryveryverylongnewspapernamefortesting-a-headline-with")]
    public void Ids_are_made_from_the_site_and_the_path_s_last_words(string url, string id)
    {
        string made = SourceIds.Make(new Uri(url), null);
        Assert.Equal(id, made);
        Assert.True(Checks.StructureValidator.IsValidId(made));
    }

    [Fact]
    public void A_file_without_an_address_is_named_after_the_file() =>
        Assert.Equal("rebels-reach-aleppo-reuters", SourceIds.Make(null, "/tmp/Rebels Reach Aleppo (Reuters).html"));

    [Theory]
    [InlineData("/world/2024/11/29/story", "2024-11-29")]
    [InlineData("/world/2024/1/9/story", "2024-01-09")]
    [InlineData("/story-2024-11-29-aleppo", "2024-11-29")]
    [InlineData("/20241129/story", "2024-11-29")]
    [InlineData("/2024/02/30/story", null)]
    [InlineData("/2024/11/story", null)]
    [InlineData("/article/1234567890", null)]
    public void A_date_in_an_address_is_found(string path, string? day) =>
        Assert.Equal(day, PageMetadata.DayInPath(new Uri("https://example.org" + path))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Aleppo, 29 November 2024 - clashes", true)]
    [InlineData("Published November 29, 2024 at 10:00", true)]
    [InlineData("Nov. 29 2024", true)]
    [InlineData("the 29th of November 2024", true)]
    [InlineData("29/11/2024", true)]
    [InlineData("2024-11-29", true)]
    [InlineData("129 November 2024", false)]
    [InlineData("28 November 2024", false)]
    [InlineData("29 November 20245", false)]
    public void Whether_a_text_prints_a_day(string text, bool prints) =>
        Assert.Equal(prints, Capturer.Prints(text, new DateOnly(2024, 11, 29)));

    [Theory]
    [InlineData("2024-11-29T23:30:00-05:00", "2024-11-29")]
    [InlineData("2024-11-29", "2024-11-29")]
    [InlineData("Fri, 29 Nov 2024 10:00:00 GMT", "2024-11-29")]
    [InlineData("2024-13-01", null)]
    [InlineData("soon", null)]
    public void Dates_in_metadata_are_read_as_the_day_written(string value, string? day) =>
        Assert.Equal(day, PageMetadata.DayOf(value)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(900, "900 bytes")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(10 * 1024 * 1024, "10 MiB")]
    [InlineData(3 * 1024 * 1024 / 2, "1.5 MiB")]
    public void A_size_in_a_message_reads_the_same_in_every_culture(long bytes, string expected)
    {
        var machine = CultureInfo.CurrentCulture;
        try
        {
            // German writes 1,5: a message must not.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, PageFetcher.Describe(bytes));
        }
        finally
        {
            CultureInfo.CurrentCulture = machine;
        }
    }
}
