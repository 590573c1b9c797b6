using Timeline.TestSupport;
using System.Text.Json.Nodes;

namespace Timeline.LanguageServer.Tests;

/// <summary>Every editor feature, through the real server in this process, on a project on disk.</summary>
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
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") } },
        ["textDocument"] = new JsonObject { ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true } },
    };

    private static IEnumerable<string> Codes(JsonObject publish) =>
        publish["params"]!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>());

    [Fact]
    public async Task Diagnostics_carry_the_version_and_clear_on_close()
    {
        string uri = Uri("a.timeline.yaml");
        await _c.OpenAsync(uri, Timeline, 3);
        var d = await _c.DiagnosticsAsync(uri, 3);
        Assert.Equal(new[] { "TL103", "TL201", "TL304" }.Order(), Codes(d).Order()); // "Friday" is no date yet, so no order check
        var place = d["params"]!["diagnostics"]!.AsArray().First(x => x!["code"]!.GetValue<string>() == "TL201")!;
        Assert.Equal(10, place["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(13, place["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal("saraqib", place["data"]!["suggestions"]![0]!.GetValue<string>());
        // An incremental edit fixes the place; the next publish has the new version.
        await _c.ChangeAsync(uri, 4, new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(10, 13), ["end"] = LspClient.Pos(10, 20) },
            ["text"] = "saraqib",
        });
        var d4 = await _c.DiagnosticsAsync(uri, 4);
        Assert.DoesNotContain("TL201", Codes(d4));
        await _c.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        var cleared = await _c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == uri && n["params"]!["diagnostics"]!.AsArray().Count == 0);
        Assert.NotNull(cleared);
    }

    [Fact]
    public async Task An_edit_to_a_places_file_rechecks_the_timelines_that_use_it()
    {
        string tl = Uri("a.timeline.yaml"), pl = Uri("a.places.yaml");
        await _c.OpenAsync(tl, Timeline);
        Assert.Contains("TL201", Codes(await _c.DiagnosticsAsync(tl, 1)));
        // The writer adds the alias as an id in the open places file.
        await _c.OpenAsync(pl, Places);
        await _c.ChangeAsync(pl, 2, new JsonObject { ["text"] = Places.Replace("id: saraqib", "id: saraqeb") });
        var again = await _c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == tl && !Codes(n).Contains("TL201"));
        Assert.NotNull(again);
        // A change on disk (a file the editor does not have open) is picked up too.
        File.WriteAllText(Path.Combine(_dir, "a.actors.yaml"), "actors: []\n");
        await _c.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("a.actors.yaml"), ["type"] = 2 }) });
        var actorGone = await _c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == tl && Codes(n).Contains("TL202"));
        Assert.NotNull(actorGone);
    }

    [Fact]
    public async Task Hover_shows_a_place_card_a_date_in_words_and_a_count()
    {
        string uri = Uri("a.timeline.yaml");
        await _c.OpenAsync(uri, Timeline.Replace("places: [aleppo]", "places: [aleppo]\n    casualties:\n      - {killed: at least 27, source: np}"));
        var place = await _c.CallAsync("textDocument/hover", LspClient.At(uri, 16, 15));
        string md = place!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("**Aleppo**", md);
        Assert.Contains("In Syria", md);
        Assert.Contains("36.2021", md);
        var date = await _c.CallAsync("textDocument/hover", LspClient.At(uri, 14, 12));
        Assert.Contains("Wednesday 27 November 2024", date!["contents"]!["value"]!.GetValue<string>());
        var count = await _c.CallAsync("textDocument/hover", LspClient.At(uri, 18, 22));
        Assert.Contains("27 or more", count!["contents"]!["value"]!.GetValue<string>());
        var key = await _c.CallAsync("textDocument/hover", LspClient.At(uri, 15, 6));
        Assert.Contains("What happened, in one line", key!["contents"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Definition_references_and_rename_work_across_files()
    {
        string uri = Uri("a.timeline.yaml");
        await _c.OpenAsync(uri, Timeline);
        var def = (await _c.CallAsync("textDocument/definition", LspClient.At(uri, 16, 15)))!.AsArray();
        Assert.Equal(Uri("a.places.yaml"), def[0]!["uri"]!.GetValue<string>());
        Assert.Equal(4, def[0]!["range"]!["start"]!["line"]!.GetValue<int>());
        var refs = (await _c.CallAsync("textDocument/references", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri), ["position"] = LspClient.Pos(12, 15), ["context"] = new JsonObject { ["includeDeclaration"] = true },
        }))!.AsArray();
        Assert.Equal(5, refs.Count); // np: its definition, e1's and e2's sources, two claims
        var prep = await _c.CallAsync("textDocument/prepareRename", LspClient.At(uri, 16, 15));
        Assert.Equal("aleppo", prep!["placeholder"]!.GetValue<string>());
        var rename = (await _c.CallAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri), ["position"] = LspClient.Pos(16, 15), ["newName"] = "halab",
        }))!;
        var changes = rename["documentChanges"]!.AsArray();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.All(c!["edits"]!.AsArray(), e => Assert.Equal("halab", e!["newText"]!.GetValue<string>())));
        // Names are not ids: renaming a title is refused, and so is an id that breaks the pattern.
        var onTitle = await _c.RequestAsync("textDocument/prepareRename", LspClient.At(uri, 9, 15));
        Assert.NotNull(onTitle["error"]);
        var bad = await _c.RequestAsync("textDocument/rename", new JsonObject { ["textDocument"] = LspClient.Doc(uri), ["position"] = LspClient.Pos(16, 15), ["newName"] = "Not An Id" });
        Assert.NotNull(bad["error"]);
    }

    [Fact]
    public async Task Code_actions_fix_did_you_mean_dates_conflicts_order_and_create_stubs()
    {
        string uri = Uri("a.timeline.yaml");
        await _c.OpenAsync(uri, Timeline.Replace("actors: [hts]", "actors: [hts, nobody-yet]"));
        await _c.DiagnosticsAsync(uri, 1);
        async Task<JsonArray> Actions(int line, int ch) => (await _c.CallAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(line, ch), ["end"] = LspClient.Pos(line, ch) },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!.AsArray();
        var titles = (await Actions(10, 15)).Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Change to 'saraqib'", titles);
        Assert.Contains(titles, t => t.StartsWith("Create place 'saraqeb' in a.places.yaml"));
        var date = (await Actions(8, 12)).Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(date, t => t.StartsWith("Change to '2024-11-29'"));
        Assert.Contains("Sort the events by date", date);
        var conflict = (await Actions(18, 6)).Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Set status: disputed", conflict);
        var actor = (await Actions(11, 20)).Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(actor, t => t.StartsWith("Create actor 'nobody-yet' in a.actors.yaml"));
    }

    [Fact]
    public async Task Symbols_hints_links_and_folding()
    {
        string uri = Uri("a.timeline.yaml");
        await _c.OpenAsync(uri, Timeline);
        var symbols = (await _c.CallAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!.AsArray();
        Assert.Equal(new[] { "Earlier", "Fighting in Saraqib", "North Press Agency" }, symbols.Select(s => s!["name"]!.GetValue<string>()));
        var ws = (await _c.CallAsync("workspace/symbol", new JsonObject { ["query"] = "halab" }))!.AsArray();
        Assert.Contains(ws, s => s!["containerName"]!.GetValue<string>() == "aleppo");
        var hints = (await _c.CallAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(0, 0), ["end"] = LspClient.Pos(30, 0) },
        }))!.AsArray();
        Assert.Contains(hints, h => h!["label"]!.GetValue<string>() == "Wednesday");
        Assert.Contains(hints, h => h!["label"]!.GetValue<string>() == "Friday"); // the source's published date
        var links = (await _c.CallAsync("textDocument/documentLink", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!.AsArray();
        Assert.Equal("https://example.org/np", links.Single()!["target"]!.GetValue<string>());
        var folds = (await _c.CallAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = LspClient.Doc(uri) }))!.AsArray();
        Assert.Contains(folds, f => f!["startLine"]!.GetValue<int>() == 7 && f["endLine"]!.GetValue<int>() == 12);
    }

    [Fact]
    public async Task Completion_hover_and_definition_work_while_the_file_is_broken()
    {
        string uri = Uri("a.timeline.yaml");
        string broken = Timeline.Replace("title: Earlier", "title: \"Earlier").Replace("title: T\n", "title: T\n\tbad: tab\n");
        await _c.OpenAsync(uri, broken);
        var d = await _c.DiagnosticsAsync(uri, 1);
        Assert.Contains("TL001", Codes(d));
        var completion = await _c.CallAsync("textDocument/completion", LspClient.At(uri, 11, 20));
        Assert.Contains(completion!["items"]!.AsArray(), i => i!["textEdit"]!["newText"]!.GetValue<string>() == "saraqib");
        var hover = await _c.CallAsync("textDocument/hover", LspClient.At(uri, 17, 15));
        Assert.Contains("**Aleppo**", hover!["contents"]!["value"]!.GetValue<string>());
        var def = (await _c.CallAsync("textDocument/definition", LspClient.At(uri, 17, 15)))!.AsArray();
        Assert.Single(def);
    }

    [Fact]
    public async Task Utf8_positions_when_the_client_prefers_them()
    {
        await using var c = LspClient.InProcess();
        var init = await c.InitializeAsync(_dir, new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8", "utf-16") } });
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
