using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>Every editor feature through the real server in this process, on a project on disk: what the server adds to the core.</summary>
public class FeatureTests : ServerOnDisk
{
    private const string Places = """
        places:
          - id: syria
            name: Syria
            kind: country
          - id: aleppo
            name: Aleppo
            names: [Halab, حلب]
            kind: city
            in: syria
            coordinates: [36.2021, 37.1343]
          - id: saraqib
            name: Saraqib
            names: [Saraqeb]
            kind: town
            in: syria
        """;

    private const string Timeline = """
        title: T
        sources:
          - id: np
            publisher: North Press Agency
            published: 2024-11-29
            url: https://example.org/np
        events:
          - id: e1
            date: Friday
            title: Fighting in Saraqib
            places: [saraqeb]
            actors: [hts]
            sources: [np]
          - id: e2
            date: 2024-11-27
            title: Earlier
            places: [aleppo]
            sources: [np]
            claims:
              - {by: hts, stance: asserts, source: np}
              - {by: hts, stance: denies, source: np}
        """;

    private const string Actors = "actors:\n  - id: hts\n    name: Hayat Tahrir al-Sham\n    formerly: [al-Nusra Front]\n";

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "require-sources: true\n"), ("a.places.yaml", Places), ("a.actors.yaml", Actors), ("a.timeline.yaml", Timeline),
        (UName, U),
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") } },
        ["textDocument"] = new JsonObject { ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true } },
    };

    /// <summary>Whether a message publishes the diagnostics of a document.</summary>
    private static bool IsPublish(JsonObject n, string uri) =>
        n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == uri;

    private static IEnumerable<string> Codes(JsonObject publish) =>
        publish["params"]!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>());

    [Fact]
    public async Task Diagnostics_carry_the_version_and_clear_on_close()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline, 3);
        var d = await Client.DiagnosticsAsync(uri, 3);
        Assert.Equal(new[] { "TL103", "TL201", "TL304" }.Order(), Codes(d).Order()); // "Friday" is no date yet, so no order check
        var place = d["params"]!["diagnostics"]!.AsArray().First(x => x!["code"]!.GetValue<string>() == "TL201")!;
        Assert.Equal(10, place["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(13, place["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal("saraqib", place["data"]!["suggestions"]![0]!.GetValue<string>());
        // An incremental edit fixes the place; the next publish has the new version.
        await Client.ChangeAsync(uri, 4, new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(10, 13), ["end"] = LspClient.Pos(10, 20) },
            ["text"] = "saraqib",
        });
        var d4 = await Client.DiagnosticsAsync(uri, 4);
        Assert.DoesNotContain("TL201", Codes(d4));
        await Client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        var cleared = await Client.WaitForAsync(n => IsPublish(n, uri) && n["params"]!["diagnostics"]!.AsArray().Count == 0);
        Assert.NotNull(cleared);
    }

    [Fact]
    public async Task Typing_in_a_title_publishes_no_other_open_file_whose_findings_did_not_change()
    {
        string tl = Uri("a.timeline.yaml"), pl = Uri("a.places.yaml");
        var published = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Client.Received += n =>
        {
            if (n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics") published.Enqueue(n["params"]!["uri"]!.GetValue<string>());
        };
        await Client.OpenAsync(pl, Places);
        await Client.DiagnosticsAsync(pl, 1);
        await Client.OpenAsync(tl, Timeline);
        await Client.DiagnosticsAsync(tl, 1);
        for (int version = 2; version <= 4; version++)
        {
            int before = published.Count(u => u == pl);
            // One letter into the first event's title: the project's outline stays, the places file's findings too.
            await Client.ChangeAsync(tl, version, new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = LspClient.Pos(9, 11), ["end"] = LspClient.Pos(9, 11) },
                ["text"] = "x",
            });
            Assert.Contains("TL201", Codes(await Client.DiagnosticsAsync(tl, version)));
            // The places file comes first in each round of publishing: had it been published again, it would be by now.
            if (version > 2) Assert.Equal(before, published.Count(u => u == pl));
        }
    }

    [Fact]
    public async Task An_edit_to_a_places_file_rechecks_the_timelines_that_use_it()
    {
        string tl = Uri("a.timeline.yaml"), pl = Uri("a.places.yaml");
        await Client.OpenAsync(tl, Timeline);
        Assert.Contains("TL201", Codes(await Client.DiagnosticsAsync(tl, 1)));
        // The writer adds the alias as an id in the open places file.
        await Client.OpenAsync(pl, Places);
        await Client.ChangeAsync(pl, 2, new JsonObject { ["text"] = Places.Replace("id: saraqib", "id: saraqeb") });
        var again = await Client.WaitForAsync(n => IsPublish(n, tl) && !Codes(n).Contains("TL201"));
        Assert.NotNull(again);
        // A change on disk (a file the editor does not have open) is picked up too.
        File.WriteAllText(Path.Combine(Dir, "a.actors.yaml"), "actors: []\n");
        await Client.NotifyAsync("workspace/didChangeWatchedFiles",
            new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("a.actors.yaml"), ["type"] = 2 }) });
        var actorGone = await Client.WaitForAsync(n => IsPublish(n, tl) && Codes(n).Contains("TL202"));
        Assert.NotNull(actorGone);
    }

    // ---------------- each feature's conversion to LSP ----------------
    // The behaviour of every feature is tested at the core boundary (tests/features); these check what the
    // server adds: positions in UTF-16 columns (the document has Arabic and an emoji, a surrogate pair, before
    // what is asked about), file URIs (the document's own as the client spelt it, percent-encoded), LSP shapes.

    private const string UName = "حلب 2024.timeline.yaml";

    private const string U = """
        title: U
        sources: [{publisher: "حلب 😀", id: halab-news, published: 2024-11-29, url: "https://example.org/hn"}]
        events:
          - {title: "حلب 😀", id: u1, date: 2024-11-29, places: [aleppo, saraqeb], sources: [halab-news, missing-src]}
          - id: u2
            date: 2024-11-27
            title: Earlier
            places: [aleppo]
            sources: [halab-news]
        """;

    /// <summary>The document's URI as VS Code spells it: each segment of the path percent-encoded in UTF-8.</summary>
    private string UUri => "file://" + string.Join('/', Path.Combine(Dir, UName).Split('/').Select(System.Uri.EscapeDataString));

    private async Task OpenU() => await Client.OpenAsync(UUri, U, 1);

    /// <summary>The LSP position of the nth occurrence of a text, its column in UTF-16 code units.</summary>
    private static JsonObject PosOf(string text, string needle, int nth = 0, int delta = 0)
    {
        int at = -1;
        for (int i = 0; i <= nth; i++) at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not in the text");
        at += delta;
        int line = text[..at].Count(ch => ch == '\n');
        return LspClient.Pos(line, at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1));
    }

    /// <summary>The text an LSP range covers, read with UTF-16 columns: what the client would underline.</summary>
    private static string Covered(string text, JsonNode range)
    {
        var lines = text.Split('\n');
        int Offset(JsonNode p) => lines.Take(p["line"]!.GetValue<int>()).Sum(l => l.Length + 1) + p["character"]!.GetValue<int>();
        return text[Offset(range["start"]!)..Offset(range["end"]!)];
    }

    private JsonObject At(string needle, int nth = 0, int delta = 0) =>
        new() { ["textDocument"] = LspClient.Doc(UUri), ["position"] = PosOf(U, needle, nth, delta) };

    [Fact]
    public async Task Hover_is_markdown_over_a_utf16_range()
    {
        await OpenU();
        var hover = (await Client.CallAsync("textDocument/hover", At("aleppo", delta: 2)))!;
        Assert.Equal("markdown", hover["contents"]!["kind"]!.GetValue<string>());
        Assert.StartsWith("**Aleppo**", hover["contents"]!["value"]!.GetValue<string>());
        Assert.Equal(PosOf(U, "aleppo").ToJsonString(), hover["range"]!["start"]!.ToJsonString());
        Assert.Equal("aleppo", Covered(U, hover["range"]!));
    }

    [Fact]
    public async Task Definition_is_a_location_in_another_file()
    {
        await OpenU();
        var def = (await Client.CallAsync("textDocument/definition", At("aleppo", delta: 2)))!.AsArray().Single()!;
        Assert.Equal(Uri("a.places.yaml"), def["uri"]!.GetValue<string>());
        Assert.Equal(PosOf(Places, "id: aleppo", delta: 4).ToJsonString(), def["range"]!["start"]!.ToJsonString());
        Assert.Equal("aleppo", Covered(Places, def["range"]!));
    }

    [Fact]
    public async Task References_keep_the_client_uri_and_its_include_declaration()
    {
        await OpenU();
        async Task<JsonArray> Refs(bool declaration) => (await Client.CallAsync("textDocument/references", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(UUri), ["position"] = PosOf(U, "halab-news", 1),
            ["context"] = new JsonObject { ["includeDeclaration"] = declaration },
        }))!.AsArray();
        var all = await Refs(true);
        Assert.Equal(3, all.Count);
        Assert.All(all, r => Assert.Equal(UUri, r!["uri"]!.GetValue<string>()));
        Assert.All(all, r => Assert.Equal("halab-news", Covered(U, r!["range"]!)));
        Assert.Equal(2, (await Refs(false)).Count);
    }

    [Fact]
    public async Task Rename_is_a_workspace_edit_with_each_document_version()
    {
        await OpenU();
        var prep = (await Client.CallAsync("textDocument/prepareRename", At("aleppo", delta: 2)))!;
        Assert.Equal("aleppo", prep["placeholder"]!.GetValue<string>());
        Assert.Equal("aleppo", Covered(U, prep["range"]!));
        var rename = (await Client.CallAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(UUri), ["position"] = PosOf(U, "aleppo", 1), ["newName"] = "halab",
        }))!;
        var changes = rename["documentChanges"]!.AsArray().ToDictionary(c => c!["textDocument"]!["uri"]!.GetValue<string>());
        Assert.Equal(new[] { UUri, Uri("a.places.yaml"), Uri("a.timeline.yaml") }.Order(), changes.Keys.Order());
        // The open document's edit names its version; a file the editor does not have open has none.
        Assert.Equal(1, changes[UUri]!["textDocument"]!["version"]!.GetValue<int>());
        Assert.Null(changes[Uri("a.places.yaml")]!["textDocument"]!["version"]);
        var edits = changes[UUri]!["edits"]!.AsArray();
        Assert.Equal(2, edits.Count);
        Assert.All(edits, e => Assert.Equal("aleppo", Covered(U, e!["range"]!)));
        Assert.All(changes.Values, c => Assert.All(c!["edits"]!.AsArray(), e => Assert.Equal("halab", e!["newText"]!.GetValue<string>())));
        // A refusal is an error response, not an empty edit.
        var onTitle = await Client.RequestAsync("textDocument/prepareRename", At("Earlier"));
        Assert.Equal(-32803, onTitle["error"]!["code"]!.GetValue<int>());
        var bad = await Client.RequestAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(UUri), ["position"] = PosOf(U, "aleppo"), ["newName"] = "Not An Id",
        });
        Assert.NotNull(bad["error"]);
    }

    [Fact]
    public async Task Code_actions_carry_their_diagnostic_a_utf16_edit_and_a_file_to_create()
    {
        await OpenU();
        await Client.DiagnosticsAsync(UUri, 1);
        async Task<JsonArray> Actions(JsonObject at) => (await Client.CallAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(UUri),
            ["range"] = new JsonObject { ["start"] = at, ["end"] = at.DeepClone() },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!.AsArray();
        var fix = (await Actions(PosOf(U, "saraqeb", delta: 3))).Single(a => a!["title"]!.GetValue<string>() == "Change to 'saraqib'")!;
        Assert.Equal("quickfix", fix["kind"]!.GetValue<string>());
        Assert.True(fix["isPreferred"]!.GetValue<bool>());
        Assert.Equal("TL201", fix["diagnostics"]![0]!["code"]!.GetValue<string>());
        var change = fix["edit"]!["documentChanges"]!.AsArray().Single()!;
        Assert.Equal(UUri, change["textDocument"]!["uri"]!.GetValue<string>());
        Assert.Equal("saraqeb", Covered(U, change["edits"]![0]!["range"]!));
        // No sources file yet: the stub comes with the file to create, before the edit that fills it.
        var stub = (await Actions(PosOf(U, "missing-src", delta: 2)))
            .Single(a => a!["title"]!.GetValue<string>().StartsWith("Create source 'missing-src' in a new file", StringComparison.Ordinal))!;
        var ops = stub["edit"]!["documentChanges"]!.AsArray();
        Assert.Equal("create", ops[0]!["kind"]!.GetValue<string>());
        Assert.Equal(Uri("sources.sources.yaml"), ops[0]!["uri"]!.GetValue<string>());
        Assert.Equal(Uri("sources.sources.yaml"), ops[1]!["textDocument"]!["uri"]!.GetValue<string>());
        Assert.Equal(LspClient.Pos(0, 0).ToJsonString(), ops[1]!["edits"]![0]!["range"]!["start"]!.ToJsonString());
    }

    [Fact]
    public async Task Document_symbols_have_a_range_and_a_selection_range()
    {
        await OpenU();
        var symbols = (await Client.CallAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(UUri) }))!.AsArray();
        Assert.Equal(new[] { "Earlier", "حلب 😀", "حلب 😀" }, symbols.Select(s => s!["name"]!.GetValue<string>()));
        var u1 = symbols[1]!;
        Assert.Equal(24, u1["kind"]!.GetValue<int>()); // Event
        Assert.Equal("u1", Covered(U, u1["selectionRange"]!));
        Assert.StartsWith("{title", Covered(U, u1["range"]!));
        Assert.Contains("missing-src]", Covered(U, u1["range"]!));
        Assert.Equal("halab-news", Covered(U, symbols[2]!["selectionRange"]!));
    }

    [Fact]
    public async Task Workspace_symbols_are_located_by_uri()
    {
        await OpenU();
        var found = (await Client.CallAsync("workspace/symbol", new JsonObject { ["query"] = "halab" }))!.AsArray();
        var aleppo = found.First(s => s!["containerName"]!.GetValue<string>() == "aleppo")!;
        Assert.Equal("Aleppo", aleppo["name"]!.GetValue<string>());
        Assert.Equal(Uri("a.places.yaml"), aleppo["location"]!["uri"]!.GetValue<string>());
        Assert.Equal("aleppo", Covered(Places, aleppo["location"]!["range"]!));
        var source = found.First(s => s!["containerName"]!.GetValue<string>() == "halab-news")!;
        Assert.Equal(UUri, source["location"]!["uri"]!.GetValue<string>());
        Assert.Equal("halab-news", Covered(U, source["location"]!["range"]!));
    }

    [Fact]
    public async Task Inlay_hints_stand_at_utf16_positions()
    {
        await OpenU();
        var hints = (await Client.CallAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(UUri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(0, 0), ["end"] = LspClient.Pos(9, 0) },
        }))!.AsArray();
        Assert.Equal(new[] { "Friday", "Friday", "Wednesday" }, hints.Select(h => h!["label"]!.GetValue<string>()));
        Assert.Equal(PosOf(U, "2024-11-29", 1, delta: 10).ToJsonString(), hints[1]!["position"]!.ToJsonString());
        Assert.Contains("29 November 2024", hints[1]!["tooltip"]!.GetValue<string>());
        Assert.True(hints[1]!["paddingLeft"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Document_links_cover_the_address_in_utf16_columns()
    {
        await OpenU();
        var link = (await Client.CallAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = LspClient.Doc(UUri) }))!.AsArray().Single()!;
        Assert.Equal("https://example.org/hn", link["target"]!.GetValue<string>());
        Assert.Equal("https://example.org/hn", Covered(U, link["range"]!));
    }

    [Fact]
    public async Task Folding_ranges_are_zero_based_lines()
    {
        await OpenU();
        var folds = (await Client.CallAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = LspClient.Doc(UUri) }))!.AsArray();
        Assert.Equal(new[] { (2, 8), (4, 8) }, folds.Select(f => (f!["startLine"]!.GetValue<int>(), f["endLine"]!.GetValue<int>())));
    }

    [Fact]
    public async Task Completion_replaces_the_word_in_utf16_columns()
    {
        await OpenU();
        var completion = (await Client.CallAsync("textDocument/completion", At("saraqeb", delta: 5)))!;
        var item = completion["items"]!.AsArray().First(i => i!["textEdit"]!["newText"]!.GetValue<string>() == "saraqib")!;
        Assert.Equal(PosOf(U, "saraqeb").ToJsonString(), item["textEdit"]!["range"]!["start"]!.ToJsonString());
        Assert.StartsWith("saraq", Covered(U, item["textEdit"]!["range"]!));
    }

    [Fact]
    public async Task Utf8_positions_when_the_client_prefers_them()
    {
        await using var c = LspClient.InProcess();
        var init = await c.InitializeAsync(Dir, new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8", "utf-16") } });
        Assert.Equal("utf-8", init["capabilities"]!["positionEncoding"]!.GetValue<string>());
        string uri = Uri("u.timeline.yaml");
        await c.OpenAsync(uri, "title: T\nevents:\n  - {id: e, date: 2024-11-29, title: \"حلب😀\", places: [nowhere], sources: []}\n");
        var d = await c.DiagnosticsAsync(uri, 1);
        var place = d["params"]!["diagnostics"]!.AsArray().First(x => x!["code"]!.GetValue<string>() == "TL201")!;
        // "  - {id: e, date: 2024-11-29, title: \"" is 38 bytes, حلب is 6, 😀 is 4, then "\", places: [" is 12.
        Assert.Equal(60, place["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(0, await c.ShutdownAsync());
    }
}
