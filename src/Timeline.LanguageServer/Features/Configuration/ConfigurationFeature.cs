using System.Text.Json;
using Timeline.Core.Checks;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// The editor's "timeline" settings: rule severities by code or name, and whether gazetteers outside a
/// project may be read. Asked for with workspace/configuration when the client can answer, else taken
/// from didChangeConfiguration.
/// </summary>
internal sealed class ConfigurationFeature : IFeature
{
    public void Register(TimelineLanguageServer server) =>
        server.OnNotification("workspace/didChangeConfiguration", () => LspJson.Default.DidChangeConfigurationParams, async c =>
        {
            // Settings sent with the change are newer than any answer still on its way.
            if (c.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty("timeline", out var t))
                server.Configuration.ApplyIfLatest(server.Configuration.Ask(), () => Apply(server, t));
            else await RefreshAsync(server).ConfigureAwait(false);
        });

    public Task InitializedAsync(TimelineLanguageServer server) => RefreshAsync(server);

    private static async Task RefreshAsync(TimelineLanguageServer server)
    {
        if (!server.Client.Configuration) return;
        long asked = server.Configuration.Ask();
        var answer = await server.RequestQuietlyAsync("workspace/configuration", new ConfigurationParams([new ConfigurationItem("timeline")]),
            LspJson.Default.ConfigurationParams).ConfigureAwait(false);
        if (answer is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0)
            server.Configuration.ApplyIfLatest(asked, () => Apply(server, a[0]));
    }

    /// <summary>Applies the settings (LSPAny: what is not understood is left alone) and checks again.</summary>
    private static void Apply(TimelineLanguageServer server, JsonElement settings)
    {
        var severities = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        bool isObject = settings.ValueKind == JsonValueKind.Object;
        if (isObject && settings.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
            foreach (var r in rules.EnumerateObject())
                // The words a config file takes, read by the same code; another word changes nothing.
                if (Rules.Find(r.Name) is { } rule && r.Value.ValueKind == JsonValueKind.String
                    && Severities.TryParse(r.Value.GetString()!, out var severity))
                    severities[rule.Code] = severity;
        server.Workspace.SetUserRuleSeverities(severities);
        server.Workspace.SetAllowCatalogsOutsideRoot(
            isObject && settings.TryGetProperty("allowCatalogsOutsideRoot", out var allow) && allow.ValueKind == JsonValueKind.True);
        server.Diagnostics.Schedule();
    }
}

/// <summary>
/// Orders the answers to workspace/configuration: the server asks when it is initialized and again on every change,
/// and the answers are read on the thread pool, so an earlier answer can come to be applied after a later one (a
/// setting the writer has just changed would be undone). An answer is applied only if no later question's has been.
/// </summary>
internal sealed class ConfigurationAnswers
{
    private readonly object _gate = new();
    private long _asked, _applied;

    public long Ask() => Interlocked.Increment(ref _asked);

    public void ApplyIfLatest(long asked, Action apply)
    {
        lock (_gate)
        {
            if (asked < _applied) return;
            _applied = asked;
            apply();
        }
    }
}
