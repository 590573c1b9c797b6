using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.Bench;

/// <summary>
/// Resource limits: a 200 MB file, a million-line file and a 100,000-item flow list, each given to
/// <c>timeline check</c> and opened in <c>timeline lsp</c>; what each answers, how long it takes and the peak memory.
/// The files are written to a temporary folder and deleted.
/// </summary>
public static class LimitsBench
{
    public static async Task<int> RunAsync(string timeline)
    {
        string dir = Directory.CreateTempSubdirectory("timeline-limits-").FullName;
        try
        {
            foreach (var (name, text) in Cases())
            {
                string folder = Path.Combine(dir, name);
                Directory.CreateDirectory(folder);
                string file = Path.Combine(folder, name + ".timeline.yaml");
                File.WriteAllText(file, text);
                Console.WriteLine($"{name}: {new FileInfo(file).Length / 1e6:F1} MB, {text.Count(ch => ch == '\n'):N0} lines");
                Check(timeline, folder);
                await ServeAsync(timeline, new Uri(file).AbsoluteUri, text);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        return 0;
    }

    private static IEnumerable<(string Name, string Text)> Cases()
    {
        var big = new StringBuilder("title: Big\nevents:\n");
        for (int i = 0; big.Length < 200_000_000; i++)
            big.Append("  - id: e").Append(i).Append("\n    date: 2024-11-27\n    title: Something happened, number ").Append(i)
                .Append("\n    sources: [report]\n");
        yield return ("big", big.ToString());
        big = null;
        var lines = new StringBuilder("title: Lines\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: [report]\n");
        for (int i = 0; i < 1_000_000; i++) lines.Append("#\n");
        yield return ("lines", lines.ToString());
        yield return ("flow", "title: Flow\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: ["
            + string.Join(", ", Enumerable.Range(0, 100_000).Select(i => "s" + i)) + "]\n");
    }

    private static void Check(string timeline, string folder)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { timeline, "check", folder, "--format", "json" }) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        long peak = 0;
        var output = p.StandardOutput.ReadToEndAsync();
        while (!p.WaitForExit(20)) try { p.Refresh(); peak = Math.Max(peak, p.PeakWorkingSet64); } catch (InvalidOperationException) { }
        string json = output.Result;
        var codes = System.Text.RegularExpressions.Regex.Matches(json, "\"code\":\\s*\"(TL\\d+)\"").Select(m => m.Groups[1].Value)
            .GroupBy(c => c).Select(g => $"{g.Key} × {g.Count()}");
        Console.WriteLine($"  check: exit {p.ExitCode} in {sw.Elapsed.TotalSeconds:F1} s, peak RSS {peak / 1e6:F0} MB; " +
            $"findings {string.Join(", ", codes)}");
        _ = err;
    }

    /// <summary>didOpen written by hand: the serialiser refuses a string of 200 MB (the server reads the frame, or skips it).</summary>
    private static Task OpenAsync(LspClient c, string uri, string text)
    {
        var body = new StringBuilder(text.Length + 200)
            .Append("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"")
            .Append(uri).Append("\",\"languageId\":\"yaml\",\"version\":1,\"text\":\"");
        foreach (char ch in text)
            body.Append(ch switch { '\n' => "\\n", '\r' => "\\r", '"' => "\\\"", '\\' => "\\\\", _ => ch.ToString() });
        byte[] bytes = Encoding.UTF8.GetBytes(body.Append("\"}}}").ToString());
        return c.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes]);
    }

    private static async Task ServeAsync(string timeline, string uri, string text)
    {
        using var p = VersionInvariant.StartServer(timeline);
        await using var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream);
        var frameErrors = new List<string>();
        c.Received += m => { if (m["error"] is { } e && m["id"] is null) lock (frameErrors) frameErrors.Add(e["message"]!.ToString()); };
        await c.InitializeAsync(null);
        var sw = Stopwatch.StartNew();
        var published = c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["uri"]!.GetValue<string>() == uri, TimeSpan.FromSeconds(120));
        await OpenAsync(c, uri, text);
        var reply = await c.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(uri) },
            TimeSpan.FromSeconds(120));
        string answer = reply["error"] is { } e ? $"error {e["code"]}: {e["message"]}" : $"{reply["result"]!.AsArray().Count} symbols";
        string diagnostics;
        try
        {
            var d = (await published)["params"]!["diagnostics"]!.AsArray();
            diagnostics = string.Join(", ", d.GroupBy(x => x!["code"]!.ToString()).Select(g => $"{g.Key} × {g.Count()}"));
            if (diagnostics.Length == 0) diagnostics = "none";
        }
        catch (Exception) { diagnostics = "no publish"; }
        var next = await c.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "e" }, TimeSpan.FromSeconds(120));
        p.Refresh();
        long peak = p.PeakWorkingSet64;
        double seconds = sw.Elapsed.TotalSeconds;
        await c.CallAsync("shutdown", null);
        await c.NotifyAsync("exit", null);
        p.WaitForExit(10_000);
        Console.WriteLine($"  lsp: diagnostics {diagnostics}; documentSymbol {answer}; the next request answered " +
            $"{(next["error"] is null ? "with a result" : "with an error")} after {seconds:F1} s; peak RSS {peak / 1e6:F0} MB; exit {p.ExitCode}" +
            (frameErrors.Count > 0 ? $"; frame errors: {string.Join("; ", frameErrors)}" : ""));
    }
}
