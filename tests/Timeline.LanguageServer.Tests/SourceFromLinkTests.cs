using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>A link pasted as a source: the fixes that make a source of it, and the capture a fix runs afterwards.</summary>
public class SourceFromLinkTests : ServerOnDisk
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
            sources: [saved-page, https://www.enabbaladi.net/2024/11/30/opposition-enters-aleppo/]
        """;

    private const string Page = """
        <html><head><title>Rebels enter Aleppo</title></head>
        <body><article><p>Opposition fighters entered the western districts of Aleppo on Friday, residents said.</p></article></body></html>
        """;

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "require-sources: true\n"), ("a.timeline.yaml", Timeline), ("page.html", Page),
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject { ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true }, ["applyEdit"] = true },
    };

    [Fact]
    public async Task A_link_gets_a_source_and_a_capture_command_with_the_file_as_a_uri()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        await Client.DiagnosticsAsync(uri);
        var actions = (await Client.CallAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(uri),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(9, 40), ["end"] = LspClient.Pos(9, 40) },
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!.AsArray();
        var titles = actions.Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Create a source from this URL", titles);
        var capture = actions.Single(a => a!["title"]!.GetValue<string>() == "Create a source from this URL and capture it")!;
        Assert.Equal("timeline.captureSource", capture["command"]!["command"]!.GetValue<string>());
        var args = capture["command"]!["arguments"]![0]!;
        Assert.Equal(uri, args["uri"]!.GetValue<string>());
        Assert.Equal("enabbaladi-opposition-enters-aleppo", args["id"]!.GetValue<string>());
        Assert.Equal("https://www.enabbaladi.net/2024/11/30/opposition-enters-aleppo/", args["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_capture_writes_the_snapshot_and_gives_it_to_the_source()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        JsonElementHolder? applied = null;
        Client.OnServerRequest = (method, p) =>
        {
            if (method != "workspace/applyEdit") return null;
            applied = new JsonElementHolder(p!.Value.GetRawText());
            return new JsonObject { ["applied"] = true };
        };
        var result = (await Client.CallAsync("workspace/executeCommand", new JsonObject
        {
            ["command"] = "timeline.captureSource",
            ["arguments"] = new JsonArray(new JsonObject { ["uri"] = uri, ["id"] = "saved-page", ["url"] = Path.Combine(Dir, "page.html") }),
        }))!;
        Assert.True(result["applied"]!.GetValue<bool>());
        Assert.True(File.Exists(Path.Combine(Dir, "snapshots", "saved-page.txt")));
        Assert.Contains("snapshot: snapshots/saved-page.txt", applied!.Text);
        Assert.Contains("sha256: ", applied.Text);
        Assert.Contains("captured: ", applied.Text);
    }

    private sealed record JsonElementHolder(string Text);
}
