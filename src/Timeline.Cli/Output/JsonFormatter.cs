using System.Text.Json;
using Timeline.Core.Text;

namespace Timeline.Cli.Output;

/// <summary>The spec's JSON shape: version, files with diagnostics (zero-based UTF-16 ranges), summary.</summary>
public static class JsonFormatter
{
    /// <summary>
    /// Hands what is written so far to the stream once there is enough of it: the writer otherwise holds the whole
    /// report until it is done (~60 MB of JSON for 100,000 findings).
    /// </summary>
    internal static void FlushNowAndThen(Utf8JsonWriter w)
    {
        if (w.BytesPending >= 1 << 16) w.Flush();
    }

    public static void Write(Stream output, IReadOnlyList<ReportFile> files)
    {
        using var w = new Utf8JsonWriter(output,
            new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartArray("files");
        foreach (var f in files)
        {
            w.WriteStartObject();
            w.WriteString("path", f.DisplayPath);
            w.WriteStartArray("diagnostics");
            foreach (var d in f.File.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("name", d.Name);
                w.WriteString("severity", SeverityWords.Word(d.Severity));
                w.WriteString("message", d.Message);
                w.WriteStartObject("range");
                WritePosition(w, "start", f.File.Source.GetPosition(d.Span.Start));
                WritePosition(w, "end", f.File.Source.GetPosition(d.Span.End));
                w.WriteEndObject();
                w.WriteEndObject();
                FlushNowAndThen(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var s = Summary.Of(files);
        w.WriteStartObject("summary");
        w.WriteNumber("files", s.Files);
        w.WriteNumber("errors", s.Errors);
        w.WriteNumber("warnings", s.Warnings);
        w.WriteNumber("infos", s.Infos);
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WritePosition(Utf8JsonWriter w, string name, LinePosition p)
    {
        w.WriteStartObject(name);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("character", p.Character);
        w.WriteEndObject();
    }
}
