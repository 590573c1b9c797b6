using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.LanguageServer.JsonRpc;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>The JSON-RPC layer and the server's life cycle: frames, errors, cancellation, shutdown and exit.</summary>
public class TransportTests
{
    private static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    [Fact]
    public async Task Frames_split_across_reads_and_several_in_one_read()
    {
        var pipe = new MemoryStream();
        var a = Frame("{\"jsonrpc\":\"2.0\",\"method\":\"a\"}");
        var b = Frame("{\"jsonrpc\":\"2.0\",\"method\":\"bé\"}");
        var all = a.Concat(b).Concat(a).ToArray();
        var reader = new MessageReader(new TrickleStream(all, chunk: 3));
        Assert.Contains("\"a\"", Encoding.UTF8.GetString((await reader.ReadAsync())!));
        Assert.Contains("bé", Encoding.UTF8.GetString((await reader.ReadAsync())!));
        Assert.Contains("\"a\"", Encoding.UTF8.GetString((await reader.ReadAsync())!));
        Assert.Null(await reader.ReadAsync());
        // All in one read, with an extra header.
        var header = Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n");
        var whole = new MessageReader(new MemoryStream(header.Concat(a).ToArray()));
        Assert.NotNull(await whole.ReadAsync());
    }

    [Fact]
    public async Task A_bad_frame_is_reported_and_reading_goes_on()
    {
        var bytes = Encoding.ASCII.GetBytes("Content-Length: abc\r\n\r\n").Concat(Frame("{\"ok\":1}")).ToArray();
        var reader = new MessageReader(new MemoryStream(bytes));
        await Assert.ThrowsAsync<FramingException>(() => reader.ReadAsync());
        Assert.Contains("ok", Encoding.UTF8.GetString((await reader.ReadAsync())!));
        var huge = new MessageReader(new MemoryStream(Encoding.ASCII.GetBytes("Content-Length: 99999999999\r\n\r\nxyz")), maxContentLength: 100);
        await Assert.ThrowsAsync<OversizedMessageException>(() => huge.ReadAsync());
    }

    [Fact]
    public async Task Before_initialize_requests_are_refused_with_ServerNotInitialized()
    {
        await using var c = LspClient.InProcess();
        var r = await c.RequestAsync("textDocument/hover", LspClient.At("file:///x.timeline.yaml", 0, 0));
        Assert.Equal(ErrorCodes.ServerNotInitialized, r["error"]!["code"]!.GetValue<int>());
        await c.InitializeAsync(null);
        var again = await c.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.Equal(ErrorCodes.InvalidRequest, again["error"]!["code"]!.GetValue<int>());
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Unknown_methods_bad_params_and_garbage_are_errors_and_the_server_lives_on()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        Assert.Equal(ErrorCodes.MethodNotFound, (await c.RequestAsync("timeline/nothing", null))["error"]!["code"]!.GetValue<int>());
        var hover = await c.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 5 });
        Assert.Equal(ErrorCodes.InvalidParams, hover["error"]!["code"]!.GetValue<int>());
        Assert.Equal(ErrorCodes.InvalidParams, (await c.RequestAsync("textDocument/hover", null))["error"]!["code"]!.GetValue<int>());
        // A document that was never opened and does not exist.
        var never = await c.RequestAsync("textDocument/hover", LspClient.At("file:///nowhere/never.timeline.yaml", 0, 0));
        Assert.NotNull(never["error"]);
        // Garbage frames: not JSON, then a bad header. Each is answered with a parse error.
        await c.SendRawAsync(Frame("{not json"));
        var parseError = await c.WaitForAsync(m => m["error"]?["code"]?.GetValue<int>() == ErrorCodes.ParseError);
        Assert.Null(parseError["id"]);
        await c.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: x\r\n\r\n"));
        await c.WaitForAsync(m => m["error"]?["code"]?.GetValue<int>() == ErrorCodes.ParseError);
        // Unknown notifications are ignored; the server still answers.
        await c.NotifyAsync("$/unknownThing", new JsonObject());
        Assert.NotNull((await c.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }))["result"]);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Cancelled_requests_answer_RequestCancelled()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        // Cancel before the server can finish: the request id is cancelled as it arrives.
        long id = c.NextId();
        var tcs = new TaskCompletionSource<JsonObject>();
        c.Expect(id, tcs);
        var cancel = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = id } };
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "workspace/symbol", ["params"] = new JsonObject { ["query"] = "" } };
        await c.SendRawAsync(Frame(request.ToJsonString()).Concat(Frame(cancel.ToJsonString())).ToArray());
        var r = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Either it was cancelled in time, or it had already finished: both are correct replies.
        Assert.True(r["result"] is not null || r["error"]!["code"]!.GetValue<int>() == ErrorCodes.RequestCancelled);
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Several_requests_in_flight_are_all_answered()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        string uri = "file:///tmp/inflight/a.timeline.yaml";
        await c.OpenAsync(uri, "title: T\nevents:\n  - id: e1\n    date: 2024-11-29\n    title: t\n    sources: []\n");
        var tasks = Enumerable.Range(0, 20).Select(i => c.RequestAsync(i % 2 == 0 ? "textDocument/hover" : "textDocument/documentSymbol",
            i % 2 == 0 ? LspClient.At(uri, 3, 12) : new JsonObject { ["textDocument"] = LspClient.Doc(uri) })).ToList();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Null(r["error"]));
        Assert.Equal(0, await c.ShutdownAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_is_exit_code_1()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        await c.NotifyAsync("exit", null);
        Assert.Equal(1, await c.ServerTask!.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task After_shutdown_requests_are_refused()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        await c.CallAsync("shutdown", null);
        var symbols = await c.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.Equal(ErrorCodes.InvalidRequest, symbols["error"]!["code"]!.GetValue<int>());
        await c.NotifyAsync("exit", null);
        Assert.Equal(0, await c.ServerTask!.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_client_that_disappears_ends_the_server()
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        await c.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: 100\r\n\r\n{\"jsonrpc\""));   // a truncated message
        c.CloseInput();
        Assert.Equal(1, await c.ServerTask!.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Trace_and_the_servers_own_requests()
    {
        await using var c = LspClient.InProcess();
        c.OnServerRequest = (method, _) => method == "workspace/configuration"
            ? new JsonArray(new JsonObject { ["rules"] = new JsonObject { ["unused-source"] = "off" } })
            : null;
        await c.InitializeAsync(null, new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["configuration"] = true,
                ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
            },
        });
        await c.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "verbose" });
        for (int i = 0; i < 100 && c.ServerRequests.Count < 2; i++) await Task.Delay(20);
        lock (c.ServerRequests)
        {
            Assert.Contains("client/registerCapability", c.ServerRequests);
            Assert.Contains("workspace/configuration", c.ServerRequests);
        }
        Assert.Equal(0, await c.ShutdownAsync());
    }

    /// <summary>A stream that hands out its bytes a few at a time.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _pos;
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, chunk), data.Length - _pos);
            Array.Copy(data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
