using System.Text.Json.Nodes;

namespace Timeline.Bench;

/// <summary>yaml-language-server's settings to check Timeline's files with the project's JSON Schemas.</summary>
public static class YamlServer
{
    /// <summary>How a bench client answers a server's requests: <c>workspace/configuration</c> from these settings.</summary>
    public static Func<string, System.Text.Json.JsonElement?, JsonNode?> Answers(JsonObject? settings) => (method, par) => method switch
    {
        "workspace/configuration" => new JsonArray(par?.GetProperty("items").EnumerateArray()
            .Select(i => (JsonNode?)(i.TryGetProperty("section", out var s) && settings?[s.GetString() ?? ""] is { } v
                ? v.DeepClone()
                : settings?.DeepClone()))
            .ToArray() ?? Array.Empty<JsonNode?>()),
        _ => null,
    };

    public static JsonObject Settings()
    {
        string schemaDir = Path.GetFullPath("schema");
        return new JsonObject
        {
            ["yaml"] = new JsonObject
            {
                ["validate"] = true, ["completion"] = true, ["hover"] = true,
                ["schemaStore"] = new JsonObject { ["enable"] = false },
                ["schemas"] = new JsonObject
                {
                    [new Uri(Path.Combine(schemaDir, "timeline.schema.json")).AbsoluteUri] = "*.timeline.yaml",
                    [new Uri(Path.Combine(schemaDir, "places.schema.json")).AbsoluteUri] = "*.places.yaml",
                },
            },
        };
    }
}
