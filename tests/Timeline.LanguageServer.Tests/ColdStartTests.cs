using System.Text.Json.Nodes;
using Timeline.Core.Project;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// The opened document comes first: while its project is still being read (here held back until
/// the test lets it go), the document's own findings are published, requests about it are
/// answered, and completion says it is incomplete; once the project is read, its findings follow.
/// </summary>
public sealed class ColdStartTests : IAsyncLifetime
{
    private readonly MemoryFileSystem _disk = new();
    private readonly HeldFileSystem _fs;
    private LspClient _client = null!;
    private const string Root = "/cold";
    private static readonly string TimelineUri = new Uri(Root + "/a.timeline.yaml").AbsoluteUri;

    // An unknown field (the file's own finding) and a place no catalog defines (the project's finding).
    private const string Timeline = """
        title: Cold
        events:
          - id: first
            date: 2024-01-02
            title: Something happened
            colour: red
            places: [nowhere]
          - id: second
            date: 2024-01-03
            title: Something else
            places: [
        """;

    public ColdStartTests()
    {
        _disk.Set(Root + "/timeline.config.yaml", "gazetteers: [places.places.yaml]\n");
        _disk.Set(Root + "/a.timeline.yaml", Timeline);
        _disk.Set(Root + "/places.places.yaml", "places:\n  - id: aleppo\n    name: Aleppo\n    kind: city\n");
        _fs = new HeldFileSystem(_disk);
    }

    public async Task InitializeAsync()
    {
        _client = LspClient.InProcess(new ServerOptions { FileSystem = _fs, Log = TextWriter.Null, AnswerWhileReading = true });
        await _client.InitializeAsync(Root);
    }

    public async Task DisposeAsync()
    {
        _fs.Release();
        await _client.DisposeAsync();
    }

    [Fact]
    public async Task The_opened_document_is_answered_before_its_project_is_read_and_checked_again_after()
    {
        await _client.OpenAsync(TimelineUri, Timeline);
        var first = await _client.DiagnosticsAsync(TimelineUri).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(_fs.Released);
        // The document's own findings are not all of its version's: they name no version.
        Assert.Null(first["params"]!["version"]);
        var own = Codes(first);
        Assert.Contains("TL002", own);
        Assert.DoesNotContain(Messages(first), m => m.Contains("nowhere", StringComparison.Ordinal));

        // A request about the open document does not wait for the project.
        var hover = await _client.RequestAsync("textDocument/hover", LspClient.At(TimelineUri, 2, 10), TimeSpan.FromSeconds(20));
        Assert.Null(hover["error"]);
        var completion = await _client.RequestAsync("textDocument/completion", LspClient.At(TimelineUri, 10, 13), TimeSpan.FromSeconds(20));
        Assert.True(completion["result"]!["isIncomplete"]!.GetValue<bool>());
        Assert.False(_fs.Released);

        _fs.Release();
        var whole = await _client.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && n["params"]!["uri"]!.GetValue<string>() == TimelineUri
            && Messages(n).Any(m => m.Contains("nowhere", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        Assert.Contains("TL002", Codes(whole));

        // The catalogs read and indexed: completion in the place list offers the gazetteer's place, and is complete.
        JsonObject after = null!;
        for (int i = 0; i < 100; i++)
        {
            after = await _client.RequestAsync("textDocument/completion", LspClient.At(TimelineUri, 10, 13), TimeSpan.FromSeconds(20));
            if (!after["result"]!["isIncomplete"]!.GetValue<bool>()) break;
            await Task.Delay(50);
        }
        Assert.False(after["result"]!["isIncomplete"]!.GetValue<bool>());
        Assert.Contains(after["result"]!["items"]!.AsArray(), i => i!["textEdit"]!["newText"]!.GetValue<string>() == "aleppo");
    }

    private static List<string> Codes(JsonObject publish) =>
        publish["params"]!["diagnostics"]!.AsArray().Select(d => d!["code"]!.GetValue<string>()).ToList();

    private static List<string> Messages(JsonObject publish) =>
        publish["params"]!["diagnostics"]!.AsArray().Select(d => d!["message"]!.GetValue<string>()).ToList();

    /// <summary>A disk whose project files (all but the config) cannot be read until the test releases them.</summary>
    private sealed class HeldFileSystem(MemoryFileSystem inner) : IFileSystem
    {
        private readonly ManualResetEventSlim _gate = new(false);

        public bool Released => _gate.IsSet;

        public void Release() => _gate.Set();

        public bool FileExists(string path) => inner.FileExists(path);

        public bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public string ReadAllText(string path)
        {
            if (!path.EndsWith("timeline.config.yaml", StringComparison.Ordinal)) _gate.Wait(TimeSpan.FromSeconds(60));
            return inner.ReadAllText(path);
        }

        public IEnumerable<string> EnumerateFiles(string directory) => inner.EnumerateFiles(directory);

        public IEnumerable<string> EnumerateDirectories(string directory) => inner.EnumerateDirectories(directory);
    }
}
