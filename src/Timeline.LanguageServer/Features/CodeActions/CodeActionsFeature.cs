using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using CodeAction = Timeline.LanguageServer.Protocol.CodeAction;

namespace Timeline.LanguageServer.Features;

/// <summary>Quick fixes of the diagnostics at the range, and the source actions (sort the events by date).</summary>
internal sealed class CodeActionsFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        CodeActionProvider = new CodeActionOptions(["quickfix", "source", CodeActions.SortEventsKind], ResolveProvider: false),
    };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/codeAction", LspJson.Default.CodeActionParams, LspJson.Default.CodeActionArray, (p, s) =>
        {
            var range = s.Lsp.Span(s.Text, p.Range);
            var only = p.Context?.Only;
            // The diagnostics of this very version of the document, or none (they were found on another).
            var diagnostics = s.Analysis.Result.For(s.Path);
            if (s.Server.Workspace.Document(s.Path) is { } open && !ReferenceEquals(open.Model, s.File)) diagnostics = [];
            var result = new List<CodeAction>();
            foreach (var a in CodeActions.For(s.File, s.Analysis.Result, range, diagnostics))
            {
                if (only is { Length: > 0 } && !only.Any(o => a.Kind == o || a.Kind.StartsWith(o + ".", StringComparison.Ordinal))) continue;
                if (a.CreateFile is not null && !(s.Server.Client.DocumentChanges && s.Server.Client.ResourceCreate)) continue;
                var fixes = a.Fixes.Count > 0 ? a.Fixes.Select(d => DiagnosticConversion.ToLsp(s.Lsp, d, s.Text)).ToArray() : null;
                result.Add(new CodeAction(a.Title, a.Kind, s.WorkspaceEdit(a.Edits, a.CreateFile), a.IsPreferred ? true : null, fixes,
                    a.Command is { } c ? ExecuteCommandFeature.ToLsp(s.Server, c) : null));
            }
            return result.ToArray();
        });
}
