using System.Text.Json.Nodes;
using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

internal static class CodeActionsHandler
{
    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/codeAction", LspJson.Default.CodeActionParams, p => p.TextDocument.Uri, (p, s) =>
        {
            var range = s.Lsp.Span(s.Text, p.Range);
            var only = p.Context?.Only;
            var result = new JsonArray();
            var diagnostics = s.Analysis.Result.For(s.Path);
            if (s.Server.Workspace.Document(s.Path) is { } open && !ReferenceEquals(open.Model, s.File)) diagnostics = Array.Empty<Timeline.Core.Checks.Diagnostic>();
            foreach (var a in CodeActions.For(s.File, s.Analysis.Result, range, diagnostics))
            {
                if (only is { Length: > 0 } && !only.Any(o => a.Kind == o || a.Kind.StartsWith(o + ".", StringComparison.Ordinal))) continue;
                if (a.CreateFile is not null && !(s.Server.Client.DocumentChanges && s.Server.Client.ResourceCreate)) continue;
                var action = new JsonObject
                {
                    ["title"] = a.Title,
                    ["kind"] = a.Kind,
                    ["edit"] = Navigation.WorkspaceEdit(s, a.Edits, a.CreateFile),
                };
                if (a.IsPreferred) action["isPreferred"] = true;
                if (a.Fixes.Count > 0)
                    action["diagnostics"] = Lsp.Array(a.Fixes.Select(d => (JsonNode)s.Server.Diagnostics.ToLsp(d, s.File)));
                result.Add(action);
            }
            return result;
        });
    }
}
