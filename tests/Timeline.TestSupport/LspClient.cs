using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Timeline.LanguageServer;
using Timeline.LanguageServer.JsonRpc;

namespace Timeline.TestSupport;

/// <summary>A small LSP client of our own, for tests and benchmarks: frames, requests with ids, notifications, answers to the server's requests.</summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly List<JsonObject> _allNotifications = new();
    private long _id;
    private readonly Task _readLoop;

    public Task<int>? ServerTask { get; private set; }
    public Func<string, JsonElement?, JsonNode?> OnServerRequest { get; set; } = (_, _) => null;
    public List<string> ServerRequests { get; } = new();

    /// <summary>Told of every message from the server, as it arrives, before anything else is done with it.</summary>
    public event Action<JsonObject>? Received;

    private LspClient(Stream toServer, Stream fromServer)
    {
        _toServer = toServer;
        _fromServer = fromServer;
        _reader = new MessageReader(fromServer);
        _writer = new MessageWriter(toServer);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>A server in this process, connected through two OS pipes.</summary>
    public static LspClient InProcess(ServerOptions? options = null)
    {
        var clientToServer = new AnonymousPipeServerStream(PipeDirection.Out);
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, clientToServer.ClientSafePipeHandle);
        var serverToClient = new AnonymousPipeServerStream(PipeDirection.Out);
        var clientIn = new AnonymousPipeClientStream(PipeDirection.In, serverToClient.ClientSafePipeHandle);
        var server = new TimelineLanguageServer(serverIn, serverToClient, options ?? new ServerOptions { Log = TextWriter.Null });
        var client = new LspClient(clientToServer, clientIn);
        client.ServerTask = Task.Run(async () =>
        {
            int code = await server.RunAsync();
            serverToClient.Dispose();
            return code;
        });
        return client;
    }

    /// <summary>A client on the streams of a server process.</summary>
    public static LspClient OverStreams(Stream toServer, Stream fromServer) => new(toServer, fromServer);

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var body = await _reader.ReadAsync();
                if (body is null) break;
                var msg = JsonNode.Parse(body)!.AsObject();
                Received?.Invoke(msg);
                if (msg["method"] is not null && msg["id"] is not null)
                {
                    string method = msg["method"]!.GetValue<string>();
                    lock (ServerRequests) ServerRequests.Add(method);
                    var p = msg["params"] is { } pn ? JsonDocument.Parse(pn.ToJsonString()).RootElement : (JsonElement?)null;
                    var answer = OnServerRequest(method, p);
                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = msg["id"]!.DeepClone(), ["result"] = answer });
                }
                else if (msg["method"] is not null)
                {
                    lock (_allNotifications) _allNotifications.Add(msg);
                    _notifications.Writer.TryWrite(msg);
                }
                else if (msg["id"] is JsonValue idv && idv.TryGetValue<long>(out long id) && _pending.TryRemove(id, out var tcs))
                    tcs.TrySetResult(msg);
                else if (msg["id"] is null or JsonValue) // errors without an id (parse errors)
                    _notifications.Writer.TryWrite(msg);
            }
        }
        catch (Exception) { }
        finally
        {
            _notifications.Writer.TryComplete();
            foreach (var p in _pending.Values) p.TrySetCanceled();
        }
    }

    public Task SendAsync(JsonObject message) => _writer.WriteAsync(Encoding.UTF8.GetBytes(message.ToJsonString()));

    public Task SendRawAsync(byte[] bytes) => _toServer.WriteAsync(bytes).AsTask().ContinueWith(_ => _toServer.Flush());

    /// <summary>Sends a request and returns the whole response message (result or error).</summary>
    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, TimeSpan? timeout = null, long? id = null)
    {
        long rid = id ?? Interlocked.Increment(ref _id) + 1000;
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[rid] = tcs;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = rid, ["method"] = method, ["params"] = parameters });
        return await tcs.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public long NextId() => Interlocked.Increment(ref _id) + 1000;

    public void Expect(long id, TaskCompletionSource<JsonObject> tcs) => _pending[id] = tcs;

    /// <summary>The result of a request, failing the test on an error reply.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonNode? parameters)
    {
        var r = await RequestAsync(method, parameters);
        if (r["error"] is { } e) throw new InvalidOperationException($"{method} failed: {e.ToJsonString()}");
        return r["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for a notification that satisfies a condition.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (await _notifications.Reader.WaitToReadAsync(cts.Token))
            while (_notifications.Reader.TryRead(out var n))
                if (match(n)) return n;
        throw new InvalidOperationException("the server closed the connection");
    }

    public Task<JsonObject> DiagnosticsAsync(string uri, int? version = null) =>
        WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                          && n["params"]!["uri"]!.GetValue<string>() == uri
                          && (version is null || n["params"]!["version"]?.GetValue<int>() == version));

    public async Task<JsonObject> InitializeAsync(string? rootPath, JsonObject? capabilities = null)
    {
        var r = await CallAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            ["capabilities"] = capabilities ?? new JsonObject(),
        });
        await NotifyAsync("initialized", new JsonObject());
        return r!.AsObject();
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
        });

    public Task ChangeAsync(string uri, int version, params JsonObject[] changes) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(changes),
        });

    public static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };
    public static JsonObject Doc(string uri) => new() { ["uri"] = uri };
    public static JsonObject At(string uri, int line, int character) => new() { ["textDocument"] = Doc(uri), ["position"] = Pos(line, character) };

    public async Task<int> ShutdownAsync()
    {
        await CallAsync("shutdown", null);
        await NotifyAsync("exit", null);
        return ServerTask is null ? 0 : await ServerTask.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public void CloseInput() => _toServer.Dispose();

    public async ValueTask DisposeAsync()
    {
        try { _toServer.Dispose(); } catch { }
        if (ServerTask is not null) try { await ServerTask.WaitAsync(TimeSpan.FromSeconds(10)); } catch { }
        try { await _readLoop.WaitAsync(TimeSpan.FromSeconds(5)); } catch { }
        _fromServer.Dispose();
    }
}
