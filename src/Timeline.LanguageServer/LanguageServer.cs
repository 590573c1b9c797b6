using System.Runtime;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;
using Timeline.LanguageServer.Features;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer;

public sealed class ServerOptions
{
    public IFileSystem? FileSystem { get; init; }
    /// <summary>Where the server's own log goes (never stdout): stderr by default.</summary>
    public TextWriter? Log { get; init; }
    public DateOnly? Today { get; init; }
    /// <summary>
    /// Give memory back to the system after this long without edits (and once the workspace is
    /// read, and after a large document is opened); null to leave it to the collector. The
    /// process of <c>timeline lsp</c> sets it; servers in a test process do not (a collection
    /// there is the whole process's).
    /// </summary>
    public TimeSpan? TrimMemoryWhenIdle { get; init; }

    /// <summary>
    /// While a project is read for the first time (seconds, for a hundred thousand events), an open
    /// document's own findings are published at once and requests about it are answered from what is
    /// known (completion marked incomplete until the catalogs' names are indexed); the project's
    /// findings follow when it is read. The process of <c>timeline lsp</c> sets it; without it every
    /// answer waits for the whole project, as the tests that compare whole answers expect.
    /// </summary>
    public bool AnswerWhileReading { get; init; }

    /// <summary>The largest message read (a larger one is skipped as it streams); lowered in tests.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;
}

/// <summary>
/// The Timeline language server: LSP 3.17 over a stream pair. It owns the life cycle (initialize,
/// shutdown, exit) and the workspace; the editor features in <c>Features/</c> declare their
/// capabilities and handle their requests, each answer computed by the core's services in offsets.
/// </summary>
public sealed class TimelineLanguageServer
{
    private readonly JsonRpcConnection _rpc;
    private readonly ServerOptions _options;
    private readonly TextWriter _log;
    private bool _initialized, _shutdown;
    private string _trace = "off";

