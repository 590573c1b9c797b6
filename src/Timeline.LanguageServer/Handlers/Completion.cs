using System.Text.Json.Nodes;
using Timeline.Core.Services;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

internal static class Completion
{
    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/completion", LspJson.Default.CompletionParams, p => p.TextDocument.Uri, (p, s) =>
        {
            int offset = s.Lsp.Offset(s.Text, p.Position);
            var result = CompletionService.Complete(s.File, s.Analysis.Result.Symbols, offset, s.Server.Today);
            var items = new JsonArray();
            foreach (var i in result.Items)
            {
                var item = new JsonObject
                {
                    ["label"] = i.Label,
                    ["kind"] = Kind(i.Kind),
                    ["textEdit"] = new JsonObject { ["range"] = s.Lsp.Range(s.Text, i.ReplaceSpan), ["newText"] = i.InsertText },
                };
                if (i.Detail is not null) item["detail"] = i.Detail;
                if (i.Documentation is not null) item["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = i.Documentation };
                if (i.FilterText is not null) item["filterText"] = i.FilterText;
                if (i.SortText is not null) item["sortText"] = i.SortText;
                items.Add(item);
            }
            return new JsonObject { ["isIncomplete"] = result.IsIncomplete, ["items"] = items };
        });
    }

    // LSP CompletionItemKind
    private static int Kind(CompletionKind k) => k switch
    {
        CompletionKind.Key => 10,      // Property
        CompletionKind.Value => 20,    // EnumMember
        CompletionKind.Place => 17,    // File (a gazetteer entry)
        CompletionKind.Actor => 7,     // Class
        CompletionKind.Source => 18,   // Reference
        CompletionKind.Event => 23,    // Event
        CompletionKind.Date => 12,     // Value
        CompletionKind.Rule => 14,     // Keyword
        _ => 1,
    };
}
