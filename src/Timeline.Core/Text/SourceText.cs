namespace Timeline.Core.Text;

/// <summary>A zero-based line and column. The column unit depends on the encoding used to make it.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A half-open span of UTF-16 offsets into a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(int offset) => offset >= Start && offset < End;
    /// <summary>True when the offset is inside or at the very end (a caret after the last character).</summary>
    public bool Touches(int offset) => offset >= Start && offset <= End;
    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>How columns are counted.</summary>
public enum PositionEncoding { Utf16, Utf8, Utf32 }

/// <summary>
/// A text with its line starts. Lines end in LF, CRLF or a lone CR; a line's
/// content never includes its terminator. Offsets are UTF-16 code units.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var span = text.AsSpan();
        // Sized for every LF and CR: exact for LF text; a CRLF file gives back the extra room.
        var starts = new int[span.Count('\n') + span.Count('\r') + 1];
        int n = 1, i = 0;
        while (span[i..].IndexOfAny('\n', '\r') is var k && k >= 0)
        {
            i += k;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            starts[n++] = ++i;
        }
        if (n < starts.Length) Array.Resize(ref starts, n);
        _lineStarts = starts;
    }

    public string Text { get; }
    public int Length => Text.Length;
    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The offset of the end of the line's content (before its terminator).</summary>
    public int LineEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        int start = _lineStarts[line];
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        if (end > start && Text[end - 1] == '\n') end--;
        if (end > start && Text[end - 1] == '\r') end--;
        return end;
    }

    public string LineText(int line) => Text[LineStart(line)..LineEnd(line)];

    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int idx = Array.BinarySearch(_lineStarts, offset);
        if (idx < 0) idx = ~idx - 1;
        return idx;
    }

    /// <summary>The line and UTF-16 column of an offset.</summary>
    public LinePosition GetPosition(int offset) => GetPosition(offset, PositionEncoding.Utf16);

    public LinePosition GetPosition(int offset, PositionEncoding encoding)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = LineOf(offset);
        int start = _lineStarts[line];
        int end = Math.Min(offset, LineEnd(line));
        return new LinePosition(line, CountUnits(start, end, encoding));
    }

    /// <summary>
    /// The offset of a line and column. A column past the end of the line is clamped to
    /// the line's end; a line past the end of the text is clamped to the text's end.
    /// A column inside a surrogate pair (UTF-16) or a multi-byte character (UTF-8) moves
    /// to the start of that character.
    /// </summary>
    public int GetOffset(LinePosition position, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return Text.Length;
        int start = _lineStarts[position.Line];
        int end = LineEnd(position.Line);
        int units = Math.Max(0, position.Character);
        int i = start;
        while (i < end && units > 0)
        {
            int width = UnitWidth(i, encoding, out int chars);
            if (width > units) break;
            units -= width;
            i += chars;
        }
        return i;
    }

    private int CountUnits(int start, int end, PositionEncoding encoding)
    {
        if (encoding == PositionEncoding.Utf16) return end - start;
        int n = 0;
        for (int i = start; i < end;)
        {
            n += UnitWidth(i, encoding, out int chars);
            i += chars;
        }
        return n;
    }

    private int UnitWidth(int i, PositionEncoding encoding, out int chars)
    {
        char c = Text[i];
        bool pair = char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]);
        chars = pair ? 2 : 1;
        return encoding switch
        {
            PositionEncoding.Utf16 => chars,
            PositionEncoding.Utf32 => 1,
            _ => pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3,
        };
    }

    /// <summary>The dominant line ending of the text ("\r\n" when most lines end in CRLF).</summary>
    public string NewLine
    {
        get
        {
            int crlf = 0, lf = 0;
            for (int i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n') { if (i > 0 && Text[i - 1] == '\r') crlf++; else lf++; }
            }
            return crlf > lf ? "\r\n" : "\n";
        }
    }
}
