using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>The built-in catalogs in the editor: completion, hover, definition into a read-only copy.</summary>
public class BuiltinCatalogFeatureTests : ServerOnDisk
{
    private const string Timeline = """
        title: T
        sources:
          - id: np
            publisher: North Press Agency
            published: 2024-11-29
            url: https://example.org/np
        events:
          - id: e1
            date: 2024-11-28
            title: Fighting in Saraqib
            places: [geonames:164816, rashidin]
            actors: [hts]
            sources: [np]
          - id: e2
            date: 2024-11-28
            title: A place to complete
            places: [Saraqeb]
            sources: [np]
        """;

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "use: [builtin:levant, builtin:syria-actors]\n"), ("a.timeline.yaml", Timeline),
    };

    [Fact]
    public async Task Builtin_places_and_actors_complete_hover_and_lead_to_a_readonly_copy()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        var diags = await Client.DiagnosticsAsync(uri, 1);
        // Only the transliterated name typed in place of an id is unknown.
        Assert.Equal(new[] { "TL201" }, diags["params"]!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()));

        var completion = await Client.CallAsync("textDocument/completion", LspClient.At(uri, 16, 20));
        // Completion writes a built-in place's readable id.
        var saraqib = completion!["items"]!.AsArray().First(i => i!["textEdit"]!["newText"]!.GetValue<string>() == "saraqib-sy")!;
        Assert.Contains("Idlib Governorate", saraqib["label"]!.GetValue<string>() + saraqib["detail"]);

        // Written by its geonames: id, the place is the same one, shown by its readable id.
        var hover = await Client.CallAsync("textDocument/hover", LspClient.At(uri, 10, 16));
        Assert.Contains("Saraqib", hover!["contents"]!["value"]!.GetValue<string>());
        Assert.Contains("`saraqib-sy`", hover!["contents"]!["value"]!.GetValue<string>());

        // Semantic tokens: ids a catalog defines carry defaultLibrary (bit 1), the project's own do not.
        var data = (await Client.CallAsync("textDocument/semanticTokens/range", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(10, 0), ["end"] = LspClient.Pos(12, 0) },
        }))!["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        // geonames:164816, rashidin (also a built-in place), hts (a built-in actor): all from the catalogs.
        Assert.Equal(3, data.Length / 5);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(2, data[i * 5 + 4]));
        // np, the project's own source, on the line after them: no modifier.
        var own = (await Client.CallAsync("textDocument/semanticTokens/range", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(12, 0), ["end"] = LspClient.Pos(13, 0) },
        }))!["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        Assert.Equal(new[] { 12, 14, 2, 3, 0 }, own);

        // A GeoNames row: its line in a read-only copy of the catalog.
        var def = (await Client.CallAsync("textDocument/definition", LspClient.At(uri, 10, 16)))!.AsArray();
        string copy = def[0]!["uri"]!.GetValue<string>();
        Assert.EndsWith("/levant.geonames.tsv", copy);
        string path = new Uri(copy).LocalPath;
        string row = File.ReadAllLines(path)[def[0]!["range"]!["start"]!["line"]!.GetValue<int>()];
        Assert.StartsWith("164816\t", row);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));

        // A hand-written actor: its id in the copy of the actors catalog.
        var actor = (await Client.CallAsync("textDocument/definition", LspClient.At(uri, 11, 15)))!.AsArray();
        Assert.EndsWith("/syria-actors.actors.yaml", actor[0]!["uri"]!.GetValue<string>());

        // Opened, the copy reports nothing: it is Timeline's, not the writer's.
        string places = (await Client.CallAsync("textDocument/definition", LspClient.At(uri, 10, 34)))!.AsArray()[0]!["uri"]!.GetValue<string>();
        Assert.EndsWith("/levant.places.yaml", places);
        await Client.OpenAsync(places, File.ReadAllText(new Uri(places).LocalPath));
        var none = await Client.DiagnosticsAsync(places, 1);
        Assert.Empty(none["params"]!["diagnostics"]!.AsArray());
        var again = await Client.CallAsync("textDocument/hover", LspClient.At(uri, 10, 34));
        Assert.Contains("Rashidin", again!["contents"]!["value"]!.GetValue<string>());
    }
}
