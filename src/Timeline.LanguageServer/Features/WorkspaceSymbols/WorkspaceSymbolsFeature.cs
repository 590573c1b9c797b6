using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>Definitions of the projects of the open documents, found by any name, alias or transliteration.</summary>
internal sealed class WorkspaceSymbolsFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { WorkspaceSymbolProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnRequest("workspace/symbol", () => LspJson.Default.WorkspaceSymbolParams, () => LspJson.Default.SymbolInformationArray, (p, ctx) =>
        {
            var result = new List<SymbolInformation>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in server.Workspace.OpenDocuments)
            {
                var analysis = server.Workspace.Analyze(doc.Path);
                if (!seen.Add(analysis.Root)) continue;
                foreach (var w in LanguageServices.WorkspaceSymbols(analysis.Result.Symbols, p.Query))
                {
                    ctx.Token.ThrowIfCancellationRequested();
                    var text = server.Workspace.Document(w.Location.Path)?.Text
                        ?? (analysis.Result.Sources.TryGetValue(w.Location.Path, out var t) ? t : null);
                    if (text is null) continue;
                    var location = server.Lsp.Location(server.Uris.ToUri(w.Location.Path), text, w.Location.Span);
                    result.Add(new SymbolInformation(w.Name, SymbolKinds.Of(w.Kind), location, w.Detail));
                }
            }
            return result.ToArray();
        });
}
