using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>Quotes through the real server: hover, go to definition into the snapshot, and a snapshot changed on disk.</summary>
public class QuoteTests : ServerOnDisk
{
    // An emoji and Arabic before the passage: the snapshot's positions are UTF-16 like any file's.
    private const string Snapshot = "Headline 📰 حلب\n\n“For the first time in years, "
        + "we have successfully advanced into Aleppo’s western districts,” a commander said.\n";

    private const string Timeline = """
        title: T
        sources:
          - id: npa
            publisher: North Press Agency
            title: Opposition claims entry
            published: 2024-11-29
            snapshot: npa.txt
        events:
          - id: e1
            date: 2024-11-29
            title: Opposition factions claim entry into western Aleppo
            sources:
              - source: npa
                quote: we have successfully advanced into Aleppo's western districts
        """;

    protected override IEnumerable<(string Path, string Text)> Files => new[]
    {
        ("timeline.config.yaml", "require-snapshots: true\n"), ("npa.txt", Snapshot), ("a.timeline.yaml", Timeline),
    };

    protected override JsonObject Capabilities => new()
    {
        ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
    };

    private static JsonObject AtQuote(string uri) => new()
    {
        ["textDocument"] = LspClient.Doc(uri),
        ["position"] = new JsonObject { ["line"] = 13, ["character"] = 20 },
    };

    [Fact]
    public async Task Hover_shows_the_passage_and_definition_selects_it_in_the_snapshot()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        Assert.Empty((await Client.DiagnosticsAsync(uri))["params"]!["diagnostics"]!.AsArray());

        var hover = (await Client.CallAsync("textDocument/hover", AtQuote(uri)))!;
        string card = hover["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("**we have successfully advanced into Aleppo’s western districts**", card);
        Assert.Contains("Opposition claims entry", card);

        var def = (await Client.CallAsync("textDocument/definition", AtQuote(uri)))!.AsArray().Single()!;
        Assert.Equal(Uri("npa.txt"), def["uri"]!.GetValue<string>());
        var range = def["range"]!;
        Assert.Equal(2, range["start"]!["line"]!.GetValue<int>());
        // UTF-16 columns in the snapshot's line: the passage starts after “For the first time in years, 
        string line = Snapshot.Split('\n')[2];
        int start = range["start"]!["character"]!.GetValue<int>(), end = range["end"]!["character"]!.GetValue<int>();
        Assert.Equal("we have successfully advanced into Aleppo’s western districts", line[start..end]);
    }

    [Fact]
    public async Task A_snapshot_changed_on_disk_checks_the_quotes_again_with_a_link_to_the_rule()
    {
        string uri = Uri("a.timeline.yaml");
        await Client.OpenAsync(uri, Timeline);
        await Client.DiagnosticsAsync(uri);
        File.WriteAllText(Path.Combine(Dir, "npa.txt"), Snapshot.Replace("successfully ", ""));
        await Client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri("npa.txt"), ["type"] = 2 }),
        });
        var publish = await Client.WaitForAsync(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && m["params"]!["diagnostics"]!.AsArray().Count > 0);
        var d = publish["params"]!["diagnostics"]!.AsArray().Single()!;
        Assert.Equal("TL308", d["code"]!.GetValue<string>());
        Assert.EndsWith("/docs/rules/TL308.md", d["codeDescription"]!["href"]!.GetValue<string>());
        Assert.Contains("the snapshot has", d["message"]!.GetValue<string>());
    }
}