    public TimelineLanguageServer(Stream input, Stream output, ServerOptions? options = null)
    {
        _options = options ?? new ServerOptions();
        _log = _options.Log ?? Console.Error;
        _rpc = new JsonRpcConnection(input, output, _options.MaxMessageBytes);
        Workspace = new TimelineWorkspace(_options.FileSystem);
        Uris = new UriMap();
        Lsp = new Lsp(PositionEncoding.Utf16);
        Diagnostics = new DiagnosticsPublisher(this);
        Background = _options.AnswerWhileReading && Environment.ProcessorCount > 1
            ? new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount - 1).ConcurrentScheduler
            : TaskScheduler.Default;
        if (Background != TaskScheduler.Default)
        {
            _rpc.Activity = Editor.Touch;
            Core.Project.Parallelism.GiveWayOn(Background, Editor.GiveWay);
        }
        if (_options.TrimMemoryWhenIdle is { } idle) Memory = new MemoryTrimmer(idle, Internal);
        if (Memory is not null) _rpc.LargeMessage = ReadWithoutCollections;
        _rpc.RequestGate = Gate;
        _rpc.NotificationGate = method => method == "exit" || (_initialized && !_shutdown);
        _rpc.Fault += (what, ex) =>
        {
            Log($"{what}{(ex is null ? "" : ": " + ex)}");
            if (ex is not null && !_rpc.IsClosed) _ = ShowLogAsync(MessageType.Error, $"Timeline: {what}: {ex.Message}");
        };
        _rpc.OnRequest("initialize", InitializeAsync, sequential: true);
        OnNotification<object>("initialized", null, _ => OnInitializedAsync());
        _rpc.OnRequest("shutdown", (_, _) =>
        {
            _shutdown = true;
            ExitCode = 0;
            Diagnostics.Stop();
            return Task.FromResult(JsonPayload.Null);
        }, sequential: true);
        OnNotification<object>("exit", null, _ =>
        {
            _rpc.StopRequested = true;
            return Task.CompletedTask;
        });
        OnNotification("$/setTrace", () => LspJson.Default.SetTraceParams, p =>
        {
            _trace = p.Value;
            return Task.CompletedTask;
        });
        foreach (var feature in IFeature.All) feature.Register(this);
    }

    // A document's whole text (didOpen, a change that replaces it) is read, parsed and checked with no collection in the
    // middle when the heap is small, as at the start (see MemoryTrimmer.WithoutCollections): from its header on, while
    // the runtime's room is made at little cost, before the message itself fills the heap.
    private IDisposable? ReadWithoutCollections(int length)
    {
        var region = MemoryTrimmer.WithoutCollections(length);
        if (region is not null) Internal($"reading a message of {length} bytes without collections");
        return region;
    }

    public TimelineWorkspace Workspace { get; }
    public UriMap Uris { get; }
    public Lsp Lsp { get; private set; }
    internal DiagnosticsPublisher Diagnostics { get; }

    /// <summary>The editor's settings as last asked for and applied (see ConfigurationFeature).</summary>
    internal ConfigurationAnswers Configuration { get; } = new();
    internal MemoryTrimmer? Memory { get; }
    internal bool AnswerWhileReading => _options.AnswerWhileReading;

    /// <summary>
    /// Where a project is read ahead of the editor: with <see cref="ServerOptions.AnswerWhileReading"/>, on all cores
    /// but one (at least one), the core's parallel loops included (they take their caller's scheduler). Reading 100,000
    /// events otherwise fills every core and the thread pool's queue for seconds, and a keystroke's check, its publish,
    /// and the reads and writes of the editor's messages (which the pool serves) wait behind it.
    /// </summary>
    internal TaskScheduler Background { get; }

    /// <summary>When the editor is being answered: the reading on <see cref="Background"/> gives way to it then.</summary>
    internal EditorActivity Editor { get; } = new();

    /// <summary>Runs work that reads a project ahead of the editor (see <see cref="Background"/>).</summary>
    internal Task InBackground(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Background);
    public DateOnly Today => _options.Today ?? DateOnly.FromDateTime(DateTime.Now);
    public int ExitCode { get; private set; } = 1;
    internal ClientSupport Client { get; private set; } = ClientSupport.Read(null);

    /// <summary>Serves until the client says exit or goes away. Returns the process exit code: 0 after shutdown, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancel = default)
    {
        await _rpc.RunAsync(cancel).ConfigureAwait(false);
        Diagnostics.Stop();
        Memory?.Dispose();
        return _shutdown ? ExitCode : 1;
    }

    private JsonRpcException? Gate(string method) =>
        _shutdown && method != "shutdown" ? new JsonRpcException(ErrorCodes.InvalidRequest, "The server is shutting down")
        : !_initialized && method != "initialize" ? new JsonRpcException(ErrorCodes.ServerNotInitialized, "The server is not initialized yet")
        : _initialized && method == "initialize" ? new JsonRpcException(ErrorCodes.InvalidRequest, "The server is already initialized")
        : null;

    internal void Log(string message)
    {
        try
        {
            lock (_log) _log.WriteLine($"[timeline lsp] {message}");
        }
        catch (IOException)
        {
            // The log is best effort.
        }
        catch (ObjectDisposedException)
        {
            // Likewise.
        }
    }

    /// <summary>
    /// How the server keeps itself (its memory, its collector): written to the log only while the client traces
    /// the server, so that a writer's output panel holds what concerns them.
    /// </summary>
    internal void Internal(string message)
    {
        if (_trace != "off") Log(message);
    }

    internal Task ShowLogAsync(MessageType type, string message) =>
        NotifyAsync("window/logMessage", new LogMessageParams(type, message), LspJson.Default.LogMessageParams);

    internal Task TraceAsync(string message, string? verbose = null) =>
        _trace == "off" ? Task.CompletedTask
        : NotifyAsync("$/logTrace", new LogTraceParams(message, _trace == "verbose" ? verbose : null), LspJson.Default.LogTraceParams);

    internal Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> info) =>
        _rpc.NotifyAsync(method, JsonPayload.Of(parameters, info));

    /// <summary>
    /// Registers what is done with a message over the size limit (its first bytes and its declared length), once the
    /// server is initialized and until it shuts down; the handler answers whether it took care of the message.
    /// </summary>
    internal void OnOversizedMessage(Func<ReadOnlyMemory<byte>, long, Task<bool>> handler) =>
        _rpc.OversizedMessage = (prefix, length) => _initialized && !_shutdown ? handler(prefix, length) : Task.FromResult(false);

    /// <summary>Marks the requests that read documents stale: an edit just arrived (they answer ContentModified).</summary>
    internal void DocumentChanged(string uri) => _rpc.DocumentChanged(uri);

    /// <summary>Asks the client something; null when it does not answer in time or answers with an error.</summary>
    internal async Task<JsonElement?> RequestQuietlyAsync<T>(string method, T parameters, JsonTypeInfo<T> info)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _rpc.RequestAsync(method, JsonPayload.Of(parameters, info), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the server goes on without the answer.
            Log($"{method} was not answered: {ex.Message}");
            return null;
        }
    }

    internal static T Parse<T>(JsonElement? parameters, JsonTypeInfo<T> info)
    {
        if (parameters is null) throw new InvalidParamsException("params are missing");
        try
        {
            return parameters.Value.Deserialize(info) ?? throw new InvalidParamsException("params are null");
        }
        catch (JsonException ex)
        {
            throw new InvalidParamsException(ex.Message);
        }
    }

    // The handlers' serialiser metadata is asked for when a message first needs it, not as they are registered: made, a
    // type's metadata is configured with all it holds, and made for every handler at once it was half the server's
    // start (an editor waits on its answer to `initialize`, and a code action's types alone took 50 ms).

    /// <summary>Registers a notification handler; with no <paramref name="info"/> its parameters are not read.</summary>
    internal void OnNotification<T>(string method, Func<JsonTypeInfo<T>>? info, Func<T, Task> handler) =>
        _rpc.OnNotification(method, parameters => handler(info is null ? default! : Parse(parameters, info())));

    /// <summary>Registers a request handler that needs no document.</summary>
    internal void OnRequest<TParams, TResult>(string method, Func<JsonTypeInfo<TParams>> paramsInfo,
        Func<JsonTypeInfo<TResult>> resultInfo, Func<TParams, RequestContext, TResult> handler) =>
        _rpc.OnRequest(method, (parameters, ctx) =>
            Task.FromResult(JsonPayload.Of(handler(Parse(parameters, paramsInfo()), ctx), resultInfo())));

    /// <summary>Registers a request handler that needs no document and waits on something (a page fetched, the client).</summary>
    internal void OnRequestAsync<TParams, TResult>(string method, Func<JsonTypeInfo<TParams>> paramsInfo,
        Func<JsonTypeInfo<TResult>> resultInfo, Func<TParams, RequestContext, Task<TResult>> handler) =>
        _rpc.OnRequest(method, async (parameters, ctx) =>
            JsonPayload.Of(await handler(Parse(parameters, paramsInfo()), ctx).ConfigureAwait(false), resultInfo()));

    /// <summary>Registers a request handler that reads one open (or on-disk) document.</summary>
    internal void OnDocumentRequest<TParams, TResult>(string method, Func<JsonTypeInfo<TParams>> paramsInfo,
        Func<JsonTypeInfo<TResult>> resultInfo, Func<TParams, DocumentScope, TResult?> handler)
        where TParams : ITextDocumentParams =>
        OnDocumentRequest(method, paramsInfo, (p, scope) => JsonPayload.Of(handler(p, scope), resultInfo()!));

    /// <summary>Registers a request handler that reads one document and whose result takes one of several shapes.</summary>
    internal void OnDocumentRequest<TParams>(string method, Func<JsonTypeInfo<TParams>> paramsInfo,
        Func<TParams, DocumentScope, JsonPayload> handler)
        where TParams : ITextDocumentParams
    {
        _rpc.OnRequest(method, (parameters, ctx) =>
        {
            var p = Parse(parameters, paramsInfo());
            string uri = p.TextDocument.Uri;
            ctx.Document = uri;
            _ = TraceAsync($"{method} {uri}");
            var scope = DocumentScope.Create(this, uri, ctx.Token)
                ?? throw new JsonRpcException(ErrorCodes.InvalidParams, $"The document {uri} is not open and cannot be read");
            return Task.FromResult(handler(p, scope));
        });
    }

    private Task<JsonPayload> InitializeAsync(JsonElement? parameters, RequestContext ctx)
    {
        var p = Parse(parameters, LspJson.Default.InitializeParams);
        Client = ClientSupport.Read(p.Capabilities, Log);
        Lsp = new Lsp(Client.PositionEncoding);
        _trace = p.Trace ?? "off";
        Internal($"{(GCSettings.IsServerGC ? "server" : "workstation")} garbage collector, {GCSettings.LatencyMode}");
        var folders = new List<string>();
        if (p.WorkspaceFolders is { } wf) folders.AddRange(ParamsCheck.Items(wf, "workspaceFolders").Select(f => Uris.ToPath(f.Uri)));
        else if (p.RootUri is { } ru) folders.Add(Uris.ToPath(ru));
        else if (p.RootPath is { } rp) folders.Add(Path.GetFullPath(rp));
        Workspace.SetFolders(folders);
        _initialized = true;
        return Task.FromResult(JsonPayload.Of(new InitializeResult(Capabilities(Client), Info), LspJson.Default.InitializeResult));
    }

    /// <summary>What the server offers a client: every feature's part, gathered.</summary>
    internal static ServerCapabilities Capabilities(ClientSupport client) =>
        IFeature.All.Aggregate(new ServerCapabilities { PositionEncoding = Lsp.EncodingName(client.PositionEncoding) },
            (capabilities, feature) => feature.Declare(capabilities, client));

    private static readonly ServerInfo Info =
        new("timeline", typeof(TimelineLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>
    /// How long the workspace's reading waits for the editor to begin opening its first document. Cheap when
    /// none comes: with no document open nothing waits for the reading (a message of a few megabytes takes a
    /// while to arrive and be parsed on a busy machine).
    /// </summary>
    private static readonly TimeSpan OpenGrace = TimeSpan.FromSeconds(1);

    private async Task OnInitializedAsync()
    {
        _ = Task.Run(async () =>
        {
            try
            {
                // An editor opens the file it shows right after initialized: it is read first, on every core, and the
                // workspace's reading takes it from the editor instead of reading it from disk at the same moment.
                if (AnswerWhileReading && await Task.WhenAny(Workspace.FirstOpening, Task.Delay(OpenGrace)).ConfigureAwait(false)
                    == Workspace.FirstOpening)
                    await Workspace.FirstOpen.ConfigureAwait(false);
                long started = Environment.TickCount64;
                using (Memory?.Busy()) await InBackground(Workspace.Index).ConfigureAwait(false);
                Log($"indexed the workspace in {Environment.TickCount64 - started} ms");
                // What reading it left behind goes back now, or at the next pause if the writer is already at work.
                Memory?.TrimIfQuietSince(started, "workspace read");
                Diagnostics.Schedule();
            }
            catch (Exception ex)
            {
                // Indexing is a head start, not a need: every request reads what it lacks.
                Log($"indexing failed: {ex}");
            }
        });
        // Off the loop that reads the editor's messages: asking for the settings and registering the file watchers make
        // their first messages (~10-20 ms of a cold start), and the document the editor opens next is already waiting.
        await Task.Yield();
        await Task.WhenAll(IFeature.All.Select(f => f.InitializedAsync(this))).ConfigureAwait(false);
    }
}
