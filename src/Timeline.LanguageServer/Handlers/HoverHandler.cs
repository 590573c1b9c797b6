using System.Text.Json.Nodes;
using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

internal static class HoverHandler
{
    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/hover", LspJson.Default.TextDocumentPositionParams, p => p.TextDocument.Uri, (p, s) =>
        {
            var hover = LanguageServices.Hover(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position));
            if (hover is null) return null;
            return new JsonObject
            {
                ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = hover.Markdown },
                ["range"] = s.Lsp.Range(s.Text, hover.Span),
            };
        });
    }
}
