using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.LanguageServer;

namespace Timeline.TestSupport;

/// <summary>What a run of <see cref="ShapeFuzz"/> found.</summary>
public sealed class ShapeFuzzResult
{
    public int Cases { get; set; }
    public int Requests { get; set; }
    public int Notifications { get; set; }
    public int Sessions { get; set; }
    /// <summary>Replies by kind: "result", or the error code.</summary>
    public SortedDictionary<string, int> Replies { get; } = new(StringComparer.Ordinal);
    /// <summary>Each problem once, with the case that showed it first: a crash, a malformed or missing reply, a wrong code.</summary>
    public List<string> Failures { get; } = new();
    public int FailureCount { get; set; }

    internal void Fail(string what)
    {
        FailureCount++;
        if (Failures.Count < 50 && !Failures.Any(f => f.StartsWith(what[..Math.Min(what.Length, 80)], StringComparison.Ordinal)))
            Failures.Add(what);
    }

    internal void Count(string kind) => Replies[kind] = Replies.GetValueOrDefault(kind) + 1;
}

/// <summary>
/// Fuzzes the language server by the shape of its messages, not their frames: for every method it
/// handles, well-formed JSON-RPC messages whose parameters have wrong types, missing fields, huge and
/// negative numbers, positions past the end, unknown and malformed URIs; odd request ids; cancellations
/// of unknown ids; messages before initialize, a second initialize, messages after shutdown. Seeded, so
/// a case is reproduced by its seed. Every request must get one well-formed reply with its id: a result,
/// or an error whose code LSP gives for it (never InternalError); no handler may throw anything but a
/// parameter error (the server's log is read for that); and the server must answer a plain request
/// after every burst of cases, and exit as LSP says at the end of each session.
/// </summary>
public static class ShapeFuzz
{
    /// <summary>The requests the server handles (the life cycle's aside).</summary>
    public static readonly string[] Requests =
    [
        "textDocument/codeAction", "textDocument/codeLens", "textDocument/completion", "textDocument/definition",
        "textDocument/documentLink", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/formatting",
        "textDocument/hover", "textDocument/rangeFormatting",
        "textDocument/inlayHint", "textDocument/prepareRename", "textDocument/references", "textDocument/rename",
        "textDocument/semanticTokens/full", "textDocument/semanticTokens/range", "timeline/documentText", "timeline/newProject",
        "timeline/preview", "workspace/executeCommand", "workspace/symbol",
    ];

    /// <summary>The notifications the server handles (the life cycle's aside).</summary>
    public static readonly string[] Notifications =
    [
        "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
        "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles", "workspace/didChangeWorkspaceFolders",
        "$/setTrace", "$/cancelRequest",
    ];

    /// <summary>The life cycle, driven by the sessions themselves.</summary>
    public static readonly string[] LifeCycle = ["initialize", "initialized", "shutdown", "exit"];

    /// <summary>The codes a request may be answered with, besides a result.</summary>
    private static readonly HashSet<int> Allowed =
    [
        -32602, // InvalidParams
        -32601, // MethodNotFound (the unknown methods sent on purpose)
        -32800, // RequestCancelled
        -32801, // ContentModified
        -32803, // RequestFailed (a rename where no id stands: the request was right, the place is not)
    ];

    private const string Sample = """
        title: Shapes
        timezone: "+03:00"
        events:
          - id: first
            date: 2024-11-27
            title: Something happened in Aleppo 😀
            places: [aleppo]
            sources: [report]
          - id: second
            date: 2024-11-28
            title: حدث شيء
            after: [first]
            sources: [report]
        """;

    /// <summary>Runs <paramref name="cases"/> cases in sessions of about <paramref name="sessionSize"/>, each a new server.</summary>
    public static async Task<ShapeFuzzResult> RunAsync(int cases, int seed, int sessionSize = 1000, Action<string>? progress = null)
    {
        var result = new ShapeFuzzResult();
        string scratch = Directory.CreateTempSubdirectory("timeline-shapes-").FullName;
        try
        {
            var rng = new Random(seed);
            while (result.Cases < cases)
            {
                int n = Math.Min(sessionSize, cases - result.Cases);
                await new Session(rng.Next(), scratch, result).RunAsync(n);
                result.Sessions++;
                progress?.Invoke($"{result.Cases:N0} cases, {result.FailureCount} failures");
            }
        }
        finally
        {
            Directory.Delete(scratch, true);
        }
        return result;
    }

    private enum Uris { None, Opened, Any }

