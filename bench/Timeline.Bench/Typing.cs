using System.Diagnostics;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.Bench;

/// <summary>What the server benches type, and how they know the server has answered.</summary>
internal static class Typing
{
    /// <summary>Whether a message publishes a file's diagnostics (of <paramref name="version"/>, when given and named).</summary>
    public static bool IsDiagnostics(JsonObject n, string uri, int? version) =>
        n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
        && n["params"]!["uri"]!.GetValue<string>() == uri
        && (version is null || n["params"]!["version"] is null || n["params"]!["version"]!.GetValue<int>() == version);

    /// <summary>
    /// Types one character into event titles spread over the file (<paramref name="lines"/>, opened as version 1), each
    /// timed to the diagnostics of its version; stops after a third step without an answer.
    /// </summary>
    public static async Task<(List<double> Keys, int Timeouts)> IntoTitlesAsync(
        LspClient c, string uri, string[] lines, Random rng, int keystrokes, TimeSpan stepTimeout)
    {
        var titleLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("    title: ", StringComparison.Ordinal)).ToList();
        var keys = new List<double>();
        int version = 1, timeouts = 0;
        var sw = new Stopwatch();
        for (int k = 0; k < keystrokes && timeouts <= 2; k++)
        {
            int line = titleLines[rng.Next(titleLines.Count)];
            version++;
            sw.Restart();
            await c.ChangeAsync(uri, version, new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = LspClient.Pos(line, 11), ["end"] = LspClient.Pos(line, 11) },
                ["text"] = "x",
            });
            try
            {
                int expected = version;
                await c.WaitForAsync(n => IsDiagnostics(n, uri, expected), stepTimeout);
                keys.Add(sw.Elapsed.TotalMilliseconds);
            }
            catch (OperationCanceledException) { timeouts++; }
        }
        return (keys, timeouts);
    }
}
