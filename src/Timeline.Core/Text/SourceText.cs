namespace Timeline.Core.Text;

/// <summary>A zero-based line and column. The column unit depends on the encoding used to make it.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public override string ToString() => $"{Line}:{Character}";

    public static bool operator <(LinePosition left, LinePosition right) => left.CompareTo(right) < 0;
    public static bool operator <=(LinePosition left, LinePosition right) => left.CompareTo(right) <= 0;
    public static bool operator >(LinePosition left, LinePosition right) => left.CompareTo(right) > 0;
    public static bool operator >=(LinePosition left, LinePosition right) => left.CompareTo(right) >= 0;
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
/// A text with its line starts. Lines end in LF, CRLF or a lone CR; a line's content never
/// includes its terminator. Offsets are UTF-16 code units.
/// </summary>
/// <remarks>
/// The text is held as pieces: runs of whole lines, each a slice of a string (the text it was
/// made from, or an edit's own). An edit (<see cref="WithChange"/>) makes a new version that
/// shares every piece it did not touch, so a keystroke in a 2.7 MB file costs a few kilobytes,
/// not a copy of the file. <see cref="Text"/> gives the whole as one string; for a text that
/// was edited it is made on first use and kept, so the paths that run on every keystroke read
/// through lines, slices and the indexer instead.
/// </remarks>
public sealed class SourceText
{
    /// <summary>A run of whole lines: <see cref="Lines"/> holds the starts of the lines that begin in it, relative to it (the first is 0).</summary>
    private readonly record struct Piece(string Source, int Offset, int Length, int[] Lines)
    {
        public ReadOnlySpan<char> Span => Source.AsSpan(Offset, Length);
        public bool SameAs(in Piece other) => ReferenceEquals(Source, other.Source) && Offset == other.Offset && Length == other.Length;
    }

    /// <summary>How long a piece grows before the next line starts another.</summary>
    private const int DefaultPieceSize = 8192;

    private readonly Piece[] _pieces;    // never empty; only the last may be empty (a text that ends with a line break, or none at all)
    private readonly int[] _starts;      // each piece's offset, then the length
    private readonly int[] _firstLines;  // each piece's first line, then the line count
    private readonly int _pieceSize;
    private string? _text;
    private int _lastPiece;              // where the last lookup landed: reads go mostly forward, a line or a character at a time

    public SourceText(string text) : this(text, DefaultPieceSize) { }

    internal SourceText(string text, int pieceSize)
    {
        _text = text;
        _pieceSize = pieceSize;
        var pieces = new List<Piece>(text.Length / pieceSize + 2);
        Cut(text, atEnd: true, pieceSize, pieces);
        _pieces = pieces.ToArray();
        (_starts, _firstLines) = Index(_pieces);
    }

    private SourceText(Piece[] pieces, int pieceSize)
    {
        _pieces = pieces;
        _pieceSize = pieceSize;
        (_starts, _firstLines) = Index(_pieces);
        if (pieces.Length == 1 && pieces[0].Offset == 0 && pieces[0].Length == pieces[0].Source.Length) _text = pieces[0].Source;
    }

    /// <summary>Cuts a run of whole lines (the last may be the text's own last line, unended) into pieces.</summary>
    private static void Cut(string s, bool atEnd, int pieceSize, List<Piece> into)
    {
        var starts = new List<int> { 0 };
        int pieceStart = 0, to = s.Length;
        var span = s.AsSpan();
        int i = 0;
        while (true)
        {
            int k = span[i..].IndexOfAny('\n', '\r');
            if (k < 0) break;
            i += k;
            if (span[i] == '\r' && i + 1 < to && span[i + 1] == '\n') i++;
            int next = ++i;   // a line starts here
            if (next == to) break;
            if (next - pieceStart >= pieceSize)
            {
                into.Add(new Piece(s, pieceStart, next - pieceStart, starts.ToArray()));
                starts.Clear();
                starts.Add(0);
                pieceStart = next;
            }
            else starts.Add(next - pieceStart);
        }
        if (to > pieceStart) into.Add(new Piece(s, pieceStart, to - pieceStart, starts.ToArray()));
        // The last line of the text: empty when the text ends with a line break (or is empty).
        if (atEnd && (to == 0 || s[to - 1] is '\n' or '\r')) into.Add(new Piece(s, to, 0, [0]));
    }

    private static (int[] Starts, int[] FirstLines) Index(Piece[] pieces)
    {
        var starts = new int[pieces.Length + 1];
        var lines = new int[pieces.Length + 1];
        for (int p = 0; p < pieces.Length; p++)
        {
            starts[p + 1] = starts[p] + pieces[p].Length;
            lines[p + 1] = lines[p] + pieces[p].Lines.Length;
        }
        return (starts, lines);
    }