    private sealed class Session(int seed, string scratch, ShapeFuzzResult result)
    {
        private readonly Random _rng = new(seed);
        private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> _waiting = new();
        private readonly StringWriter _log = new();
        private LspClient _c = null!;
        private string _doc = "", _probe = "";
        private long _nextId = 1;

        public async Task RunAsync(int cases)
        {
            _c = LspClient.InProcess(new ServerOptions { Log = TextWriter.Synchronized(_log) });
            _c.Received += Match;
            string dir = Path.Combine(scratch, $"s{seed}");
            Directory.CreateDirectory(dir);
            _doc = new Uri(Path.Combine(dir, "shapes.timeline.yaml")).AbsoluteUri;
            _probe = new Uri(Path.Combine(dir, "probe.timeline.yaml")).AbsoluteUri;
            await using (_c)
            {
                // Before initialize: requests are refused with ServerNotInitialized, notifications dropped.
                for (int i = _rng.Next(4); i > 0 && cases > 0; i--, cases--) await CaseAsync(-32002);
                if (_rng.Next(4) == 0)
                {
                    // A mangled initialize: a parameter error, or a server initialised with LSP's defaults.
                    var r = await RequestAsync("initialize", Mutate(Template("initialize"), Uris.None), $"initialize with mangled params");
                    if (r?["error"] is null && r is not null) await AfterInitializeAsync(cases, initialized: true);
                    else await AfterInitializeAsync(cases, initialized: false);
                }
                else await AfterInitializeAsync(cases, initialized: false);
            }
        }

        private async Task AfterInitializeAsync(int cases, bool initialized)
        {
            if (!initialized)
            {
                var init = await RequestAsync("initialize", Template("initialize"), "initialize");
                if (init?["error"] is not null) result.Fail($"seed {seed}: a valid initialize was refused: {init.ToJsonString()}");
            }
            await _c.NotifyAsync("initialized", new JsonObject());
            await ExpectErrorAsync("initialize", Template("initialize"), -32600, "a second initialize");
            await _c.OpenAsync(_doc, Sample);
            await _c.OpenAsync(_probe, Sample);
            while (cases > 0)
            {
                int burst = Math.Min(cases, 1 + _rng.Next(8));
                var inFlight = new List<Task>();
                for (int i = 0; i < burst; i++) inFlight.Add(CaseAsync(null));
                await Task.WhenAll(inFlight);
                cases -= burst;
                await ProbeAsync();
            }
            CheckLog();
            bool shutdown = _rng.Next(8) != 0;
            if (shutdown)
            {
                await RequestAsync("shutdown", _rng.Next(4) == 0 ? Weird() : null, "shutdown");
                for (int i = _rng.Next(3); i > 0; i--) await CaseAsync(-32600);
            }
            await _c.NotifyAsync("exit", _rng.Next(4) == 0 ? Weird() : null);
            int code = await _c.ServerTask!.WaitAsync(TimeSpan.FromSeconds(30));
            if (code != (shutdown ? 0 : 1)) result.Fail($"seed {seed}: exit code {code} after {(shutdown ? "" : "no ")}shutdown");
            CheckLog();
        }

        /// <summary>One case: a request or a notification of a random method, its params mangled.</summary>
        private async Task CaseAsync(int? expected)
        {
            result.Cases++;
            int pick = _rng.Next(100);
            if (pick < 55)
            {
                string method = _rng.Next(40) == 0 ? "textDocument/unknown" + _rng.Next(3) : Requests[_rng.Next(Requests.Length)];
                var p = _rng.Next(10) == 0 ? Template(method) : Mutate(Template(method));
                if (expected is { } code) await ExpectErrorAsync(method, p, code, "out of the life cycle");
                else await RequestAsync(method, p, "");
                return;
            }
            result.Notifications++;
            string n = Notifications[_rng.Next(Notifications.Length)];
            var np = n == "$/cancelRequest" ? CancelParams()
                : _rng.Next(10) == 0 ? Template(n)
                : Mutate(Template(n), n == "workspace/didChangeWorkspaceFolders" ? Uris.None : n == "textDocument/didOpen" ? Uris.Opened : Uris.Any);
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = n };
            if (np is not null || _rng.Next(2) == 0) message["params"] = np;
            await _c.SendAsync(message);
        }

        private JsonNode? CancelParams() => _rng.Next(6) switch
        {
            0 => new JsonObject { ["id"] = _rng.Next(2) == 0 ? _nextId - 1 - _rng.Next(3) : -_rng.Next(1000) }, // in flight, done, or never sent
            1 => new JsonObject { ["id"] = "unknown" + _rng.Next(100) },
            2 => new JsonObject { ["id"] = Weird() },
            3 => new JsonObject(),
            4 => Weird(),
            _ => new JsonObject { ["id"] = long.MaxValue },
        };

