using System.Text.Json;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;
using Timeline.LanguageServer.Features;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer;

/// <summary>
/// Runs, on the core the start leaves idle, what a first opened document will need: its message read, a file read
/// and checked, its findings made into a publish. An editor's first seconds are mostly the runtime compiling the
/// framework's generic code for Timeline's types (precompiled code cannot hold it); done here while the main thread
/// answers <c>initialize</c>, it is compiled by the time the document arrives. It touches nothing of the server's:
/// a workspace of its own, in memory, and the serialisers' shared metadata, which is made once whoever asks first.
/// </summary>
public static class Warmup
{
    public static void Start()
    {
        // On one core the work would only delay the server's own.
        if (Environment.ProcessorCount < 2) return;
        new Thread(() => Run()) { IsBackground = true, Name = "timeline warm-up", Priority = ThreadPriority.BelowNormal }.Start();
    }

    private const string Path = "/warm-up/a.timeline.yaml";

    // One event with what a chronology's events hold, and findings of both kinds: of the file alone (a misspelt key,
    // with its fix), published first, and of the project (an unknown actor, a quote without a snapshot).
    private const string Text = """
        title: Warm-up
        sources:
          - id: report
            url: https://example.org/report
            publisher: Example
            published: 2024-11-29
        events:
          - id: first
            date: 2024-11-28/2024-11-29
            title: "Shelling reported near the town"
            summery: Reported by one source.
            places: [somewhere]
            actors: [someone]
            sources:
              - source: report
                quote: words of the report
            casualties:
              - killed: 3
                source: report
        """;

    /// <summary>Whether the work ran through (a test holds it to that: a failure here is swallowed, and would go unseen).</summary>
    internal static bool Run()
    {
        try
        {
            // First what the answer to `initialize` needs (the main thread may meet it here, half made).
            _ = LspJson.Default.InitializeParams;
            _ = LspJson.Default.InitializeResult;
            var message = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(message))
            {
                w.WriteStartObject();
                w.WriteStartObject("textDocument");
                w.WriteString("uri", "file://" + Path);
                w.WriteString("languageId", "timeline");
                w.WriteNumber("version", 1);
                w.WriteString("text", Text);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            using var parsed = JsonDocument.Parse(message.WrittenMemory);
            var open = parsed.RootElement.Deserialize(LspJson.Default.DidOpenTextDocumentParams)!;
            // A project of two files: the document and the places it may name.
            var workspace = new TimelineWorkspace(new MemoryFileSystem(new Dictionary<string, string>
            {
                ["/warm-up/places.places.yaml"] = "places:\n  - id: somewhere\n    name: Somewhere\n  - id: someplace\n    name: Someplace\n",
            }));
            workspace.SetFolders(["/warm-up"]);
            var doc = workspace.Open(Path, open.TextDocument.Text, open.TextDocument.Version);
            var analysis = workspace.Known(Path);
            var lsp = new Lsp(PositionEncoding.Utf16);
            var items = analysis.Result.For(Path).Select(d => DiagnosticConversion.ToLsp(lsp, d, doc.Model.Source)).ToArray();
            var publish = new System.Buffers.ArrayBufferWriter<byte>();
            using var writer = new Utf8JsonWriter(publish);
            JsonPayload.Of(new PublishDiagnosticsParams(open.TextDocument.Uri, null, items), LspJson.Default.PublishDiagnosticsParams)
                .WriteTo(writer);
            // Then completions in a list of places, as a writer types a name's first letters: before the project is read,
            // from what is known, and once it is (the first completion of a session was ten times slower than the next).
            var asked = JsonSerializer.Deserialize(
                "{\"textDocument\": {\"uri\": \"file:///warm-up/a.timeline.yaml\"}, \"position\": {\"line\": 11, \"character\": 17}}",
                LspJson.Default.CompletionParams)!;
            int at = lsp.Offset(doc.Model.Source, asked.Position);
            Complete(lsp, doc.Model, analysis.Result.Symbols, at);
            var project = workspace.Analyze(Path);
            int offered = Complete(lsp, doc.Model, project.Result.Symbols, at);
            return items.Length > 0 && project.Result.For(Path).Count > items.Length && offered > 0;
        }
        catch (Exception)
        {
            // A warm-up that fails costs the server nothing but the time it took.
            return false;
        }
    }

    private static int Complete(Lsp lsp, Core.Checks.FileModel file, Core.Project.SymbolTable symbols, int at)
    {
        var offered = CompletionService.Complete(file, symbols, at);
        var list = new CompletionList(offered.IsIncomplete, offered.Items.Select(i => CompletionFeature.Item(lsp, file.Source, i)).ToArray());
        using var w = new Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>());
        JsonPayload.Of(list, LspJson.Default.CompletionList).WriteTo(w);
        return list.Items.Length;
    }
}
