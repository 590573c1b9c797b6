using System.Text.Json;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>
/// The exports read back by a browser: the TimelineJS JSON loaded by TimelineJS itself, and the
/// HTML page with its filters, in headless Chromium, with no console error; screenshots go to
/// artifacts/screenshots. They need Debian's chromium: CI installs it and sets
/// TIMELINE_REQUIRE_BROWSER=1; elsewhere, without chromium, they say so and do not run.
/// </summary>
public class BrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-browser-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private static readonly object Gate = new();
    private static string Dir => Repo.Path("tests", "browser");
    private static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    private static bool Available(out string why)
    {
        why = "";
        if (File.Exists(Chromium)) return true;
        why = $"no Chromium at {Chromium}: the browser checks of the exports did not run (apt-get install chromium)";
        Assert.True(Environment.GetEnvironmentVariable("TIMELINE_REQUIRE_BROWSER") != "1", why);
        return false;
    }

    private static JsonElement Check(string mode, string file, string screenshot)
    {
        lock (Gate)
        {
            if (!Directory.Exists(Path.Combine(Dir, "node_modules", "playwright-core")))
                Assert.Equal(0, NodeValidators.Run("npm", "ci --no-audit --no-fund", Dir, null).Code);
        }
        var (code, output) = NodeValidators.Run("node", $"check.cjs {mode} \"{file}\" \"{screenshot}\"", Dir, null,
            new Dictionary<string, string> { ["CHROMIUM"] = Chromium });
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private string Export(string format)
    {
        string file = Path.Combine(_dir, "aleppo-2024." + format);
        var e = new StringWriter();
        Assert.Equal(0, CommandLine.RunAsync(new[] { "export", "examples/aleppo-2024", "--format", format, "-o", file }, TextReader.Null, new StringWriter(), e, Repo.Root).GetAwaiter().GetResult());
        return file;
    }

    private static string Screenshot(string name)
    {
        string dir = Repo.Path("artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [Fact]
    public void TimelineJs_loads_the_export_without_a_console_error()
    {
        if (!Available(out _)) return;
        var r = Check("timelinejs", Export("timelinejs"), Screenshot("timelinejs.png"));
        Assert.Empty(r.GetProperty("errors").EnumerateArray());
        Assert.Equal(33, r.GetProperty("slides").GetInt32());   // the title and 32 events
        Assert.Equal(32, r.GetProperty("markers").GetInt32());
        Assert.True(File.Exists(Screenshot("timelinejs.png")));
    }

    [Fact]
    public void The_html_page_renders_and_filters_without_a_console_error()
    {
        if (!Available(out _)) return;
        var r = Check("html", Export("html"), Screenshot("chronology.png"));
        Assert.Empty(r.GetProperty("errors").EnumerateArray());
        Assert.Empty(r.GetProperty("external").EnumerateArray()); // self-contained: asks for nothing off the machine
        Assert.Equal(32, r.GetProperty("events").GetInt32());
        Assert.Equal("6 of 32 events", r.GetProperty("countDisputed").GetString());
        Assert.Equal(new[] { "turkish-green-light", "entry-into-western-aleppo", "city-centre-entry", "rebels-reach-heart-of-city",
            "scientific-research-center-captured", "rebels-control-neighbourhoods" },
            r.GetProperty("visibleDisputed").EnumerateArray().Select(x => x.GetString()));
    }
}
