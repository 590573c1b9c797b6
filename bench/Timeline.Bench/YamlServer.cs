using System.Text.Json.Nodes;

namespace Timeline.Bench;

/// <summary>yaml-language-server's settings to check Timeline's files with the project's JSON Schemas.</summary>
public static class YamlServer
{
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
