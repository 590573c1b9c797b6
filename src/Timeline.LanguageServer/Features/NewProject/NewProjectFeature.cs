using Timeline.Core.Project;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// timeline/newProject (a request of this server's own): the files of a new project, as
/// <c>timeline init</c> writes them, for an editor's "New Chronology" command. The server writes
/// nothing: the editor writes the files (its file system may be remote) and opens <c>open</c>.
/// Given a folder, each file's URI is made in it and marked when it already exists there.
/// </summary>
internal sealed class NewProjectFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnRequest("timeline/newProject", () => LspJson.Default.NewProjectParams, () => LspJson.Default.NewProjectResult, (p, _) =>
        {
            string? folder = string.IsNullOrEmpty(p.Folder) ? null : server.Uris.ToPath(p.Folder);
            var files = ProjectTemplate.Files(DateOnly.FromDateTime(DateTime.Now)).Select(f =>
            {
                string? path = folder is null ? null : Path.Combine(folder, f.Name);
                return new NewProjectFile(f.Name, path is null ? null : server.Uris.ToUri(path), f.Text,
                    path is not null && (File.Exists(path) || Directory.Exists(path)));
            }).ToArray();
            return new NewProjectResult(files, ProjectTemplate.TimelineName);
        });
}
