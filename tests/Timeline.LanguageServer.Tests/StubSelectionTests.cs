using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// A fix that writes a stub carries timeline.showStub: the document and the range, in the text the fix leaves, of the
/// value the writer should check. The editor runs it itself, so the server does not declare it.
/// </summary>
public class StubSelectionTests : ServerOnDisk
{
    private const string Timeline = """
        title: T
        sources:
          - id: saved-page
            publisher: Example News
            published: 2024-11-29
        events:
          - id: e1
            date: 2024-11-29
            title: t
            places: [kafr-halab]
            sources: [saved-page, https://www.enabbaladi.net/2024/11/30/opposition-enters-aleppo/]
        """;

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "require-sources: true\n"), ("a.timeline.yaml", Timeline),
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject
        {
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create") },
        },
    };

    private async Task<JsonArray> ActionsAtAsync(string uri, int line, int character)
    {
        await Client.OpenAsync(uri, Timeline);
        await Client.DiagnosticsAsync(uri);
        return (await Client.CallAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(line, character), ["end"] = LspClient.Pos(line, character) },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!.AsArray();
    }

    private static JsonNode Titled(JsonArray actions, string title) =>
        actions.Single(a => a!["title"]!.GetValue<string>() == title)!;

    private static string Range(JsonNode range) =>
        $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}";

    [Fact]
    public async Task A_source_from_a_link_selects_its_publisher_in_the_sources_list_above()
    {
        string uri = Uri("a.timeline.yaml");
        var actions = await ActionsAtAsync(uri, 10, 40);
        var command = Titled(actions, "Create a source from this URL")["command"]!;
        Assert.Equal("timeline.showStub", command["command"]!.GetValue<string>());
        var args = command["arguments"]![0]!;
        Assert.Equal(uri, args["uri"]!.GetValue<string>());
        // "    publisher: enabbaladi.net", the line after the new source's id, below the first source's three lines.
        Assert.Equal("6:15-6:29", Range(args["range"]!));
        // The capture keeps its own command: the server runs it, then the source has its snapshot.
        Assert.Equal("timeline.captureSource",
            Titled(actions, "Create a source from this URL and capture it")["command"]!["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_place_stub_in_a_new_file_selects_its_name_there()
    {
        string uri = Uri("a.timeline.yaml");
        var actions = await ActionsAtAsync(uri, 9, 15);
        var command = Titled(actions, "Create place 'kafr-halab' in a new file gazetteer.places.yaml")["command"]!;
        Assert.Equal("timeline.showStub", command["command"]!.GetValue<string>());
        var args = command["arguments"]![0]!;
        Assert.Equal(Uri("gazetteer.places.yaml"), args["uri"]!.GetValue<string>());
        // "places:", "  - id: kafr-halab", then "    name: Kafr Halab".
        Assert.Equal("2:10-2:20", Range(args["range"]!));
    }
}
