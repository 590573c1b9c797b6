using Timeline.Core.Capture;

namespace Timeline.Core.Tests.Capture;

/// <summary>
/// <c>--add-to</c>: the entry is appended to the file's <c>sources:</c> list as one insertion that
/// keeps every comment, the file's indentation and line endings; the id must be new to the file.
/// </summary>
public sealed class AddToTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("timeline-capture-add-").FullName;
    private static readonly DateTimeOffset Now = new(2024, 11, 29, 14, 5, 9, TimeSpan.Zero);

    public AddToTests()
    {
        File.WriteAllText(Path.Combine(_project, "timeline.config.yaml"), "");
        File.WriteAllText(Path.Combine(_project, "page.html"), """
            <html><head><meta property="og:site_name" content="North Press Agency"><title>Opposition claims entry into Aleppo</title>
            <meta property="article:published_time" content="2024-11-29"><link rel="canonical" href="https://npasyria.example/122345/claims-entry/"></head>
            <body><article><p>ALEPPO, Syria (North Press) – Turkish-backed factions claimed entry into the city.</p></article></body></html>
            """);
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private Task<CaptureResult> Capture(string addTo, string id = "npa-claims-entry") =>
        Capturer.CaptureAsync(new CaptureRequest
        {
            Input = "page.html", WorkingDirectory = _project, Id = id, AddTo = addTo, Clock = new FixedClock(Now),
        });

    /// <summary>The entry as the test expects it in a file: a dash at one column, keys at another, the file's line ending.</summary>
    private static string Item(CaptureResult r, int dash, int key, string nl = "\n") =>
        new string(' ', dash) + "-" + new string(' ', key - dash - 1) + string.Join(nl + new string(' ', key), r.Entry.Fields()) + nl;

    private async Task<(string Before, string After, CaptureResult Result)> AddTo(string name, string text)
    {
        string path = Path.Combine(_project, name);
        File.WriteAllText(path, text);
        var result = await Capture(name);
        return (text, File.ReadAllText(path), result);
    }

    private const string WithComments = """
        # The reports this chronology is built from.
        sources:
          # North Press, the first to report.
          - id: north-press-claims-entry   # NPA
            publisher: North Press Agency
            published: 2024-11-29
            notes: >-
              Dateline "ALEPPO, Syria (North Press)".
          # More to come.
        # The end.

        """;

    [Fact]
    public async Task Comments_are_kept_and_the_item_goes_after_the_last_one()
    {
        var (before, after, r) = await AddTo("reports.sources.yaml", WithComments);
        int at = before.IndexOf("  # More to come.", StringComparison.Ordinal);
        Assert.Equal(before[..at] + Item(r, 2, 4) + before[at..], after);
        Assert.Equal("snapshots/npa-claims-entry.txt", r.Entry.Snapshot);
        Assert.Equal("""
            id: npa-claims-entry
            publisher: North Press Agency
            published: 2024-11-29
            title: Opposition claims entry into Aleppo
            url: https://npasyria.example/122345/claims-entry/
            snapshot: snapshots/npa-claims-entry.txt
            """.ReplaceLineEndings("\n"), string.Join("\n", r.Entry.Fields().Take(6)));
    }

    [Fact]
    public async Task Crlf_line_endings_are_kept()
    {
        var (before, after, r) = await AddTo("reports.sources.yaml", Repo.ToCrlf(WithComments));
        int at = before.IndexOf("  # More to come.", StringComparison.Ordinal);
        Assert.Equal(before[..at] + Item(r, 2, 4, "\r\n") + before[at..], after);
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
    }

    [Theory]
    [InlineData("sources:\n    - id: a\n      publisher: A\n      published: 2024-11-29\n", 4, 6)]
    [InlineData("sources:\n    -   id: a\n        publisher: A\n        published: 2024-11-29\n", 4, 8)]
    [InlineData("sources:\n- id: a\n  publisher: A\n  published: 2024-11-29\n", 0, 2)]
    [InlineData("sources:\n  - {id: a, publisher: A, published: 2024-11-29}\n", 2, 4)]
    public async Task The_file_s_indentation_is_followed(string text, int dash, int key)
    {
        var (before, after, r) = await AddTo("r.sources.yaml", text);
        Assert.Equal(before + Item(r, dash, key), after);
    }

    [Theory]
    [InlineData("title: T\nevents: []\n", "title: T\nevents: []\nsources:\n", 2)]
    [InlineData("title: T\nevents:\n    - id: e\n      date: 2024-11-29\n      title: E\n      sources: [npa-claims-entry]",
                "title: T\nevents:\n    - id: e\n      date: 2024-11-29\n      title: E\n      sources: [npa-claims-entry]\nsources:\n", 4)]
    public async Task A_file_without_sources_gets_the_key(string text, string expectedStart, int step)
    {
        var (_, after, r) = await AddTo("a.timeline.yaml", text);
        Assert.Equal(expectedStart + Item(r, step, step + 2), after);
    }

    [Fact]
    public async Task An_empty_sources_key_gets_its_first_item_and_a_new_sources_file_is_made()
    {
        var (_, after, r) = await AddTo("r.sources.yaml", "sources:\n");
        Assert.Equal("sources:\n" + Item(r, 2, 4).TrimEnd('\n') + "\n", after);

        var made = await Capturer.CaptureAsync(new CaptureRequest
        {
            Input = "page.html", WorkingDirectory = _project, Id = "second", AddTo = "new/more.sources.yaml", Clock = new FixedClock(Now),
        });
        Assert.Equal("sources:\n" + Item(made, 2, 4), File.ReadAllText(Path.Combine(_project, "new", "more.sources.yaml")));
        Assert.Equal("../snapshots/second.txt", made.Entry.Snapshot);
    }

    [Fact]
    public async Task A_byte_order_mark_is_kept()
    {
        string path = Path.Combine(_project, "bom.sources.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "sources:\n  - {id: a, publisher: A, published: 2024-11-29}\n"u8]);
        await Capture("bom.sources.yaml");
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'s'], File.ReadAllBytes(path)[..4]);
    }

    [Theory]
    [InlineData("r.sources.yaml", "sources:\n  - id: npa-claims-entry # already here\n    publisher: X\n    published: 2024-11-29\n",
                "already has a source 'npa-claims-entry'")]
    [InlineData("r.sources.yaml", "sources: [{id: a, publisher: A, published: 2024-11-29}]\n", "not a list the entry can be added to")]
    [InlineData("r.places.yaml", "places: []\n", "--add-to takes a *.sources.yaml or *.timeline.yaml file")]
    public async Task Refused_edits_change_nothing_and_write_no_snapshot(string name, string text, string message)
    {
        string path = Path.Combine(_project, name);
        File.WriteAllText(path, text);
        var ex = await Assert.ThrowsAsync<CaptureRefusedException>(() => Capture(name));
        Assert.Contains(message, ex.Message);
        Assert.Equal(text, File.ReadAllText(path));
        Assert.False(Directory.Exists(Path.Combine(_project, "snapshots")));
    }
}
