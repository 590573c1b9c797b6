using System.Text.Json.Nodes;
using Timeline.Core.Services;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

/// <summary>Go to definition, find references, prepare rename and rename, across the project and its catalogs.</summary>
internal static class Navigation
{
    public static void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/definition", LspJson.Default.TextDocumentPositionParams, p => p.TextDocument.Uri, (p, s) =>
            Lsp.Array(LanguageServices.Definition(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position)).Select(s.Location)));

        server.OnDocumentRequest("textDocument/references", LspJson.Default.ReferenceParams, p => p.TextDocument.Uri, (p, s) =>
            Lsp.Array(LanguageServices.References(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position), p.Context?.IncludeDeclaration ?? true).Select(s.Location)));

        server.OnDocumentRequest("textDocument/prepareRename", LspJson.Default.TextDocumentPositionParams, p => p.TextDocument.Uri, (p, s) =>
        {
            var r = LanguageServices.PrepareRename(s.File, s.Analysis.Result.Symbols, s.Lsp.Offset(s.Text, p.Position), out var error);
            if (r is null) throw new JsonRpcException(ErrorCodes.RequestFailed, error ?? "Nothing to rename here");
            return new JsonObject { ["range"] = s.Lsp.Range(s.Text, r.Value.Span), ["placeholder"] = r.Value.Placeholder };
        });

        server.OnDocumentRequest("textDocument/rename", LspJson.Default.RenameParams, p => p.TextDocument.Uri, (p, s) =>
        {
            var r = LanguageServices.Rename(s.File, s.Analysis.Result, s.Lsp.Offset(s.Text, p.Position), p.NewName.Trim());
            if (r.Error is not null) throw new JsonRpcException(ErrorCodes.RequestFailed, r.Error);
            return WorkspaceEdit(s, r.Files);
        });
    }

    /// <summary>A WorkspaceEdit of text edits per file, in the form the client asked for.</summary>
    internal static JsonObject WorkspaceEdit(DocumentScope s, IEnumerable<FileEdits> files, string? createFile = null)
    {
        var server = s.Server;
        if (server.Client.DocumentChanges)
        {
            var changes = new JsonArray();
            foreach (var f in files)
            {
                string uri = server.Uris.ToUri(f.Path);
                if (createFile == f.Path)
                    changes.Add(new JsonObject { ["kind"] = "create", ["uri"] = uri, ["options"] = new JsonObject { ["ignoreIfExists"] = true } });
                var text = s.TextOf(f.Path) ?? new Timeline.Core.Text.SourceText("");
                int? version = server.Workspace.Document(f.Path)?.Version;
                changes.Add(new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                    ["edits"] = Lsp.Array(f.Edits.Select(e => (JsonNode)new JsonObject { ["range"] = s.Lsp.Range(text, e.Span), ["newText"] = e.NewText })),
                });
            }
            return new JsonObject { ["documentChanges"] = changes };
        }
        var map = new JsonObject();
        foreach (var f in files)
        {
            var text = s.TextOf(f.Path) ?? new Timeline.Core.Text.SourceText("");
            map[server.Uris.ToUri(f.Path)] = Lsp.Array(f.Edits.Select(e => (JsonNode)new JsonObject { ["range"] = s.Lsp.Range(text, e.Span), ["newText"] = e.NewText }));
        }
        return new JsonObject { ["changes"] = map };
    }
}
