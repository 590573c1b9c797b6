using Timeline.Core.Services;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>Prepare rename and rename of the project's own ids: every definition and reference, nothing else.</summary>
internal sealed class RenameFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        RenameProvider = new RenameOptions(PrepareProvider: true),
    };

    public void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/prepareRename",
            () => LspJson.Default.TextDocumentPositionParams, () => LspJson.Default.PrepareRenameResult, (p, s) =>
        {
            var r = LanguageServices.PrepareRename(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position), out var error)
                ?? throw new JsonRpcException(ErrorCodes.RequestFailed, error ?? "Nothing to rename here");
            return new PrepareRenameResult(s.Range(r.Span), r.Placeholder);
        });

        server.OnDocumentRequest("textDocument/rename", () => LspJson.Default.RenameParams, () => LspJson.Default.WorkspaceEdit, (p, s) =>
        {
            var r = LanguageServices.Rename(s.File, s.Analysis.Result, s.Lsp.Offset(s.Text, p.Position), p.NewName.Trim());
            if (r.Error is not null) throw new JsonRpcException(ErrorCodes.RequestFailed, r.Error);
            return s.WorkspaceEdit(r.Files);
        });
    }
}
