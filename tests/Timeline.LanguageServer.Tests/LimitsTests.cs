using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// Resource limits in the server, at sizes a test run affords (bench/limits.sh opens the full ones): a file over
/// the reader's limit, many lines, a long flow list; each is answered with diagnostics, and the server answers the next request.
/// </summary>
public class LimitsTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "over the size limit", "title: Big\nevents:\n" + new string('#', 17 * 1024 * 1024) + "\n", "TL901" },
        { "100,000 lines", "title: Lines\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: [report]\n"
            + string.Concat(Enumerable.Repeat("#\n", 100_000)), "TL203" },
        { "a 20,000-item flow list", "title: Flow\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: ["
            + string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "s" + i)) + "]\n", "TL203" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_large_document_gets_its_diagnostics_and_the_server_answers_the_next_request(string what, string text, string code)
    {
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        string uri = new Uri(Path.Combine(Path.GetTempPath(), "timeline-limits-" + what.Replace(' ', '-'), "a.timeline.yaml")).AbsoluteUri;
        await c.OpenAsync(uri, text);
        var published = await c.DiagnosticsAsync(uri, 1);
        Assert.Contains(published["params"]!["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == code);
        var symbols = await c.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = LspClient.Doc(uri) });
        Assert.Null(symbols["error"]);
        await c.ChangeAsync(uri, 2, new JsonObject { ["text"] = "title: Small\nevents: []\n" });
        await c.DiagnosticsAsync(uri, 2);
        Assert.Equal(0, await c.ShutdownAsync());
    }
}