        private async Task ExpectErrorAsync(string method, JsonNode? p, int code, string when)
        {
            var r = await RequestAsync(method, p, when);
            if (r is not null && r["error"]?["code"]?.GetValue<int>() != code)
                result.Fail($"seed {seed}: {method} {when} answered {Clip(r.ToJsonString())}, not error {code}");
        }

        /// <summary>Sends a request with an id of a random shape and checks its one reply; returns it (null if there was none).</summary>
        private async Task<JsonObject?> RequestAsync(string method, JsonNode? p, string when)
        {
            result.Requests++;
            JsonNode id = (_rng.Next(6)) switch
            {
                0 => JsonValue.Create("s" + _nextId++ + (_rng.Next(2) == 0 ? "é😀\"\\" : "")),
                1 => JsonValue.Create(-(_nextId++)),
                _ => JsonValue.Create(_nextId++ + 1_000_000_000_000L),
            };
            string key = id.ToJsonString();
            var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[key] = tcs;
            var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
            if (p is not null || _rng.Next(2) == 0) message["params"] = p;
            string sent = message.ToJsonString();
            await _c.SendAsync(message);
            JsonObject reply;
            try
            {
                reply = await tcs.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                _waiting.TryRemove(key, out _);
                result.Fail($"seed {seed}: no reply in 30 s to {Clip(sent)}{(_c.ServerTask!.IsCompleted ? " (the server has ended)" : "")}");
                return null;
            }
            Check(reply, key, sent, when);
            return reply;
        }

        private void Check(JsonObject reply, string key, string sent, string when)
        {
            bool hasResult = reply.ContainsKey("result"), hasError = reply.ContainsKey("error");
            string? problem =
                reply["jsonrpc"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || reply["jsonrpc"]!.GetValue<string>() != "2.0"
                    ? "no jsonrpc 2.0"
                : reply["id"]?.ToJsonString() != key ? "another id"
                : hasResult == hasError ? "not exactly one of result and error"
                : hasError && !(reply["error"] is JsonObject e
                    && e["code"] is JsonValue c && c.GetValueKind() == System.Text.Json.JsonValueKind.Number && c.TryGetValue<int>(out _)
                    && e["message"] is JsonValue m && m.GetValueKind() == System.Text.Json.JsonValueKind.String) ? "a malformed error"
                : null;
            if (problem is not null)
            {
                result.Fail($"seed {seed}: {problem}: {Clip(reply.ToJsonString())} to {Clip(sent)}");
                return;
            }
            if (hasResult)
            {
                result.Count("result");
                return;
            }
            int code = reply["error"]!["code"]!.GetValue<int>();
            result.Count(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (when.Length == 0 && !Allowed.Contains(code))
                result.Fail($"seed {seed}: error {code} ({Clip(reply["error"]!["message"]!.ToString())}) to {Clip(sent)}");
        }

        private void Match(JsonObject message)
        {
            if (message.ContainsKey("method")) return; // the server's notifications and requests
            string key = message["id"]?.ToJsonString() ?? "null";
            if (_waiting.TryRemove(key, out var tcs)) tcs.TrySetResult(message);
            else result.Fail($"seed {seed}: a reply to nothing that was asked: {Clip(message.ToJsonString())}");
        }

        /// <summary>The server still answers a plain request about a document the cases never touch.</summary>
        private async Task ProbeAsync()
        {
            var r = await RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(_probe) }, "probe");
            if (r is not null && r["result"] is not JsonArray { Count: > 0 })
                result.Fail($"seed {seed}: the server no longer answers a plain request: {Clip(r.ToJsonString())}");
        }

        /// <summary>A handler that threw anything but a parameter error is a crash, even if the connection caught it.</summary>
        private void CheckLog()
        {
            string log;
            lock (_log) log = _log.ToString();
            foreach (var line in log.Split('\n'))
                if (line.Contains("failed:", StringComparison.Ordinal) && line.Contains("Exception", StringComparison.Ordinal)
                    && !line.Contains("InvalidParamsException", StringComparison.Ordinal) && !line.Contains("JsonRpcException", StringComparison.Ordinal))
                    result.Fail($"seed {seed}: {Clip(line, 400)}");
            lock (_log) _log.GetStringBuilder().Clear();
        }

        // --- Shapes ---------------------------------------------------------------------------------

