namespace Timeline.Core.Syntax;

/// <summary>
/// Reads the shapes chronologies are written in — block mappings and lists, one-line plain and
/// quoted values, one-line flow lists of scalars, comments, LF or CRLF — several times faster
/// than the general YAML reader, into the very tree the general reader makes (the same nodes,
/// values, styles and spans). It gives up on anything else (a value over several lines, a
/// block scalar, a flow mapping, an anchor, a tag, an error, a duplicate key...) and the
/// caller reads that segment with the general reader, which reports and recovers. Giving up
/// is always safe; reading something the general reader would read otherwise is a fault, and
/// <c>ShapeReaderTests</c> compares the two on every sample and on generated and mutated files.
/// </summary>
internal struct ShapeReader
{
    private readonly string _text;
    private readonly SegmentAnchor _anchor;
    private readonly int _from, _end;
    /// <summary>What turns an offset into <see cref="_text"/> into an offset in the file.</summary>
    private readonly int _shift;
    private readonly int _maxDepth;
    /// <summary>Where long free-text values are left to be read when asked (null: every value is kept).</summary>
    private readonly ValuesFromText? _fromText;
    private bool _failed;
    private readonly Scratch<YamlEntry> _entries = Scratch<YamlEntry>.OfThisThread();
    private readonly Scratch<YamlNode> _items = Scratch<YamlNode>.OfThisThread();

    /// <summary>
    /// Lists to read a block's entries into, one per open block, kept by the thread from segment to segment (readers do
    /// not nest on a thread). Reading gives up by dropping the reader; the next one starts from the first list again.
    /// </summary>
    private sealed class Scratch<T>
    {
        [ThreadStatic] private static Scratch<T>? t_scratch;
        private readonly List<List<T>> _lists = new();
        private int _open;

        public static Scratch<T> OfThisThread()
        {
            var scratch = t_scratch ??= new();
            scratch._open = 0;
            return scratch;
        }

        public List<T> Rent()
        {
            if (_open == _lists.Count) _lists.Add(new List<T>(16));
            var list = _lists[_open++];
            list.Clear();
            return list;
        }

        public void Return(List<T> list)
        {
            list.Clear();
            _open--;
        }
    }

