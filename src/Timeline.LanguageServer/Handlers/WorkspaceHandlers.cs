using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Handlers;

/// <summary>Files changed on disk, settings, workspace folders.</summary>
internal static class WorkspaceHandlers
{
    public static void Register(TimelineLanguageServer server)
    {
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
