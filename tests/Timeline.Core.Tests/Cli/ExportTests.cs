using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>
/// timeline export of the example: each format read back by a real consumer, errors refused, -o atomic, and
/// the text a reader sees held to what the sources say (quotes once, paraphrase unquoted, sources told apart,
/// figures as sentences, no ids or file names).
/// </summary>
public class ExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-export-").FullName;
    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

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

    /// <summary>The ids of the example's events and sources: none may appear in what a reader sees.</summary>
    private static List<string> ExampleIds()
    {
        var ids = new List<string>();
        foreach (var f in Directory.EnumerateFiles(Repo.Path("examples", "aleppo-2024"), "*.yaml"))
            foreach (Match m in Regex.Matches(File.ReadAllText(f), @"^\s*-?\s*id:\s*([a-z0-9][a-z0-9-]*-[a-z0-9-]+)\s*$", RegexOptions.Multiline))
                ids.Add(m.Groups[1].Value);
        Assert.NotEmpty(ids);
        return ids;
    }

    private static void AssertReaderText(string text)
    {
        Assert.DoesNotContain("““", text);
        Assert.DoesNotContain("””", text);
        Assert.DoesNotContain("Unidentified outlet", text);
        Assert.DoesNotContain(".yaml", text);
        Assert.DoesNotContain("dozens combatants", text);
        Assert.DoesNotContain(" asserts (", text);
        Assert.DoesNotContain("fighters asserts", text);
        Assert.DoesNotContain("killed: ", text);
        foreach (var id in ExampleIds()) Assert.DoesNotContain(id, text);
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
        });
        // The group row holds one kind of word: tags, never a status.
        var groups = events.Select(e => e.GetProperty("group").GetString()).Distinct().ToList();
        Assert.DoesNotContain("disputed", groups);
        Assert.DoesNotContain("reported", groups);
        Assert.Contains("untagged", groups);
        var villages = events.Single(e => e.GetProperty("unique_id").GetString() == "villages-seized");
        Assert.Equal("27–29 November 2024", villages.GetProperty("display_date").GetString());
        Assert.Equal(29, villages.GetProperty("end_date").GetProperty("day").GetInt32());
        var entry = events.Single(e => e.GetProperty("unique_id").GetString() == "entry-into-western-aleppo");
        string text = entry.GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("Disputed", text);
        Assert.Contains("Opposition fighters say an unnamed opposition commander said", text);
        Assert.Contains("“For the first time in years, we have successfully advanced into Aleppo’s western districts”", text);
        string heart = events.Single(e => e.GetProperty("unique_id").GetString() == "rebels-reach-heart-of-city")
            .GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("state broadcaster (unnamed) denies it: the rebels had not reached the city.", heart);
        var year = events.Single(e => e.GetProperty("unique_id").GetString() == "government-gains-2020").GetProperty("start_date");
        Assert.False(year.TryGetProperty("month", out _)); // a year is a year, not 1 January
        string slides = string.Join("\n", events.Select(e => e.GetProperty("text").GetProperty("text").GetString()));
        AssertReaderText(slides);
    }

    [Fact]
    public void GeoJson_is_valid_rfc7946_longitude_first_with_bounds_in_the_project_time_zone()
    {
        var r = NodeValidators.Validate("geojson", Export("geojson")).Single();
        Assert.True(r.Valid, string.Join("\n", r.Errors));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "out.geojson")));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var aleppo = features.First(f => f.GetProperty("properties").GetProperty("place").GetString() == "aleppo-sy"); // Aleppo, from builtin:levant
        var coords = aleppo.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(37.16117, coords[0].GetDouble(), 5);
        Assert.Equal(36.20124, coords[1].GetDouble(), 5);
        // The deadliest incident's own place has no coordinates: it is drawn at the university it lies in, as approximate.
        JsonElement Of(string key, string value) =>
            features.Single(f => f.GetProperty("properties").GetProperty(key).GetString() == value).GetProperty("properties");
        var dorms = Of("event", "university-dormitories-shelling");
        Assert.Equal(2, dorms.GetProperty("geo_precision").GetInt32());
        Assert.Equal("University of Aleppo", dorms.GetProperty("located_at").GetString());
        // The air base lies somewhere in the governorate: precision 3.
        var airbase = Of("place", "airbase-southeast-of-aleppo");
        Assert.Equal(3, airbase.GetProperty("geo_precision").GetInt32());
        // Every event with a place is on the map.
        Assert.Equal(26, features.Select(f => f.GetProperty("properties").GetProperty("event").GetString()).Distinct().Count());
        // The project's time zone is +03:00: bounds are its days, not UTC's.
        var car = Of("event", "car-bombs-western-aleppo");
        Assert.Equal("2024-11-29T00:00:00+03:00", car.GetProperty("earliest").GetString());
        Assert.Equal("2024-11-29T23:59:59+03:00", car.GetProperty("latest").GetString());
        Assert.DoesNotContain("Z\"", File.ReadAllText(Path.Combine(_dir, "out.geojson")));
        Assert.All(features, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("properties").GetProperty("status").GetString())));
        Assert.All(features, f => Assert.All(f.GetProperty("properties").GetProperty("sources").EnumerateArray(),
            s => Assert.DoesNotContain("Unidentified", s.GetString()!)));
    }

    [Fact]
    public void Csv_reads_back_with_acled_columns_and_acled_coding()
    {
        var r = NodeValidators.Validate("csv", Export("csv")).Single();
        Assert.True(r.Valid, string.Join("\n", r.Errors));
        var text = File.ReadAllText(Path.Combine(_dir, "out.csv"));
        Assert.StartsWith("event_id,event_date,time_precision,", text);
        Assert.Contains("\r\n", text);
        var rows = Rows(text);
        Assert.Equal("4", rows["university-dormitories-shelling"]["fatalities"]);
        Assert.Equal("27", rows["un-civilian-toll"]["fatalities"]);
        // "dozens": ACLED codes it 12 and keeps the words in the notes.
        Assert.Equal("12", rows["fighters-killed-since-wednesday"]["fatalities"]);
        Assert.Contains("Fatalities coded 12 for “dozens”", rows["fighters-killed-since-wednesday"]["notes"]);
        // No figure reported: empty, not 0.
        Assert.Equal("", rows["car-bombs-western-aleppo"]["fatalities"]);
        Assert.DoesNotContain(rows.Values, row => row["fatalities"] == "0");
        // The dormitories are drawn at the university, geo precision 2, with coordinates.
        Assert.Equal("2", rows["university-dormitories-shelling"]["geo_precision"]);
        Assert.NotEqual("", rows["university-dormitories-shelling"]["latitude"]);
        Assert.Equal("3", rows["airbase-drone-attack"]["geo_precision"]);
        Assert.Equal("2024-11-29", rows["car-bombs-western-aleppo"]["event_date"]);
        Assert.DoesNotContain(rows.Values, row => row["source"].Contains("Unidentified", StringComparison.Ordinal));
        Assert.Contains("unnamed outlet, ‘Insurgents Breach Aleppo…’", rows["saraqib-fighting"]["source"]);
    }

    /// <summary>The CSV's rows by event id, each a map of column to value (RFC 4180 quoting).</summary>
    private static Dictionary<string, Dictionary<string, string>> Rows(string csv)
    {
        var records = new List<List<string>>();
        var field = new System.Text.StringBuilder();
        var record = new List<string>();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = new();
                i++;
            }
            else field.Append(ch);
        }
        var header = records[0];
        return records.Skip(1).ToDictionary(rec => rec[0], rec => header.Select((h, i) => (h, rec[i])).ToDictionary(p => p.h, p => p.Item2));
    }

    [Fact]
    public void Markdown_reads_as_a_newsroom_page()
    {
        string md = File.ReadAllText(Export("markdown"));
        Assert.StartsWith("# The 2024 opposition offensive on Aleppo\n\nEvents of 27-29 November 2024", md);
        Assert.Matches(@"\*Compiled by The Timeline example desk, from five news reports\. Last changed \d{1,2} [A-Z][a-z]+ \d{4}\. "
            + @"32 events from 5 sources\.\*", md);
        Assert.Contains("## Friday 29 November 2024 — Opposition factions claim entry into western Aleppo", md);
        Assert.Contains("**Disputed.**", md);
        // Paraphrase as reported speech, never in quotation marks; quotes in them exactly once.
        Assert.Contains("- Syria's state broadcaster (unnamed) denies it: the rebels had not reached the city.[^", md);
        Assert.Contains("- Opposition fighters say the factions had captured dozens of towns and villages.[^", md);
        Assert.Contains("- Syrian government denies it: government officials denied any breach into the city; a government source said", md);
        Assert.Contains(": “The fighting is ongoing, but no armed group has entered any part of Aleppo.”[^", md);
        // Figures as sentences; the overlap named by the other event's title.
        Assert.Contains("- At least 27 civilians killed, among them children as young as eight; the count may include those of "
            + "“Shelling of Aleppo University dormitories kills four, including two students, state media say”.[^", md);
        Assert.Contains("- Dozens of combatants killed.[^", md);
        Assert.Contains("- Four civilians killed, among them two students.[^", md);
        // Sources told apart; footnotes distinct and carrying the quote.
        Assert.Contains("Sources: unnamed outlet, ‘Insurgents Breach Aleppo…’[^", md);
        var notes = Regex.Matches(md, @"^\[\^\d+\]: (.*)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(notes.Count >= 5);
        Assert.Equal(notes.Count, notes.Distinct().Count());
        Assert.Contains(notes, n => n.EndsWith(": “dozens of fighters from both sides have been killed in the battles that started Wednesday”",
            StringComparison.Ordinal));
        Assert.Contains("## Sources\n\n- Unnamed outlet, “Insurgents Breach Aleppo: Heavy Clashes Erupt in Syria’s Second-Largest City”, "
            + "Friday 29 November 2024 (date inferred)\n", md);
        Assert.Contains("- North Press Agency, “Turkish-Backed Syrian Opposition Claims Entry into Aleppo City Amid Escalating Violence”, "
            + "by Kardo Roj, Friday 29 November 2024", md);
        AssertReaderText(Regex.Replace(md, @"\[\^\d+\]", ""));
    }

    [Fact]
    public void Html_is_one_self_contained_file_with_a_strict_policy_a_map_and_the_sources()
    {
        string html = File.ReadAllText(Export("html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain(" style=", html); // a strict policy allows no style attribute
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+=", html); // no event handler attribute: script runs only from the nonce
        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'; script-src 'nonce-", csp);
        string nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        Assert.Contains($"<style nonce=\"{nonce}\">", html);
        Assert.Equal(html, File.ReadAllText(Export("html"))); // the same chronology makes the same page
        Assert.Contains("data-filter=\"actor\"", html);
        Assert.Contains("data-filter=\"place\"", html);
        Assert.Contains("data-filter=\"status\"", html);
        Assert.Contains("<svg class=\"axis\"", html);
        Assert.Contains("<svg class=\"map\"", html);
        Assert.Contains("Natural Earth", html);
        Assert.Contains("class=\"event disputed\"", html);
        Assert.Contains("<h2 id=\"sources-title\">Sources</h2>", html);
    }

    [Fact]
    public void A_project_with_errors_is_refused_unless_forced_and_a_refused_export_leaves_the_old_file()
    {
        string project = Path.Combine(_dir, "p");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "a.timeline.yaml"),
            "title: T\nevents:\n  - {id: e, date: 2024-11-29, title: t, places: [nowhere], sources: []}\n");
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
