using Timeline.LanguageServer.Protocol;
using FileSystemWatcher = Timeline.LanguageServer.Protocol.FileSystemWatcher;

namespace Timeline.LanguageServer.Features;

/// <summary>Files changed on disk: the server asks to be told of them (when the client registers watchers dynamically) and checks again.</summary>
internal sealed class WatchedFilesFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnNotification("workspace/didChangeWatchedFiles", () => LspJson.Default.DidChangeWatchedFilesParams, p =>
        {
            foreach (var c in ParamsCheck.Items(p.Changes, "changes")) server.Workspace.FileChangedOnDisk(server.Uris.ToPath(c.Uri));
            server.Diagnostics.Schedule();
            return Task.CompletedTask;
        });

    public Task InitializedAsync(TimelineLanguageServer server)
    {
        if (!server.Client.DynamicWatchedFiles) return Task.CompletedTask;
        // YAML files of every kind, and the gazetteers' GeoNames dumps.
        // Snapshots too (.txt, .md, .html): an edit to one re-checks the quotes that cite it.
        FileSystemWatcher[] watchers =
            [new("**/*.yaml"), new("**/*.txt"), new("**/*.md"), new("**/*.html"), new("**/*.htm"), new("**/*.tsv")];
        var registration = new Registration("timeline-watch-files", "workspace/didChangeWatchedFiles",
            new DidChangeWatchedFilesRegistrationOptions(watchers));
        _ = server.RequestQuietlyAsync("client/registerCapability", new RegistrationParams([registration]), LspJson.Default.RegistrationParams);
        return Task.CompletedTask;
    }
}
