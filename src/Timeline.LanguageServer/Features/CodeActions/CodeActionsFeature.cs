using System.Text.Json;
using Timeline.Core.Checks;
using Timeline.Core.Formatting;
using Timeline.Core.Services;
using Timeline.Core.Text;
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
        server.OnDocumentRequest("textDocument/codeAction", () => LspJson.Default.CodeActionParams, () => LspJson.Default.CodeActionArray, (p, s) =>
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
                    a.Command is { } c ? ExecuteCommandFeature.ToLsp(s.Server, c) : a.Select is { } select ? ShowStub(s, a, select) : null));
            }
            return result.ToArray();
        });

    /// <summary>The command the editor runs to show a fix's new text: a client command, not one of the server's.</summary>
    internal const string ShowStubCommand = "timeline.showStub";

    /// <summary>
    /// timeline.showStub for a fix's selection: its range is in the text the fix leaves, so it is converted with the file's
    /// text once the fix's edits are made (an empty text for a file the fix creates).
    /// </summary>
    private static Command ShowStub(DocumentScope s, Core.Services.CodeAction action, FixSelection select)
    {
        string before = select.Path == action.CreateFile ? "" : s.TextOf(select.Path)?.Text ?? "";
        var after = new SourceText(LineDiff.Apply(before, action.Edits.Where(f => f.Path == select.Path).SelectMany(f => f.Edits)));
        var argument = new ShowStubArguments(s.Server.Uris.ToUri(select.Path), s.Lsp.Range(after, select.Span));
        return new Command("Show the new text to check", ShowStubCommand,
            [JsonSerializer.SerializeToElement(argument, LspJson.Default.ShowStubArguments)]);
    }
}
