using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.Bench;

/// <summary>
/// The cold path, as an editor starts a language server: the process is started, asked to
/// <c>initialize</c> with the workspace folder, told <c>initialized</c>, and one file is opened at
/// once, with no pause for the server to read the workspace first. Measured: process start → the
/// first diagnostics of the opened file; keystrokes right after it (each to the diagnostics of its
/// version); then completions in place lists; and the server's resident memory sampled every 50 ms
/// from the process start to the moment its workspace is read and checked (the highest sample).
/// </summary>
public static class ColdBench
{
    public sealed record Result(
        string Name, double FirstDiagnosticsMs, double WorkspaceReadMs, double[] KeystrokeMs, double[] CompletionMs,
        int IncompleteCompletions, long PeakRssKb, long EndRssKb, int Timeouts, double FirstDiagnosticsCpuMs, double CpuMs);

    /// <summary>
    /// The CPU time a process has used (user and system, all its threads), from /proc/PID/stat: on a loaded
    /// machine the wall-clock times carry waits for a core, this does not.
    /// </summary>
    public static double CpuMs(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the line, the 12th and 13th after the command's name, in ticks of 10 ms.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException) { return double.NaN; }
    }

    /// <summary>How long one keystroke's diagnostics or one completion may take before it counts as a time-out.</summary>
    public static TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <param name="file">The file opened (a path under <paramref name="project"/>).</param>
    /// <param name="indexedLogLine">A line of the server's log that says its workspace is read (null: not known).</param>
    public static async Task<Result> RunAsync(string name, string command, string args, string project, string file,
        JsonObject? settings, string? indexedLogLine, int keystrokes = 20, int completions = 100)
    {
        await WarmUpClientAsync(command, args, settings);
        string root = Path.GetFullPath(project);
        string text = await File.ReadAllTextAsync(file);
        string uri = new Uri(Path.GetFullPath(file)).AbsoluteUri;
        var psi = new ProcessStartInfo(command, args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        using var sampler = new RssSampler(p.Id, TimeSpan.FromMilliseconds(50));
        var indexed = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool showLog = Environment.GetEnvironmentVariable("TIMELINE_BENCH_LOG") == "1" && !s_warmingUp;
        _ = Task.Run(async () =>
        {
            while (await p.StandardError.ReadLineAsync() is { } line)
            {
                if (indexedLogLine is not null && line.Contains(indexedLogLine, StringComparison.Ordinal))
                    indexed.TrySetResult(clock.Elapsed.TotalMilliseconds);
                if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms server: {line}");
            }
        });
        await using var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream);
        c.OnServerRequest = YamlServer.Answers(settings);

        // What VS Code does: initialize with the folder, initialized, then the file shown at start is opened.
        var init = await c.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(root).AbsoluteUri, ["name"] = Path.GetFileName(root) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["configuration"] = true, ["workspaceFolders"] = true,
                    ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = false },
                },
                ["textDocument"] = new JsonObject
                {
                    ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true },
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
                },
            },
        }, TimeSpan.FromMinutes(2));
        if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms initialized");
        if (init["error"] is { } initError) throw new InvalidOperationException($"{name}: initialize failed: {initError.ToJsonString()}");
        await c.NotifyAsync("initialized", new JsonObject());
        if (settings is not null) await c.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
        await c.OpenAsync(uri, text, 1);
        if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms opened");
        await c.WaitForAsync(n => Typing.IsDiagnostics(n, uri, null), TimeSpan.FromMinutes(5));
        double first = clock.Elapsed.TotalMilliseconds;
        double firstCpu = CpuMs(p.Id);
        if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms first diagnostics");

        // TIMELINE_BENCH_AFTER_READ=1: the keystrokes and completions once the workspace is read (and 3 s more), as a writer
        // types for hours after; at 100,000 events the reading otherwise outlasts them all.
        if (Environment.GetEnvironmentVariable("TIMELINE_BENCH_AFTER_READ") == "1" && indexedLogLine is not null)
        {
            await indexed.Task.WaitAsync(TimeSpan.FromMinutes(3));
            await Task.Delay(3000);
        }
        // Keystrokes right after: one character into event titles spread over the file.
        var lines = text.Split('\n');
        var rng = new Random(7);
        var (keys, timeouts) = await Typing.IntoTitlesAsync(c, uri, lines, rng, keystrokes, StepTimeout);
        if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms typed");
        // TIMELINE_BENCH_HOLD=S: a pause of S seconds after the typing, to take a heap dump of the server (dotnet-gcdump).
        if (!s_warmingUp && int.TryParse(Environment.GetEnvironmentVariable("TIMELINE_BENCH_HOLD"), out int hold))
        {
            Console.Error.WriteLine($"    server {p.Id}: holding {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        // Completions right after the edits: a few letters into the place lists of events spread over the file.
        var sw = new Stopwatch();
        var placeLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("    places: [", StringComparison.Ordinal)).ToList();
        var comps = new List<double>();
        var compsAt = new List<(double Ms, long At)>();
        int incomplete = 0;
        for (int k = 0; k < completions && timeouts <= 4; k++)
        {
            int line = placeLines[rng.Next(placeLines.Count)];
            int ch = Math.Min(lines[line].Length - 1, "    places: [".Length + 4);
            sw.Restart();
            JsonObject r;
            try { r = await c.RequestAsync("textDocument/completion", LspClient.At(uri, line, ch), StepTimeout); }
            catch (TimeoutException) { timeouts++; continue; }
            comps.Add(sw.Elapsed.TotalMilliseconds);
            compsAt.Add((sw.Elapsed.TotalMilliseconds, clock.ElapsedMilliseconds));
            if (r["error"] is { } e) throw new InvalidOperationException($"{name}: completion failed: {e.ToJsonString()}");
            if (r["result"]?["isIncomplete"]?.GetValue<bool>() == true) incomplete++;
        }

        if (showLog) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms completions asked");
        // The slowest completions and when they were answered: what a p99 is made of (a collection, the reading).
        if (showLog)
            foreach (var (ms, at) in compsAt.OrderByDescending(x => x.Ms).Take(3))
                Console.Error.WriteLine($"    {at,6} ms a completion answered in {ms:F1} ms");
        // The highest memory counts the whole start: wait until the workspace is read, and a second more.
        double read = double.NaN;
        if (indexedLogLine is not null)
        {
            try { read = await indexed.Task.WaitAsync(TimeSpan.FromMinutes(3)); }
            catch (TimeoutException) { timeouts++; }
        }
        if (!s_warmingUp) await Task.Delay(1000);
        long end = RssSampler.Read(p.Id);
        // TIMELINE_BENCH_SMAPS=1: what the memory at the end is made of.
        if (Environment.GetEnvironmentVariable("TIMELINE_BENCH_SMAPS") == "1" && !s_warmingUp) LspBench.Mappings(p.Id);
        double cpu = CpuMs(p.Id);
        long peak = sampler.Stop();
        try { await c.RequestAsync("shutdown", null, TimeSpan.FromSeconds(5)); await c.NotifyAsync("exit", null); } catch { }
        if (!p.WaitForExit(5000)) p.Kill(true);
        return new Result(name, first, read, keys.ToArray(), comps.ToArray(), incomplete, peak, end, timeouts, firstCpu, cpu);
    }

    private static bool s_clientWarm;
    private static bool s_warmingUp;

    /// <summary>
    /// The measured run times the server, not this client: a client that meets its first JSON, pipe and process of the
    /// day pays for compiling its own code (80 ms here), which an editor's long-running client never does. So the first
    /// run of a process is preceded by one whole run on a three-event project, whose figures are thrown away.
    /// </summary>
    private static async Task WarmUpClientAsync(string command, string args, JsonObject? settings)
    {
        if (s_clientWarm) return;
        s_clientWarm = true;
        string dir = Path.Combine(Path.GetTempPath(), $"timeline-bench-warm-{Environment.ProcessId}");
        try
        {
            Generator.Project(dir, events: 3, places: 3);
            s_warmingUp = true;
            await RunAsync("warm-up", command, args, dir, Path.Combine(dir, "generated.timeline.yaml"), settings, null,
                keystrokes: 2, completions: 2);
        }
        finally
        {
            s_warmingUp = false;
            Directory.Delete(dir, recursive: true);
        }
    }

    public const string Header =
        "| server | project | start → first diagnostics | its CPU time | workspace read | keystroke → diagnostics p50 | p99"
        + " | completion p50 | p99 | incomplete | highest resident memory | at the end | CPU time in all | keystrokes/completions |"
        + "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(Result r, string project)
    {
        var inv = CultureInfo.InvariantCulture;
        string timeouts = r.Timeouts > 0 ? string.Create(inv, $", {r.Timeouts} timed out") : "";
        return string.Create(inv, $"| {r.Name} | {project} | {r.FirstDiagnosticsMs:F0} ms | {r.FirstDiagnosticsCpuMs:F0} ms")
            + string.Create(inv, $" | {r.WorkspaceReadMs:F0} ms")
            + string.Create(inv, $" | {LspBench.Percentile(r.KeystrokeMs, 50):F1} ms | {LspBench.Percentile(r.KeystrokeMs, 99):F1} ms")
            + string.Create(inv, $" | {LspBench.Percentile(r.CompletionMs, 50):F2} ms | {LspBench.Percentile(r.CompletionMs, 99):F2} ms")
            + string.Create(inv, $" | {r.IncompleteCompletions} | {r.PeakRssKb / 1024.0:F0} MB | {r.EndRssKb / 1024.0:F0} MB | {r.CpuMs:F0} ms")
            + string.Create(inv, $" | {r.KeystrokeMs.Length}/{r.CompletionMs.Length}{timeouts} |");
    }
}

/// <summary>Reads a process's resident memory (VmRSS) at a fixed interval and keeps the highest value.</summary>
public sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public RssSampler(int pid, TimeSpan interval)
    {
        // TIMELINE_BENCH_RSS=1: every new highest, with when it came (to see which step makes it).
        bool trace = Environment.GetEnvironmentVariable("TIMELINE_BENCH_RSS") == "1";
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                long kb = Read(pid);
                if (kb <= Volatile.Read(ref _peak)) continue;
                Volatile.Write(ref _peak, kb);
                if (trace) Console.Error.WriteLine($"    {clock.ElapsedMilliseconds,6} ms resident {kb / 1024.0:F0} MB");
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    /// <summary>Stops sampling; the highest resident memory seen, in KB.</summary>
    public long Stop()
    {
        _stop.Cancel();
        try { _loop.Wait(); } catch (AggregateException) { }
        return Volatile.Read(ref _peak);
    }

    public static long Read(int pid)
    {
        try
        {
            foreach (var l in File.ReadLines($"/proc/{pid}/status"))
                if (l.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return -1;
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}
