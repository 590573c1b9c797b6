using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Timeline.LanguageServer.JsonRpc;

public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int UnknownErrorCode = -32001;
    public const int RequestFailed = -32803;
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}

/// <summary>An error a handler answers with: a JSON-RPC code and a message.</summary>
public sealed class JsonRpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>
/// A value to send: written straight into the message by its serialiser's metadata (source-generated),
/// never built as a tree of nodes first. The default is JSON null.
/// </summary>
public readonly struct JsonPayload
{
    private readonly Action<Utf8JsonWriter>? _write;
    private JsonPayload(Action<Utf8JsonWriter> write) => _write = write;

    public static JsonPayload Null => default;

    public static JsonPayload Of<T>(T value, JsonTypeInfo<T> info) =>
        value is null ? default : new JsonPayload(w => JsonSerializer.Serialize(w, value, info));

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_write is null) writer.WriteNullValue();
        else _write(writer);
    }
}

/// <summary>One request being served: its method, id and cancellation.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The connection disposes the token source once the request is answered")]
public sealed class RequestContext
{
    internal readonly CancellationTokenSource Cts = new();
    public required string Method { get; init; }
    /// <summary>The request's id as the peer wrote it (a number or a string), in JSON.</summary>
    public required string Id { get; init; }
    public CancellationToken Token => Cts.Token;
    /// <summary>The document the request reads, if any: an edit to it cancels the request with ContentModified.</summary>
    public string? Document { get; set; }
    internal volatile bool ContentModified;
}

public delegate Task<JsonPayload> RequestHandler(JsonElement? parameters, RequestContext context);
/// <summary>
/// Handles a notification. Its parameters lie in the message's own parsed buffer, kept until the handler's task ends
/// (a document's text is not copied once more for it).
/// </summary>
public delegate Task NotificationHandler(JsonElement? parameters);

