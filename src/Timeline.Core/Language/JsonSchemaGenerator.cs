using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Core.Checks;

namespace Timeline.Core.Language;

/// <summary>
/// Writes the JSON Schemas (draft 2020-12) of the five file kinds from <see cref="LanguageSchema"/>,
/// for people who only have a generic YAML tool. Values are typed as a YAML 1.2 tool reads
/// them: an unquoted 2016 is a number there, so a date may be a number too.
/// </summary>
public static class JsonSchemaGenerator
{
    public static readonly (string FileName, FileKind Kind, string Title)[] Files =
    {
        ("timeline.schema.json", FileKind.Timeline, "Timeline file (*.timeline.yaml)"),
        ("sources.schema.json", FileKind.Sources, "Sources file (*.sources.yaml)"),
        ("places.schema.json", FileKind.Places, "Places file (*.places.yaml)"),
        ("actors.schema.json", FileKind.Actors, "Actors file (*.actors.yaml)"),
        ("config.schema.json", FileKind.Config, "Timeline project configuration (timeline.config.yaml)"),
    };

    public static string Generate(FileKind kind)
    {
        var root = LanguageSchema.RootOf(kind) ?? throw new ArgumentException($"no schema for {kind}");
        var title = Files.First(f => f.Kind == kind);
        var defs = new JsonObject();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:timeline:schema:{title.FileName}",
            ["title"] = title.Title,
        };
        var body = Object(root, defs, inline: true);
        foreach (var (k, v) in body) schema[k] = v?.DeepClone();
        if (defs.Count > 0) schema["$defs"] = defs;
        return schema.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    private static string DefName(ObjectShape o) => o.Name.Replace(' ', '-');

    private static JsonObject Object(ObjectShape o, JsonObject defs, bool inline = false)
    {
        if (!inline)
        {
            string name = DefName(o);
            if (!defs.ContainsKey(name))
            {
                defs[name] = new JsonObject(); // placeholder against recursion
                defs[name] = Object(o, defs, inline: true);
            }
            return new JsonObject { ["$ref"] = $"#/$defs/{name}" };
        }
        var props = new JsonObject();
        foreach (var f in o.Fields)
        {
            var p = Shape(f.Shape, defs);
            if (!p.ContainsKey("description") && f.Description.Length > 0) p["description"] = f.Description;
            props[f.Name] = p;
        }
        var obj = new JsonObject
        {
            ["type"] = "object",
            ["description"] = o.Description,
            ["properties"] = props,
            ["patternProperties"] = new JsonObject { ["^x-"] = new JsonObject { ["description"] = "The writer's own key: never reported." } },
            ["additionalProperties"] = false,
        };
        var required = o.Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name).ToArray();
        if (required.Length > 0) obj["required"] = new JsonArray(required);
        if (o.ExactlyOneOf.Count > 0)
            obj["oneOf"] = new JsonArray(o.ExactlyOneOf.Select(k => (JsonNode)new JsonObject { ["required"] = new JsonArray(k) }).ToArray());
        return obj;
    }

    private static JsonArray Types(params string[] types) => new(types.Select(t => (JsonNode)t).ToArray());

    private static JsonObject Shape(Shape shape, JsonObject defs)
    {
        switch (shape)
        {
            case ObjectShape o:
                var r = Object(o, defs);
                return r;
            case ListShape l:
                return new JsonObject { ["type"] = "array", ["description"] = l.Description, ["items"] = Shape(l.Item, defs) };
            case ChoiceShape c:
                return new JsonObject { ["description"] = c.Description, ["anyOf"] = new JsonArray(Scalar(c.Scalar), Object(c.Object, defs)) };
            case OneOrListShape one:
                return new JsonObject
                {
                    ["description"] = one.Description,
                    ["anyOf"] = new JsonArray(Scalar(one.Item), new JsonObject { ["type"] = "array", ["items"] = Scalar(one.Item) }),
                };
            case MapShape m:
                var names = Rules.All.SelectMany(x => new[] { x.Code, x.Name }).Select(n => (JsonNode)n).ToArray();
                return new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = m.Description,
                    ["propertyNames"] = new JsonObject
                    {
                        ["anyOf"] = new JsonArray(
                            new JsonObject { ["enum"] = new JsonArray(names) },
                            new JsonObject { ["pattern"] = "^x-" }),
                    },
                    ["additionalProperties"] = Scalar(m.Value),
                };
            case CoordinatesShape co:
                return new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = co.Description,
                    ["prefixItems"] = new JsonArray(
                        new JsonObject
                        {
                            ["type"] = "number", ["minimum"] = -CoordinatesShape.MaxLatitude, ["maximum"] = CoordinatesShape.MaxLatitude,
                            ["description"] = "Latitude",
                        },
                        new JsonObject
                        {
                            ["type"] = "number", ["minimum"] = -CoordinatesShape.MaxLongitude, ["maximum"] = CoordinatesShape.MaxLongitude,
                            ["description"] = "Longitude",
                        }),
                    ["minItems"] = 2,
                    ["maxItems"] = 2,
                };
            case ScalarShape s:
                return Scalar(s);
            default:
                throw new ArgumentException(shape.GetType().Name);
        }
    }

    private static JsonObject Scalar(ScalarShape s)
    {
        var o = new JsonObject();
        switch (s.Kind)
        {
            case ScalarKind.Text or ScalarKind.Path or ScalarKind.Glob or ScalarKind.CatalogName:
                o["type"] = Types("string", "number", "boolean");
                // The built-ins, offered by generic YAML tools; another name is the checker's TL501, not the schema's.
                if (s.Kind == ScalarKind.CatalogName)
                    o["examples"] = new JsonArray(Catalogs.BuiltinCatalogs.Names.Select(n => (JsonNode?)n).ToArray());
                break;
            case ScalarKind.Id:
                o["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$", ["maxLength"] = StructureValidator.MaxIdLength },
                    new JsonObject { ["type"] = "integer", ["minimum"] = 0 });
                break;
            case ScalarKind.Reference or ScalarKind.Group:
                o["type"] = Types("string", "integer");
                break;
            case ScalarKind.Date:
                o["type"] = Types("string", "number");
                break;
            case ScalarKind.Count:
                o["type"] = Types("string", "number");
                break;
            case ScalarKind.Url:
                o["type"] = "string";
                o["pattern"] = "^https?://[^\\s/?#]+([/?#]\\S*)?$";
                break;
            case ScalarKind.Enum:
                o["enum"] = new JsonArray(s.Values.Select(v => (JsonNode)v).ToArray());
                break;
            case ScalarKind.Integer:
                o["type"] = "integer";
                if (s.Min is { } min) o["minimum"] = min;
                if (s.Max is { } max) o["maximum"] = max;
                break;
            case ScalarKind.Number:
                o["type"] = "number";
                break;
            case ScalarKind.Boolean:
                o["type"] = "boolean";
                break;
            case ScalarKind.Timezone:
                o["type"] = "string";
                o["pattern"] = StructureValidator.TimezonePattern().ToString();
                break;
            case ScalarKind.LanguageTag:
                o["type"] = "string";
                o["pattern"] = StructureValidator.LanguagePattern().ToString();
                break;
            case ScalarKind.Sha256:
                // A digest of digits alone reads as a number in YAML 1.2 tools; the checker reads the source text.
                o["type"] = Types("string", "number");
                o["pattern"] = StructureValidator.Sha256Pattern().ToString();
                break;
        }
        if (s.Description.Length > 0) o["description"] = s.Description;
        return o;
    }
}
