using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using Location = Timeline.LanguageServer.Protocol.Location;

namespace Timeline.LanguageServer.Features;

/// <summary>Go to the definition of a place, actor, source or event id, in the project or its catalogs.</summary>
internal sealed class DefinitionFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { DefinitionProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/definition",
            () => LspJson.Default.TextDocumentPositionParams, () => LspJson.Default.LocationArray, (p, s) =>
            LanguageServices.Definition(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position))
                .Select(s.Location).OfType<Location>().ToArray());
}
