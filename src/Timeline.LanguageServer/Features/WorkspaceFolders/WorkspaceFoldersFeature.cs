using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>Folders added to and removed from the workspace.</summary>
internal sealed class WorkspaceFoldersFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
    };

    public void Register(TimelineLanguageServer server) =>
        server.OnNotification("workspace/didChangeWorkspaceFolders", () => LspJson.Default.DidChangeWorkspaceFoldersParams, p =>
        {
            var e = p.Event;
            var added = ParamsCheck.Items(e.Added, "added").Select(f => server.Uris.ToPath(f.Uri)).ToList();
            var removed = ParamsCheck.Items(e.Removed, "removed").Select(f => server.Uris.ToPath(f.Uri)).ToList();
            server.Workspace.AddRemoveFolders(added, removed);
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });
}
