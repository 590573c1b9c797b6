using System.Text.Json;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>
/// The exports read back by a browser: the TimelineJS JSON loaded by TimelineJS itself, the HTML page with its
/// axis, map and filters, the page at the width of an editor's preview, the hostile project's page, TimelineJS
/// slides and rendered Markdown (no script of theirs runs), and the axis of a generated 2,000-event project; in
/// headless Chromium, with no console error and nothing fetched. Screenshots go to artifacts/screenshots. They need
/// Debian's chromium: CI installs it and sets TIMELINE_REQUIRE_BROWSER=1; elsewhere, without chromium, they are skipped.
/// </summary>
public class BrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-browser-").FullName;
    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    private static readonly object Gate = new();
    private static string Dir => Repo.Path("tests", "browser");

    internal static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>With TIMELINE_REQUIRE_BROWSER=1 a missing Chromium fails the test (without it, <see cref="BrowserFactAttribute"/> skips it).</summary>
    private static void RequireBrowser() =>
        Assert.True(File.Exists(Chromium), $"no Chromium at {Chromium}: the browser checks of the exports cannot run (apt-get install chromium)");

    private static JsonElement Check(string mode, string file, string screenshot, params string[] more)
    {
        lock (Gate)
        {
            if (!Directory.Exists(Path.Combine(Dir, "node_modules", "playwright-core")))
                Assert.Equal(0, NodeValidators.Run("npm", "ci --no-audit --no-fund", Dir, null).Code);
        }
        string extra = string.Concat(more.Select(m => $" \"{m}\""));
        var (code, output) = NodeValidators.Run("node", $"check.cjs {mode} \"{file}\" \"{screenshot}\"{extra}", Dir, null,
            new Dictionary<string, string> { ["CHROMIUM"] = Chromium });
        Assert.True(code == 0, output);
        var r = JsonDocument.Parse(output).RootElement.Clone();
        Assert.Empty(r.GetProperty("errors").EnumerateArray());
        // Self-contained: the exported pages ask for nothing off the machine (TimelineJS's own stylesheet asks for fonts).
        if (mode != "timelinejs") Assert.Empty(r.GetProperty("external").EnumerateArray());
        return r;
    }

    private string Export(string project, string format, bool force = false)
    {
        string file = Path.Combine(_dir, Path.GetFileName(project) + "." + format);
        var args = new List<string> { "export", project, "--format", format, "-o", file };
        if (force) args.Add("--force");
        var e = new StringWriter();
        Assert.True(CommandLine.RunAsync(args.ToArray(), TextReader.Null, new StringWriter(), e, Repo.Root).GetAwaiter().GetResult() == 0, e.ToString());
        return file;
    }

    private static string Screenshot(string name)
    {
        string dir = Repo.Path("artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static void AssertSafe(JsonElement r)
    {
        Assert.Equal(JsonValueKind.Null, r.GetProperty("pwned").ValueKind);
        if (r.TryGetProperty("violations", out var v)) Assert.Empty(v.EnumerateArray()); // the page's own script and style keep its policy
        Assert.Empty(r.GetProperty("scriptLinks").EnumerateArray());
        if (r.TryGetProperty("injected", out var i)) Assert.Empty(i.EnumerateArray());
    }

    [BrowserFact]
    public void TimelineJs_loads_the_export_and_shows_reader_text()
    {
        RequireBrowser();
        var r = Check("timelinejs", Export("examples/aleppo-2024", "timelinejs"), Screenshot("timelinejs.png"));
        Assert.Equal(33, r.GetProperty("slides").GetInt32());   // the title and 32 events
        Assert.Equal(32, r.GetProperty("markers").GetInt32());
        string slides = string.Join("\n", r.GetProperty("slideTexts").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Syria's state broadcaster (unnamed) denies it: the rebels had not reached the city.", slides);
        Assert.DoesNotContain("““", slides);
        Assert.DoesNotContain("Unidentified outlet", slides);
        Assert.DoesNotContain("&lt;", slides);
        Assert.True(File.Exists(Screenshot("timelinejs.png")));
    }

    [BrowserFact]
    public void The_html_page_shows_the_map_and_axis_linked_to_the_chronology()
    {
        RequireBrowser();
        var r = Check("html", Export("examples/aleppo-2024", "html"), Screenshot("chronology.png"), "university-dormitories-shelling", "aleppo-sy~");
        AssertSafe(r);
        Assert.Equal(32, r.GetProperty("events").GetInt32());
        string text = r.GetProperty("text").GetString()!;
        Assert.StartsWith("The 2024 opposition offensive on Aleppo\n", text);
        Assert.Contains("Compiled by The Timeline example desk, from five news reports. Last changed ", text);
        Assert.Contains("32 events from 5 sources.", text);
        Assert.Contains("Four civilians killed, among them two students.", text);
        Assert.Contains("Land and borders: Natural Earth", text);
        Assert.DoesNotContain("““", text);
        Assert.DoesNotContain("Unidentified outlet", text);
        Assert.DoesNotContain("university-dormitories-shelling", text);

        // The map: every placed event on it; approximate places drawn as such; the deadliest incident at its university.
        var map = r.GetProperty("map");
        var places = map.GetProperty("places").EnumerateArray().ToList();
        Assert.Equal(26, places.SelectMany(p => p.GetProperty("events").EnumerateArray().Select(e => e.GetString())).Distinct().Count());
        var university = places.Single(p => p.GetProperty("key").GetString() == "aleppo-university~");
        Assert.True(university.GetProperty("approximate").GetBoolean());
        Assert.Contains("university-dormitories-shelling", university.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(map.GetProperty("land").GetInt32() > 50);

        // Linked both ways: an event selected marks its place and its mark on the axis; a place selected lists its events.
        Assert.Equal(new[] { "aleppo-university~" }, r.GetProperty("selectedPlaces").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(new[] { "university-dormitories-shelling" }, r.GetProperty("selectedMarks").EnumerateArray().Select(x => x.GetString()));
        var atAleppo = r.GetProperty("visibleAtPlace").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(9, atAleppo.Count);
        Assert.Contains("car-bombs-western-aleppo", atAleppo);
        Assert.Equal("9 of 32 events at Aleppo", r.GetProperty("countAtPlace").GetString());
        Assert.True(File.Exists(Screenshot("chronology-place.png")));

        // The filters reach the axis and the map.
        Assert.Equal("6 of 32 events", r.GetProperty("countDisputed").GetString());
        var disputed = new[]
        {
            "turkish-green-light", "entry-into-western-aleppo", "city-centre-entry", "rebels-reach-heart-of-city",
            "scientific-research-center-captured", "rebels-control-neighbourhoods",
        };
        Assert.Equal(disputed, r.GetProperty("visibleDisputed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(disputed, r.GetProperty("marksShownDisputed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(new[] { "al-zahraa", "aleppo-sy~", "hamdaniyah", "new-aleppo", "rashidin", "scientific-research-center" },
            r.GetProperty("placesShownDisputed").EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal));

        // The axis: no two marks overlap, and the events of November 2024 have most of the width.
        var axis = r.GetProperty("axis");
        double width = axis.GetProperty("width").GetDouble();
        var marks = axis.GetProperty("marks").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetString()!, X: m.GetProperty("x").GetDouble(), W: m.GetProperty("width").GetDouble())).ToList();
        Assert.Equal(32, marks.Count);
        for (int i = 1; i < marks.Count; i++) Assert.True(marks[i].X >= marks[i - 1].X + marks[i - 1].W, $"{marks[i].Id} overlaps {marks[i - 1].Id}");
        Assert.All(marks, m => Assert.True(m.W >= 10, $"{m.Id} is {m.W:0.#} px wide"));
        var november = marks.Where(m => m.Id is not ("battle-of-aleppo-2016" or "government-gains-2020" or "ceasefire-march-2020")).ToList();
        Assert.True(november[^1].X + november[^1].W - november[0].X > 0.75 * width);
        AssertLabelsApart(axis);
    }

    private static void AssertLabelsApart(JsonElement axis)
    {
        var labels = axis.GetProperty("labels").EnumerateArray()
            .Select(l => (Text: l.GetProperty("text").GetString(), X: l.GetProperty("x").GetDouble(), W: l.GetProperty("width").GetDouble()))
            .OrderBy(l => l.X).ToList();
        Assert.True(labels.Count >= 2);
        for (int i = 1; i < labels.Count; i++)
            Assert.True(labels[i].X >= labels[i - 1].X + labels[i - 1].W, $"'{labels[i].Text}' overlaps '{labels[i - 1].Text}'");
    }

    [BrowserFact]
    public void The_page_works_at_the_width_of_an_editor_preview()
    {
        RequireBrowser();
        var r = Check("preview", Export("examples/aleppo-2024", "html"), Screenshot("preview.png"), "university-dormitories-shelling");
        AssertSafe(r);
        Assert.StartsWith("default-src 'none'; script-src 'nonce-", r.GetProperty("csp").GetString());
        Assert.Equal(32, r.GetProperty("events").GetInt32());
        Assert.True(r.GetProperty("map").GetProperty("places").GetArrayLength() > 5);
        AssertLabelsApart(r.GetProperty("axis")); // spaced again for the narrower page
        // The editor posts the event under the cursor: the page selects it and marks its place.
        Assert.Equal(new[] { "university-dormitories-shelling" }, r.GetProperty("revealed").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(new[] { "aleppo-university~" }, r.GetProperty("revealedPlaces").EnumerateArray().Select(x => x.GetString()));
    }

    [BrowserFact]
    public void No_script_of_a_hostile_project_runs_in_the_page_timelinejs_or_rendered_markdown()
    {
        RequireBrowser();
        var html = Check("html", Export("tests/exports/hostile", "html", force: true), Screenshot("hostile.png"));
        AssertSafe(html);
        string text = html.GetProperty("text").GetString()!;
        Assert.Contains("<script>window.__pwned = 'title'</script># Not a heading [link](javascript:alert(1))", text);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 'event'\"> **bold** `code` <https://example.org>", text);

        var tjs = Check("timelinejs", Export("tests/exports/hostile", "timelinejs", force: true), Screenshot("hostile-timelinejs.png"));
        AssertSafe(tjs);
        Assert.Contains("<script>window.__pwned = 'title'</script># Not a heading [link](javascript:alert(1))",
            tjs.GetProperty("headlines").EnumerateArray().Select(h => h.GetString()));

        string rendered = Path.Combine(_dir, "hostile-markdown.html");
        File.WriteAllText(rendered, "<!DOCTYPE html><meta charset=\"utf-8\"><body>"
            + Timeline.Core.Tests.Export.HostileExportTests.RenderMarkdown(File.ReadAllText(Export("tests/exports/hostile", "markdown", force: true)))
            + "</body>");
        var md = Check("page", rendered, Screenshot("hostile-markdown.png"));
        AssertSafe(md);
        Assert.Contains("<script>window.__pwned = 'title'</script># Not a heading", md.GetProperty("text").GetString());
    }

    [BrowserFact]
    public void The_axis_of_a_generated_2000_event_project_spreads_its_events()
    {
        RequireBrowser();
        string project = Path.Combine(_dir, "generated");
        Timeline.Bench.Generator.Project(project, 2000, 300);
        // The generator's sources are published before some of their events (TL106): exported with --force.
        var r = Check("html", Export(project, "html", force: true), Screenshot("axis-2000.png"));
        AssertSafe(r);
        Assert.Equal(2000, r.GetProperty("events").GetInt32());
        var axis = r.GetProperty("axis");
        double width = axis.GetProperty("width").GetDouble();
        var xs = axis.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("x").GetDouble()).ToList();
        Assert.Equal(2000, xs.Count);
        for (int i = 1; i < xs.Count; i++) Assert.True(xs[i] >= xs[i - 1], "marks are in date order");
        // Spread: no stretch of 10 pixels holds more than 2% of the events.
        int crowded = xs.GroupBy(x => (int)(x / 10)).Max(g => g.Count());
        Assert.True(crowded <= 40, $"{crowded} events in one 10-pixel stretch of {width:0} px");
        AssertLabelsApart(axis);
    }
}

/// <summary>A test that needs Chromium: skipped, and reported as skipped, when there is none, unless TIMELINE_REQUIRE_BROWSER=1.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserTests.Chromium) && Environment.GetEnvironmentVariable("TIMELINE_REQUIRE_BROWSER") != "1")
            Skip = $"no Chromium at {BrowserTests.Chromium}: the browser checks of the exports did not run (apt-get install chromium)";
    }
}
