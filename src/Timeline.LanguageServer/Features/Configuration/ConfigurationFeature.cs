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
            if (c.Settings is { ValueKind: JsonValueKind.Object } settings && settings.TryGetProperty("timeline", out var t)) Apply(server, t);
            else await RefreshAsync(server).ConfigureAwait(false);
        });

    public Task InitializedAsync(TimelineLanguageServer server) => RefreshAsync(server);

    private static async Task RefreshAsync(TimelineLanguageServer server)
    {
        if (!server.Client.Configuration) return;
        var answer = await server.RequestQuietlyAsync("workspace/configuration", new ConfigurationParams([new ConfigurationItem("timeline")]),
            LspJson.Default.ConfigurationParams).ConfigureAwait(false);
        if (answer is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0) Apply(server, a[0]);
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