/// <summary>
/// JSON-RPC 2.0 over a pair of streams: requests, notifications and responses in both
/// directions. Notifications are handled in order, one at a time, as they arrive; requests
/// run concurrently (except those registered as sequential), so that $/cancelRequest and
/// later edits can reach them. A fault in a handler becomes an error reply, never a crash.
/// </summary>
public sealed class JsonRpcConnection
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly Dictionary<string, (RequestHandler Handler, bool Sequential)> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationHandler> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestContext> _active = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement?>> _pending = new();
    private long _nextId;
    private volatile bool _closed;

    public JsonRpcConnection(Stream input, Stream output, int maxContentLength = 64 * 1024 * 1024)
    {
        _reader = new MessageReader(input, maxContentLength);
        _writer = new MessageWriter(output);
        _reader.BodyComing = length =>
        {
            if (length >= LargeMessageBytes && LargeMessage is { } arriving) _arriving = arriving(length);
        };
    }

    /// <summary>What a message counts as large from (a document's whole text, as didOpen sends it).</summary>
    public const int LargeMessageBytes = 256 * 1024;

    /// <summary>
    /// Told of a large message (its length in bytes) as soon as its header is read, before its body is read and parsed;
    /// what it returns is disposed once the message is handled, or could not be read.
    /// </summary>
    public Func<int, IDisposable?>? LargeMessage { get; set; }

    private IDisposable? _arriving;

    /// <summary>Decides whether a request may run now; returns an error to answer with instead, or null.</summary>
    public Func<string, JsonRpcException?>? RequestGate { get; set; }

    /// <summary>Decides whether a notification is handled now (false drops it).</summary>
    public Func<string, bool>? NotificationGate { get; set; }

    /// <summary>
    /// Told of a message over the size limit, with the first bytes of its body and its declared length, after it was
    /// skipped; answers whether it took care of it. When nothing does, the message is answered with a ParseError.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, long, Task<bool>>? OversizedMessage { get; set; }

    /// <summary>Told of every fault: a handler's exception, a bad frame, a lost peer.</summary>
    public event Action<string, Exception?>? Fault;

    /// <summary>Set by a handler (exit) to end <see cref="RunAsync"/> after it returns.</summary>
    public bool StopRequested { get; set; }

    public bool IsClosed => _closed;

    public void OnRequest(string method, RequestHandler handler, bool sequential = false) => _requests[method] = (handler, sequential);
    public void OnNotification(string method, NotificationHandler handler) => _notifications[method] = handler;

    /// <summary>Called as each message arrives and as each is sent (the server's work ahead of the editor gives way then).</summary>
    public Action? Activity { get; set; }

    /// <summary>Reads and serves messages until the stream ends, or a handler asks to stop.</summary>
    public async Task RunAsync(CancellationToken cancel = default)
    {
        var running = new List<Task>();
        while (!StopRequested && !cancel.IsCancellationRequested)
        {
            byte[]? body = null;
            try
            {
                body = await _reader.ReadAsync(cancel).ConfigureAwait(false);
            }
            catch (OversizedMessageException ex) when (OversizedMessage is { } handler)
            {
                Fault?.Invoke($"bad frame: {ex.Message}", null);
                bool handled;
                try { handled = await handler(ex.Prefix, ex.Length).ConfigureAwait(false); }
                catch (Exception fault)
                {
                    Fault?.Invoke("an oversized message could not be handled", fault);
                    handled = false;
                }
                if (!handled) await SendErrorAsync(null, ErrorCodes.ParseError, $"Parse error: {ex.Message}").ConfigureAwait(false);
                continue;
            }
            catch (FramingException ex)
            {
                Fault?.Invoke($"bad frame: {ex.Message}", null);
                await SendErrorAsync(null, ErrorCodes.ParseError, $"Parse error: {ex.Message}").ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
            {
                break;
            }
            finally
            {
                // A body that could not be read is done with too.
                if (body is null) Arrived(null);
            }
            if (body is null) break;
            Activity?.Invoke();
            var task = HandleMessageAsync(body);
            Arrived(task);
            if (!task.IsCompleted) running.Add(task);
            running.RemoveAll(t => t.IsCompleted);
        }
        _closed = true;
        foreach (var ctx in _active.Values) Cancel(ctx);
        foreach (var p in _pending.Values) p.TrySetCanceled(CancellationToken.None);
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            // Ending anyway.
        }
    }

    /// <summary>Disposes what <see cref="LargeMessage"/> gave for the message just read, once its handling is over.</summary>
    private void Arrived(Task? handling)
    {
        if (Interlocked.Exchange(ref _arriving, null) is not { } arrived) return;
        if (handling is null || handling.IsCompleted) arrived.Dispose();
        else _ = handling.ContinueWith(_ => arrived.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task HandleMessageAsync(byte[] body)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body, DocumentOptions); }
        catch (JsonException ex)
        {
            Fault?.Invoke($"unreadable JSON: {ex.Message}", null);
            await SendErrorAsync(null, ErrorCodes.ParseError, "Parse error: the message is not JSON").ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await SendErrorAsync(null, ErrorCodes.InvalidRequest, "Invalid request: a message is a JSON object").ConfigureAwait(false);
                return;
            }
            bool hasId = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String;
            string? id = hasId ? idElement.GetRawText() : null;
            if (root.TryGetProperty("method", out var methodElement) && methodElement.ValueKind == JsonValueKind.String)
            {
                string method = methodElement.GetString()!;
                JsonElement? parameters = root.TryGetProperty("params", out var p) ? p : null;
                // A request may be served after this message's buffer is returned: it gets a copy of its parameters.
                if (hasId) await StartRequestAsync(method, id, parameters?.Clone()).ConfigureAwait(false);
                else await HandleNotificationAsync(method, parameters).ConfigureAwait(false);
                return;
            }
            if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
            {
                if (idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out long rid) && _pending.TryRemove(rid, out var tcs))
                {
                    if (root.TryGetProperty("error", out var err))
                    {
                        int code = err.TryGetProperty("code", out var c) && c.TryGetInt32(out int given) ? given : ErrorCodes.InternalError;
                        string message = err.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                        tcs.TrySetException(new JsonRpcException(code, message));
                    }
                    else tcs.TrySetResult(root.GetProperty("result").Clone());
                }
                return;
            }
            await SendErrorAsync(id, ErrorCodes.InvalidRequest, "Invalid request: no method").ConfigureAwait(false);
        }
    }

    private async Task HandleNotificationAsync(string method, JsonElement? parameters)
    {
        if (method == "$/cancelRequest")
        {
            if (parameters is { ValueKind: JsonValueKind.Object } pe && pe.TryGetProperty("id", out var cid)
                && _active.TryGetValue(cid.GetRawText(), out var ctx))
                Cancel(ctx);
            return;
        }
        if (NotificationGate is { } gate && !gate(method)) return;
        if (!_notifications.TryGetValue(method, out var handler)) return; // unknown notifications are ignored ($/ ones by the spec)
        try { await handler(parameters).ConfigureAwait(false); }
        catch (Exception ex) { Fault?.Invoke($"notification {method} failed", ex); }
    }

    private async Task StartRequestAsync(string method, string? id, JsonElement? parameters)
    {
        if (RequestGate?.Invoke(method) is { } refusal)
        {
            await SendErrorAsync(id, refusal.Code, refusal.Message).ConfigureAwait(false);
            return;
        }
        if (!_requests.TryGetValue(method, out var entry))
        {
            await SendErrorAsync(id, ErrorCodes.MethodNotFound, $"Method not found: {method}").ConfigureAwait(false);
            return;
        }
        var ctx = new RequestContext { Method = method, Id = id! };
        string key = id!;
        _active[key] = ctx;
        if (entry.Sequential) await ServeAsync(entry.Handler, parameters, ctx, key).ConfigureAwait(false);
        else _ = Task.Run(() => ServeAsync(entry.Handler, parameters, ctx, key));
    }

    private async Task ServeAsync(RequestHandler handler, JsonElement? parameters, RequestContext ctx, string key)
    {
        try
        {
            ctx.Token.ThrowIfCancellationRequested();
            var result = await handler(parameters, ctx).ConfigureAwait(false);
            ctx.Token.ThrowIfCancellationRequested();
            await SendResultAsync(ctx.Id, result).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await SendErrorAsync(ctx.Id, ctx.ContentModified ? ErrorCodes.ContentModified : ErrorCodes.RequestCancelled,
                ctx.ContentModified ? "The document changed while the request ran" : "The request was cancelled").ConfigureAwait(false);
        }
        catch (JsonRpcException ex)
        {
            await SendErrorAsync(ctx.Id, ex.Code, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidParamsException)
        {
            await SendErrorAsync(ctx.Id, ErrorCodes.InvalidParams, $"Invalid params for {ctx.Method}: {ex.Message}").ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fault?.Invoke($"request {ctx.Method} failed", ex);
            await SendErrorAsync(ctx.Id, ErrorCodes.InternalError, $"{ctx.Method} failed: {ex.Message}").ConfigureAwait(false);
        }
        finally
        {
            _active.TryRemove(key, out _);
            ctx.Cts.Dispose();
        }
    }

    /// <summary>
    /// Cancels the running requests that read documents, answering them ContentModified: an edit
    /// moves what later segments hold, so work begun on the old text is stale, whatever file it read.
    /// </summary>
    public void DocumentChanged(string document)
    {
        foreach (var ctx in _active.Values)
            if (ctx.Document is not null)
            {
                ctx.ContentModified = true;
                Cancel(ctx);
            }
    }

    /// <summary>Cancels a request that may be finishing at this very moment (and so disposing its token source).</summary>
    private static void Cancel(RequestContext ctx)
    {
        try { ctx.Cts.Cancel(); }
        catch (ObjectDisposedException) { /* it has already answered */ }
    }

    public Task NotifyAsync(string method, JsonPayload parameters) =>
        SendAsync(w =>
        {
            w.WriteString("method", method);
            w.WritePropertyName("params");
            parameters.WriteTo(w);
        }, isOwnMessage: true);

    /// <summary>Sends a request to the peer and waits for its answer.</summary>
    public async Task<JsonElement?> RequestAsync(string method, JsonPayload parameters, CancellationToken cancel = default)
    {
        long id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        using var reg = cancel.Register(() => { if (_pending.TryRemove(id, out var t)) t.TrySetCanceled(); });
        await SendAsync(w =>
        {
            w.WriteNumber("id", id);
            w.WriteString("method", method);
            w.WritePropertyName("params");
            parameters.WriteTo(w);
        }, isOwnMessage: true).ConfigureAwait(false);
        return await tcs.Task.ConfigureAwait(false);
    }

    private Task SendResultAsync(string id, JsonPayload result) =>
        SendAsync(w =>
        {
            w.WritePropertyName("id");
            w.WriteRawValue(id, skipInputValidation: true);
            w.WritePropertyName("result");
            result.WriteTo(w);
        }, isOwnMessage: false);

    private Task SendErrorAsync(string? id, int code, string message) =>
        SendAsync(w =>
        {
            w.WritePropertyName("id");
            if (id is null) w.WriteNullValue();
            else w.WriteRawValue(id, skipInputValidation: true);
            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }, isOwnMessage: false);

    /// <summary>
    /// Writes one message: the envelope, then its members. Once closed, only answers are still attempted.
    /// A value that cannot be serialised throws here, to its sender (a request then answers InternalError);
    /// only a failure to write means the peer is gone.
    /// </summary>
    private async Task SendAsync(Action<Utf8JsonWriter> members, bool isOwnMessage)
    {
        if (_closed && isOwnMessage) return;
        // An answer to the editor, or what its edit made (a publish), is its activity too.
        Activity?.Invoke();
        using var buffer = new PooledBuffer();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            members(w);
            w.WriteEndObject();
        }
        try
        {
            await _writer.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
        {
            // The peer went away: the read loop ends on its own.
            _closed = true;
        }
    }

    /// <summary>
    /// Deeper than any parameter a handler reads (the serialiser stops at 64 levels, answering InvalidParams with
    /// the request's id); a message nested deeper still is answered ParseError, without an id.
    /// </summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Parameters that do not have the shape a method needs.</summary>
public sealed class InvalidParamsException(string message) : Exception(message);

/// <summary>
/// A message being written. A file's diagnostics are megabytes of JSON on every keystroke: written into a
/// buffer that grows by doubling, each such message left ~8 MB of large-object garbage, which only a full
/// collection frees. The largest array a message needed is kept for the next large one (one array, not one
/// of each size as a shared pool would keep); a small message never takes it. A trim lets it go.
/// </summary>
internal sealed class PooledBuffer : System.Buffers.IBufferWriter<byte>, IDisposable
{
    private const int Small = 64 * 1024;
    private static byte[]? s_spare;
    private byte[] _array = new byte[4096];
    private int _written;

    /// <summary>Lets the kept array go (when the server gives memory back).</summary>
    public static void Release() => Volatile.Write(ref s_spare, null);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        int need = _written + Math.Max(sizeHint, 1);
        if (need <= _array.Length) return;
        // Grown past a small message: the kept array, if it is free and large enough; otherwise twice the size.
        var bigger = need > Small && Interlocked.Exchange(ref s_spare, null) is { } spare && spare.Length >= need
            ? spare : new byte[Math.Max(need, checked(_array.Length * 2))];
        _array.AsSpan(0, _written).CopyTo(bigger);
        _array = bigger;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        // Kept if it is the largest yet: a smaller one does not push out the array of a larger message.
        if (array.Length <= Small) return;
        var spare = Volatile.Read(ref s_spare);
        if (spare is null || spare.Length <= array.Length) Interlocked.CompareExchange(ref s_spare, array, spare);
    }
}
