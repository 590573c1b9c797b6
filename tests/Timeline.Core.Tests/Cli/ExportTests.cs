using System.Text.Json;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>timeline export: each format read back by a real consumer, errors refused, -o atomic.</summary>
public class ExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-export-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandLine.RunAsync(args, TextReader.Null, o, e, Repo.Root).GetAwaiter().GetResult();
        return (code, o.ToString(), e.ToString());
    }

    private string Export(string format)
    {
        string file = Path.Combine(_dir, "out." + format);
        var (code, _, err) = Run("export", "examples/aleppo-2024", "--format", format, "-o", file);
        Assert.True(code == 0, err);
        return file;
    }

    [Fact]
    public void TimelineJs_slides_carry_dates_headlines_ids_and_uncertainty()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Export("timelinejs")));
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(32, events.Count);
        Assert.All(events, e =>
        {
            Assert.True(e.GetProperty("start_date").GetProperty("year").GetInt32() > 2000);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("text").GetProperty("headline").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("unique_id").GetString()));
            Assert.True(e.TryGetProperty("group", out _));
        });
        var villages = events.Single(e => e.GetProperty("unique_id").GetString() == "villages-seized");
        Assert.Equal("27–29 November 2024", villages.GetProperty("display_date").GetString());
        Assert.Equal(29, villages.GetProperty("end_date").GetProperty("day").GetInt32());
        var entry = events.Single(e => e.GetProperty("unique_id").GetString() == "entry-into-western-aleppo");
        string text = entry.GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("Disputed", text);
        Assert.Contains("asserts", text);
        Assert.Contains("denies", text);
        var year = events.Single(e => e.GetProperty("unique_id").GetString() == "government-gains-2020").GetProperty("start_date");
        Assert.False(year.TryGetProperty("month", out _)); // a year is a year, not 1 January
    }

    [Fact]
    public void GeoJson_is_valid_rfc7946_with_longitude_first()
    {
        var r = NodeValidators.Validate("geojson", Export("geojson")).Single();
        Assert.True(r.Valid, string.Join("\n", r.Errors));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "out.geojson")));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var aleppo = features.First(f => f.GetProperty("properties").GetProperty("place").GetString() == "geonames:170063"); // Aleppo, from builtin:levant
        var coords = aleppo.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(37.16117, coords[0].GetDouble(), 5);
        Assert.Equal(36.20124, coords[1].GetDouble(), 5);
        // The air base has no coordinates in the reports: no feature for it.
        Assert.DoesNotContain(features, f => f.GetProperty("properties").GetProperty("place").GetString() == "airbase-southeast-of-aleppo");
        Assert.All(features, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("properties").GetProperty("status").GetString())));
    }

    [Fact]
    public void Csv_reads_back_with_acled_columns_and_the_lowest_figure()
    {
        var r = NodeValidators.Validate("csv", Export("csv")).Single();
        Assert.True(r.Valid, string.Join("\n", r.Errors));
        var lines = File.ReadAllText(Path.Combine(_dir, "out.csv"));
        Assert.StartsWith("event_id,event_date,time_precision,", lines);
        Assert.Contains("\r\n", lines);
        var rows = lines.Split("\r\n");
        Assert.Contains(rows, l => l.StartsWith("university-dormitories-shelling,2024-11-29,1,") && l.EndsWith(",4"));
        Assert.Contains(rows, l => l.StartsWith("un-civilian-toll,2024-11-27,2,") && l.EndsWith(",27"));
    }

    [Fact]
    public void Markdown_shows_dates_in_words_both_claims_and_footnotes()
    {
        string md = File.ReadAllText(Export("markdown"));
        Assert.Contains("## Friday 29 November 2024 — Opposition factions claim entry into western Aleppo", md);
        Assert.Contains("**Disputed.**", md);
        Assert.Contains("**asserts**", md);
        Assert.Contains("**denies**", md);
        Assert.Contains("[^1]: ", md);
    }

    [Fact]
    public void Html_is_one_self_contained_file()
    {
        string html = File.ReadAllText(Export("html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("data-filter=\"actor\"", html);
        Assert.Contains("data-filter=\"place\"", html);
        Assert.Contains("data-filter=\"status\"", html);
        Assert.Contains("class=\"axis\"", html);
        Assert.Contains("class=\"event disputed\"", html);
    }

    [Fact]
    public void A_project_with_errors_is_refused_unless_forced_and_a_refused_export_leaves_the_old_file()
    {
        string project = Path.Combine(_dir, "p");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "a.timeline.yaml"), "title: T\nevents:\n  - {id: e, date: 2024-11-29, title: t, places: [nowhere], sources: []}\n");
        string target = Path.Combine(_dir, "out.md");
        File.WriteAllText(target, "old");
        var refused = Run("export", project, "--format", "markdown", "-o", target);
        Assert.Equal(1, refused.Code);
        Assert.Equal("old", File.ReadAllText(target));
        var forced = Run("export", project, "--format", "markdown", "-o", target, "--force");
        Assert.Equal(0, forced.Code);
        Assert.StartsWith("# T", File.ReadAllText(target));
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp"));
        Assert.Equal(2, Run("export", project).Code); // no format
        Assert.Equal(2, Run("export", project, "--format", "pdf").Code);
    }
}
