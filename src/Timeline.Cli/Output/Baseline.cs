using System.Text.Json;

namespace Timeline.Cli.Output;

/// <summary>A finding recorded in a baseline: its file (relative to the baseline's folder, with '/'), rule code,
/// fingerprint (<see cref="Timeline.Core.Checks.Fingerprint"/>) and message (for the reader; matching ignores it).</summary>
public sealed record BaselineEntry(string File, string Code, string Fingerprint, string Message);

/// <summary>The outcome of holding a report against a baseline.</summary>
public sealed record BaselineOutcome(IReadOnlyList<ReportFile> Files, int Baselined, int Gone);

/// <summary>
/// <c>check --write-baseline</c> records today's findings; <c>check --baseline FILE</c> reports only the others. A
/// finding is matched by rule, file and fingerprint, never by line, so a baseline survives lines moving. The file:
/// <c>{"version": 1, "findings": [{"file", "code", "fingerprint", "message"}]}</c>, findings ordered by file, code and
/// fingerprint (ordinal), so that a baseline written again over the same findings is the same file byte for byte.
/// </summary>
public static class Baseline
{
    public const int FormatVersion = 1;

    public static IReadOnlyList<BaselineEntry> Entries(IReadOnlyList<ReportFile> files, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(files);
        string folder = Folder(baselinePath);
        var entries = new List<BaselineEntry>();
        foreach (var f in files)
        {
            string file = Relative(folder, f.File.Path);
            for (int i = 0; i < f.File.Diagnostics.Count; i++)
                entries.Add(new BaselineEntry(file, f.File.Diagnostics[i].Code, f.Fingerprints[i], f.File.Diagnostics[i].Message));
        }
        entries.Sort(Compare);
        return entries;
    }

    /// <summary>Writes the findings of <paramref name="files"/> to <paramref name="baselinePath"/> (atomically); returns how many.</summary>
    public static int Write(string baselinePath, IReadOnlyList<ReportFile> files)
    {
        var entries = Entries(files, baselinePath);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions
        {
            Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", FormatVersion);
            w.WriteStartArray("findings");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteString("code", e.Code);
                w.WriteString("fingerprint", e.Fingerprint);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        Timeline.Core.Capture.AtomicFile.Write(baselinePath, ms.ToArray());
        return entries.Count;
    }

    /// <summary>Reads a baseline; a file that is not one throws <see cref="InvalidDataException"/> saying why.</summary>
    public static IReadOnlyList<BaselineEntry> Read(string baselinePath)
    {
        string text = File.ReadAllText(baselinePath);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v)
                || v.ValueKind != JsonValueKind.Number || v.GetInt32() != FormatVersion
                || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{baselinePath} is not a Timeline baseline (version {FormatVersion} with a findings list)");
            var entries = new List<BaselineEntry>();
            foreach (var f in findings.EnumerateArray())
                entries.Add(new BaselineEntry(Text(f, "file"), Text(f, "code"), Text(f, "fingerprint"),
                    f.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : ""));
            return entries;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{baselinePath} is not a Timeline baseline: {ex.Message}", ex);
        }

        string Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()!
                : throw new InvalidDataException($"{baselinePath} is not a Timeline baseline: a finding without \"{name}\"");
    }

    /// <summary>Leaves out of <paramref name="files"/> each finding the baseline holds (each entry stands for one finding).</summary>
    public static BaselineOutcome Apply(IReadOnlyList<ReportFile> files, IReadOnlyList<BaselineEntry> entries, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(entries);
        string folder = Folder(baselinePath);
        var left = new Dictionary<(string, string, string), int>();
        foreach (var e in entries)
            left[(e.File, e.Code, e.Fingerprint)] = left.GetValueOrDefault((e.File, e.Code, e.Fingerprint)) + 1;
        int baselined = 0;
        var kept = new List<ReportFile>();
        foreach (var f in files)
        {
            string file = Relative(folder, f.File.Path);
            var diagnostics = new List<Timeline.Core.Checks.Diagnostic>();
            var fingerprints = new List<string>();
            for (int i = 0; i < f.File.Diagnostics.Count; i++)
            {
                var key = (file, f.File.Diagnostics[i].Code, f.Fingerprints[i]);
                if (left.TryGetValue(key, out int n) && n > 0)
                {
                    left[key] = n - 1;
                    baselined++;
                    continue;
                }
                diagnostics.Add(f.File.Diagnostics[i]);
                fingerprints.Add(f.Fingerprints[i]);
            }
            kept.Add(new ReportFile(f.DisplayPath, f.File with { Diagnostics = diagnostics }) { Fingerprints = fingerprints });
        }
        return new BaselineOutcome(kept, baselined, left.Values.Sum());
    }

    private static string Folder(string baselinePath) => Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    private static int Compare(BaselineEntry a, BaselineEntry b)
    {
        int c = string.CompareOrdinal(a.File, b.File);
        if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
        if (c == 0) c = string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
        return c;
    }
}
