using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.TestSupport;

/// <summary>What a run of <see cref="VersionInvariant"/> found.</summary>
public sealed class VersionInvariantResult
{
    public int Sequences { get; set; }
    public int Changes { get; set; }
    public int FullChanges { get; set; }
    public int Requests { get; set; }
    public int Cancellations { get; set; }
    public int Publishes { get; set; }
    /// <summary>Publishes that came after one of a later version of the same document (allowed: each is true of its version).</summary>
    public int OutOfOrder { get; set; }
    public int ExitCode { get; set; } = -1;
    public List<string> Failures { get; } = new();

    internal void Fail(string what)
    {
        if (Failures.Count < 20) Failures.Add(what);
        FailureCount++;
    }

    public int FailureCount { get; private set; }
}

/// <summary>
/// The invariant the server's reuse of earlier work rests on, tested from outside: a document version, and
/// every finding computed from it, never changes once made. Random sequences of full and incremental changes,
/// with requests in flight and some of them cancelled, are sent to a server; every publishDiagnostics is
/// recorded and checked against the exact text of the version it is labelled with: each range lies inside
/// that text, and the findings are those the core finds in that text checked afresh, in a project of its own.
/// </summary>
public static class VersionInvariant
{
    private static readonly string[] Requests =
    [
        "textDocument/hover", "textDocument/completion", "textDocument/documentSymbol", "textDocument/semanticTokens/full",
        "textDocument/codeAction", "textDocument/inlayHint", "textDocument/definition", "textDocument/foldingRange",
    ];

