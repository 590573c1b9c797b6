using Timeline.Core.Text;

namespace Timeline.LanguageServer.Protocol;

/// <summary>Converts between the core's offsets and LSP positions in the negotiated encoding.</summary>
public sealed class Lsp(PositionEncoding encoding)
{
    public PositionEncoding Encoding { get; } = encoding;

    public static string EncodingName(PositionEncoding e) => e switch
    {
        PositionEncoding.Utf8 => "utf-8",
        PositionEncoding.Utf32 => "utf-32",
        _ => "utf-16",
    };

    /// <summary>
    /// The offset of a position. A character past the end of its line means the line's end (as LSP
    /// says); a line outside the document, or a negative number, is an error.
    /// </summary>
    public int Offset(SourceText text, Position p)
    {
        if (p.Line < 0 || p.Character < 0 || p.Line >= text.LineCount)
            throw new JsonRpc.JsonRpcException(JsonRpc.ErrorCodes.InvalidParams,
                $"the position {p.Line}:{p.Character} is outside the document, which has {text.LineCount} line{(text.LineCount == 1 ? "" : "s")}");
        return text.GetOffset(new LinePosition(p.Line, p.Character), Encoding);
    }

    /// <summary>The span of a range. Its start must be in the document; an end past the last line means the document's end.</summary>
    public TextSpan Span(SourceText text, Range r)
    {
        int a = Offset(text, r.Start);
        int b = r.End.Line >= text.LineCount && r.End.Character >= 0 ? text.Length : Offset(text, r.End);
        return a <= b ? new TextSpan(a, b) : new TextSpan(b, a);
    }

    public Position Position(SourceText text, int offset)
    {
        var p = text.GetPosition(offset, Encoding);
        return new Position(p.Line, p.Character);
    }

    public Range Range(SourceText text, TextSpan span) => new(Position(text, span.Start), Position(text, span.End));

    public Location Location(string uri, SourceText text, TextSpan span) => new(uri, Range(text, span));

    public TextEdit Edit(SourceText text, Core.Checks.TextEdit edit) => new(Range(text, edit.Span), edit.NewText);
}
