using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>Cards for ids, dates in words, what a count means, what a key is for.</summary>
internal sealed class HoverFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { HoverProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/hover", () => LspJson.Default.TextDocumentPositionParams, () => LspJson.Default.Hover, (p, s) =>
            LanguageServices.Hover(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position)) is { } hover
                ? new Hover(MarkupContent.Markdown(hover.Markdown), s.Range(hover.Span))
                : null);
}