    /// <summary>
    /// The text with one span replaced: a new version that shares the pieces the change did not touch.
    /// The span is clamped to the text.
    /// </summary>
    public SourceText WithChange(TextSpan span, string newText)
    {
        int start = Math.Clamp(span.Start, 0, Length), end = Math.Clamp(span.End, start, Length);
        // The pieces from the one before the change (a CR there may meet an LF at the change's start)
        // to the one holding its end (whose own line break ends the rebuilt run of lines).
        int first = PieceAt(start);
        if (first > 0 && start == _starts[first]) first--;
        int last = PieceAt(end);
        bool atEnd = last == _pieces.Length - 1;
        int from = _starts[first], to = _starts[last + 1];
        string rebuilt = string.Create(to - from - (end - start) + newText.Length, (this, from, start, end, to, newText), static (dest, st) =>
        {
            var (self, from, start, end, to, inserted) = st;
            self.CopyTo(from, dest[..(start - from)]);
            inserted.AsSpan().CopyTo(dest[(start - from)..]);
            self.CopyTo(end, dest[(start - from + inserted.Length)..]);
        });
        var made = new List<Piece>(rebuilt.Length / _pieceSize + 2);
        Cut(rebuilt, atEnd, _pieceSize, made);
        var pieces = new Piece[first + made.Count + (_pieces.Length - last - 1)];
        Array.Copy(_pieces, pieces, first);
        made.CopyTo(pieces, first);
        Array.Copy(_pieces, last + 1, pieces, first + made.Count, _pieces.Length - last - 1);
        return new SourceText(pieces, _pieceSize);
    }

    /// <summary>The whole text as one string (made once, on first use, for a text that was edited).</summary>
    public string Text => _text ??= Substring(0, Length);

    /// <summary>Whether the whole text is held as one string (tests use it to see that a keystroke never needs it).</summary>
    internal bool HoldsWholeString => _text is not null;

    public int Length => _starts[^1];
    public int LineCount => _firstLines[^1];

    public char this[int offset]
    {
        get
        {
            if ((uint)offset >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(offset));
            int p = PieceAt(offset);
            ref readonly var piece = ref _pieces[p];
            return piece.Source[piece.Offset + offset - _starts[p]];
        }
    }

    /// <summary>The text of a span.</summary>
    public string Substring(int start, int length)
    {
        if (start < 0 || length < 0 || start + length > Length) throw new ArgumentOutOfRangeException(nameof(start));
        if (length == 0) return "";
        int p = PieceAt(start);
        ref readonly var piece = ref _pieces[p];
        int rel = start - _starts[p];
        if (rel + length <= piece.Length) return piece.Source.Substring(piece.Offset + rel, length);
        return string.Create(length, (this, start), static (dest, st) => st.Item1.CopyTo(st.start, dest));
    }

