using System.Text;
using System.Text.Json.Nodes;
using Timeline.LanguageServer.JsonRpc;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>Hostile input and protocol faults: each is answered with a diagnostic or an error, and the server lives on.</summary>
public class RobustnessTests
{
    private static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    private static async Task<JsonObject> AliveAsync(LspClient c) =>
        (await c.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))!;

    [Fact]
    public async Task A_huge_content_length_is_an_error_and_the_next_frame_is_read()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        // A lying length: the server cannot know until the next frame's header arrives, then it reads that frame.
        await c.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: 99999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}\r\n"));
        var alive = AliveAsync(c);
        await c.WaitForAsync(m => m["error"]?["code"]?.GetValue<int>() == ErrorCodes.ParseError);
        Assert.NotNull((await alive)["result"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Positions_outside_the_document_are_errors_and_past_a_line_end_mean_its_end()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        string uri = "file:///tmp/robust/a.timeline.yaml";
        await c.OpenAsync(uri, "title: T\nevents: []\n");
        var past = await c.RequestAsync("textDocument/hover", LspClient.At(uri, 50, 0));
        Assert.Equal(ErrorCodes.InvalidParams, past["error"]!["code"]!.GetValue<int>());
        var negative = await c.RequestAsync("textDocument/completion", LspClient.At(uri, -1, 0));
        Assert.Equal(ErrorCodes.InvalidParams, negative["error"]!["code"]!.GetValue<int>());
        var lineEnd = await c.RequestAsync("textDocument/hover", LspClient.At(uri, 0, 500));
        Assert.Null(lineEnd["error"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task An_edit_out_of_range_is_reported_and_the_server_lives_on()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        string uri = "file:///tmp/robust/b.timeline.yaml";
        await c.OpenAsync(uri, "title: T\nevents: []\n");
        await c.ChangeAsync(uri, 2, new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(40, 0), ["end"] = LspClient.Pos(41, 0) },
            ["text"] = "# appended\n",
        });
        var log = await c.WaitForAsync(m => m["method"]?.GetValue<string>() == "window/logMessage");
        Assert.Contains("outside the document", log["params"]!["message"]!.GetValue<string>());
        var text = await c.CallAsync("timeline/documentText", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        Assert.EndsWith("# appended\n", text!["text"]!.GetValue<string>());
        // A change for a document that was never opened is ignored; requests on it are errors.
        await c.ChangeAsync("file:///tmp/robust/never.timeline.yaml", 2, new JsonObject { ["text"] = "x" });
        Assert.NotNull((await c.RequestAsync("textDocument/hover", LspClient.At("file:///tmp/robust/never.timeline.yaml", 0, 0)))["error"]);
        Assert.NotNull((await AliveAsync(c))["result"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Hostile_documents_get_diagnostics()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        async Task<IEnumerable<string>> Codes(string name, string text)
        {
            string uri = $"file:///tmp/robust/{name}";
            await c.OpenAsync(uri, text);
            var d = await c.DiagnosticsAsync(uri, 1);
            return d["params"]!["diagnostics"]!.AsArray().Select(x => x!["code"]!.GetValue<string>()).ToList();
        }
        // An alias bomb: reported, never expanded.
        var bomb = new StringBuilder("title: T\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++)
        {
            string aliases = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10));
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{aliases}]\n");
        }
        bomb.Append("events: []\n");
        Assert.Contains("TL006", await Codes("bomb.timeline.yaml", bomb.ToString()));
        Assert.Contains("TL902", await Codes("deep.timeline.yaml", "title: T\nevents: []\nx-deep: " + new string('[', 500) + new string(']', 500) + "\n"));
        Assert.Contains("TL001", await Codes("nul.timeline.yaml", "title: T\0\nevents: []\n"));
        Assert.Contains("TL007", await Codes("tag.timeline.yaml", "title: !!python/object/apply:os.system [rm]\nevents: []\n"));
        Assert.Contains("TL001", await Codes("surrogate.timeline.yaml", "title: \"\ud800\"\nevents: [\n"));
        var longLine = await Codes("long.timeline.yaml", "title: " + new string('x', 1 << 20) + "\nevents: []\n");
        Assert.Empty(longLine);
        Assert.Contains("TL901", await Codes("huge.timeline.yaml", "title: T\nevents: []\nx-pad: " + new string('x', 50 * 1024 * 1024) + "\n"));
        Assert.NotNull((await AliveAsync(c))["result"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task A_gazetteer_outside_the_root_is_not_read_unless_the_user_allows_it()
    {
        var dir = Directory.CreateTempSubdirectory("timeline-outside-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "p"));
            File.WriteAllText(Path.Combine(dir, "outside.txt"), "1\tX\tX\t\t1\t1\tP\tPPL\tSY\t\t\t\t\t\t0\t\t\t\t\n");
            File.WriteAllText(Path.Combine(dir, "p", "timeline.config.yaml"), "gazetteers: [../outside.txt]\n");
            string cfg = new Uri(Path.Combine(dir, "p", "timeline.config.yaml")).AbsoluteUri;
            await using var c = LspClient.InProcess();
            bool allow = false;
            c.OnServerRequest = (m, _) => m == "workspace/configuration" ? new JsonArray(new JsonObject { ["allowCatalogsOutsideRoot"] = allow }) : null;
            await c.InitializeAsync(Path.Combine(dir, "p"), new JsonObject { ["workspace"] = new JsonObject { ["configuration"] = true } });
            await c.OpenAsync(cfg, "gazetteers: [../outside.txt]\n");
            await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == cfg
                && n["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "TL501"));
            allow = true;
            await c.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = null });
            await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && n["params"]!["uri"]!.GetValue<string>() == cfg
                && n["params"]!["diagnostics"]!.AsArray().Count == 0);
            Assert.Equal(0, await c.ShutdownAsync());
        }
        finally { Directory.Delete(dir, true); }
    }
}
