using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// The typed protocol as a client reads it: the capabilities (against a golden file), semantic
/// tokens and code lenses encoded for LSP, a diagnostic's page, the edits' optional version, and
/// the preview made from the server's own copy of a document.
/// </summary>
public class ProtocolTests : ServerOnDisk
{
    private const string Sources = """
        sources:
          - id: wire
            publisher: Reuters
            published: 2024-11-29
          - id: copy
            publisher: Al Arabiya
            via: Reuters
            published: 2024-11-29
          - id: paper
            publisher: The Guardian
            published: 2024-11-30
        """;

    private const string Timeline = """
        title: Protocol
        events:
          - id: first
            date: 2024-11-29
            title: "حلب 😀 first"
            sources:
              - {source: wire, quote: "حلب 😀 quoted"}
          - id: second
            date: 2024-11-30
            title: Second
            status: confirmed
            sources: [copy, paper]
            claims:
              - by: nobody
                stance: asserts
                source: paper
                quote: >
                  a quote over
                  two lines
        """;

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "require-sources: true\n"), ("a.sources.yaml", Sources), ("a.timeline.yaml", Timeline),
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
    };

    /// <summary>Where the quote's text starts on its line (all ASCII before it, so the same in every encoding).</summary>
    private static int QuoteColumn => Timeline.Split('\n')[6].IndexOf("حلب", StringComparison.Ordinal);

    private static string GoldenPath => Path.Combine(RepoRoot, "tests", "Timeline.LanguageServer.Tests", "golden", "initialize-capabilities.json");

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Timeline.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Timeline.sln not found above the test binaries");
        }
    }

    [Fact]
    public async Task Initialize_declares_the_capabilities_of_every_feature_as_the_golden_file_says()
    {
        await using var c = LspClient.InProcess();
        var init = await c.InitializeAsync(null);
        string got = init["capabilities"]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("TIMELINE_ACCEPT") == "1") File.WriteAllText(GoldenPath, got);
        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), got.ReplaceLineEndings("\n"));
        Assert.Equal("timeline", init["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Capabilities_written_oddly_still_give_a_server_with_the_defaults()
    {
        await using var c = LspClient.InProcess();
        var init = await c.InitializeAsync(null, new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = "utf-8" } });
        Assert.Equal("utf-16", init["capabilities"]!["positionEncoding"]!.GetValue<string>());
        Assert.Equal(0, await c.ShutdownAsync());
    }

    /// <summary>The tokens of a line as (start, length, type, modifiers), decoded from LSP's relative integers.</summary>
    private static List<(int Line, int Start, int Length, string Type, int Modifiers)> Decode(JsonNode result, string[] legend)
    {
        var data = result["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        var tokens = new List<(int, int, int, string, int)>();
        int line = 0, start = 0;
        for (int i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            start = data[i] == 0 ? start + data[i + 1] : data[i + 1];
            tokens.Add((line, start, data[i + 2], legend[data[i + 3]], data[i + 4]));
        }
        return tokens;
    }

    private static string[] Legend(JsonObject init) =>
        init["capabilities"]!["semanticTokensProvider"]!["legend"]!["tokenTypes"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Semantic_tokens_are_encoded_relative_one_a_line_in_utf16()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        var init = await ReinitializedLegendAsync();
        var tokens = Decode((await Client.CallAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!, init);
        // The quote's text: حلب is 3 UTF-16 units, 😀 is 2.
        Assert.Contains((6, QuoteColumn, "حلب 😀 quoted".Length, "string", 0), tokens);
        Assert.Contains((2, 8, 5, "event", 1), tokens); // "first", declared
        Assert.Contains((3, 10, 10, "number", 0), tokens); // the date
        // The folded quote is one token a line, without the indentation.
        Assert.Contains((17, 10, "a quote over".Length, "string", 0), tokens);
        Assert.Contains((18, 10, "two lines".Length, "string", 0), tokens);
        // A range asks for the tokens of its lines only.
        var range = Decode((await Client.CallAsync("textDocument/semanticTokens/range", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(7, 0), ["end"] = LspClient.Pos(8, 0) },
        }))!, init);
        Assert.Equal(new[] { (7, 8, 6, "event", 1) }, range);
    }

    private static async Task<string[]> ReinitializedLegendAsync()
    {
        await using var c = LspClient.InProcess();
        var legend = Legend(await c.InitializeAsync(null));
        await c.ShutdownAsync();
        return legend;
    }

    [Fact]
    public async Task Semantic_tokens_honour_utf8_positions()
    {
        await using var c = LspClient.InProcess();
        var init = await c.InitializeAsync(Dir, new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8") } });
        string uri = Uri("a.timeline.yaml");
        await c.OpenAsync(uri, Timeline);
        var tokens = Decode((await c.CallAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!, Legend(init));
        // In bytes: حلب is 6, 😀 is 4.
        Assert.Contains((6, QuoteColumn, System.Text.Encoding.UTF8.GetByteCount("حلب 😀 quoted"), "string", 0), tokens);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Code_lenses_stand_on_each_events_id_as_labels()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        var lenses = (await Client.CallAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!.AsArray();
        var second = lenses.Where(l => l!["range"]!["start"]!["line"]!.GetValue<int>() == 7).Select(l => l!["command"]!).ToList();
        Assert.Equal(new[] { "2 sources", "2 independent origins", "status: confirmed" }, second.Select(c => c["title"]!.GetValue<string>()));
        Assert.All(second, c => Assert.Equal("", c["command"]!.GetValue<string>()));
        Assert.Equal(6, lenses.Count);
    }

    [Fact]
    public async Task A_diagnostic_links_its_rule_page_and_an_edit_names_the_version_it_was_made_on()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline, 7);
        var published = await Client.DiagnosticsAsync(uri, 7);
        var d = published["params"]!["diagnostics"]!.AsArray().First(x => x!["code"]!.GetValue<string>() == "TL202")!;
        Assert.Equal("https://github.com/timeline-lang/timeline/blob/main/docs/rules/TL202.md", d["codeDescription"]!["href"]!.GetValue<string>());
        Assert.Null(d["tags"]);
        // A rename edits the open document (its version) and the sources file, which is not open: its version is null, written.
        var rename = (await Client.CallAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri), ["position"] = LspClient.Pos(11, 15), ["newName"] = "wire-copy",
        }))!["documentChanges"]!.AsArray();
        var versions = rename.ToDictionary(c => c!["textDocument"]!["uri"]!.GetValue<string>(), c => c!["textDocument"]!.AsObject());
        Assert.Equal(7, versions[uri]["version"]!.GetValue<int>());
        Assert.True(versions[Uri("a.sources.yaml")].ContainsKey("version"));
        Assert.Null(versions[Uri("a.sources.yaml")]["version"]);
    }

    [Fact]
    public async Task The_preview_is_made_from_the_servers_copy_with_unsaved_edits()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline.Replace("title: Second", "title: Written but not saved"));
        var html = (await Client.CallAsync("timeline/preview", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!["html"]!.GetValue<string>();
        Assert.Contains("<html", html);
        Assert.Contains("Written but not saved", html);
        Assert.DoesNotContain(">Second<", html);
    }

    [Fact]
    public async Task The_preview_tells_the_truth_problems_undated_events_and_unsaved_text()
    {
        string uri = Uri("a.timeline.yaml");
        string text = Timeline.Replace("date: 2024-11-30", "date: Friday").Replace("by: nobody", "by: <b>nobody</b>");
        await Client.OpenAsync(uri, text);
        var html = (await Client.CallAsync("timeline/preview", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri), ["unsaved"] = new JsonArray(uri, Uri("elsewhere/b.timeline.yaml")),
        }))!["html"]!.GetValue<string>();
        // The unsaved file is named (the one outside the project is not).
        Assert.Contains("Shows unsaved changes to a.timeline.yaml:", html);
        Assert.DoesNotContain("b.timeline.yaml", html);
        // The event "second" has problems: marked, with their messages, escaped.
        Assert.Contains("class=\"event confirmed has-problems\" id=\"second\"", html);
        Assert.Contains("<ul class=\"problems\"", html);
        Assert.DoesNotContain("<b>nobody</b>", html);
        Assert.DoesNotContain("class=\"event reported has-problems\" id=\"first\"", html);
        // Its date cannot be read: it stands apart, after the dated events, with the date as written.
        int undated = html.IndexOf("Not yet dated", StringComparison.Ordinal);
        Assert.True(undated > html.IndexOf("id=\"first\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"second\"", StringComparison.Ordinal) > undated);
        Assert.Contains("Date as written: “Friday”", html);
        Assert.Contains("1 event has problems, marked below", html);
    }

    [Fact]
    public async Task The_preview_of_saved_text_says_nothing_of_unsaved_changes_and_an_export_has_no_notes()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        var html = (await Client.CallAsync("timeline/preview", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!["html"]!.GetValue<string>();
        Assert.DoesNotContain("class=\"unsaved\"", html);
        Assert.DoesNotContain("Not yet dated", html);
    }

    [Fact]
    public async Task A_new_project_is_offered_as_files_to_write_with_the_existing_ones_marked()
    {
        string folder = new Uri(Dir + Path.DirectorySeparatorChar).AbsoluteUri;
        var result = (await Client.CallAsync("timeline/newProject", new JsonObject { ["folder"] = folder }))!;
        var files = result["files"]!.AsArray();
        Assert.Equal(new[] { "timeline.config.yaml", "chronology.timeline.yaml" }, files.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("chronology.timeline.yaml", result["open"]!.GetValue<string>());
        // This project has a config already: the editor must not overwrite it.
        Assert.True(files[0]!["exists"]!.GetValue<bool>());
        Assert.False(files[1]!["exists"]!.GetValue<bool>());
        Assert.Equal(Uri("chronology.timeline.yaml"), files[1]!["uri"]!.GetValue<string>());
        Assert.Contains("use: [builtin:levant, builtin:syria-actors]", files[0]!["text"]!.GetValue<string>());
        var bare = (await Client.CallAsync("timeline/newProject", new JsonObject()))!["files"]!.AsArray();
        Assert.Null(bare[0]!["uri"]);
    }
}
