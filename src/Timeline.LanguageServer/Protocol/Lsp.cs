using System.Text.Json.Nodes;
using Timeline.Core.Text;

namespace Timeline.LanguageServer.Protocol;

/// <summary>Converts between the core's offsets and LSP positions in the negotiated encoding, and builds result nodes.</summary>
public sealed class Lsp(PositionEncoding encoding)
{
    public PositionEncoding Encoding { get; } = encoding;

    public static string EncodingName(PositionEncoding e) => e switch { PositionEncoding.Utf8 => "utf-8", PositionEncoding.Utf32 => "utf-32", _ => "utf-16" };

    public int Offset(SourceText text, Position p) => text.GetOffset(new LinePosition(p.Line, p.Character), Encoding);

    public TextSpan Span(SourceText text, Range r)
    {
        int a = Offset(text, r.Start), b = Offset(text, r.End);
        return a <= b ? new TextSpan(a, b) : new TextSpan(b, a);
    }

    public JsonObject Position(SourceText text, int offset)
    {
        var p = text.GetPosition(offset, Encoding);
        return new JsonObject { ["line"] = p.Line, ["character"] = p.Character };
    }

    public JsonObject Range(SourceText text, TextSpan span) =>
        new() { ["start"] = Position(text, span.Start), ["end"] = Position(text, span.End) };

    public JsonObject Location(string uri, SourceText text, TextSpan span) =>
        new() { ["uri"] = uri, ["range"] = Range(text, span) };

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
