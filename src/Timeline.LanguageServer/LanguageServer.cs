using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Timeline.Core.Checks;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;
using Timeline.LanguageServer.Handlers;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer;

public sealed class ServerOptions
{
    /// <summary>
    /// How long to wait after an edit before checking. Bursts are gathered anyway: edits that arrive
    /// while a check runs are all taken by the next one, so no delay is needed to check a burst once.
    /// </summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.Zero;
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
}

/// <summary>
/// The Timeline language server: LSP 3.17 over a stream pair. It owns the protocol; every
/// answer is computed by the core's services in offsets and converted here.
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
        _rpc = new JsonRpcConnection(input, output);
        Workspace = new TimelineWorkspace(_options.FileSystem);
        Uris = new UriMap();
        Lsp = new Lsp(PositionEncoding.Utf16);
        Diagnostics = new DiagnosticsPublisher(this, _options.DiagnosticsDelay);
        if (_options.TrimMemoryWhenIdle is { } idle) Memory = new MemoryTrimmer(idle, Log);
        _rpc.RequestGate = method =>
            _shutdown && method != "shutdown" ? new JsonRpcException(ErrorCodes.InvalidRequest, "The server is shutting down")
            : !_initialized && method != "initialize" ? new JsonRpcException(ErrorCodes.ServerNotInitialized, "The server is not initialized yet")
            : _initialized && method == "initialize" ? new JsonRpcException(ErrorCodes.InvalidRequest, "The server is already initialized")
            : null;
        _rpc.NotificationGate = method => method == "exit" || (_initialized && !_shutdown);
        _rpc.Fault += (what, ex) =>
        {
            Log($"{what}{(ex is null ? "" : ": " + ex)}");
            if (ex is not null && !_rpc.IsClosed) _ = ShowLogAsync(1, $"Timeline: {what}: {ex.Message}");
        };
        Register();
    }

    public TimelineWorkspace Workspace { get; }
    public UriMap Uris { get; }
    public Lsp Lsp { get; private set; }
    internal DiagnosticsPublisher Diagnostics { get; }
    internal MemoryTrimmer? Memory { get; }
    internal JsonRpcConnection Rpc => _rpc;
    public DateOnly Today => _options.Today ?? DateOnly.FromDateTime(DateTime.Now);
    public int ExitCode { get; private set; } = 1;
    internal ClientCapabilities Client { get; private set; } = new();

    /// <summary>Serves until the client says exit or goes away. Returns the process exit code: 0 after shutdown, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancel = default)
    {
        await _rpc.RunAsync(cancel).ConfigureAwait(false);
        Diagnostics.Stop();
        Memory?.Dispose();
        return _shutdown ? ExitCode : 1;
    }

    internal void Log(string message)
    {
        try { lock (_log) _log.WriteLine($"[timeline lsp] {message}"); } catch { /* the log is best effort */ }
    }

    internal Task ShowLogAsync(int type, string message) =>
        _rpc.NotifyAsync("window/logMessage", new JsonObject { ["type"] = type, ["message"] = message });

    internal Task TraceAsync(string message, string? verbose = null) =>
        _trace == "off" ? Task.CompletedTask
        : _rpc.NotifyAsync("$/logTrace", new JsonObject { ["message"] = message, ["verbose"] = _trace == "verbose" ? verbose : null });

    internal static T Parse<T>(JsonElement? parameters, JsonTypeInfo<T> info)
    {
        if (parameters is null) throw new InvalidParamsException("params are missing");
        try
        {
            return parameters.Value.Deserialize(info) ?? throw new InvalidParamsException("params are null");
        }
        catch (JsonException ex) { throw new InvalidParamsException(ex.Message); }
    }

    private void Register()
    {
        _rpc.OnRequest("initialize", InitializeAsync, sequential: true);
        _rpc.OnNotification("initialized", _ => OnInitializedAsync());
        _rpc.OnRequest("shutdown", (_, _) => { _shutdown = true; ExitCode = 0; Diagnostics.Stop(); return Task.FromResult<JsonNode?>(null); }, sequential: true);
        _rpc.OnNotification("exit", _ => { _rpc.StopRequested = true; return Task.CompletedTask; });
        _rpc.OnNotification("$/setTrace", p => { _trace = Parse(p, LspJson.Default.SetTraceParams).Value; return Task.CompletedTask; });
        DocumentSync.Register(this);
        Completion.Register(this);
        HoverHandler.Register(this);
        Navigation.Register(this);
        SymbolsHandler.Register(this);
        CodeActionsHandler.Register(this);
        EditorHandlers.Register(this);
        WorkspaceHandlers.Register(this);
    }

    private Task<JsonNode?> InitializeAsync(JsonElement? parameters, RequestContext ctx)
    {
        var p = Parse(parameters, LspJson.Default.InitializeParams);
        Client = ClientCapabilities.Read(p.Capabilities);
        Lsp = new Lsp(Client.PositionEncoding);
        _trace = p.Trace ?? "off";
        var folders = new List<string>();
        if (p.WorkspaceFolders is { } wf) folders.AddRange(wf.Select(f => Uris.ToPath(f.Uri)));
        else if (p.RootUri is { } ru) folders.Add(Uris.ToPath(ru));
        else if (p.RootPath is { } rp) folders.Add(Path.GetFullPath(rp));
        Workspace.SetFolders(folders);
        _initialized = true;
        var result = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = Lsp.EncodingName(Client.PositionEncoding),
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JsonObject { ["includeText"] = false } },
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray("[", ",", " ", "-", ":"), ["resolveProvider"] = false },
                ["hoverProvider"] = true,
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
                ["documentSymbolProvider"] = true,
                ["workspaceSymbolProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix", "source", CodeActions.SortEventsKind), ["resolveProvider"] = false },
                ["inlayHintProvider"] = true,
                ["documentLinkProvider"] = new JsonObject { ["resolveProvider"] = false },
                ["foldingRangeProvider"] = true,
                ["workspace"] = new JsonObject
                {
                    ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true },
                },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "timeline", ["version"] = typeof(TimelineLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
        };
        return Task.FromResult<JsonNode?>(result);
    }

    private async Task OnInitializedAsync()
    {
        if (Client.DynamicWatchedFiles)
        {
            var watchers = new JsonArray(
                new JsonObject { ["globPattern"] = "**/*.yaml" },
                new JsonObject { ["globPattern"] = "**/*.txt" },
                new JsonObject { ["globPattern"] = "**/*.tsv" });
            _ = RequestQuietlyAsync("client/registerCapability", new JsonObject
            {
                ["registrations"] = new JsonArray(new JsonObject
                {
                    ["id"] = "timeline-watch-files",
                    ["method"] = "workspace/didChangeWatchedFiles",
                    ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
                }),
            });
        }
        _ = Task.Run(() =>
        {
            try
            {
                long started = Environment.TickCount64;
                Workspace.Index();
                Log($"indexed the workspace in {Environment.TickCount64 - started} ms");
                // What reading it left behind goes back now, or at the next pause if the writer is already at work.
                Memory?.TrimIfQuietSince(started, "workspace read");
                Diagnostics.Schedule();
            }
            catch (Exception ex) { Log($"indexing failed: {ex}"); }
        });
        await RefreshConfigurationAsync().ConfigureAwait(false);
    }

    /// <summary>Asks the client for the "timeline" settings (rule severities) when it can answer.</summary>
    internal async Task RefreshConfigurationAsync()
    {
        if (!Client.Configuration) return;
        var answer = await RequestQuietlyAsync("workspace/configuration", new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject { ["section"] = "timeline" }),
        }).ConfigureAwait(false);
        if (answer is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0) ApplySettings(a[0]);
    }

    internal void ApplySettings(JsonElement settings)
    {
        var severities = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        if (settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
            foreach (var r in rules.EnumerateObject())
                if (Rules.Find(r.Name) is { } rule && r.Value.ValueKind == JsonValueKind.String)
                    severities[rule.Code] = r.Value.GetString() switch
                    {
                        "error" => Severity.Error,
                        "warning" => Severity.Warning,
                        "info" => Severity.Info,
                        "off" => null,
                        _ => rule.DefaultSeverity,
                    };
        Workspace.SetUserRuleSeverities(severities);
        Workspace.SetAllowCatalogsOutsideRoot(settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("allowCatalogsOutsideRoot", out var allow) && allow.ValueKind == JsonValueKind.True);
        Diagnostics.Schedule();
    }

    private async Task<JsonElement?> RequestQuietlyAsync(string method, JsonNode parameters)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _rpc.RequestAsync(method, parameters, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log($"{method} was not answered: {ex.Message}");
            return null;
        }
    }

    /// <summary>Registers a request handler that reads one open (or on-disk) document.</summary>
    internal void OnDocumentRequest<T>(string method, JsonTypeInfo<T> info, Func<T, string> uriOf, Func<T, DocumentScope, JsonNode?> handler)
    {
        _rpc.OnRequest(method, (parameters, ctx) =>
        {
            var p = Parse(parameters, info);
            string uri = uriOf(p);
            ctx.Document = uri;
            _ = TraceAsync($"{method} {uri}");
            var scope = DocumentScope.Create(this, uri, ctx.Token);
            if (scope is null) throw new JsonRpcException(ErrorCodes.InvalidParams, $"The document {uri} is not open and cannot be read");
            return Task.FromResult(handler(p, scope));
        });
    }
}