    /// <summary>Drives a server through <paramref name="client"/> (initialised on nothing) with seeded sequences.</summary>
    public static async Task<VersionInvariantResult> RunAsync(LspClient client, IReadOnlyList<string> corpus, int sequences, int seed,
        int steps = 10, Action<string>? progress = null)
    {
        var result = new VersionInvariantResult();
        var publishes = new ConcurrentDictionary<string, ConcurrentQueue<JsonObject>>(StringComparer.Ordinal);
        var replies = new ConcurrentQueue<JsonObject>();
        client.Received += m =>
        {
            if (m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics")
                publishes.GetOrAdd(m["params"]!["uri"]!.GetValue<string>(), _ => new()).Enqueue(m);
        };
        string dir = Directory.CreateTempSubdirectory("timeline-versions-").FullName;
        var reference = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            for (int s = 0; s < sequences; s++)
            {
                await SequenceAsync(client, corpus, seed + s, steps, dir, publishes, reference, result);
                result.Sequences++;
                if (progress is not null && result.Sequences % 100 == 0) progress($"{result.Sequences:N0} sequences, {result.FailureCount} failures");
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        return result;
    }

    /// <summary>Starts the built <c>timeline lsp</c> (a path to timeline.dll or to the executable) as an editor would.</summary>
    public static Process StartServer(string timeline)
    {
        bool dll = timeline.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var psi = new ProcessStartInfo(dll ? "dotnet" : timeline)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (dll) psi.ArgumentList.Add(timeline);
        psi.ArgumentList.Add("lsp");
        psi.ArgumentList.Add("--stdio");
        var p = Process.Start(psi)!;
        _ = p.StandardError.ReadToEndAsync(); // drained, or a full pipe would stop the server
        return p;
    }

    private static async Task SequenceAsync(LspClient c, IReadOnlyList<string> corpus, int seed, int steps, string dir,
        ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> publishes, ConcurrentDictionary<string, string> reference,
        VersionInvariantResult result)
    {
        var rng = new Random(seed);
        string path = Path.Combine(dir, $"v{seed}", "versions.timeline.yaml");
        string uri = new Uri(path).AbsoluteUri;
        string text = corpus[rng.Next(corpus.Count)];
        if (rng.Next(2) == 0) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var texts = new Dictionary<int, string>();
        int version = 1 + rng.Next(3);
        texts[version] = text;
        await c.OpenAsync(uri, text, version);
        var inFlight = new List<(long Id, Task<JsonObject> Reply)>();
        for (int s = 0; s < steps; s++)
        {
            if (rng.Next(2) == 0) inFlight.Add(Request(c, rng, uri, text, result));
            if (rng.Next(3) == 0 && inFlight.Count > 0)
            {
                result.Cancellations++;
                await c.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = inFlight[rng.Next(inFlight.Count)].Id });
            }
            var changes = new JsonArray();
            if (rng.Next(5) == 0)
            {
                // A full change: the text as the editor holds it after some edits.
                for (int k = rng.Next(1, 6); k > 0; k--) DifferentialEdits.RandomEdit(rng, ref text);
                changes.Add(new JsonObject { ["text"] = text });
                result.FullChanges++;
            }
            else
                for (int k = rng.Next(4) == 0 ? rng.Next(2, 4) : 1; k > 0; k--) changes.Add(DifferentialEdits.RandomEdit(rng, ref text));
            version += 1 + (rng.Next(8) == 0 ? rng.Next(1, 5) : 0); // versions rise; they need not rise by one
            texts[version] = text;
            result.Changes++;
            await c.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = changes,
            });
            if (rng.Next(6) == 0) await Task.Delay(rng.Next(1, 30)); // sometimes the server catches up between changes
        }
        await c.DiagnosticsAsync(uri, version).WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var (id, reply) in inFlight)
        {
            JsonObject r;
            try { r = await reply.WaitAsync(TimeSpan.FromSeconds(30)); }
            catch (TimeoutException) { result.Fail($"seed {seed}: request {id} got no reply"); continue; }
            if (r["error"] is { } e && e["code"]?.GetValue<int>() is not (-32800 or -32801 or -32602))
                result.Fail($"seed {seed}: request {id} answered {r.ToJsonString()}");
        }
        await c.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        int last = int.MinValue;
        var queue = publishes.GetOrAdd(uri, _ => new());
        while (queue.TryDequeue(out var publish))
        {
            if (publish["params"]!["version"] is not JsonValue v) continue; // a document closed is cleared without a version
            int labelled = v.GetValue<int>();
            result.Publishes++;
            if (labelled < last) result.OutOfOrder++;
            last = Math.Max(last, labelled);
            if (!texts.TryGetValue(labelled, out var exact))
            {
                result.Fail($"seed {seed}: a publish labelled {labelled}, a version never sent");
                continue;
            }
            string? problem = Compare(publish["params"]!["diagnostics"]!.AsArray(), exact, path, reference);
            if (problem is not null) result.Fail($"seed {seed}, version {labelled}: {problem}\n--- its text ---\n{exact}");
        }
    }

    private static (long, Task<JsonObject>) Request(LspClient c, Random rng, string uri, string text, VersionInvariantResult result)
    {
        result.Requests++;
        var source = new SourceText(text);
        var p = source.GetPosition(rng.Next(text.Length + 1));
        string method = Requests[rng.Next(Requests.Length)];
        var end = source.GetPosition(text.Length);
        var parameters = new JsonObject { ["textDocument"] = LspClient.Doc(uri), ["position"] = LspClient.Pos(p.Line, p.Character) };
        if (method is "textDocument/codeAction" or "textDocument/inlayHint")
        {
            parameters.Remove("position");
            parameters["range"] = new JsonObject { ["start"] = LspClient.Pos(p.Line, p.Character), ["end"] = LspClient.Pos(end.Line, end.Character) };
            parameters["context"] = new JsonObject { ["diagnostics"] = new JsonArray() };
        }
        long id = c.NextId();
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        c.Expect(id, tcs);
        _ = c.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return (id, tcs.Task);
    }

    /// <summary>Null if the published diagnostics are exactly the core's findings in the text, each inside it.</summary>
    private static string? Compare(JsonArray published, string text, string path, ConcurrentDictionary<string, string> reference)
    {
        var source = new SourceText(text);
        foreach (var d in published)
        {
            var r = d!["range"]!;
            foreach (var end in new[] { r["start"]!, r["end"]! })
            {
                int line = end["line"]!.GetValue<int>(), character = end["character"]!.GetValue<int>();
                if (line < 0 || line >= source.LineCount || character < 0
                    || character > source.GetPosition(source.LineEnd(line)).Character)
                    return $"the range {r.ToJsonString()} of {d["code"]} lies outside the text ({source.LineCount} lines)";
            }
        }
        string got = string.Join("\n", published.Select(d => $"{d!["range"]!.ToJsonString()} {d["code"]} {d["message"]}").Order(StringComparer.Ordinal));
        string want = reference.GetOrAdd(text, t => Fresh(t, path));
        return got == want ? null : $"the findings differ from a fresh check:\n--- published\n{got}\n--- fresh\n{want}";
    }

    /// <summary>The core's findings in a text checked afresh, alone in its folder, rendered as the server renders ranges.</summary>
    private static string Fresh(string text, string path)
    {
        var workspace = new TimelineWorkspace(new MemoryFileSystem());
        workspace.SetFolders([Path.GetDirectoryName(path)!]);
        var doc = workspace.Open(path, text, 1);
        var source = doc.Model.Source;
        string Pos(int offset)
        {
            var p = source.GetPosition(offset);
            return $"{{\"line\":{p.Line},\"character\":{p.Character}}}";
        }
        return string.Join("\n", workspace.Analyze(path).Result.For(path)
            .Select(d => $"{{\"start\":{Pos(d.Span.Start)},\"end\":{Pos(d.Span.End)}}} {d.Code} {d.Message}").Order(StringComparer.Ordinal));
    }
}
