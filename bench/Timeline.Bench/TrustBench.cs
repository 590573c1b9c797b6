using System.Diagnostics;
using Timeline.TestSupport;

namespace Timeline.Bench;

/// <summary>The protocol fuzzed by shape, and the version invariant stress-tested on the built server.</summary>
public static class TrustBench
{
    public static async Task<int> ShapesAsync(int cases, int seed)
    {
        var sw = Stopwatch.StartNew();
        var r = await ShapeFuzz.RunAsync(cases, seed, progress: p => Console.Error.WriteLine($"  {sw.Elapsed.TotalSeconds:F0} s: {p}"));
        foreach (var f in r.Failures) Console.Error.WriteLine(f);
        Console.WriteLine($"shapes: {r.Cases} cases (seed {seed}; {r.Requests} requests, {r.Notifications} notifications, " +
            $"{r.Sessions} server sessions) in {sw.Elapsed.TotalSeconds:F1} s: {r.FailureCount} failures; replies: " +
            string.Join(", ", r.Replies.Select(kv => $"{kv.Key} × {kv.Value}")));
        return r.FailureCount == 0 ? 0 : 1;
    }

    public static async Task<int> VersionsAsync(string repo, string timeline, int sequences, int seed)
    {
        var corpus = Robustness.EditCorpus.Select(f => File.ReadAllText(Path.Combine(repo, f))).ToList();
        using var process = VersionInvariant.StartServer(timeline);
        await using var c = LspClient.OverStreams(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await c.InitializeAsync(null);
        var sw = Stopwatch.StartNew();
        var r = await VersionInvariant.RunAsync(c, corpus, sequences, seed,
            progress: p => Console.Error.WriteLine($"  {sw.Elapsed.TotalSeconds:F0} s: {p}"));
        await c.CallAsync("shutdown", null);
        await c.NotifyAsync("exit", null);
        bool exited = process.WaitForExit(10_000);
        foreach (var f in r.Failures) Console.Error.WriteLine(f);
        Console.WriteLine($"versions: {r.Sequences} sequences (seed {seed}) of 10 changes ({r.Changes} changes, {r.FullChanges} full), " +
            $"{r.Requests} requests in flight, {r.Cancellations} cancellations, in {sw.Elapsed.TotalSeconds:F1} s: {r.Publishes} publishes " +
            $"checked, {r.FailureCount} failures, {r.OutOfOrder} after a later version's; the server exited {(exited ? process.ExitCode : -1)}");
        return r.FailureCount == 0 && exited && process.ExitCode == 0 ? 0 : 1;
    }
}