/// <summary>What a request about one document needs: its model, its project's analysis, positions.</summary>
public sealed class DocumentScope
{
    public required TimelineLanguageServer Server { get; init; }
    public required string Uri { get; init; }
    public required string Path { get; init; }
    public required FileModel File { get; init; }
    public required TimelineWorkspace.Analysis Analysis { get; init; }
    public required CancellationToken Token { get; init; }
    public SourceText Text => File.Source;
    public Lsp Lsp => Server.Lsp;

    internal static DocumentScope? Create(TimelineLanguageServer server, string uri, CancellationToken token)
    {
        string path = server.Uris.ToPath(uri);
        server.Memory?.Activity(); // the writer is at work: not the moment to collect
        var doc = server.Workspace.Document(path);
        var analysis = server.Workspace.Analyze(path);
        token.ThrowIfCancellationRequested();
        var file = doc?.Model ?? analysis.File(path);
        if (file is null) return null;
        return new DocumentScope { Server = server, Uri = uri, Path = path, File = file, Analysis = analysis, Token = token };
    }

    /// <summary>A location in any file of the project, converted with that file's text.</summary>
    public JsonObject? Location(Timeline.Core.Services.Location l)
    {
        var text = TextOf(l.Path);
        return text is null ? null : Lsp.Location(Server.Uris.ToUri(l.Path), text, l.Span);
    }