    private ShapeReader(string text, int from, int to, SegmentAnchor anchor, int maxDepth, ValuesFromText? fromText)
    {
        // Values are left in the text only when it is read where it lies, in the file's own string (spans are its offsets).
        _fromText = fromText is not null && ReferenceEquals(fromText.Text, text) && anchor.Start == from ? fromText : null;
        _text = text;
        _from = from;
        _end = to;
        _anchor = anchor;
        _shift = anchor.Start - from;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// Reads a segment's text when it is in the shapes this reader knows, with no syntax problem.
    /// <paramref name="root"/> is null for a segment of comments and blank lines.
    /// </summary>
    public static bool TryRead(string text, SegmentAnchor anchor, int depthOffset, ReaderLimits limits, out YamlNode? root) =>
        TryRead(text, 0, text.Length, anchor, depthOffset, limits, out root);

    /// <summary>
    /// Reads the segment that is <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>] (the segment's
    /// anchor gives where it starts in its file): a file held whole is read where it lies, with no copy of the segment.
    /// </summary>
    public static bool TryRead(string text, int from, int to, SegmentAnchor anchor, int depthOffset, ReaderLimits limits, out YamlNode? root,
        ValuesFromText? fromText = null)
    {
        root = null;
        if (HasUnusualCharacters(text.AsSpan(from, to - from))) return false;
        // A struct on the stack: one reader per segment, 110,000 at 100,000 events.
        var reader = new ShapeReader(text, from, to, anchor, limits.MaxDepth, fromText);
        return reader.ReadRoot(1 + depthOffset, out root);
    }

    private bool ReadRoot(int depth, out YamlNode? root)
    {
        root = null;
        int line = _from;
        if (!NextContentLine(ref line, out int indent)) return true;
        if (IsDocumentMarker(line)) return false;
        root = ReadBlock(line, indent, depth, parent: null, out int next);
        if (_failed || root is null) return false;
        // Whatever follows the root's block is a line it could not own: an error the general reader explains.
        return !NextContentLine(ref next, out _);
    }

    // ---- lines ----

    /// <summary>The end of the line's content (before its CR LF or LF) from any offset on it.</summary>
    private int ContentEnd(int from)
    {
        int lf = _text.IndexOf('\n', from, _end - from);
        int end = lf < 0 ? _end : lf;
        return end > from && _text[end - 1] == '\r' ? end - 1 : end;
    }

    /// <summary>The start of the next line after an offset (or the text's end).</summary>
    private int NextLine(int from)
    {
        int lf = _text.IndexOf('\n', from, _end - from);
        return lf < 0 ? _end : lf + 1;
    }

    /// <summary>
    /// Moves <paramref name="line"/> (a line's start) to the next line with content, skipping blank and comment lines.
    /// </summary>
    private bool NextContentLine(ref int line, out int indent)
    {
        while (line < _end)
        {
            int i = SkipSpaces(line);
            if (i < _end && _text[i] is not ('\n' or '\r' or '#'))
            {
                indent = i - line;
                return true;
            }
            line = NextLine(i);
        }
        line = _end;
        indent = 0;
        return false;
    }

    private bool IsDocumentMarker(int line) =>
        line + 3 <= _end && (string.CompareOrdinal(_text, line, "---", 0, 3) == 0 || string.CompareOrdinal(_text, line, "...", 0, 3) == 0);

    private bool IsDash(int at) => _text[at] == '-' && (at + 1 >= _end || _text[at + 1] is ' ' or '\n' or '\r');

    /// <summary>Skips spaces; then the line must end, with or without a comment. Returns the next line's start, or -1.</summary>
    private int EndOfLine(int at)
    {
        int i = SkipSpaces(at);
        if (i < _end && _text[i] == '#' && i > at) return NextLine(i);
        if (i >= _end) return _end;
        if (_text[i] == '\n') return i + 1;
        if (_text[i] == '\r' && i + 1 < _end && _text[i + 1] == '\n') return i + 2;
        return -1;
    }

    // ---- blocks ----

    /// <summary>A block mapping or list whose first line starts at <paramref name="line"/> + <paramref name="indent"/>.</summary>
    private YamlNode? ReadBlock(int line, int indent, int depth, YamlNode? parent, out int next)
    {
        int at = line + indent;
        if (IsDash(at)) return ReadList(at, indent, depth, parent, out next);
        return ReadMapping(at, indent, depth, parent, out next);
    }

    private MappingNode? ReadMapping(int keyStart, int indent, int depth, YamlNode? parent, out int next)
    {
        next = _end;
        if (depth > _maxDepth - 1) return Fail<MappingNode>();
        var map = new MappingNode { Segment = _anchor, Parent = parent };
        var entries = _entries.Rent();
        int at = keyStart;
        while (true)
        {
            int colon = KeyColon(at);
            if (colon < 0) return Fail<MappingNode>();
            int keyEnd = colon;
            while (keyEnd > at && _text[keyEnd - 1] == ' ') keyEnd--;
            string keyText = StringPool.Get(_text.AsSpan(at, keyEnd - at));
            if (HasKey(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries), keyText)) return Fail<MappingNode>();
            // Kept as its text and where it starts in the segment: its node is made only when asked.
            int keyAt = at + _shift - _anchor.Start;
            YamlNode? value;
            int afterColon = colon + 1;
            int lineAfter = EndOfLine(afterColon);
            if (lineAfter >= 0) value = ReadBelow(afterColon, lineAfter, indent, listAtColumn: true, depth + 1, map, out next);
            else
            {
                int valueStart = SkipSpaces(afterColon);
                value = ReadInline(valueStart, indent, depth + 1, map, out next, _fromText?.Keys.Contains(keyText) == true);
                if (value is not null && !Outdented(next, indent)) return Fail<MappingNode>();
            }
            if (_failed || value is null) return Fail<MappingNode>();
            entries.Add(new YamlEntry(keyText, keyAt, value));

            int following = next;
            if (!NextContentLine(ref following, out int column) || column < indent) break;
            if (column > indent || IsDash(following + column) || IsDocumentMarker(following)) return Fail<MappingNode>();
            at = following + column;
        }
        map.Span = new Text.TextSpan(entries[0].KeySpan.Start, entries[^1].Value.Span.End);
        // Read into a list kept for the next mapping, then copied at its size: no list grows by doubling.
        map.SetEntries(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries));
        _entries.Return(entries);
        return map;
    }

    private SequenceNode? ReadList(int dash, int indent, int depth, YamlNode? parent, out int next)
    {
        next = _end;
        if (depth > _maxDepth - 1) return Fail<SequenceNode>();
        var list = new SequenceNode { Segment = _anchor, Parent = parent };
        var items = _items.Rent();
        int listStart = dash;
        while (true)
        {
            YamlNode? item;
            int afterDash = dash + 1;
            int lineAfter = EndOfLine(afterDash);
            if (lineAfter >= 0) item = ReadBelow(afterDash, lineAfter, indent, listAtColumn: false, depth + 1, list, out next);
            else
            {
                int start = SkipSpaces(afterDash);
                if (IsDash(start)) return Fail<SequenceNode>();
                int column = start - LineStartOf(start);
                if (KeyColon(start) >= 0) item = ReadMapping(start, column, depth + 1, list, out next);
                else
                {
                    item = ReadInline(start, indent, depth + 1, list, out next);
                    if (item is not null && !Outdented(next, indent)) return Fail<SequenceNode>();
                }
            }
            if (_failed || item is null) return Fail<SequenceNode>();
            items.Add(item);

            int following = next;
            if (!NextContentLine(ref following, out int col) || col < indent) break;
            if (col > indent || IsDocumentMarker(following)) return Fail<SequenceNode>();
            // At the list's column: another item, or (for a list under a key at the key's column) the next key.
            if (!IsDash(following + col)) break;
            dash = following + col;
        }
        list.Span = new Text.TextSpan(listStart + _shift, items[^1].Span.End);
        list.SetItems(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        _items.Return(items);
        return list;
    }

    /// <summary>
    /// The value of a key or dash with nothing after it on its line (<paramref name="lineAfter"/> is the next line's
    /// start): a block further right below it, a list at a key's own column, or no value, placed right after the ':'
    /// or '-' (<paramref name="indicatorEnd"/>) as the general reader places it.
    /// </summary>
    private YamlNode? ReadBelow(int indicatorEnd, int lineAfter, int indent, bool listAtColumn, int depth, YamlNode parent, out int next)
    {
        int line = lineAfter;
        if (NextContentLine(ref line, out int below) && (below > indent || (listAtColumn && below == indent && IsDash(line + below))))
        {
            next = _end;
            return IsDocumentMarker(line) ? Fail<YamlNode>() : ReadBlock(line, below, depth, parent, out next);
        }
        next = lineAfter;
        return Empty(indicatorEnd, parent, depth);
    }

    /// <summary>Whether the next line with content (from a line's start) is back at or left of a block's column.</summary>
    private bool Outdented(int line, int indent) => !NextContentLine(ref line, out int column) || column <= indent;

    private int LineStartOf(int at)
    {
        int lf = at == _from ? -1 : _text.LastIndexOf('\n', at - 1, at - _from);
        return lf < 0 ? _from : lf + 1;
    }

    /// <summary>Where the ':' ending a plain key that starts at <paramref name="at"/> stands, or -1 when the line holds no such key.</summary>
    private int KeyColon(int at)
    {
        if (at >= _end || IsIndicator(_text[at])) return -1;
        for (int i = at; i < _end; i++)
        {
            char c = _text[i];
            if (c == ':')
            {
                if (i + 1 >= _end || _text[i + 1] is ' ' or '\n' or '\r') return i;
                continue;
            }
            if (c is '\n' or '\r' or '[' or ']' or '{' or '}' or ',' or '"' or '\'') return -1;
            if (c == '#' && _text[i - 1] == ' ') return -1;
        }
        return -1;
    }

    private static bool HasKey(ReadOnlySpan<YamlEntry> entries, string key)
    {
        foreach (var e in entries) if (ReferenceEquals(e.KeyText, key) || e.KeyText == key) return true;
        return false;
    }

    // ---- values on one line ----

    /// <summary>
    /// A plain, quoted or flow-list value starting at <paramref name="at"/> (the rest of its line must be empty), or a
    /// block scalar; <paramref name="indent"/> is the column of the key or dash it belongs to.
    /// </summary>
    /// <param name="freeText">Whether the value is of a free-text key (see <see cref="ValuesFromText"/>).</param>
    private YamlNode? ReadInline(int at, int indent, int depth, YamlNode parent, out int next, bool freeText = false)
    {
        next = _end;
        if (at >= _end) return Fail<YamlNode>();
        char c = _text[at];
        if (c is '|' or '>') return BlockScalar(at, indent, depth, parent, out next);
        YamlNode? node;
        int end;
        if (c == '"') node = DoubleQuoted(at, depth, parent, out end);
        else if (c == '\'') node = SingleQuoted(at, depth, parent, out end);
        else if (c == '[') node = FlowList(at, depth, parent, out end);
        else if (c == '{') node = FlowMapping(at, depth, parent, out end);
        else node = Plain(at, depth, parent, out end, freeText);
        if (node is null) return null;
        next = EndOfLine(end);
        return next < 0 ? Fail<YamlNode>() : node;
    }

    private ScalarNode? Plain(int at, int depth, YamlNode parent, out int end, bool freeText = false)
    {
        end = at;
        if (IsIndicator(_text[at])) return Fail<ScalarNode>();
        int i = at;
        int last = at; // one past the last character that is not a space
        for (; i < _end; i++)
        {
            char c = _text[i];
            if (c is '\n' or '\r') break;
            if (c == '#' && _text[i - 1] == ' ') break;
            if (c == ':' && (i + 1 >= _end || _text[i + 1] is ' ' or '\n' or '\r')) return Fail<ScalarNode>();
            if (c != ' ') last = i + 1;
        }
        end = last;
        if (freeText && _fromText is { } fromText && last - at >= ValuesFromText.MinLength)
        {
            var left = ScalarNode.LeftIn(fromText, _anchor, parent);
            left.Span = Abs(at, last);
            return left;
        }
        return Scalar(StringPool.Get(_text.AsSpan(at, last - at)), ScalarStyle.Plain, at, last, depth, parent);
    }

    /// <summary>
    /// A quoted scalar from its opening quote to its closing one at <paramref name="close"/>: its text as written between
    /// them, or, when it held escapes, as unescaped into <paramref name="sb"/> up to <paramref name="runStart"/>.
    /// </summary>
    private ScalarNode Quoted(int open, int close, System.Text.StringBuilder? sb, int runStart, ScalarStyle style, int depth,
        YamlNode parent, out int end)
    {
        string value = sb is null ? StringPool.Get(_text.AsSpan(open + 1, close - open - 1))
            : StringPool.Get(sb.Append(_text, runStart, close - runStart).ToString());
        end = close + 1;
        return Scalar(value, style, open, end, depth, parent);
    }

    private ScalarNode? SingleQuoted(int open, int depth, YamlNode parent, out int end)
    {
        end = open;
        System.Text.StringBuilder? sb = null;
        int runStart = open + 1;
        for (int i = open + 1; i < _end; i++)
        {
            char c = _text[i];
            if (c is '\n' or '\r') return Fail<ScalarNode>();
            if (c != '\'') continue;
            if (i + 1 < _end && _text[i + 1] == '\'')
            {
                (sb ??= new()).Append(_text, runStart, i + 1 - runStart);
                runStart = i + 2;
                i++;
                continue;
            }
            return Quoted(open, i, sb, runStart, ScalarStyle.SingleQuoted, depth, parent, out end);
        }
        return Fail<ScalarNode>();
    }

    private ScalarNode? DoubleQuoted(int open, int depth, YamlNode parent, out int end)
    {
        end = open;
        System.Text.StringBuilder? sb = null;
        int runStart = open + 1;
        for (int i = open + 1; i < _end; i++)
        {
            char c = _text[i];
            if (c is '\n' or '\r') return Fail<ScalarNode>();
            if (c == '"') return Quoted(open, i, sb, runStart, ScalarStyle.DoubleQuoted, depth, parent, out end);
            if (c != '\\') continue;
            sb ??= new();
            sb.Append(_text, runStart, i - runStart);
            if (i + 1 >= _end) return Fail<ScalarNode>();
            char e = _text[i + 1];
            int taken = 2;
            switch (e)
            {
                case '\\' or '"': sb.Append(e); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'u':
                    if (i + 6 > _end || !int.TryParse(_text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier,
                            System.Globalization.CultureInfo.InvariantCulture, out int code) || code is >= 0xD800 and <= 0xDFFF)
                        return Fail<ScalarNode>();
                    sb.Append((char)code);
                    taken = 6;
                    break;
                default: return Fail<ScalarNode>(); // the rarer escapes are left to the general reader
            }
            i += taken - 1;
            runStart = i + 1;
        }
        return Fail<ScalarNode>();
    }

    /// <summary>A flow list of plain or quoted scalars, closed on its own line.</summary>
    private SequenceNode? FlowList(int open, int depth, YamlNode parent, out int end)
    {
        end = open;
        if (depth > _maxDepth - 1) return Fail<SequenceNode>();
        var list = new SequenceNode { IsFlow = true, Segment = _anchor, Parent = parent };
        // Read into the thread's scratch list and given to the node in an array of its exact size, as a block list's.
        var items = _items.Rent();
        int i = FlowItem(open + 1, ']', out bool closed);
        while (!closed)
        {
            if (i < 0) return Fail<SequenceNode>();
            char c = _text[i];
            YamlNode? item;
            int itemEnd;
            if (c == '"') item = DoubleQuoted(i, depth + 1, list, out itemEnd);
            else if (c == '\'') item = SingleQuoted(i, depth + 1, list, out itemEnd);
            else if (c == '{') item = FlowMapping(i, depth + 1, list, out itemEnd);
            else item = FlowPlain(i, ']', depth + 1, list, out itemEnd);
            if (item is null) return null;
            items.Add(item);
            i = AfterFlowItem(itemEnd, ']', out closed);
        }
        list.SetItems(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        _items.Return(items);
        // The general reader ends a flow list's span at its ']' (not after it).
        list.Span = Abs(open, i);
        end = i + 1;
        return list;
    }

    /// <summary>
    /// A flow mapping of plain keys and scalar values, closed on its own line, as the language writes a place with its
    /// precision: <c>{place: aleppo, precision: area}</c>.
    /// </summary>
    private MappingNode? FlowMapping(int open, int depth, YamlNode parent, out int end)
    {
        end = open;
        if (depth > _maxDepth - 1) return Fail<MappingNode>();
        var map = new MappingNode { IsFlow = true, Segment = _anchor, Parent = parent };
        int i = FlowItem(open + 1, '}', out bool closed);
        while (!closed)
        {
            if (i < 0) return Fail<MappingNode>();
            int keyStart = i;
            if (IsIndicator(_text[i])) return Fail<MappingNode>();
            while (i < _end && _text[i] is not (':' or ',' or '}' or ']' or '[' or '{' or '#' or '"' or '\'' or '\n' or '\r')) i++;
            // Only "key: value": a key with no value, or a ':' not followed by a space, is left to the general reader.
            if (i + 1 >= _end || _text[i] != ':' || _text[i + 1] != ' ') return Fail<MappingNode>();
            int keyEnd = i;
            while (keyEnd > keyStart && _text[keyEnd - 1] == ' ') keyEnd--;
            string keyText = StringPool.Get(_text.AsSpan(keyStart, keyEnd - keyStart));
            if (HasKey(map.Entries.AsSpan(), keyText)) return Fail<MappingNode>();
            int keyAt = keyStart + _shift - _anchor.Start;
            i = SkipSpaces(i + 1);
            if (i >= _end) return Fail<MappingNode>();
            char c = _text[i];
            ScalarNode? value;
            int valueEnd;
            if (c == '"') value = DoubleQuoted(i, depth + 1, map, out valueEnd);
            else if (c == '\'') value = SingleQuoted(i, depth + 1, map, out valueEnd);
            else value = FlowPlain(i, '}', depth + 1, map, out valueEnd);
            if (value is null) return null;
            map.Add(new YamlEntry(keyText, keyAt, value));
            i = AfterFlowItem(valueEnd, '}', out closed);
        }
        // Like a flow list's, the general reader ends a flow mapping's span at its '}'.
        map.Span = Abs(open, i);
        end = i + 1;
        return map;
    }

    /// <summary>
    /// Where the first item of a flow list or mapping stands (from just after its opening bracket), or its
    /// <paramref name="close"/> for an empty one (<paramref name="closed"/>); -1 when the line ends first.
    /// </summary>
    private int FlowItem(int at, char close, out bool closed)
    {
        int i = SkipSpaces(at);
        closed = i < _end && _text[i] == close;
        return i < _end ? i : -1;
    }

    /// <summary>
    /// What follows an item of a flow list or mapping: its <paramref name="close"/> (<paramref name="closed"/>, the
    /// offset of the bracket) or a comma and the next item (the offset of that item); -1 for anything else, a trailing
    /// comma included.
    /// </summary>
    private int AfterFlowItem(int at, char close, out bool closed)
    {
        int i = SkipSpaces(at);
        closed = i < _end && _text[i] == close;
        if (closed) return i;
        if (i >= _end || _text[i] != ',') return -1;
        i = FlowItem(i + 1, close, out bool empty);
        return empty ? -1 : i;
    }

    private int SkipSpaces(int at)
    {
        while (at < _end && _text[at] == ' ') at++;
        return at;
    }

    /// <summary>A plain scalar inside a flow list (<paramref name="close"/> ']') or flow mapping ('}').</summary>
    private ScalarNode? FlowPlain(int at, char close, int depth, YamlNode parent, out int end)
    {
        end = at;
        if (IsIndicator(_text[at])) return Fail<ScalarNode>();
        int last = at;
        for (int i = at; i < _end; i++)
        {
            char c = _text[i];
            if (c == ',' || c == close) break;
            if (c is '\n' or '\r' or '[' or ']' or '{' or '}' or '#') return Fail<ScalarNode>();
            // A ':' inside a word (builtin:levant, https://...) is text; one before a space or the end may open a key.
            if (c == ':' && (i + 1 >= _end || _text[i + 1] is ' ' or ',' or ']' or '}' or '\n' or '\r')) return Fail<ScalarNode>();
            if (c != ' ') last = i + 1;
        }
        end = last;
        return Scalar(StringPool.Get(_text.AsSpan(at, last - at)), ScalarStyle.Plain, at, last, depth, parent);
    }

    /// <summary>
    /// A literal (|) or folded (>) block scalar, clipped or stripped, with its indentation found from its first line;
    /// more-indented lines of a folded one, blank lines before its first line, an empty one and kept (+) or explicit
    /// indentation are left to the general reader.
    /// </summary>
    private ScalarNode? BlockScalar(int at, int indent, int depth, YamlNode parent, out int next)
    {
        next = _end;
        bool literal = _text[at] == '|';
        int i = at + 1;
        bool strip = false;
        if (i < _end && _text[i] == '-') { strip = true; i++; }
        int line = EndOfLine(i);
        if (line < 0 || line >= _end) return Fail<ScalarNode>();
        int column = SkipSpaces(line) - line;
        // The first line sets the indentation; it must have content and stand right of the key or dash.
        if (column <= indent || line + column >= _end || _text[line + column] is '\n' or '\r') return Fail<ScalarNode>();
        var value = new System.Text.StringBuilder();
        int blanks = 0, lastEnd = -1;
        bool any = false, lastBroken = false;
        while (line < _end)
        {
            int spaces = SkipSpaces(line) - line;
            int contentEnd = ContentEnd(line + spaces);
            bool blank = line + spaces == contentEnd;
            if (blank)
            {
                if (spaces > column) return Fail<ScalarNode>();
                blanks++;
                line = NextLine(contentEnd);
                continue;
            }
            if (spaces < column) break;
            if (spaces > column && !literal) return Fail<ScalarNode>();
            if (any) value.Append(literal || blanks > 0 ? '\n' : ' ');
            if (any && blanks > 0) value.Append('\n', literal ? blanks : blanks - 1);
            value.Append(_text, line + column, contentEnd - line - column);
            any = true;
            blanks = 0;
            lastEnd = contentEnd;
            lastBroken = contentEnd < _end;
            line = NextLine(contentEnd);
        }
        if (!strip && !lastBroken) return Fail<ScalarNode>();
        if (!strip) value.Append('\n');
        // Its span ends at its last character that is not white space (of any kind), as the general reader's does.
        int end = lastEnd;
        while (end > at && char.IsWhiteSpace(_text[end - 1])) end--;
        next = line;
        return Scalar(value.ToString(), literal ? ScalarStyle.Literal : ScalarStyle.Folded, at, end, depth, parent);
    }

    // ---- nodes ----

    private ScalarNode Scalar(string value, ScalarStyle style, int start, int end, int depth, YamlNode parent)
    {
        var node = new ScalarNode { Value = value, Style = style, Segment = _anchor, Parent = parent };
        node.Span = Abs(start, end);
        return node;
    }

    /// <summary>A value not written: the general reader places it right after its ':' or '-'.</summary>
    private ScalarNode Empty(int at, YamlNode parent, int depth) => Scalar(string.Empty, ScalarStyle.Plain, at, at, depth, parent);

    private Text.TextSpan Abs(int start, int end) => new(start + _shift, end + _shift);

    private T? Fail<T>() where T : class
    {
        _failed = true;
        return null;
    }

    /// <summary>Characters that cannot start a plain scalar here (or start something this reader leaves to the general one).</summary>
    private static bool IsIndicator(char c) =>
        c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
            or ' ' or '\n' or '\r';

    /// <summary>
    /// Characters the general reader treats specially (YAML 1.1's other line breaks, the byte-order mark, C1 controls,
    /// characters that are not text) and tabs and C0 controls (reported by the caller): such a segment is left to it.
    /// </summary>
    private static bool HasUnusualCharacters(ReadOnlySpan<char> span)
    {
        if (span.IndexOfAny(Unusual) >= 0) return true;
        int s = span.IndexOfAny(Surrogates);
        while (s >= 0)
        {
            // Only whole surrogate pairs are text.
            if (!char.IsHighSurrogate(span[s]) || s + 1 >= span.Length || !char.IsLowSurrogate(span[s + 1])) return true;
            int from = s + 2;
            int rest = span[from..].IndexOfAny(Surrogates);
            s = rest < 0 ? -1 : from + rest;
        }
        int cr = span.IndexOf('\r');
        while (cr >= 0)
        {
            if (cr + 1 >= span.Length || span[cr + 1] != '\n') return true;
            int rest = span[(cr + 1)..].IndexOf('\r');
            cr = rest < 0 ? -1 : cr + 1 + rest;
        }
        return false;
    }

    // The generic range search boxed its bounds on every call here (precompiled code); a set of the range does not.
    private static readonly System.Buffers.SearchValues<char> Surrogates = System.Buffers.SearchValues.Create(
        string.Create(0xE000 - 0xD800, 0, static (range, _) =>
        {
            for (int i = 0; i < range.Length; i++) range[i] = (char)(0xD800 + i);
        }));

    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create(
        "\t\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F" +
        "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u2028\u2029\uFEFF\uFFFE\uFFFF");
}
