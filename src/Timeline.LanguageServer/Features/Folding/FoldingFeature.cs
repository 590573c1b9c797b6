using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using FoldingRange = Timeline.LanguageServer.Protocol.FoldingRange;

namespace Timeline.LanguageServer.Features;

/// <summary>Folding of the top-level lists, their items and an event's lists and mappings.</summary>
internal sealed class FoldingFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { FoldingRangeProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/foldingRange",
            () => LspJson.Default.TextDocumentParams, () => LspJson.Default.FoldingRangeArray, (p, s) =>
            LanguageServices.Folding(s.File).Select(f => new FoldingRange(f.StartLine, f.EndLine)).ToArray());
}
