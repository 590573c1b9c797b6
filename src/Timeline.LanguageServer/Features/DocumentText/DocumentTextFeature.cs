using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>timeline/documentText: the server's copy of an open document, for tests and bug reports (what it believes the editor holds).</summary>
internal sealed class DocumentTextFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnRequest("timeline/documentText", () => LspJson.Default.TextDocumentParams, () => LspJson.Default.DocumentTextResult, (p, _) =>
        {
            var doc = server.Workspace.Document(server.Uris.ToPath(p.TextDocument.Uri))
                ?? throw new JsonRpcException(ErrorCodes.InvalidParams, $"{p.TextDocument.Uri} is not open");
            return new DocumentTextResult(doc.Version, doc.Text.Text);
        });
}
