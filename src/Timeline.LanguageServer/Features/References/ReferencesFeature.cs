using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using Location = Timeline.LanguageServer.Protocol.Location;

namespace Timeline.LanguageServer.Features;

/// <summary>Every use of an id across the project, with its definition when asked.</summary>
internal sealed class ReferencesFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with { ReferencesProvider = true };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/references", () => LspJson.Default.ReferenceParams, () => LspJson.Default.LocationArray, (p, s) =>
            LanguageServices.References(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position), p.Context?.IncludeDeclaration ?? true)
                .Select(s.Location).OfType<Location>().ToArray());
}
