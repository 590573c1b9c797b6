using Timeline.Cli;

namespace Timeline.Core.Tests.Capture;

/// <summary>The <c>timeline capture</c> command: options, exit codes, the entry on stdout and the messages on stderr.</summary>
public sealed class CaptureCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-capture-cli-").FullName;
    private readonly LoopbackServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<(int Code, string Out, string Err)> Run(string cwd, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await CommandLine.RunAsync(args, TextReader.Null, o, e, cwd);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task A_capture_prints_its_entry_and_writes_under_the_project_root()
    {
        File.WriteAllText(Path.Combine(_dir, "timeline.config.yaml"), "");
        string below = Directory.CreateDirectory(Path.Combine(_dir, "drafts", "deep")).FullName;
        _server.MapPage("/2024/11/29/rebels-enter-aleppo", CaptureTests.Article);
        var (code, output, error) = await Run(below, "capture", _server.Url("/2024/11/29/rebels-enter-aleppo").AbsoluteUri, "--dir", "evidence");
        Assert.Equal(0, code);
        Assert.StartsWith("- id: rebels-enter-aleppo\n  publisher: Levant Wire\n", output);
        Assert.Contains("snapshot: evidence/rebels-enter-aleppo.txt", output);
        Assert.True(File.Exists(Path.Combine(_dir, "evidence", "rebels-enter-aleppo.txt")));
        Assert.Contains("captured", error);
    }

    [Fact]
    public async Task With_add_to_nothing_is_printed_and_the_file_gets_the_entry()
    {
        File.WriteAllText(Path.Combine(_dir, "r.sources.yaml"), "sources:\n");
        _server.MapPage("/p", CaptureTests.Article);
        var (code, output, _) = await Run(_dir, "capture", _server.Url("/p").AbsoluteUri, "--id=wire", "--add-to", "r.sources.yaml");
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("sources:\n  - id: wire\n    publisher: Levant Wire\n", File.ReadAllText(Path.Combine(_dir, "r.sources.yaml")));

        var again = await Run(_dir, "capture", _server.Url("/p").AbsoluteUri, "--id=wire", "--add-to", "r.sources.yaml");
        Assert.Equal(2, again.Code);
        Assert.Contains("already has a source 'wire'", again.Err);
    }

    [Fact]
    public async Task Refusals_and_usage_errors_exit_2_with_the_reason()
    {
        _server.MapPage("/f.pdf", "application/pdf", "%PDF"u8.ToArray());
        _server.Map("/slow", async (s, c) => await Task.Delay(TimeSpan.FromSeconds(30), c));
        var pdf = await Run(_dir, "capture", _server.Url("/f.pdf").AbsoluteUri);
        Assert.Equal((2, ""), (pdf.Code, pdf.Out));
        Assert.Contains("not a web page", pdf.Err);
        var slow = await Run(_dir, "capture", _server.Url("/slow").AbsoluteUri, "--timeout", "0.5");
        Assert.Equal(2, slow.Code);
        Assert.Contains("time limit of 0.5 s", slow.Err);
        Assert.Equal(2, (await Run(_dir, "capture")).Code);
        Assert.Equal(2, (await Run(_dir, "capture", "a.html", "b.html")).Code);
        Assert.Equal(2, (await Run(_dir, "capture", "a.html", "--timeout", "soon")).Code);
        Assert.Equal(2, (await Run(_dir, "capture", "a.html", "--max-size", "0")).Code);
        Assert.Equal(2, (await Run(_dir, "capture", "a.html", "--frobnicate")).Code);
        Assert.Equal(2, (await Run(_dir, "capture", "a.html")).Code);
        Assert.False(Directory.Exists(Path.Combine(_dir, "snapshots")));
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var (code, output, _) = await Run(_dir, "--help");
        Assert.Equal(0, code);
        Assert.Contains("timeline capture URL|FILE [--id ID] [--dir DIR] [--add-to FILE]", output);
    }
}