    public SourceText? TextOf(string path) =>
        Server.Workspace.Document(path)?.Text ?? (Analysis.Result.Sources.TryGetValue(path, out var t) ? t : null);
}

/// <summary>What the client said it can do, as far as this server cares.</summary>
public sealed class ClientCapabilities
{
    public PositionEncoding PositionEncoding { get; init; } = PositionEncoding.Utf16;
    public bool DynamicWatchedFiles { get; init; }
    public bool Configuration { get; init; }
    public bool DocumentChanges { get; init; }
    public bool ResourceCreate { get; init; }
    public bool HierarchicalSymbols { get; init; }

    public static ClientCapabilities Read(JsonElement? caps)
    {
        if (caps is not { ValueKind: JsonValueKind.Object } c) return new ClientCapabilities();
        bool Bool(params string[] path)
        {
            var e = c;
            foreach (var p in path) if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e)) return false;
            return e.ValueKind == JsonValueKind.True;
        }
        var encoding = PositionEncoding.Utf16;
        if (c.TryGetProperty("general", out var g) && g.ValueKind == JsonValueKind.Object && g.TryGetProperty("positionEncodings", out var encs) && encs.ValueKind == JsonValueKind.Array)
            foreach (var e in encs.EnumerateArray())
            {
                // The client lists them by preference; take the first we speak.
                string? name = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (name == "utf-16") { encoding = PositionEncoding.Utf16; break; }
                if (name == "utf-8") { encoding = PositionEncoding.Utf8; break; }
                if (name == "utf-32") { encoding = PositionEncoding.Utf32; break; }
            }
        bool create = false;
        if (c.TryGetProperty("workspace", out var w) && w.ValueKind == JsonValueKind.Object && w.TryGetProperty("workspaceEdit", out var we) && we.ValueKind == JsonValueKind.Object
            && we.TryGetProperty("resourceOperations", out var ops) && ops.ValueKind == JsonValueKind.Array)
            create = ops.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "create");
        return new ClientCapabilities
        {
            PositionEncoding = encoding,
            DynamicWatchedFiles = Bool("workspace", "didChangeWatchedFiles", "dynamicRegistration"),
            Configuration = Bool("workspace", "configuration"),
            DocumentChanges = Bool("workspace", "workspaceEdit", "documentChanges"),
            ResourceCreate = create,
            HierarchicalSymbols = Bool("textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport"),
        };
    }
}
