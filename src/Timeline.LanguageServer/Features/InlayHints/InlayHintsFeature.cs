using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using InlayHint = Timeline.LanguageServer.Protocol.InlayHint;

namespace Timeline.LanguageServer.Features;

/// <summary>The weekday after a day-precision date, the name after a geonames: id.</summary>
internal sealed class InlayHintsFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { InlayHintProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/inlayHint", () => LspJson.Default.RangeParams, () => LspJson.Default.InlayHintArray, (p, s) =>
            LanguageServices.InlayHints(s.File, s.Analysis.Result.Symbols, s.Lsp.Span(s.Text, p.Range))
                .Select(h => new InlayHint(s.Lsp.Position(s.Text, h.Offset), h.Label, h.Tooltip, PaddingLeft: true)).ToArray());
}
