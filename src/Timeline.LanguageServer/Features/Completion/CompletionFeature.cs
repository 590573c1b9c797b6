using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;
using CompletionItem = Timeline.LanguageServer.Protocol.CompletionItem;

namespace Timeline.LanguageServer.Features;

/// <summary>Keys, values, ids found by any name, and dates, at the caret.</summary>
internal sealed class CompletionFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        CompletionProvider = new CompletionOptions(["[", ",", " ", "-", ":"], ResolveProvider: false),
    };

    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("textDocument/completion", () => LspJson.Default.CompletionParams, () => LspJson.Default.CompletionList, (p, s) =>
        {
            int offset = s.Lsp.Offset(s.Text, p.Position);
            // Until the catalogs' names are indexed, the answer comes from the open documents and says it is incomplete.
            var symbols = s.Analysis.Result.Symbols;
            bool known = !s.Server.AnswerWhileReading || s.Analysis.Complete && symbols.CatalogsIndexed(Core.Language.SymbolKind.Place)
                && symbols.CatalogsIndexed(Core.Language.SymbolKind.Actor);
            if (s.Analysis.Complete && !known) symbols = s.Server.Workspace.OpenDocumentsOnly(s.Path).Result.Symbols;
            var result = CompletionService.Complete(s.File, symbols, offset, s.Server.Today);
            return new CompletionList(result.IsIncomplete || !known, result.Items.Select(i => Item(s.Lsp, s.Text, i)).ToArray());
        });

    /// <summary>One of the core's completions as the protocol's.</summary>
    internal static CompletionItem Item(Lsp lsp, Core.Text.SourceText text, Core.Services.CompletionItem i) => new(
        i.Label,
        Kind(i.Kind),
        new TextEdit(lsp.Range(text, i.ReplaceSpan), i.InsertText),
        i.Detail,
        i.Documentation is null ? null : MarkupContent.Markdown(i.Documentation),
        i.FilterText,
        i.SortText);

    private static CompletionItemKind Kind(CompletionKind k) => k switch
    {
        CompletionKind.Key => CompletionItemKind.Property,
        CompletionKind.Value => CompletionItemKind.EnumMember,
        CompletionKind.Place => CompletionItemKind.File,      // a gazetteer entry
        CompletionKind.Actor => CompletionItemKind.Class,
        CompletionKind.Source => CompletionItemKind.Reference,
        CompletionKind.Event => CompletionItemKind.Event,
        CompletionKind.Date => CompletionItemKind.Value,
        CompletionKind.Rule => CompletionItemKind.Keyword,
        _ => CompletionItemKind.Text,
    };
}
