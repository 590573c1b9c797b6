using Timeline.LanguageServer.Client;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Timeline.LanguageServer.Tests;

/// <summary>The built `timeline lsp` as a process over stdio, as an editor starts it.</summary>
public class ProcessTests
{
    private static Process Start()
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
        var p = Process.Start(psi)!;
        _ = p.StandardError.ReadToEndAsync();
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
        await c.ChangeAsync(uri, 2, new JsonObject { ["text"] = text.Replace("places: [geonames:164816]", "places: [saraqeb]") });
        var broken = await c.DiagnosticsAsync(uri, 2);
        Assert.Contains(broken["params"]!["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "TL201");
        await c.CallAsync("shutdown", null);
        await c.NotifyAsync("exit", null);
        Assert.True(p.WaitForExit(10_000));
        Assert.Equal(0, p.ExitCode);
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
