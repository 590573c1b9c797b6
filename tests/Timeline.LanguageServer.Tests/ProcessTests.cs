using System.Diagnostics;
using System.Text.Json.Nodes;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>The built `timeline lsp` as a process over stdio, as an editor starts it.</summary>
public class ProcessTests
{
    private static Process Start() => Start(out _);

    private static Process Start(out Task<string> stderr, params (string Name, string Value)[] env)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "timeline.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" lsp --stdio")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in env) psi.Environment[name] = value;
        var p = Process.Start(psi)!;
        stderr = p.StandardError.ReadToEndAsync();
        return p;
    }

    [Fact]
    public async Task The_executable_serves_diagnostics_and_exits_0_after_shutdown()
    {
        using var p = Start();
        await using var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream);
        string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../examples/aleppo-2024"));
        await c.InitializeAsync(root);
        string uri = new Uri(Path.Combine(root, "aleppo-2024.timeline.yaml")).AbsoluteUri;
        string text = File.ReadAllText(Path.Combine(root, "aleppo-2024.timeline.yaml"));
        await c.OpenAsync(uri, text);
        var clean = await c.DiagnosticsAsync(uri, 1);
        Assert.Empty(clean["params"]!["diagnostics"]!.AsArray());
        await c.ChangeAsync(uri, 2, new JsonObject { ["text"] = text.Replace("places: [saraqib-sy]", "places: [saraqeb]") });
        // The file's own findings may come first (while the project is still read), then the project's.
        await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["version"]?.GetValue<int>() == 2
            && n["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "TL201"), TimeSpan.FromSeconds(30));
        await c.CallAsync("shutdown", null);
        await c.NotifyAsync("exit", null);
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(0, p.ExitCode);
    }

    [Theory]
    [InlineData(null, "workstation garbage collector")]   // the server's own settings (the application's runtimeconfig)
    [InlineData("1", "server garbage collector")]         // the user's own settings win
    public async Task The_server_runs_with_its_own_collector_settings_unless_the_user_gave_some(string? gcServer, string expected)
    {
        using var p = Start(out var stderr, gcServer is null ? Array.Empty<(string, string)>() : new[] { ("DOTNET_gcServer", gcServer) });
        await using (var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream))
        {
            // The server names its collector only to a client that traces it.
            await c.CallAsync("initialize", new JsonObject
            {
                ["processId"] = null, ["capabilities"] = new JsonObject(), ["trace"] = "messages",
            });
            await c.CallAsync("shutdown", null);
            await c.NotifyAsync("exit", null);
        }
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(0, p.ExitCode);
        Assert.Contains(expected, await stderr);
    }

    [Fact]
    public async Task A_large_document_first_opened_is_read_without_collections_and_checked()
    {
        string dir = Directory.CreateTempSubdirectory("timeline-large-").FullName;
        try
        {
            var text = new System.Text.StringBuilder(
                "title: Large\nsources:\n  - id: np\n    publisher: North Press\n    published: 2024-11-29\nevents:\n");
            for (int i = 0; text.Length < 300_000; i++)
                text.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"  - id: event-{i}\n    date: 2024-11-29\n    title: Event {i} near the town\n    sources: [np]\n");
            text.Append("  - id: last\n    date: 2024-11-29\n    title: The last\n    sources: [nowhere]\n");
            string path = Path.Combine(dir, "large.timeline.yaml");
            File.WriteAllText(path, text.ToString());
            using var p = Start(out var stderr);
            await using (var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream))
            {
                // The server says how it reads only to a client that traces it.
                await c.CallAsync("initialize", new JsonObject
                {
                    ["processId"] = null, ["rootUri"] = new Uri(dir).AbsoluteUri, ["capabilities"] = new JsonObject(), ["trace"] = "messages",
                });
                await c.NotifyAsync("initialized", new JsonObject());
                string uri = new Uri(path).AbsoluteUri;
                await c.OpenAsync(uri, text.ToString());
                // The unknown source is found, whether the file's own findings or the project's come first.
                await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                    && n["params"]!["diagnostics"]!.AsArray().Any(d => d!["code"]!.GetValue<string>() == "TL203"), TimeSpan.FromSeconds(30));
                await c.CallAsync("shutdown", null);
                await c.NotifyAsync("exit", null);
            }
            Assert.True(p.WaitForExit(10_000));
            Assert.Contains("without collections", await stderr);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Stdin_closing_without_shutdown_exits_1()
    {
        using var p = Start();
        await using var c = LspClient.OverStreams(p.StandardInput.BaseStream, p.StandardOutput.BaseStream);
        await c.InitializeAsync(null);
        p.StandardInput.Close();
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(1, p.ExitCode);
    }
}
