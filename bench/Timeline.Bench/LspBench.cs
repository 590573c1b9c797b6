using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.Bench;

/// <summary>
/// Drives a language server process over stdio on a generated project and measures:
/// open → first diagnostics, keystroke → diagnostics, completion latency, resident memory.
/// The same run works for yaml-language-server (with Timeline's JSON Schema) to compare.
/// </summary>
public static class LspBench
{
    public sealed record Result(
        string Name, double OpenMs, double[] KeystrokeMs, double[] CompletionMs, long RssKb, int Timeouts = 0, long RestingRssKb = 0);

    /// <summary>How long one measured step may take before it counts as a time-out.</summary>
    public static TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static async Task<Result> RunAsync(
        string name, string command, string args, string project, JsonObject? settings, int keystrokes = 50, int completions = 200)
    {
        var psi = new ProcessStartInfo(command, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        // The server's log is read (so it never blocks on a full pipe); TIMELINE_BENCH_LOG=1 shows it.
        bool showLog = Environment.GetEnvironmentVariable("TIMELINE_BENCH_LOG") == "1";
        _ = Task.Run(async () =>
        {
            while (await p.StandardError.ReadLineAsync() is { } line)
                if (showLog) Console.Error.WriteLine("    server: " + line);
        });
        await using var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream);
        c.OnServerRequest = YamlServer.Answers(settings);
        string root = Path.GetFullPath(project);
        await c.InitializeAsync(root, new JsonObject
        {
            ["workspace"] = new JsonObject
            {
                ["configuration"] = true, ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = false },
            },
            ["textDocument"] = new JsonObject
            {
                ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true },
                ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
            },
        });
        if (settings is not null) await c.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
        await Task.Delay(settings is null ? 2500 : 2500); // let the server index the workspace, as it does when an editor starts

        Phase(p, "indexed");
        string file = Directory.EnumerateFiles(root, "*.timeline.yaml").First();
        string text = File.ReadAllText(file);
        string uri = new Uri(file).AbsoluteUri;
        var sw = Stopwatch.StartNew();
        await c.OpenAsync(uri, text, 1);
        await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["uri"]!.GetValue<string>() == uri, TimeSpan.FromMinutes(5));
        double open = sw.Elapsed.TotalMilliseconds;
        Phase(p, "opened");

        // Keystrokes: type one character into the titles of events spread over the file.
        var lines = text.Split('\n');
        var rng = new Random(7);
        var (keys, timeouts) = await Typing.IntoTitlesAsync(c, uri, lines, rng, keystrokes, StepTimeout);

        Phase(p, "typed");
        if (Environment.GetEnvironmentVariable("TIMELINE_BENCH_PHASES") == "1")
            Console.Error.WriteLine($"  keystrokes in order: {string.Join(" ", keys.Select(k => k.ToString("F0", CultureInfo.InvariantCulture)))}");
        // Completion in place lists: at the end of the place id of events spread over the file.
        var placeLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("    places: [", StringComparison.Ordinal)).ToList();
        var comps = new List<double>();
        for (int k = 0; k < completions; k++)
        {
            int line = placeLines[rng.Next(placeLines.Count)];
            int ch = Math.Min(lines[line].Length - 1, "    places: [".Length + 4);
            sw.Restart();
            JsonObject r;
            try { r = await c.RequestAsync("textDocument/completion", LspClient.At(uri, line, ch), StepTimeout); }
            catch (TimeoutException) { timeouts++; if (timeouts > 4) break; continue; }
            comps.Add(sw.Elapsed.TotalMilliseconds);
            if (r["error"] is { } e) throw new InvalidOperationException($"{name}: completion failed: {e.ToJsonString()}");
        }
        long rss = Rss(p.Id);
        Phase(p, "completed");
        // At rest: what the server holds once the writer stops for a few seconds.
        await Task.Delay(4000);
        long resting = Rss(p.Id);
        Phase(p, "at rest");
        // After the memory figures, so that they stay comparable with the runs before these features.
        await TokensAndLensesAsync(c, uri);
        try { await c.RequestAsync("shutdown", null, TimeSpan.FromSeconds(5)); await c.NotifyAsync("exit", null); } catch { }
        if (!p.WaitForExit(5000)) p.Kill(true);
        return new Result(name, open, keys.ToArray(), comps.ToArray(), rss, timeouts, resting);
    }

    /// <summary>
    /// Semantic tokens of the whole file and its code lenses, asked for as an editor does when the file
    /// is shown and after each edit: their latency, on stderr (for servers that offer them). The time
    /// includes this client's reading of the answer into JSON nodes (a megabyte and more on a big file).
    /// </summary>
    private static async Task TokensAndLensesAsync(LspClient c, string uri, int times = 20)
    {
        var doc = new JsonObject { ["textDocument"] = LspClient.Doc(uri) };
        foreach (var (method, size) in new (string, Func<JsonNode, int>)[]
        {
            ("textDocument/semanticTokens/full", r => r["data"]!.AsArray().Count / 5),
            ("textDocument/codeLens", r => r.AsArray().Count),
        })
        {
            var ms = new List<double>();
            int count = 0;
            for (int k = 0; k < times; k++)
            {
                var sw = Stopwatch.StartNew();
                var r = await c.RequestAsync(method, doc.DeepClone(), StepTimeout);
                if (r["error"] is not null || r["result"] is not { } result) break;
                ms.Add(sw.Elapsed.TotalMilliseconds);
                count = size(result);
            }
            if (ms.Count > 0)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {method}: p50 {Percentile(ms.ToArray(), 50):F1} ms, max {ms.Max():F1} ms over {ms.Count} requests, {count} items"));
        }
    }

    /// <summary>
    /// With TIMELINE_BENCH_PHASES=1, the server's resident memory after each phase, on stderr; with
    /// TIMELINE_BENCH_SMAPS=1 too, what it is made of (the anonymous memory, where the collected heap
    /// lives, and each mapped file).
    /// </summary>
    private static void Phase(Process p, string name)
    {
        if (Environment.GetEnvironmentVariable("TIMELINE_BENCH_PHASES") != "1") return;
        Console.Error.WriteLine($"  {name}: {Rss(p.Id) / 1024} MB resident");
        if (Environment.GetEnvironmentVariable("TIMELINE_BENCH_SMAPS") == "1") Mappings(p.Id);
    }

    internal static void Mappings(int pid)
    {
        var sums = new Dictionary<string, long>();
        string mapping = "";
        try
        {
            foreach (var l in File.ReadAllLines($"/proc/{pid}/smaps"))
            {
                var parts = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // A mapping's header: "start-end perms offset dev inode [path]".
                if (parts.Length >= 5 && parts[0].Contains('-') && !parts[0].EndsWith(':'))
                {
                    mapping = parts.Length >= 6 ? Path.GetFileName(parts[5]) : "[anonymous]";
                    continue;
                }
                if (parts[0] == "Rss:") sums[mapping] = sums.GetValueOrDefault(mapping) + long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException) { return; }
        foreach (var (what, kb) in sums.OrderByDescending(k => k.Value).Take(12)) Console.Error.WriteLine($"     {kb / 1024,6} MB {what}");
    }

    private static long Rss(int pid)
    {
        try
        {
            foreach (var l in File.ReadAllLines($"/proc/{pid}/status"))
                if (l.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        return -1;
    }

    public static double Percentile(double[] xs, double p)
    {
        if (xs.Length == 0) return double.NaN;
        var s = xs.Order().ToArray();
        return s[Math.Min(s.Length - 1, (int)Math.Ceiling(p / 100 * s.Length) - 1)];
    }

    public static string Row(Result r)
    {
        var inv = CultureInfo.InvariantCulture;
        string timeouts = r.Timeouts > 0 ? string.Create(inv, $", {r.Timeouts} timed out (>{StepTimeout.TotalSeconds:F0} s)") : "";
        return string.Create(inv, $"| {r.Name} | {r.OpenMs:F0} ms | {Percentile(r.KeystrokeMs, 50):F1} ms | {Percentile(r.KeystrokeMs, 99):F1} ms")
            + string.Create(inv, $" | {Percentile(r.CompletionMs, 50):F2} ms | {Percentile(r.CompletionMs, 99):F2} ms")
            + string.Create(inv, $" | {r.RssKb / 1024.0:F0} MB | {r.RestingRssKb / 1024.0:F0} MB")
            + string.Create(inv, $" | {r.KeystrokeMs.Length}/{r.CompletionMs.Length}") + timeouts + " |";
    }

    public const string Header =
        "| server | open → diagnostics | keystroke → diagnostics p50 | p99 | completion p50 | p99 | resident memory after the run"
        + " | at rest (4 s later) | keystrokes/completions measured |\n|---|---|---|---|---|---|---|---|---|";
}
