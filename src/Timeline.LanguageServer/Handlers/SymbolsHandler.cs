using System.Text.Json.Nodes;
using Timeline.Core.Language;
using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

internal static class SymbolsHandler
{
    // LSP SymbolKind
    internal static int Kind(SymbolKind k) => k switch
    {
        SymbolKind.Event => 24,   // Event
        SymbolKind.Source => 21,  // Constant
        SymbolKind.Place => 2,    // Module
        _ => 5,                   // Class (actors)
    };

    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/documentSymbol", LspJson.Default.TextDocumentParams, p => p.TextDocument.Uri, (p, s) =>
        {
            var symbols = LanguageServices.DocumentSymbols(s.File);
            if (s.Server.Client.HierarchicalSymbols)
                return Lsp.Array(symbols.Select(d => (JsonNode)new JsonObject
                {
                    ["name"] = d.Name,
                    ["detail"] = d.Detail,
                    ["kind"] = Kind(d.Kind),
                    ["range"] = s.Lsp.Range(s.Text, d.Span),
                    ["selectionRange"] = s.Lsp.Range(s.Text, d.SelectionSpan),
                }));
            return Lsp.Array(symbols.Select(d => (JsonNode)new JsonObject
            {
                ["name"] = d.Name,
                ["kind"] = Kind(d.Kind),
                ["location"] = s.Lsp.Location(s.Uri, s.Text, d.Span),
                ["containerName"] = d.Detail,
            }));
        });

        server.Rpc.OnRequest("workspace/symbol", (parameters, ctx) =>
        {
            var p = TimelineLanguageServer.Parse(parameters, LspJson.Default.WorkspaceSymbolParams);
            var result = new JsonArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in server.Workspace.OpenDocuments)
            {
                var analysis = server.Workspace.Analyze(doc.Path);
                if (!seen.Add(analysis.Root)) continue;
                foreach (var w in LanguageServices.WorkspaceSymbols(analysis.Result.Symbols, p.Query))
                {
                    ctx.Token.ThrowIfCancellationRequested();
                    var text = server.Workspace.Document(w.Location.Path)?.Text ?? (analysis.Result.Sources.TryGetValue(w.Location.Path, out var t) ? t : null);
                    if (text is null) continue;
                    result.Add(new JsonObject
                    {
                        ["name"] = w.Name,
                        ["kind"] = Kind(w.Kind),
                        ["containerName"] = w.Detail,
                        ["location"] = server.Lsp.Location(server.Uris.ToUri(w.Location.Path), text, w.Location.Span),
                    });
                }
            }
            return Task.FromResult<JsonNode?>(result);
        });
    }
}
