using System.Text.Json;
using Timeline.Core.Checks;

namespace Timeline.Cli.Output;

/// <summary>SARIF 2.1.0 for code-scanning upload. Columns are one-based UTF-16 code units.</summary>
public static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The key of the finding's fingerprint (<see cref="Fingerprint"/>) in a result's <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "timelineFingerprint/v1";

    public static void Write(Stream output, IReadOnlyList<ReportFile> files, string version, string baseFolder)
    {
        var rules = Rules.All.ToList();
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i);
        using var w = new Utf8JsonWriter(output,
            new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "timeline");
        w.WriteString("version", version);
        w.WriteString("semanticVersion", version);
        w.WriteStartArray("rules");
        foreach (var r in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Code);
            w.WriteString("name", r.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", r.Description);
            w.WriteEndObject();
            w.WriteString("helpUri", RuleDocs.Url(r));
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(r.DefaultSeverity));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("SRCROOT");
        w.WriteString("uri", new Uri(Path.GetFullPath(baseFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in files)
            for (int i = 0; i < f.File.Diagnostics.Count; i++)
            {
                var d = f.File.Diagnostics[i];
                var s = f.File.Source.GetPosition(d.Span.Start);
                var e = f.File.Source.GetPosition(d.Span.End);
                w.WriteStartObject();
                w.WriteString("ruleId", d.Code);
                w.WriteNumber("ruleIndex", index[d.Code]);
                w.WriteString("level", Level(d.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", d.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", UriPath(f.DisplayPath));
                w.WriteString("uriBaseId", "SRCROOT");
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", s.Line + 1);
                w.WriteNumber("startColumn", s.Character + 1);
                w.WriteNumber("endLine", e.Line + 1);
                w.WriteNumber("endColumn", e.Character + 1);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("partialFingerprints");
                w.WriteString(FingerprintKey, f.Fingerprints[i]);
                w.WriteEndObject();
                w.WriteEndObject();
                JsonFormatter.FlushNowAndThen(w);
            }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    /// <summary>A relative path as a URI reference: segments percent-encoded, '/' kept.</summary>
    private static string UriPath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
