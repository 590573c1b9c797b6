using Timeline.Core.Export;
using Timeline.Core.Language;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// timeline/preview (a request of this server's own): the chronology of a document as the HTML
/// page the export writes, made from the server's workspace, so unsaved edits count. A timeline
/// file shows its own events; any other file of a project shows the project's. Errors do not stop it.
/// </summary>
internal sealed class PreviewFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnDocumentRequest("timeline/preview", LspJson.Default.TextDocumentParams, LspJson.Default.PreviewResult, (p, s) =>
        {
            string? onlyFile = s.File.Kind == FileKind.Timeline ? s.Path : null;
            var chronology = Chronology.From(s.Analysis.Result, onlyFile);
            s.Token.ThrowIfCancellationRequested();
            return new PreviewResult(Exporters.Write(chronology, ExportFormat.Html));
        });
}