        /// <summary>Well-formed params of a method, about the open document.</summary>
        private JsonObject Template(string method)
        {
            JsonObject At() => new()
            {
                ["textDocument"] = LspClient.Doc(_doc),
                ["position"] = LspClient.Pos(_rng.Next(14), _rng.Next(40)),
            };
            JsonObject Range() => new()
            {
                ["start"] = LspClient.Pos(_rng.Next(6), _rng.Next(10)),
                ["end"] = LspClient.Pos(6 + _rng.Next(8), _rng.Next(30)),
            };
            return method switch
            {
                "initialize" => new JsonObject
                {
                    ["processId"] = null,
                    ["rootUri"] = new Uri(Path.Combine(scratch, $"s{seed}")).AbsoluteUri,
                    ["capabilities"] = new JsonObject { ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") } },
                    ["trace"] = "verbose",
                },
                "textDocument/completion" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["position"] = LspClient.Pos(_rng.Next(14), _rng.Next(40)),
                    ["context"] = new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = ":" },
                },
                "textDocument/references" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["position"] = LspClient.Pos(_rng.Next(14), _rng.Next(40)),
                    ["context"] = new JsonObject { ["includeDeclaration"] = true },
                },
                "textDocument/rename" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["position"] = LspClient.Pos(3 + _rng.Next(6), 10), ["newName"] = "renamed",
                },
                "textDocument/codeAction" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["range"] = Range(),
                    ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
                },
                "textDocument/formatting" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
                },
                "textDocument/rangeFormatting" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["range"] = Range(),
                    ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
                },
                // A page that is not there: a capture is tried on a missing saved file, never on the network.
                "workspace/executeCommand" => new JsonObject
                {
                    ["command"] = "timeline.captureSource",
                    ["arguments"] = new JsonArray(new JsonObject
                    {
                        ["uri"] = _doc, ["id"] = "np", ["url"] = Path.Combine(scratch, "missing.html"),
                    }),
                },
                "timeline/newProject" => new JsonObject { ["folder"] = new Uri(Path.Combine(scratch, $"new{seed}")).AbsoluteUri },
                "textDocument/semanticTokens/range" or "textDocument/inlayHint" => new JsonObject
                {
                    ["textDocument"] = LspClient.Doc(_doc), ["range"] = Range(),
                },
                "textDocument/hover" or "textDocument/definition" or "textDocument/prepareRename" => At(),
                "workspace/symbol" => new JsonObject { ["query"] = "fir" },
                "textDocument/didOpen" => new JsonObject
                {
                    ["textDocument"] = new JsonObject
                    {
                        ["uri"] = _doc, ["languageId"] = "yaml", ["version"] = _rng.Next(100), ["text"] = Sample,
                    },
                },
                "textDocument/didChange" => new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = _doc, ["version"] = 2 + _rng.Next(1000) },
                    ["contentChanges"] = _rng.Next(3) == 0
                        ? new JsonArray(new JsonObject { ["text"] = Sample })
                        : new JsonArray(new JsonObject { ["range"] = Range(), ["text"] = _rng.Next(2) == 0 ? "" : "x: [y]\n" }),
                },
                "textDocument/didSave" => new JsonObject { ["textDocument"] = LspClient.Doc(_doc), ["text"] = Sample },
                "workspace/didChangeConfiguration" => new JsonObject
                {
                    ["settings"] = new JsonObject { ["timeline"] = new JsonObject { ["allowCatalogsOutsideRoot"] = false } },
                },
                "workspace/didChangeWatchedFiles" => new JsonObject
                {
                    ["changes"] = new JsonArray(new JsonObject { ["uri"] = _doc, ["type"] = 1 + _rng.Next(3) }),
                },
                "workspace/didChangeWorkspaceFolders" => new JsonObject
                {
                    ["event"] = new JsonObject
                    {
                        ["added"] = new JsonArray(new JsonObject { ["uri"] = new Uri(scratch).AbsoluteUri, ["name"] = "x" }),
                        ["removed"] = new JsonArray(),
                    },
                },
                "$/setTrace" => new JsonObject { ["value"] = _rng.Next(2) == 0 ? "off" : "messages" },
                _ => new JsonObject { ["textDocument"] = LspClient.Doc(_doc) },
            };
        }

        /// <summary>One to three changes of shape: a value of the wrong type, a missing field, extreme numbers, odd URIs.</summary>
        /// <remarks>
        /// A folder's URI is given values of other types only, and a document opened is given no URI of a file
        /// outside the session's folder: a folder such as <c>file://</c>, or a document at <c>file:///x</c> (whose
        /// project is then the root folder), would have the server read the whole disk, which tests the disk, not
        /// the protocol (see docs/reliability.md).
        /// </remarks>
        private JsonNode? Mutate(JsonNode? p, Uris uris = Uris.Any)
        {
            if (_rng.Next(12) == 0) return Weird();
            for (int k = 1 + _rng.Next(3); k > 0; k--)
            {
                var slots = new List<(JsonNode Parent, object Key)>();
                Slots(p, slots);
                if (slots.Count == 0) return p;
                var (parent, key) = slots[_rng.Next(slots.Count)];
                int how = _rng.Next(5);
                if (how == 0 && parent is JsonObject o) o.Remove((string)key);
                else if (how == 0 && parent is JsonArray a) a.RemoveAt((int)key);
                else
                {
                    string name = key as string ?? "";
                    JsonNode? value = how == 1 ? Weird()
                        : name is "line" or "character" or "version" or "type" or "triggerKind" or "processId" ? Number()
                        : name is "uri" or "rootUri" ? (uris == Uris.None ? Weird() : Uri(uris == Uris.Opened))
                        : name == "text" || name == "newName" || name == "query" ? Text()
                        : Weird();
                    Set(parent, key, value);
                }
            }
            return p;
        }

        private static void Slots(JsonNode? node, List<(JsonNode, object)> into)
        {
            if (node is JsonObject o)
                foreach (var (k, v) in o.ToList()) { into.Add((o, k)); Slots(v, into); }
            else if (node is JsonArray a)
                for (int i = 0; i < a.Count; i++) { into.Add((a, i)); Slots(a[i], into); }
        }

        private static void Set(JsonNode parent, object key, JsonNode? value)
        {
            if (parent is JsonObject o) o[(string)key] = value;
            else ((JsonArray)parent)[(int)key] = value;
        }

        private JsonNode? Number() => _rng.Next(10) switch
        {
            0 => -1,
            1 => int.MaxValue,
            2 => int.MinValue,
            3 => 2147483648L,
            4 => long.MinValue,
            5 => 1e300,
            6 => 0.5,
            7 => 100_000 + _rng.Next(1000),
            8 => -_rng.Next(100_000),
            _ => _rng.Next(60),
        };

        private JsonNode Uri(bool opened)
        {
            if (opened) return Opened[_rng.Next(Opened.Length)] is { } fixedUri ? fixedUri : _doc + "#frag?q=1";
            return _rng.Next(16) switch
            {
                0 => "",
                1 => "not a uri",
                2 => "file://",
                3 => "file:///%zz%",
                4 => "http://example.com/a.timeline.yaml",
                5 => "untitled:Untitled-1",
                6 => "file:///../../../../etc/passwd",
                7 => "file:///nowhere/at/all.timeline.yaml",
                8 => "file:///" + new string('a', 5000) + ".yaml",
                9 => "file:///a%00b.yaml",
                10 => "file://server/share/x.yaml",
                11 => "file:///C:/x/y.timeline.yaml",
                12 => "file:///tmp/%E2%80%AE.yaml",
                13 => "\u0000",
                14 => _doc + "#frag?q=1",
                _ => _doc.Replace("shapes", "shapes-" + _rng.Next(5), StringComparison.Ordinal),
            };
        }

        /// <summary>URIs a document may be opened with whose project is no folder outside the session's (null: the document's own, with a fragment).</summary>
        private static readonly string?[] Opened =
            ["", "not a uri", "http://example.com/a.timeline.yaml", "untitled:Untitled-1", "untitled:%00%zz", "\u0000", null];

        private JsonNode Text() => _rng.Next(6) switch
        {
            0 => "",
            1 => new string('x', 70_000),
            2 => "\u0000\uD800\r\n\r\u202E😀",
            3 => "  - id: [\n    date: {\n",
            4 => "events:\n" + string.Concat(Enumerable.Repeat("  - id: e\n    date: 2024-13-45\n", 200)),
            _ => "new-id-" + _rng.Next(100),
        };

        private JsonNode? Weird() => _rng.Next(16) switch
        {
            0 => null,
            1 => true,
            2 => 0,
            3 => -1,
            4 => int.MaxValue,
            5 => 1e300,
            6 => "",
            7 => "x",
            8 => new JsonArray(),
            9 => new JsonArray(null, 1, "a"),
            10 => new JsonObject(),
            11 => new JsonObject { ["uri"] = 1, ["line"] = "0" },
            12 => new string('w', 20_000),
            13 => Deep(40),
            14 => -0.0,
            _ => 1.5,
        };

        private static JsonNode Deep(int depth)
        {
            JsonNode n = new JsonArray();
            for (int i = 0; i < depth; i++) n = i % 2 == 0 ? new JsonArray(n) : new JsonObject { ["a"] = n };
            return n;
        }

        private static string Clip(string s, int max = 240) => s.Length > max ? s[..max] + "…" : s;
    }
}
