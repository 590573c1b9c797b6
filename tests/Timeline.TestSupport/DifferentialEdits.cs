using System.Text;
using System.Text.Json.Nodes;
using Timeline.Core.Text;

namespace Timeline.TestSupport;

/// <summary>
/// One seeded random edit sequence sent through incremental sync; then the server's copy of the
/// text, and its diagnostics, are compared with a fresh open of the final text (in a project of
/// its own). Returns null when they agree, else what differs.
/// </summary>
public static class DifferentialEdits
{
    private const string Alphabet = "abcdefghij -:[]{}#'\"\n\n\n\r\n,.0123456789éح😀\t&*!?";

    public static async Task<string?> RunAsync(LspClient c, string baseText, int seed, int steps, string scratch)
    {
        var rng = new Random(seed);
        string name = $"seq{seed}.timeline.yaml";
        string a = new Uri($"{scratch}/a{seed}/{name}").AbsoluteUri, b = new Uri($"{scratch}/b{seed}/{name}").AbsoluteUri;
        string text = baseText;
        await c.OpenAsync(a, text, 1);
        int version = 1;
        for (int s = 0; s < steps; s++)
        {
            var changes = new JsonArray();
            int n = rng.Next(4) == 0 ? rng.Next(2, 4) : 1; // sometimes several changes in one notification, applied in order
            for (int k = 0; k < n; k++) changes.Add(RandomEdit(rng, ref text));
            version++;
            await c.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = a, ["version"] = version },
                ["contentChanges"] = changes,
            });
        }
        var copy = await c.CallAsync("timeline/documentText", new JsonObject { ["textDocument"] = LspClient.Doc(a) });
        string? problem = null;
        if (copy!["text"]!.GetValue<string>() != text) problem = "the server's text differs from the editor's";
        var incremental = await c.DiagnosticsAsync(a, version);
        await c.OpenAsync(b, text, 1);
        var fresh = await c.DiagnosticsAsync(b, 1);
        string di = Render(incremental), df = Render(fresh);
        if (problem is null && di != df) problem = $"diagnostics differ:\n--- incremental\n{di}\n--- fresh\n{df}";
        await c.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspClient.Doc(a) });
        await c.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = LspClient.Doc(b) });
        return problem is null ? null : $"seed {seed}: {problem}\n--- final text ---\n{text}";
    }

    /// <summary>
    /// A random incremental change an editor could send (an insertion, a deletion or both, at a position it can
    /// address), applied to <paramref name="text"/>.
    /// </summary>
    public static JsonObject RandomEdit(Random rng, ref string text)
    {
        var src = new SourceText(text);
        int start = Boundary(text, rng.Next(text.Length + 1));
        int end = rng.Next(3) == 0 ? Boundary(text, Math.Min(text.Length, start + rng.Next(0, 30))) : start;
        if (end < start) end = start;
        string insert = rng.Next(5) == 0 ? "" : Random(rng);
        var ps = src.GetPosition(start);
        var pe = src.GetPosition(end);
        text = text[..start] + insert + text[end..];
        return new JsonObject
        {
            ["range"] = new JsonObject { ["start"] = LspClient.Pos(ps.Line, ps.Character), ["end"] = LspClient.Pos(pe.Line, pe.Character) },
            ["text"] = insert,
        };
    }

    private static string Render(JsonObject publish) => string.Join("\n",
        publish["params"]!["diagnostics"]!.AsArray().Select(d => $"{d!["range"]!.ToJsonString()} {d["code"]} {d["message"]}").Order(StringComparer.Ordinal));

    /// <summary>A position an editor can address: not inside a surrogate pair, not between CR and LF.</summary>
    private static int Boundary(string text, int i)
    {
        // Never between the halves of a surrogate pair or of a CRLF.
        while (i > 0 && i < text.Length
               && ((char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])) || (text[i] == '\n' && text[i - 1] == '\r')))
            i--;
        return i;
    }

    private static string Random(Random rng)
    {
        var sb = new StringBuilder();
        int len = rng.Next(1, 8);
        for (int i = 0; i < len; i++)
        {
            int k = rng.Next(Alphabet.Length);
            if (char.IsHighSurrogate(Alphabet[k])) { sb.Append(Alphabet, k, 2); continue; }
            if (char.IsLowSurrogate(Alphabet[k])) continue;
            sb.Append(Alphabet[k]);
        }
        if (rng.Next(8) == 0) sb.Append("\n  - id: added\n    date: 2024-11-2").Append(rng.Next(10)).Append("\n    title: t\n    sources: [x]\n");
        return sb.ToString();
    }
}
