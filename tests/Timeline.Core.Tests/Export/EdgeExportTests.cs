using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Core.Tests.Export;

/// <summary>
/// The edge-case project (tests/exports/edge): each way a claim, figure, source and place can be written,
/// asserted on the words a reader sees.
/// </summary>
public class EdgeExportTests
{
    private static readonly Lazy<string> Md = new(() => ExportRun.Text("edge", "markdown"));

    [Theory]
    // A claim without words is what it is.
    [InlineData("- SANA reports it.[^")]
    [InlineData("- Rebel fighters deny it.[^")]
    // Paraphrase and quote together: reported speech, then the words in quotation marks once.
    [InlineData("- Syrian Armed Forces say they destroyed a weapons depot near the market: “We struck the depot”.[^")]
    // A monitor is one body: singular agreement, although its name ends in "Rights".
    [InlineData("- Syrian Observatory for Human Rights says the fire spread from a shelled warehouse.[^")]
    // A quote that ends its sentence is not given a second full stop.
    [InlineData("- A spokesman denies it: “No shells fell on the market.”[^")]
    // Figures as sentences, in every form a count takes.
    [InlineData("- Hundreds of people killed.[^")]
    [InlineData("- One civilian killed.[^")]
    [InlineData("- 20–30 injured among Rebel fighters.[^")]
    [InlineData("- About 300 people displaced.[^")]
    [InlineData("- About 8 (5–12) people detained.[^")]
    // Unnamed outlets named by their headline, or told apart by the words they are quoted by.
    [InlineData("unnamed outlet, ‘Markets burn…’[^")]
    [InlineData("unnamed outlet, untitled report quoted as “smoke rose over the old city”[^")]
    [InlineData("unnamed outlet, untitled report quoted as “witnesses saw flames at midnight”[^")]
    // An inferred publication date says so.
    [InlineData("- Unnamed outlet, untitled report quoted as “smoke rose over the old city”, Saturday 30 November 2024 (date inferred)\n")]
    // A straight-quoted quote is shown in typographic quotation marks, once.
    [InlineData(": “the market burned through the night”\n")]
    [InlineData("A chronology that uses every form.\n\nA second paragraph.\n")]
    public void Markdown_says_it_as_a_reader_should_read_it(string expected) => Assert.Contains(expected, Md.Value);

    [Fact]
    public void Markdown_names_no_file_and_doubles_no_quotation_mark()
    {
        Assert.DoesNotContain(".yaml", Md.Value);
        Assert.DoesNotContain("\"", Md.Value);
        Assert.DoesNotContain("““", Md.Value);
        Assert.DoesNotContain("Unidentified", Md.Value);
        Assert.DoesNotContain("unknown", Md.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Csv_codes_hundreds_as_acled_does_and_places_each_event_at_its_nearest_coordinates()
    {
        var rows = ExportRun.Text("edge", "csv").Split("\r\n").Where(l => l.Length > 0).ToList();
        var market = rows.Single(r => r.StartsWith("market-fire,", StringComparison.Ordinal));
        Assert.StartsWith("market-fire,2024-11-29,1,disputed,", market); // 23:30 at +03:00 is still the 29th there
        Assert.Contains(",36.3,37.3,2,", market);                        // the old market is drawn at its city: 2
        Assert.Contains("Fatalities coded 100 for “hundreds”, as ACLED codes it", market);
        Assert.EndsWith(",1", market);                                   // the lowest figure of the dead
        Assert.Contains(",36,37,3,", rows.Single(r => r.StartsWith("outpost-raid,", StringComparison.Ordinal))); // in a province: 3
        var hamlet = rows.Single(r => r.StartsWith("hamlet-visit,", StringComparison.Ordinal));
        Assert.Contains(",An unlocated hamlet,,,,,,", hamlet);           // no coordinates: no precision either
        Assert.EndsWith(",", hamlet);                                    // no figure: empty, not 0
    }

    [Fact]
    public void GeoJson_and_TimelineJs_keep_times_on_the_project_clock()
    {
        using var geo = JsonDocument.Parse(ExportRun.Text("edge", "geojson"));
        var market = geo.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("event").GetString() == "market-fire").GetProperty("properties");
        Assert.Equal("2024-11-29T23:30:00+03:00", market.GetProperty("earliest").GetString());
        Assert.Equal("2024-11-29T23:30:59+03:00", market.GetProperty("latest").GetString());
        Assert.Equal(2, geo.RootElement.GetProperty("features").GetArrayLength()); // the unlocated hamlet is not on the map

        using var tjs = JsonDocument.Parse(ExportRun.Text("edge", "timelinejs"));
        var slide = tjs.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("unique_id").GetString() == "market-fire");
        Assert.Equal(23, slide.GetProperty("start_date").GetProperty("hour").GetInt32());
        Assert.Equal(30, slide.GetProperty("start_date").GetProperty("minute").GetInt32());
    }

    [Fact]
    public void Html_says_where_an_approximate_place_is_drawn_and_which_events_are_off_the_map()
    {
        string html = ExportRun.Text("edge", "html");
        Assert.Contains("Where: Old Market (on the map at River City).", html);
        Assert.Contains("1 event has no place on the map.", html);
        Assert.Matches(new Regex("<g class=\"place approx\" data-place=\"city~\" data-events=\"market-fire\""), html);
    }
}
