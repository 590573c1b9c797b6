using System.Text;
using System.Text.Json.Nodes;
using Timeline.LanguageServer.Features;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// A didOpen or didChange over the size a message may have (lowered here to 64 KiB; 64 MiB in the editor): the document
/// it names gets TL901 at its first line, the message is skipped as it streams, and the server answers the next request.
/// </summary>
public class OversizedMessageTests
{
    private const int Limit = 64 * 1024;

    private static LspClient Server() => LspClient.InProcess(new ServerOptions { Log = TextWriter.Null, MaxMessageBytes = Limit });

    private static string Uri(string name) => new Uri(Path.Combine(Path.GetTempPath(), "timeline-oversized", name)).AbsoluteUri;

    private static string Big => "title: Big\nevents:\n" + new string('#', 2 * Limit) + "\n";

    private static void AssertTooLarge(JsonObject published)
    {
        var d = Assert.Single(published["params"]!["diagnostics"]!.AsArray())!;
        Assert.Equal("TL901", d["code"]!.GetValue<string>());
        Assert.Equal(0, d["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Contains("larger than the limit", d["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_didOpen_gets_TL901_and_the_server_answers_the_next_request()
    {
        await using var c = Server();
        await c.InitializeAsync(null);
        string uri = Uri("big.timeline.yaml");
        await c.OpenAsync(uri, Big);
        AssertTooLarge(await c.DiagnosticsAsync(uri));
        // Not open for the server (and not on disk): answered as for any such document.
        var symbols = await c.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        Assert.NotNull(symbols["id"]);
        // A document under the limit after it is read as usual.
        string small = Uri("small.timeline.yaml");
        await c.OpenAsync(small, "title: Small\nevents: []\n");
        Assert.NotNull(await c.DiagnosticsAsync(small, 1));
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task An_oversized_didChange_closes_the_document_for_the_server_and_gets_TL901()
    {
        await using var c = Server();
        await c.InitializeAsync(null);
        string uri = Uri("grown.timeline.yaml");
        await c.OpenAsync(uri, "title: Small\nevents: []\n");
        await c.DiagnosticsAsync(uri, 1);
        await c.ChangeAsync(uri, 2, new JsonObject { ["text"] = Big });
        AssertTooLarge(await c.DiagnosticsAsync(uri));
        var text = await c.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        Assert.NotNull(text["error"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task An_oversized_message_that_names_no_document_is_a_parse_error_as_before()
    {
        await using var c = Server();
        await c.InitializeAsync(null);
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\",\"params\":{\"settings\":\""
            + new string('x', 2 * Limit) + "\"}}");
        await c.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        var error = await c.WaitForAsync(n => n["error"] is not null);
        Assert.Equal(-32700, error["error"]!["code"]!.GetValue<int>());
        Assert.Null((await c.RequestAsync("textDocument/documentSymbol",
            new JsonObject { ["textDocument"] = LspClient.Doc(Uri("none.timeline.yaml")) }))["result"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.yaml\",\"text\":\"ti",
        "textDocument/didOpen", "file:///a.yaml")]
    [InlineData("{\"params\":{\"textDocument\":{\"version\":3,\"uri\":\"file:///b%20c.yaml\"},\"contentChanges\":[{\"text\":\"x",
        null, "file:///b%20c.yaml")]
    [InlineData("{\"method\":\"textDocument/didOpen\",\"params\":{\"options\":{\"uri\":\"file:///not-this\"},\"textDocument\":{\"text\":\"…",
        "textDocument/didOpen", null)]
    [InlineData("{\"method\":\"textDocument\\/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:\\/\\/\\/d.yaml\"}",
        "textDocument/didChange", "file:///d.yaml")]
    [InlineData("not json at all", null, null)]
    public void The_method_and_uri_are_read_from_a_prefix_in_any_key_order(string prefix, string? method, string? uri)
    {
        var found = OversizedDocument.Scan(Encoding.UTF8.GetBytes(prefix));
        Assert.Equal(method, found.Method);
        Assert.Equal(uri, found.Uri);
    }
}