    /// <summary>Copies the text from an offset into a span, as much as the span holds.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        int done = 0;
        for (int p = destination.Length == 0 ? 0 : PieceAt(start); done < destination.Length; p++)
        {
            var span = _pieces[p].Span[(start + done - _starts[p])..];
            int n = Math.Min(span.Length, destination.Length - done);
            span[..n].CopyTo(destination[done..]);
            done += n;
        }
    }

    /// <summary>The piece that holds an offset (the last piece for the end of the text).</summary>
    private int PieceAt(int offset)
    {
        int p = _lastPiece;
        if (p < _pieces.Length && offset >= _starts[p] && (offset < _starts[p + 1] || p == _pieces.Length - 1)) return p;
        // Starts are distinct (only the last piece can be empty): an offset at a piece's start is found exactly.
        p = Array.BinarySearch(_starts, 0, _pieces.Length, offset);
        if (p < 0) p = ~p - 1;
        _lastPiece = p;
        return p;
    }

    /// <summary>The piece where a line starts.</summary>
    private int PieceOfLine(int line)
    {
        int p = _lastPiece;
        if (p < _pieces.Length && line >= _firstLines[p] && line < _firstLines[p + 1]) return p;
        p = Array.BinarySearch(_firstLines, 0, _pieces.Length, line);
        if (p < 0) p = ~p - 1;
        _lastPiece = p;
        return p;
    }

    public int LineStart(int line)
    {
        line = Math.Clamp(line, 0, LineCount - 1);
        int p = PieceOfLine(line);
        return _starts[p] + _pieces[p].Lines[line - _firstLines[p]];
    }

    /// <summary>The offset of the end of the line's content (before its terminator).</summary>
    public int LineEnd(int line)
    {
        line = Math.Clamp(line, 0, LineCount - 1);
        int p = PieceOfLine(line);
        return _starts[p] + ContentEnd(_pieces[p], line - _firstLines[p]);
    }

    /// <summary>Where a line's content ends in its piece (relative to the piece).</summary>
    private static int ContentEnd(in Piece piece, int index)
    {
        int start = piece.Lines[index];
        int end = index + 1 < piece.Lines.Length ? piece.Lines[index + 1] : piece.Length;
        var span = piece.Span;
        if (end > start && span[end - 1] == '\n') end--;
        if (end > start && span[end - 1] == '\r') end--;
        return end;
    }

    /// <summary>A line's content (without its terminator), read in place.</summary>
    public ReadOnlySpan<char> LineSpan(int line)
    {
        line = Math.Clamp(line, 0, LineCount - 1);
        int p = PieceOfLine(line);
        ref readonly var piece = ref _pieces[p];
        int index = line - _firstLines[p];
        int start = piece.Lines[index];
        return piece.Source.AsSpan(piece.Offset + start, ContentEnd(piece, index) - start);
    }

    public string LineText(int line) => LineSpan(line).ToString();

    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        int p = PieceAt(offset);
        int idx = Array.BinarySearch(_pieces[p].Lines, offset - _starts[p]);
        if (idx < 0) idx = ~idx - 1;
        return _firstLines[p] + idx;
    }

    /// <summary>The line and UTF-16 column of an offset.</summary>
    public LinePosition GetPosition(int offset) => GetPosition(offset, PositionEncoding.Utf16);

    public LinePosition GetPosition(int offset, PositionEncoding encoding)
    {
        offset = Math.Clamp(offset, 0, Length);
        int line = LineOf(offset);
        var content = LineSpan(line);
        int upTo = Math.Min(offset - LineStart(line), content.Length);
        return new LinePosition(line, CountUnits(content[..upTo], encoding));
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
        if (position.Line >= LineCount) return Length;
        var content = LineSpan(position.Line);
        int units = Math.Max(0, position.Character);
        int i = 0;
        while (i < content.Length && units > 0)
        {
            int width = UnitWidth(content, i, encoding, out int chars);
            if (width > units) break;
            units -= width;
            i += chars;
        }
        return LineStart(position.Line) + i;
    }

    private static int CountUnits(ReadOnlySpan<char> s, PositionEncoding encoding)
    {
        if (encoding == PositionEncoding.Utf16) return s.Length;
        int n = 0;
        for (int i = 0; i < s.Length;)
        {
            n += UnitWidth(s, i, encoding, out int chars);
            i += chars;
        }
        return n;
    }

    private static int UnitWidth(ReadOnlySpan<char> s, int i, PositionEncoding encoding, out int chars)
    {
        char c = s[i];
        bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
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
            // A piece ends after a whole line break: a CRLF never straddles two.
            foreach (var piece in _pieces)
            {
                var span = piece.Span;
                for (int i = 0; i < span.Length; i++)
                    if (span[i] == '\n') { if (i > 0 && span[i - 1] == '\r') crlf++; else lf++; }
            }
            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>Whether some line holds the value (which must not hold a line break).</summary>
    public bool Contains(string value)
    {
        foreach (var piece in _pieces) if (piece.Span.Contains(value, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Whether the text holds any of the characters.</summary>
    public bool ContainsAny(System.Buffers.SearchValues<char> values)
    {
        foreach (var piece in _pieces) if (piece.Span.ContainsAny(values)) return true;
        return false;
    }

    public bool Contains(char c)
    {
        foreach (var piece in _pieces) if (piece.Span.Contains(c)) return true;
        return false;
    }

    /// <summary>The length of the text in UTF-8 (a surrogate pair never straddles two pieces).</summary>
    public long Utf8Length()
    {
        long n = 0;
        foreach (var piece in _pieces) n += System.Text.Encoding.UTF8.GetByteCount(piece.Span);
        return n;
    }

    /// <summary>How many characters this text and another share at their start.</summary>
    public int CommonPrefixLength(SourceText other)
    {
        int p = 0, done = 0;
        // Pieces the two versions share are skipped whole.
        while (p < _pieces.Length && p < other._pieces.Length && _starts[p] == other._starts[p] && _pieces[p].SameAs(other._pieces[p]))
            done += _pieces[p++].Length;
        int max = Math.Min(Length, other.Length);
        while (done < max)
        {
            var a = Rest(done);
            var b = other.Rest(done);
            int n = Math.Min(a.Length, b.Length);
            int k = a[..n].CommonPrefixLength(b[..n]);
            done += k;
            if (k < n) break;
        }
        return done;
    }

    /// <summary>How many characters this text and another share at their end, up to a limit.</summary>
    public int CommonSuffixLength(SourceText other, int max)
    {
        max = Math.Min(max, Math.Min(Length, other.Length));
        int p = _pieces.Length - 1, q = other._pieces.Length - 1, done = 0;
        while (p >= 0 && q >= 0 && _pieces[p].SameAs(other._pieces[q]) && done + _pieces[p].Length <= max)
        {
            done += _pieces[p].Length;
            p--;
            q--;
        }
        while (done < max)
        {
            var a = Before(Length - done);
            var b = other.Before(other.Length - done);
            int n = Math.Min(Math.Min(a.Length, b.Length), max - done);
            var x = a[^n..];
            var y = b[^n..];
            if (x.SequenceEqual(y)) { done += n; continue; }
            int i = n - 1;
            while (x[i] == y[i]) i--;
            done += n - 1 - i;
            break;
        }
        return done;
    }

    /// <summary>The text from an offset to the end of its piece.</summary>
    private ReadOnlySpan<char> Rest(int offset)
    {
        int p = PieceAt(offset);
        return _pieces[p].Span[(offset - _starts[p])..];
    }

    /// <summary>The text of the piece that ends at or holds the character before an offset, up to that offset.</summary>
    private ReadOnlySpan<char> Before(int offset)
    {
        int p = PieceAt(offset - 1);
        return _pieces[p].Span[..(offset - _starts[p])];
    }
}
