using Timeline.Core.Formatting;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// Document and range formatting: the canonical layout of <c>timeline fmt</c>, as the minimal edits
/// that make it (lines that stay are not touched). The layout indents by two spaces whatever the
/// editor's tab size, so that the editor and <c>timeline fmt --check</c> in CI agree on one layout;
/// and YAML is never indented with tabs, so <c>insertSpaces: false</c> cannot be honoured. A file
/// with a syntax error gets no edits; the reason goes to the log.
/// </summary>
internal sealed class FormattingFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) =>
        capabilities with { DocumentFormattingProvider = true, DocumentRangeFormattingProvider = true };

    public void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/formatting", () => LspJson.Default.DocumentFormattingParams, () => LspJson.Default.TextEditArray,
            (p, s) => Convert(s, p.Options, Formatter.Edits(s.Text, s.File.Kind)));

        server.OnDocumentRequest("textDocument/rangeFormatting",
            () => LspJson.Default.DocumentRangeFormattingParams, () => LspJson.Default.TextEditArray,
            (p, s) => Convert(s, p.Options, Formatter.RangeEdits(s.Text, s.File.Kind, s.Lsp.Span(s.Text, p.Range))));
    }

    private static TextEdit[] Convert(DocumentScope scope, FormattingOptions? options, IReadOnlyList<Core.Checks.TextEdit> edits)
    {
        if (options is { } o && (o.TabSize != 2 || !o.InsertSpaces))
            _ = scope.Server.TraceAsync($"formatting {scope.Uri}: the layout indents by two spaces (the editor asked for " +
                $"{(o.InsertSpaces ? $"{o.TabSize} spaces" : "tabs")})");
        if (edits.Count == 0 && Formatter.Format(scope.Text.Text, scope.File.Kind).Refusal is { } why)
            scope.Server.Log($"formatting {scope.Uri}: {why}");
        return edits.Select(e => scope.Lsp.Edit(scope.Text, e)).ToArray();
    }
}
