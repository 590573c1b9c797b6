using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.Core.Text;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer;

/// <summary>What a request about one document needs: its model, its project's analysis, positions.</summary>
public sealed class DocumentScope
{
    public required TimelineLanguageServer Server { get; init; }
    public required string Uri { get; init; }
    public required string Path { get; init; }
    public required FileModel File { get; init; }
    public required TimelineWorkspace.Analysis Analysis { get; init; }
    public required CancellationToken Token { get; init; }
    public SourceText Text => File.Source;
    public Lsp Lsp => Server.Lsp;

    internal static DocumentScope? Create(TimelineLanguageServer server, string uri, CancellationToken token)
    {
        string path = server.Uris.ToPath(uri);
        server.Memory?.Activity(); // the writer is at work: not the moment to collect
        var doc = server.Workspace.Document(path);
        // A document neither open nor on disk has nothing to read: saying so costs nothing, while checking
        // the folder it names as its project could read a whole disk (file:///x names the root).
        if (doc is null && !server.Workspace.FileExists(path)) return null;
        var analysis = doc is not null && server.AnswerWhileReading ? server.Workspace.Known(path) : server.Workspace.Analyze(path);
        token.ThrowIfCancellationRequested();
        var file = doc?.Model ?? analysis.File(path);
        if (file is null) return null;
        return new DocumentScope { Server = server, Uri = uri, Path = path, File = file, Analysis = analysis, Token = token };
    }

    /// <summary>A range of this document.</summary>
    public Protocol.Range Range(TextSpan span) => Lsp.Range(Text, span);

    /// <summary>A location in any file of the project, converted with that file's text.</summary>
    public Protocol.Location? Location(Core.Services.Location l)
    {
        var text = TextOf(l.Path);
        return text is null ? null : Lsp.Location(Server.Uris.ToUri(l.Path), text, l.Span);
    }

    public SourceText? TextOf(string path) =>
        Server.Workspace.Document(path)?.Text ?? (Analysis.Result.Sources.TryGetValue(path, out var t) ? t : null);

    /// <summary>A WorkspaceEdit of text edits per file, in the form the client asked for; <paramref name="createFile"/> is created first.</summary>
    public WorkspaceEdit WorkspaceEdit(IEnumerable<FileEdits> files, string? createFile = null)
    {
        var server = Server;
        if (server.Client.DocumentChanges)
        {
            var changes = new List<DocumentChange>();
            foreach (var f in files)
            {
                string uri = server.Uris.ToUri(f.Path);
                if (createFile == f.Path) changes.Add(new CreateFile(uri, new CreateFileOptions(IgnoreIfExists: true)));
                var text = TextOf(f.Path) ?? new SourceText("");
                int? version = server.Workspace.Document(f.Path)?.Version;
                changes.Add(new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, version), Edits(text, f.Edits)));
            }
            return new WorkspaceEdit(null, changes.ToArray());
        }
        var map = new Dictionary<string, Protocol.TextEdit[]>(StringComparer.Ordinal);
        foreach (var f in files) map[server.Uris.ToUri(f.Path)] = Edits(TextOf(f.Path) ?? new SourceText(""), f.Edits);
        return new WorkspaceEdit(map, null);
    }

    private Protocol.TextEdit[] Edits(SourceText text, IEnumerable<Core.Checks.TextEdit> edits) => edits.Select(e => Lsp.Edit(text, e)).ToArray();
}
