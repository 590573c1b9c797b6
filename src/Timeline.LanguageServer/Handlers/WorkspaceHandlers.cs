using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

/// <summary>Files changed on disk, settings, workspace folders.</summary>
internal static class WorkspaceHandlers
{
    public static void Register(TimelineLanguageServer server)
    {
        // The server's copy of an open document, for tests and bug reports: what it believes the editor holds.
        server.Rpc.OnRequest("timeline/documentText", (parameters, _) =>
        {
            var p = TimelineLanguageServer.Parse(parameters, LspJson.Default.TextDocumentParams);
            var doc = server.Workspace.Document(server.Uris.ToPath(p.TextDocument.Uri))
                ?? throw new Timeline.LanguageServer.JsonRpc.JsonRpcException(Timeline.LanguageServer.JsonRpc.ErrorCodes.InvalidParams, $"{p.TextDocument.Uri} is not open");
            return Task.FromResult<System.Text.Json.Nodes.JsonNode?>(new System.Text.Json.Nodes.JsonObject { ["version"] = doc.Version, ["text"] = doc.Text.Text });
        });
        server.Rpc.OnNotification("workspace/didChangeWatchedFiles", p =>
        {
            var changes = TimelineLanguageServer.Parse(p, LspJson.Default.DidChangeWatchedFilesParams).Changes;
            foreach (var c in changes) server.Workspace.FileChangedOnDisk(server.Uris.ToPath(c.Uri));
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
        server.Rpc.OnNotification("workspace/didChangeConfiguration", async p =>
        {
            var c = TimelineLanguageServer.Parse(p, LspJson.Default.DidChangeConfigurationParams);
            if (c.Settings is { ValueKind: System.Text.Json.JsonValueKind.Object } settings && settings.TryGetProperty("timeline", out var t))
                server.ApplySettings(t);
            else await server.RefreshConfigurationAsync().ConfigureAwait(false);
        });
        server.Rpc.OnNotification("workspace/didChangeWorkspaceFolders", p =>
        {
            var e = TimelineLanguageServer.Parse(p, LspJson.Default.DidChangeWorkspaceFoldersParams).Event;
            server.Workspace.AddRemoveFolders(e.Added.Select(f => server.Uris.ToPath(f.Uri)), e.Removed.Select(f => server.Uris.ToPath(f.Uri)));
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
    }
}
