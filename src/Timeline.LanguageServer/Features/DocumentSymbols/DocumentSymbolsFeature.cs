using Timeline.Core.Services;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;
using DocumentSymbol = Timeline.LanguageServer.Protocol.DocumentSymbol;

namespace Timeline.LanguageServer.Features;

/// <summary>The events (by date), sources, places and actors of a document: an outline, or a flat list for older clients.</summary>
internal sealed class DocumentSymbolsFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { DocumentSymbolProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/documentSymbol", () => LspJson.Default.TextDocumentParams, (p, s) =>
        {
            var symbols = LanguageServices.DocumentSymbols(s.File);
            if (s.Server.Client.HierarchicalSymbols)
            {
                var outline = symbols.Select(d =>
                    new DocumentSymbol(d.Name, d.Detail, SymbolKinds.Of(d.Kind), s.Range(d.Span), s.Range(d.SelectionSpan)));
                return JsonPayload.Of(outline.ToArray(), LspJson.Default.DocumentSymbolArray);
            }
            var flat = symbols.Select(d => new SymbolInformation(d.Name, SymbolKinds.Of(d.Kind), s.Lsp.Location(s.Uri, s.Text, d.Span), d.Detail));
            return JsonPayload.Of(flat.ToArray(), LspJson.Default.SymbolInformationArray);
        });
}

/// <summary>The LSP kind of each kind of definition, for document and workspace symbols alike.</summary>
internal static class SymbolKinds
{
    public static Protocol.SymbolKind Of(Core.Language.SymbolKind kind) => kind switch
    {
        Core.Language.SymbolKind.Event => Protocol.SymbolKind.Event,
        Core.Language.SymbolKind.Source => Protocol.SymbolKind.Constant,
        Core.Language.SymbolKind.Place => Protocol.SymbolKind.Module,
        _ => Protocol.SymbolKind.Class, // actors
    };
}
