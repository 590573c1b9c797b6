using System.Text.Json.Nodes;
using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

/// <summary>Inlay hints, document links, folding ranges.</summary>
internal static class EditorHandlers
{
    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/inlayHint", LspJson.Default.RangeParams, p => p.TextDocument.Uri, (p, s) =>
            Lsp.Array(LanguageServices.InlayHints(s.File, s.Analysis.Result.Symbols, s.Lsp.Span(s.Text, p.Range)).Select(h => (JsonNode)new JsonObject
            {
                ["position"] = s.Lsp.Position(s.Text, h.Offset),
                ["label"] = h.Label,
                ["tooltip"] = h.Tooltip,
                ["paddingLeft"] = true,
            })));

        server.OnDocumentRequest("textDocument/documentLink", LspJson.Default.TextDocumentParams, p => p.TextDocument.Uri, (p, s) =>
            Lsp.Array(LanguageServices.Links(s.File, s.Analysis.Root).Select(l => (JsonNode)new JsonObject
            {
                ["range"] = s.Lsp.Range(s.Text, l.Span),
                ["target"] = l.Target,
                ["tooltip"] = l.Tooltip,
            })));

        server.OnDocumentRequest("textDocument/foldingRange", LspJson.Default.TextDocumentParams, p => p.TextDocument.Uri, (p, s) =>
            Lsp.Array(LanguageServices.Folding(s.File).Select(f => (JsonNode)new JsonObject { ["startLine"] = f.StartLine, ["endLine"] = f.EndLine })));
    }
}
