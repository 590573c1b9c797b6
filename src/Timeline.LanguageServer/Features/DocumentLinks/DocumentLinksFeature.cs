using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using DocumentLink = Timeline.LanguageServer.Protocol.DocumentLink;

namespace Timeline.LanguageServer.Features;

/// <summary>Links on URLs and on the config's gazetteer paths.</summary>
internal sealed class DocumentLinksFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        DocumentLinkProvider = new DocumentLinkOptions(ResolveProvider: false),
    };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/documentLink",
            () => LspJson.Default.TextDocumentParams, () => LspJson.Default.DocumentLinkArray, (p, s) =>
            LanguageServices.Links(s.File, s.Analysis.Root).Select(l => new DocumentLink(s.Range(l.Span), l.Target, l.Tooltip)).ToArray());
}
