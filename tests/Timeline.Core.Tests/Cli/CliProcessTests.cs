using System.Diagnostics;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>
/// The built <c>timeline</c> as a process: what only a process does, the checker's start again with its own collector
/// settings, and reports streamed onto its standard output rather than made whole first, give the same bytes as the
/// command line run in process.
/// </summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-cli-process-").FullName;

    public CliProcessTests() => File.WriteAllText(Path.Combine(_dir, "a.timeline.yaml"), CliTests.Broken);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public async Task The_process_prints_what_the_command_line_prints(string format)
    {
        var expected = new StringWriter();
        int expectedCode = await CommandLine.RunAsync(["check", ".", "--format", format, "--no-color"], TextReader.Null, expected,
            new StringWriter(), _dir);

        string dll = Path.Combine(AppContext.BaseDirectory, "timeline.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "check", ".", "--format", format, "--no-color" }) psi.ArgumentList.Add(a);
        psi.Environment["TIMELINE_SHOW_COLLECTOR"] = "1";
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(name);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string output = await p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000));
        Assert.True(expectedCode == p.ExitCode, $"exit {p.ExitCode}, expected {expectedCode}: {await stderr}");
        Assert.Equal(expected.ToString(), output);
        // Started again with server GC, where a process can replace itself (not on Windows).
        Assert.Contains(OperatingSystem.IsWindows() ? "workstation garbage collector" : "server garbage collector", await stderr);
    }
}
