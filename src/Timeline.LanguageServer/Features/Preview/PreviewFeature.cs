using Timeline.Core.Export;
using Timeline.Core.Language;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// timeline/preview (a request of this server's own): the chronology of a document as the HTML
/// page the export writes, made from the server's workspace, so unsaved edits count. A timeline
/// file shows its own events; any other file of a project shows the project's. Errors do not stop it:
/// the page marks each event with its problems, and names the unsaved files the client lists.
/// </summary>
internal sealed class PreviewFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("timeline/preview", () => LspJson.Default.PreviewParams, () => LspJson.Default.PreviewResult, (p, s) =>
        {
            string? onlyFile = s.File.Kind == FileKind.Timeline ? s.Path : null;
            var chronology = Chronology.From(s.Analysis.Result, onlyFile);
            s.Token.ThrowIfCancellationRequested();
            // Only the project's files count: another project's unsaved text does not change this page.
            var files = s.Analysis.Result.Project.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var unsaved = (p.Unsaved ?? []).Where(u => u is not null).Select(s.Server.Uris.ToPath).Where(files.Contains);
            var notes = PageNotes.From(s.Analysis.Result, chronology, unsaved);
            return new PreviewResult(HtmlExporter.Write(chronology, notes));
        });
}
