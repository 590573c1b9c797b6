using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Capture;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Capture;

/// <summary>A clock that always says the same time, so that written entries can be compared whole.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// <c>timeline capture</c> against pages served from the loopback address: metadata and its
/// fallbacks, the limits (time, size, redirects, schemes, kinds of answer), charsets, and that a
/// refused page leaves nothing written.
/// </summary>
public sealed class CaptureTests : IAsyncLifetime
{
    private readonly string _project = Directory.CreateTempSubdirectory("timeline-capture-").FullName;
    private readonly LoopbackServer _server = new();
    private static readonly DateTimeOffset Now = new(2024, 11, 29, 14, 5, 9, 250, TimeSpan.Zero);

    public Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_project, "timeline.config.yaml"), "require-sources: true\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_project, recursive: true);
    }

    private string Snapshots => Path.Combine(_project, "snapshots");

    private Task<CaptureResult> Capture(string input, string? id = null, string? addTo = null, CaptureLimits? limits = null) =>
        Capturer.CaptureAsync(new CaptureRequest
        {
            Input = input, WorkingDirectory = _project, Id = id, AddTo = addTo, Limits = limits ?? CaptureLimits.Default, Clock = new FixedClock(Now),
        });

    private async Task<string> Refused(string input, CaptureLimits? limits = null, string? addTo = null, string? id = null)
    {
        var ex = await Assert.ThrowsAsync<CaptureRefusedException>(() => Capture(input, id, addTo, limits));
        Assert.False(Directory.Exists(Snapshots) && Directory.EnumerateFileSystemEntries(Snapshots).Any(), "a refused capture wrote a snapshot");
        return ex.Message;
    }

    internal const string Article = """
        <!doctype html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Rebels reach the heart of Aleppo | Levant Wire</title>
        <meta property="og:site_name" content="Levant Wire">
        <meta property="og:title" content="Rebels reach the heart of Aleppo: the army denies any breach">
        <meta name="author" content="Rose James">
        <meta property="article:published_time" content="2024-11-29T23:30:00-05:00">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "JSON-LD headline", "datePublished": "2024-11-28T10:00:00Z",
         "author": [{"@type": "Person", "name": "Someone Else"}]}
        </script>
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>Site banner</p></header>
        <main>
          <article>
            <header><h1>Rebels reach the heart of Aleppo</h1><p class="byline">By Rose James</p></header>
            <p>Four civilians, including two students,   died in Aleppo on Friday, state media said.</p>
            <aside><p>Read more: an older story</p></aside>
            <p>The army denied any breach of the city.</p>
            <form><input name="q"><button>Search</button></form>
            <footer>Tags: Syria</footer>
          </article>
          <article><p>Short teaser</p></article>
        </main>
        <footer><p>Copyright Levant Wire</p></footer>
        </body></html>
        """;

    [Fact]
    public async Task An_article_gives_its_metadata_original_and_main_text()
    {
        _server.MapRedirect("/story", "/world/syria/rebels-reach-heart-of-aleppo-12345678");
        _server.MapPage("/world/syria/rebels-reach-heart-of-aleppo-12345678", Article);
        var result = await Capture(_server.Url("/story").AbsoluteUri);
        var e = result.Entry;

        Assert.Equal("rebels-reach-heart-of-aleppo", e.Id);
        Assert.Equal("Levant Wire", e.Publisher);
        Assert.Equal("2024-11-29", e.Published); // the day where it was published, not the UTC day
        Assert.Equal("Rebels reach the heart of Aleppo: the army denies any breach", e.Title);
        Assert.Equal("Rose James", e.Author);
        Assert.Equal(_server.Url("/world/syria/rebels-reach-heart-of-aleppo-12345678").AbsoluteUri, e.Url); // after the redirect
        Assert.Equal("snapshots/rebels-reach-heart-of-aleppo.txt", e.Snapshot);
        Assert.Empty(result.Warnings);

        string txt = Path.Combine(Snapshots, "rebels-reach-heart-of-aleppo.txt"), html = Path.Combine(Snapshots, "rebels-reach-heart-of-aleppo.html");
        Assert.Equal(new[] { html, txt }, result.Written);
        Assert.Equal(Encoding.UTF8.GetBytes(Article), File.ReadAllBytes(html)); // the original, byte for byte
        string reading = File.ReadAllText(txt);
        Assert.Equal("""
            Rebels reach the heart of Aleppo

            By Rose James

            Four civilians, including two students, died in Aleppo on Friday, state media said.

            The army denied any breach of the city.

            """.ReplaceLineEndings("\n"), reading);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(txt))), e.Sha256);
        Assert.Equal($"""
            - id: rebels-reach-heart-of-aleppo
              publisher: Levant Wire
              published: 2024-11-29
              title: "Rebels reach the heart of Aleppo: the army denies any breach"
              author: Rose James
              url: {e.Url}
              snapshot: snapshots/rebels-reach-heart-of-aleppo.txt
              sha256: {e.Sha256}
              captured: 2024-11-29T14:05:09Z

            """.ReplaceLineEndings("\n"), result.Yaml);
        Assert.Empty(Directory.GetFiles(Snapshots, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(Snapshots, ".*")));
    }

    [Fact]
    public async Task Json_ld_gives_what_the_meta_elements_do_not()
    {
        _server.MapPage("/ld", """
            <html><head><title>Page title</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "ignored"},
              {"@type": "NewsArticle", "headline": "Clashes erupt in Aleppo", "datePublished": "2024-11-29T08:00:00+03:00",
               "author": [{"@type": "Person", "name": "Kardo Roj"}, {"@type": "Person", "name": "Jane Roe"}],
               "publisher": {"@type": "Organization", "name": "North Press Agency"}}]}
            </script></head>
            <body><article><p>Clashes erupted.</p></article></body></html>
            """);
        var e = (await Capture(_server.Url("/ld").AbsoluteUri, id: "npa-clashes")).Entry;
        Assert.Equal(("North Press Agency", "2024-11-29", "Clashes erupt in Aleppo", "Kardo Roj and Jane Roe"),
            (e.Publisher, e.Published, e.Title, e.Author));
    }

    [Fact]
    public async Task A_page_without_metadata_falls_back_on_its_title_time_element_and_address()
    {
        _server.MapPage("/plain-page", """
            <html><head><title>Insurgents breach Aleppo</title></head>
            <body><div class="menu"><ul><li>Home</li></ul></div>
            <p>Heavy clashes <b>erupted</b> in Syria's second city.</p><p>Posted <time datetime="2024-11-29">Friday</time></p></body></html>
            """);
        var e = (await Capture(_server.Url("/plain-page").AbsoluteUri)).Entry;
        Assert.Equal("plain-page", e.Id); // an address by number names no outlet
        Assert.Equal("127.0.0.1", e.Publisher); // the host stands for the outlet
        Assert.Equal("2024-11-29", e.Published);
        Assert.Equal("Insurgents breach Aleppo", e.Title);
        Assert.Null(e.Author);
        Assert.Contains("Heavy clashes erupted in Syria's second city.", File.ReadAllText(Path.Combine(Snapshots, "plain-page.txt")));
    }

    [Fact]
    public async Task A_teaser_article_does_not_stand_for_the_story()
    {
        _server.MapPage("/story-in-a-div", """
            <html><body>
            <div class="story"><h1>Aleppo under fire</h1>
              <p>Opposition fighters entered western Aleppo on Friday, according to the Syrian Observatory for Human Rights.</p>
              <p>The government denied any breach and said reinforcements had been sent to the city's outskirts.</p>
            </div>
            <div class="cards"><article><p>Teaser: more on Syria</p></article></div>
            </body></html>
            """);
        var result = await Capture(_server.Url("/story-in-a-div").AbsoluteUri);
        string reading = File.ReadAllText(result.Written[1]);
        Assert.StartsWith("Aleppo under fire\n\nOpposition fighters entered western Aleppo", reading);
    }

    [Fact]
    public async Task A_date_only_in_the_address_is_inferred_unless_the_page_prints_it()
    {
        _server.MapPage("/news/2024/11/29/quiet-day", "<html><body><p>Nothing dated here.</p></body></html>");
        _server.MapPage("/news/2024-11-28-printed", "<html><body><p>Aleppo, 28 November 2024 - clashes.</p></body></html>");
        _server.MapPage("/news/undated", "<html><body><p>No date at all.</p></body></html>");
        Assert.Equal("2024-11-29?", (await Capture(_server.Url("/news/2024/11/29/quiet-day").AbsoluteUri)).Entry.Published);
        Assert.Equal("2024-11-28", (await Capture(_server.Url("/news/2024-11-28-printed").AbsoluteUri)).Entry.Published);
        var undated = await Capture(_server.Url("/news/undated").AbsoluteUri);
        Assert.Null(undated.Entry.Published);
        Assert.Contains(undated.Warnings, w => w.Contains("publication date"));
        Assert.Contains("published:  # not on the page", undated.Yaml);
    }

    [Fact]
    public async Task A_slow_answer_hits_the_time_limit_and_nothing_is_written()
    {
        _server.Map("/slow", async (s, c) =>
        {
            await LoopbackServer.Respond(s, "200 OK", ["Content-Type: text/html", "Content-Length: 100000"], "<html><body><p>"u8.ToArray(), c);
            await s.FlushAsync(c);
            await Task.Delay(TimeSpan.FromSeconds(30), c);
        });
        var started = System.Diagnostics.Stopwatch.StartNew();
        string message = await Refused(_server.Url("/slow").AbsoluteUri, CaptureLimits.Default with { Timeout = TimeSpan.FromSeconds(1) });
        Assert.Contains("time limit of 1 s", message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), "the time limit did not stop the fetch");
    }

    [Fact]
    public async Task A_huge_answer_hits_the_size_limit_and_reading_stops()
    {
        // No Content-Length: the limit must be enforced on what arrives, not on what is declared.
        _server.Map("/huge", async (s, c) =>
        {
            await LoopbackServer.Respond(s, "200 OK", ["Content-Type: text/html"], "<html><body>"u8.ToArray(), c);
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text</p>\n", 3000)));
            for (long sent = 0; sent < 64L * 1024 * 1024; sent += chunk.Length) await s.WriteAsync(chunk, c);
        });
        _server.MapPage("/declared", "text/html", new byte[11 * 1024 * 1024]);
        Assert.Contains("over the size limit of 10 MiB", await Refused(_server.Url("/huge").AbsoluteUri));
        Assert.Contains("over the size limit of 10 MiB", await Refused(_server.Url("/declared").AbsoluteUri));
    }

    [Fact]
    public async Task Redirect_loops_long_chains_and_other_schemes_are_refused()
    {
        _server.MapRedirect("/a", "/b");
        _server.MapRedirect("/b", "/a", status: 301);
        Assert.Contains("redirects in a loop", await Refused(_server.Url("/a").AbsoluteUri));

        for (int i = 0; i < 6; i++) _server.MapRedirect($"/chain{i}", $"/chain{i + 1}", status: 307);
        _server.MapPage("/chain6", "<p>end</p>");
        Assert.Contains("more than 5 redirects", await Refused(_server.Url("/chain0").AbsoluteUri));
        // Five redirects are followed.
        Assert.Equal(_server.Url("/chain6").AbsoluteUri, (await Capture(_server.Url("/chain1").AbsoluteUri, id: "five-redirects")).Entry.Url);
        Directory.Delete(Snapshots, recursive: true);

        _server.MapRedirect("/to-ftp", "ftp://127.0.0.1/file.html");
        _server.MapRedirect("/to-file", "file:///etc/passwd");
        Assert.Contains("not an http or https address", await Refused(_server.Url("/to-ftp").AbsoluteUri));
        Assert.Contains("not an http or https address", await Refused(_server.Url("/to-file").AbsoluteUri));
        Assert.Contains("not an http or https address", await Refused("ftp://127.0.0.1/page.html"));
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_refused()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        int port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        Assert.Contains("could not fetch", await Refused($"http://127.0.0.1:{port}/page"));
    }

    [Fact]
    public async Task A_non_html_answer_is_refused_and_plain_text_is_kept_as_text()
    {
        _server.MapPage("/report.pdf", "application/pdf", "%PDF-1.7"u8.ToArray());
        _server.MapPage("/error", "text/html", []);
        _server.Map("/gone", (s, c) => LoopbackServer.Respond(s, "410 Gone", ["Content-Length: 0"], [], c));
        Assert.Contains("application/pdf, not a web page", await Refused(_server.Url("/report.pdf").AbsoluteUri));
        Assert.Contains("answered 410", await Refused(_server.Url("/gone").AbsoluteUri));

        byte[] text = "Aleppo, 29 November 2024\n\nThe UN said at least 27 civilians were killed.\n"u8.ToArray();
        _server.MapPage("/2024/11/29/wire-copy.txt", "text/plain; charset=utf-8", text);
        var result = await Capture(_server.Url("/2024/11/29/wire-copy.txt").AbsoluteUri);
        Assert.Equal("wire-copy", result.Entry.Id);
        Assert.Equal([Path.Combine(Snapshots, "wire-copy.txt")], result.Written);
        Assert.Equal(text, File.ReadAllBytes(result.Written[0]));
        Assert.Equal("2024-11-29", result.Entry.Published); // in the address, and printed
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(text)), result.Entry.Sha256);
    }

    [Fact]
    public async Task The_charset_comes_from_the_header_else_from_the_meta_element()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] latin = Encoding.GetEncoding("windows-1252").GetBytes("<html><body><p>Le café d’Alep a rouvert.</p></body></html>");
        _server.MapPage("/header", "text/html; charset=windows-1252", latin);
        byte[] arabic = Encoding.GetEncoding("windows-1256").GetBytes(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head>"
            + "<body><p>اشتباكات في حلب</p></body></html>");
        _server.MapPage("/meta", "text/html", arabic);
        byte[] metaCharset = Encoding.GetEncoding("iso-8859-1").GetBytes("<meta charset=\"iso-8859-1\"><p>Déjà vu à Alep</p>");
        _server.MapPage("/meta2", "text/html", metaCharset);

        Assert.Equal("Le café d’Alep a rouvert.\n", await Reading("/header", "header"));
        Assert.Equal("اشتباكات في حلب\n", await Reading("/meta", "meta"));
        Assert.Equal("Déjà vu à Alep\n", await Reading("/meta2", "meta2"));
        Assert.Equal(arabic, File.ReadAllBytes(Path.Combine(Snapshots, "meta.html"))); // the original keeps its own encoding

        async Task<string> Reading(string path, string id)
        {
            var r = await Capture(_server.Url(path).AbsoluteUri, id: id);
            return File.ReadAllText(r.Written[1], Encoding.UTF8);
        }
    }

    [Fact]
    public async Task A_saved_file_is_read_from_disk_with_its_canonical_address()
    {
        string saved = Path.Combine(_project, "saved", "Rebels Reach Aleppo.html");
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        const string canonical = "<link rel=\"canonical\" href=\"https://www.levantwire.example/2024/11/29/rebels-aleppo\">";
        File.WriteAllText(saved, Article.Replace("<meta name=\"author\"", canonical + "<meta name=\"author\""));
        var result = await Capture("saved/Rebels Reach Aleppo.html");
        Assert.Equal("levantwire-rebels-aleppo", result.Entry.Id);
        Assert.Equal("https://www.levantwire.example/2024/11/29/rebels-aleppo", result.Entry.Url);
        Assert.Empty(_server.Requests);

        File.WriteAllText(Path.Combine(_project, "bare.htm"), "<p>No address anywhere.</p>");
        var bare = await Capture("bare.htm");
        Assert.Equal(("bare", null, null), (bare.Entry.Id, bare.Entry.Url, bare.Entry.Publisher));
        Assert.Contains("publisher:  # not on the page", bare.Yaml);

        File.WriteAllText(Path.Combine(_project, "notes.txt"), "x");
        Assert.Contains("not a saved web page", (await Assert.ThrowsAsync<CaptureRefusedException>(() => Capture("notes.txt"))).Message);
        Assert.Contains("no such file", (await Assert.ThrowsAsync<CaptureRefusedException>(() => Capture("missing.html"))).Message);
    }

    [Fact]
    public async Task An_invalid_id_and_an_existing_snapshot_are_refused()
    {
        _server.MapPage("/p", "<p>text</p>");
        Assert.Contains("not a valid id", await Refused(_server.Url("/p").AbsoluteUri, id: "Not An Id"));
        await Capture(_server.Url("/p").AbsoluteUri, id: "once");
        var before = File.ReadAllBytes(Path.Combine(Snapshots, "once.txt"));
        var ex = await Assert.ThrowsAsync<CaptureRefusedException>(() => Capture(_server.Url("/p").AbsoluteUri, id: "once"));
        Assert.Contains("already exists", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Snapshots, "once.txt")));
    }

    [Fact]
    public async Task A_snapshot_folder_outside_the_project_is_written_with_a_warning()
    {
        _server.MapPage("/p", "<p>text</p>");
        string outside = Directory.CreateTempSubdirectory("timeline-capture-outside-").FullName;
        try
        {
            var result = await Capturer.CaptureAsync(new CaptureRequest
            {
                Input = _server.Url("/p").AbsoluteUri, WorkingDirectory = _project, Id = "outside", Dir = outside, Clock = new FixedClock(Now),
            });
            Assert.Contains(result.Warnings, w => w.Contains("outside the project"));
            Assert.True(File.Exists(Path.Combine(outside, "outside.txt")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task The_written_entry_passes_the_check_with_its_snapshot()
    {
        _server.MapPage("/world/2024/11/29/rebels-reach-heart-of-aleppo", Article);
        File.WriteAllText(Path.Combine(_project, "aleppo.timeline.yaml"), """
            title: Aleppo
            events:
              - id: dormitories
                date: 2024-11-29
                title: Four civilians killed at the university dormitories
                sources:
                  - source: levantwire-rebels-reach-heart-of-aleppo
                    quote: Four civilians, including two students, died in Aleppo on Friday
            """);
        Directory.CreateDirectory(Path.Combine(_project, "sources"));
        var result = await Capture(_server.Url("/world/2024/11/29/rebels-reach-heart-of-aleppo").AbsoluteUri,
            id: "levantwire-rebels-reach-heart-of-aleppo", addTo: "sources/reports.sources.yaml");
        Assert.Equal("../snapshots/levantwire-rebels-reach-heart-of-aleppo.txt", result.Entry.Snapshot);

        var project = ProjectAnalyzer.Analyze(ProjectLoader.Load(PhysicalFileSystem.Instance, _project));
        Assert.Contains(project.Project.Files,
            f => f.Sources.Any(s => s.Id == "levantwire-rebels-reach-heart-of-aleppo" && s.PublishedDay == new DateOnly(2024, 11, 29)));
        var problems = project.Diagnostics.SelectMany(p => p.Value.Select(d => $"{Path.GetFileName(p.Key)}: {d.Code} {d.Message}")).ToList();
        Assert.DoesNotContain(problems, p => p.Contains(" TL0") || p.Contains(" TL1") || p.Contains(" TL2")
            || p.Contains(" TL306") || p.Contains(" TL307")
                                            || p.Contains(" TL308"));
    }
}
