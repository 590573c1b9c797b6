using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>textDocument/formatting and rangeFormatting: minimal edits in the client's positions, none for a broken file.</summary>
public class FormattingFeatureTests : ServerOnDisk
{
    private const string Timeline = "title: 'حلب 😀'\nevents:\n  - title: 'One'\n    id: e1\n    date: 2024-11-27\n\n  - id: e2\n    date: 2024-11-28\n"
        + "    title: 'Two'   # kept\n";

    private const string Broken = "title: T\nevents:\n  - id: e1\n    title: [unclosed\n";

    protected override IEnumerable<(string Path, string Text)> Files =>
        new[] { ("timeline.config.yaml", "require-sources: false\n"), ("a.timeline.yaml", Timeline), ("b.timeline.yaml", Broken) };

    private static JsonObject Options(int tabSize = 4) => new() { ["tabSize"] = tabSize, ["insertSpaces"] = true };

    /// <summary>Applies LSP edits (UTF-16 columns, LF text) as a client would.</summary>
    private static string Apply(string text, JsonArray edits)
    {
        var lines = text.Split('\n');
        int Offset(JsonNode p) => lines.Take(p["line"]!.GetValue<int>()).Sum(l => l.Length + 1) + p["character"]!.GetValue<int>();
        foreach (var e in edits.OrderByDescending(e => Offset(e!["range"]!["start"]!)))
            text = text[..Offset(e!["range"]!["start"]!)] + e["newText"]!.GetValue<string>() + text[Offset(e["range"]!["end"]!)..];
        return text;
    }

    [Fact]
    public async Task Formatting_is_the_minimal_edits_to_the_canonical_layout()
    {
        await Client.OpenAsync(Uri("a.timeline.yaml"), Timeline, 1);
        var edits = (await Client.CallAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(Uri("a.timeline.yaml")), ["options"] = Options(),
        }))!.AsArray();
        Assert.Equal("title: حلب 😀\nevents:\n  - id: e1\n    date: 2024-11-27\n    title: One\n\n  - id: e2\n    date: 2024-11-28\n"
            + "    title: Two   # kept\n", Apply(Timeline, edits));
        // The title line, the first event's moved key (out, then in), the second event's title: nothing else is rewritten.
        Assert.True(edits.Count <= 4, edits.ToJsonString());
        Assert.DoesNotContain(edits, e => e!["newText"]!.GetValue<string>().Contains("e2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Range_formatting_formats_the_events_the_range_touches()
    {
        await Client.OpenAsync(Uri("a.timeline.yaml"), Timeline, 1);
        var edits = (await Client.CallAsync("textDocument/rangeFormatting", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(Uri("a.timeline.yaml")),
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(7, 0), ["end"] = LspClient.Pos(8, 4) },
            ["options"] = Options(2),
        }))!.AsArray();
        Assert.Equal(Timeline.Replace("'Two'", "Two", StringComparison.Ordinal), Apply(Timeline, edits));
    }

    [Fact]
    public async Task A_file_with_a_syntax_error_gets_no_edits()
    {
        await Client.OpenAsync(Uri("b.timeline.yaml"), Broken, 1);
        var edits = (await Client.CallAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = LspClient.Doc(Uri("b.timeline.yaml")), ["options"] = Options(),
        }))!.AsArray();
        Assert.Empty(edits);
    }
}
