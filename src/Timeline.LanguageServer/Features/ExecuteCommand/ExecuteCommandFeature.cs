using System.Text.Json;
using Timeline.Core.Capture;
using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.LanguageServer.JsonRpc;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// workspace/executeCommand: the commands a fix runs after its edits. timeline.captureSource captures a page (a URL or
/// a saved file) into the project's snapshots, as <c>timeline capture</c> does, and adds the snapshot, its digest and
/// time to the source the fix created, through workspace/applyEdit. It answers with the snapshot's URI and the warnings.
/// </summary>
internal sealed class ExecuteCommandFeature : IFeature
{
    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        ExecuteCommandProvider = new ExecuteCommandOptions([UnknownReferenceRule.CaptureCommand]),
    };

    /// <summary>A fix's command as LSP's, its file as a URI among its arguments.</summary>
    internal static Command ToLsp(TimelineLanguageServer server, FixCommand command) =>
        command.Name == UnknownReferenceRule.CaptureCommand
            ? new Command(command.Title, command.Name, [JsonSerializer.SerializeToElement(new CaptureSourceArguments(
                server.Uris.ToUri(command.Path), command.Arguments["id"], command.Arguments["url"]), LspJson.Default.CaptureSourceArguments)])
            : new Command(command.Title, command.Name);

    public void Register(TimelineLanguageServer server) =>
        server.OnRequestAsync("workspace/executeCommand", () => LspJson.Default.ExecuteCommandParams, () => LspJson.Default.CaptureSourceResult,
            async (p, ctx) =>
            {
                if (p.Command != UnknownReferenceRule.CaptureCommand)
                    throw new JsonRpcException(ErrorCodes.InvalidParams, $"no command '{p.Command}'");
                var args = p.Arguments is [var first, ..] ? first.Deserialize(LspJson.Default.CaptureSourceArguments) : null;
                if (args is null) throw new JsonRpcException(ErrorCodes.InvalidParams, "timeline.captureSource takes {uri, id, url}");
                return await CaptureAsync(server, args, ctx.Token).ConfigureAwait(false);
            });

    private static async Task<CaptureSourceResult> CaptureAsync(TimelineLanguageServer server, CaptureSourceArguments args, CancellationToken token)
    {
        string path = server.Uris.ToPath(args.Uri);
        string dir = Path.GetDirectoryName(path) ?? throw new JsonRpcException(ErrorCodes.InvalidParams, $"{args.Uri} is not a file");
        CaptureResult captured;
        try
        {
            captured = await Capturer.CaptureAsync(new CaptureRequest { Input = args.Url, WorkingDirectory = dir, Id = args.Id }, token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is CaptureRefusedException or HttpRequestException or IOException or UnauthorizedAccessException
                                      or TaskCanceledException or UriFormatException)
        {
            throw new JsonRpcException(ErrorCodes.RequestFailed, $"The page could not be captured: {e.Message}");
        }
        // The snapshot is written relative to the file that defines the source, as the language reads it.
        string snapshot = captured.Written.Last(w => w.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
        var entry = captured.Entry with { Snapshot = Path.GetRelativePath(dir, snapshot).Replace('\\', '/') };
        bool applied = false;
        if (DocumentScope.Create(server, args.Uri, token) is { } scope && CapturedSource.AddTo(scope.File, args.Id, entry) is { } edit)
        {
            var workspaceEdit = scope.WorkspaceEdit([new FileEdits(path, [edit])]);
            var answer = await server.RequestQuietlyAsync("workspace/applyEdit",
                new ApplyWorkspaceEditParams($"Capture {args.Id}", workspaceEdit), LspJson.Default.ApplyWorkspaceEditParams).ConfigureAwait(false);
            applied = answer is { ValueKind: JsonValueKind.Object } a
                && a.TryGetProperty("applied", out var ok) && ok.ValueKind == JsonValueKind.True;
        }
        var warnings = captured.Warnings.ToList();
        if (!applied) warnings.Add($"the snapshot was written, but the source '{args.Id}' could not be given it: add snapshot: {entry.Snapshot}");
        return new CaptureSourceResult(server.Uris.ToUri(snapshot), applied, warnings.ToArray());
    }
}
