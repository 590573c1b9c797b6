using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using CodeLens = Timeline.LanguageServer.Protocol.CodeLens;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// Above each event's id: its sources, its independent origins and its status. Resolved at once:
/// the facts are at hand. Each lens carries a command with no id, which editors show as a label.
/// </summary>
internal sealed class CodeLensFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        CodeLensProvider = new CodeLensOptions(ResolveProvider: false),
    };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/codeLens", () => LspJson.Default.TextDocumentParams, () => LspJson.Default.CodeLensArray, (p, s) =>
            CodeLenses.Of(s.File, s.Analysis.Result.Symbols).Select(l => new CodeLens(s.Range(l.Span), new Command(l.Title, ""))).ToArray());
}
