using System.Text;
using Timeline.Core.Text;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>didOpen, didChange (full and incremental), didClose, didSave.</summary>
internal sealed class DocumentSyncFeature : IFeature
{
    /// <summary>From this length on (in UTF-16 units), opening a document is followed by a trim of memory.</summary>
    internal const int LargeDocument = 1 << 20;

    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, TextDocumentSyncKind.Incremental, new SaveOptions(IncludeText: false)),
    };

    public void Register(TimelineLanguageServer server)
    {
        server.OnOversizedMessage((prefix, length) => OversizedDocument.HandleAsync(server, prefix, length));
        server.OnNotification("textDocument/didOpen", () => LspJson.Default.DidOpenTextDocumentParams, p =>
        {
            var d = p.TextDocument;
            server.Memory?.Activity();
            // Reading a large document takes a while: the quiet counts from its end. (A large one is read without
            // collections from its message's header on: see TimelineLanguageServer.ReadWithoutCollections.)
            using (server.Memory?.Busy()) server.Workspace.Open(server.Uris.ToPath(d.Uri), d.Text, d.Version);
            if (d.Text.Length >= LargeDocument) server.Memory?.Request("a large document opened");
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
        server.OnNotification("textDocument/didChange", () => LspJson.Default.DidChangeTextDocumentParams, c =>
        {
            server.Memory?.Activity(); // the writer is at work: not the moment to collect
            string path = server.Uris.ToPath(c.TextDocument.Uri);
            var doc = server.Workspace.Document(path);
            if (doc is null)
            {
                server.Log($"didChange for {c.TextDocument.Uri}, which is not open: ignored");
                return Task.CompletedTask;
            }
            var text = Apply(server, doc.Text, ParamsCheck.Items(c.ContentChanges, "contentChanges"), c.TextDocument.Uri);
            server.DocumentChanged(c.TextDocument.Uri);
            server.Workspace.Change(path, text, c.TextDocument.Version);
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
        server.OnNotification("textDocument/didClose", () => LspJson.Default.DidCloseTextDocumentParams, p =>
        {
            var d = p.TextDocument;
            string path = server.Uris.ToPath(d.Uri);
            server.DocumentChanged(d.Uri);
            server.Workspace.Close(path);
            server.Diagnostics.Cleared(d.Uri);
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
        server.OnNotification("textDocument/didSave", () => LspJson.Default.DidSaveTextDocumentParams, p =>
        {
            server.Workspace.FileChangedOnDisk(server.Uris.ToPath(p.TextDocument.Uri));
            return Task.CompletedTask;
        });
    }

    /// <summary>Applies content changes in order. A range past the end is clamped to the text; nothing is ever lost silently: it is logged.</summary>
    internal static SourceText Apply(TimelineLanguageServer server, SourceText text, TextDocumentContentChangeEvent[] changes, string uri)
    {
        var source = text;
        foreach (var change in changes)
        {
            if (change.Range is null) { source = new SourceText(change.Text); continue; }
            var r = change.Range;
            TextSpan span;
            bool negative = r.Start.Line < 0 || r.End.Line < 0 || r.Start.Character < 0 || r.End.Character < 0;
            if (negative || r.Start.Line >= source.LineCount || r.End.Line >= source.LineCount)
            {
                // Out of range: the edit is applied at the nearest place the document has, and the client is told.
                string message = $"Timeline: an edit to {uri} at {r.Start.Line}:{r.Start.Character}-{r.End.Line}:{r.End.Character} "
                    + $"is outside the document ({source.LineCount} lines); it was applied at the document's nearest position, "
                    + "so the server's copy may differ from the editor's";
                server.Log(message);
                _ = server.ShowLogAsync(MessageType.Error, message);
                int a = source.GetOffset(new LinePosition(Math.Max(0, r.Start.Line), Math.Max(0, r.Start.Character)), server.Lsp.Encoding);
                int b = source.GetOffset(new LinePosition(Math.Max(0, r.End.Line), Math.Max(0, r.End.Character)), server.Lsp.Encoding);
                span = a <= b ? new TextSpan(a, b) : new TextSpan(b, a);
            }
            else span = server.Lsp.Span(source, r);
            // The new version shares all but the lines the change touched with the last.
            source = source.WithChange(span, change.Text);
        }
        return source;
    }
}
