using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Formatting;

/// <summary>
/// Writes a document's tree again in the canonical layout, line by line. Values are taken from
/// the text as written (a block scalar's lines are moved, never rewrapped); the lines between
/// two entries (comments, blank lines) go with the entry below them.
/// </summary>
internal sealed class Layout
{
    private readonly YamlDocument _document;
    private readonly SourceText _src;
    private readonly string _text;
    private readonly ObjectShape? _rootShape;
    private readonly List<string> _out = new();
    /// <summary>What replaces the indentation of the next content line: the dash of the list item it opens.</summary>
    private string? _prefix;

    public Layout(YamlDocument document, ObjectShape? rootShape)
    {
        _document = document;
        _src = document.Source;
        _text = _src.Text;
        _rootShape = rootShape;
    }

    public string Run()
    {
        if (_document.Root is not MappingNode { IsFlow: false } root || root.Entries.Count == 0)
            throw new UnusualLayoutException(0, "the file's top level is not a list of keys");
        int first = Line(root.Entries[0].KeySpan.Start);
        // The file's head: the lines down to the last blank line above the first key. The comments right above
        // the first key are about that key and move with it.
        int head = first;
        while (head > 0 && !_src.LineSpan(head - 1).IsWhiteSpace()) head--;
        for (int line = 0; line < head; line++)
        {
            // Before the first key: comments, and a document marker or directive, as written.
            string text = _src.LineText(line).TrimEnd();
            if (text.Length == 0) EmitBlank(); else _out.Add(text);
        }
        RenderMapping(root, 0, _rootShape, head, topLevel: true);
        int last = LastLine(root.Entries[^1].Value);
        for (int line = last + 1; line < _src.LineCount; line++)
        {
            string text = _src.LineText(line).TrimEnd();
            if (text.Length == 0) EmitBlank();
            else if (text.TrimStart()[0] is '#' || text is "..." or "---") _out.Add(text);
            else throw new UnusualLayoutException(line, "text after the end of the file's keys");
        }
        while (_out.Count > 0 && _out[^1].Length == 0) _out.RemoveAt(_out.Count - 1);
        string nl = _src.NewLine;
        return string.Join(nl, _out) + nl;
    }

    // --- Mappings and lists ---------------------------------------------------------------------------------

    private void RenderMapping(MappingNode map, int column, ObjectShape? shape, int triviaFrom, bool topLevel)
    {
        var entries = map.Entries;
        int origColumn = Column(entries[0].KeySpan.Start);
        var trivia = new List<int>[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var key = entries[i].Key;
            if (key is not ScalarNode || key.Anchor is not null || key.Tag is not null || Line(key.Span.Start) != Line(key.Span.End))
                throw new UnusualLayoutException(Line(key.Span.Start), "a key that is not plain text on one line");
            int from = i == 0 ? triviaFrom : LastLine(entries[i - 1].Value) + 1;
            trivia[i] = Enumerable.Range(from, Math.Max(0, Line(key.Span.Start) - from)).ToList();
        }
        // Under a key, the lines before the first entry stay there; at the top they are the first key's and move with it.
        if (!topLevel) EmitTrivia(trivia[0], origColumn, column, blankFirst: false);
        foreach (int i in Order(map, shape))
        {
            if (i != 0 || topLevel) EmitTrivia(trivia[i], origColumn, column, blankFirst: false);
            var field = entries[i].KeyText is { } k ? shape?[k] : null;
            RenderEntry(entries[i], column, field?.Shape, topLevel);
        }
    }

    /// <summary>The entries in the schema's order; a key the schema does not know stays after the known key it followed.</summary>
    private static int[] Order(MappingNode map, ObjectShape? shape)
    {
        int n = map.Entries.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (shape is null) return order;
        // An entry's rank: its key's place in the schema, an unknown key just after the known key it follows.
        var ranks = new (int Known, int Unknown)[n];
        int lastKnown = -1;
        for (int i = 0; i < n; i++)
        {
            int at = map.Entries[i].KeyText is { } k ? FieldIndex(shape, k) : -1;
            if (at >= 0) { lastKnown = at; ranks[i] = (at, 0); }
            else ranks[i] = (lastKnown, 1);
        }
        // The entry's place breaks ties, so the sort gives one order whatever its algorithm.
        Array.Sort(order, (x, y) => ranks[x].Known != ranks[y].Known ? ranks[x].Known.CompareTo(ranks[y].Known)
            : ranks[x].Unknown != ranks[y].Unknown ? ranks[x].Unknown.CompareTo(ranks[y].Unknown) : x.CompareTo(y));
        return order;
    }

    private static int FieldIndex(ObjectShape shape, string key)
    {
        for (int i = 0; i < shape.Fields.Count; i++) if (string.Equals(shape.Fields[i].Name, key, StringComparison.Ordinal)) return i;
        return -1;
    }

    private void RenderEntry(YamlEntry entry, int column, Shape? shape, bool topLevel)
    {
        // The key's span, not its node: a plain key's node would be made for the asking.
        var keySpan = entry.KeySpan;
        int keyLine = Line(keySpan.Start);
        int colon = keySpan.End;
        while (colon < _src.LineEnd(keyLine) && _text[colon] == ' ') colon++;
        if (colon >= _src.LineEnd(keyLine) || _text[colon] != ':') throw new UnusualLayoutException(keyLine, "a key without its colon on its line");
        string lead = Spaces(column) + Slice(keySpan);
        var value = entry.Value;
        switch (value)
        {
            case SequenceNode { IsFlow: false } list:
                RequireBlockHeader(value, keyLine);
                if (IdItems(shape, list) is { } blockIds && TailOf(colon + 1).Length == 0 && !HasComments(_src.LineEnd(keyLine), EndOf(list))
                    && FlowLine(lead, blockIds) is { } flow)
                {
                    Emit(flow);
                    return;
                }
                Emit(lead + ":" + TailOf(colon + 1));
                RenderList(list, column + 2, ItemShape(shape), keyLine + 1, topLevel);
                return;
            case SequenceNode { IsFlow: true } flowList when IdItems(shape, flowList) is { } ids && value.Anchor is null && value.Tag is null
                && TailOf(EndOf(value)).Length == 0 && !HasComments(value.Span.Start, EndOf(value)):
                if (FlowLine(lead, ids) is { } line) Emit(line);
                else
                {
                    Emit(lead + ":");
                    foreach (var item in ids) Emit(Spaces(column + 2) + "- " + item);
                }
                return;
            case MappingNode { IsFlow: false } inner:
                RequireBlockHeader(value, keyLine);
                Emit(lead + ":" + TailOf(colon + 1));
                RenderMapping(inner, column + 2, ObjectShapeOf(shape), keyLine + 1, topLevel: false);
                return;
            default:
                RenderValue(lead + ":", keyLine, colon + 1, value, column + 2, shape);
                return;
        }
    }

    private void RenderList(SequenceNode list, int dashColumn, Shape? itemShape, int triviaFrom, bool topLevel)
    {
        int origDash = -1;
        for (int i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            int start = PropertiesStart(item);
            int line = Line(start);
            string before = _text[_src.LineStart(line)..start];
            if (before.Trim() != "-") throw new UnusualLayoutException(line, "a list item whose dash stands apart from it");
            if (origDash < 0) origDash = before.IndexOf('-', StringComparison.Ordinal);
            int from = i == 0 ? triviaFrom : LastLine(list.Items[i - 1]) + 1;
            var trivia = Enumerable.Range(from, Math.Max(0, line - from)).ToList();
            // One blank line between the records of a top-level list (events, sources), none before the first.
            bool record = topLevel && i > 0 && item is MappingNode { IsFlow: false };
            if (record) EmitBlank();
            EmitTrivia(trivia, origDash, dashColumn, blankFirst: record, dropLeadingBlank: i == 0);
            string dash = Spaces(dashColumn) + "-";
            switch (item)
            {
                case MappingNode { IsFlow: false } map:
                    if (item.Anchor is not null || item.Tag is not null || Line(map.Entries[0].KeySpan.Start) != line)
                        throw new UnusualLayoutException(line, "a list item whose keys do not begin on its dash's line");
                    _prefix = dash + " ";
                    RenderMapping(map, dashColumn + 2, ObjectShapeOf(itemShape), line, topLevel: false);
                    _prefix = null;
                    break;
                case SequenceNode { IsFlow: false }:
                    throw new UnusualLayoutException(line, "a list directly in a list");
                default:
                    RenderValue(dash, line, start, item, dashColumn + 2, itemShape);
                    break;
            }
        }
    }

    /// <summary>A value that is not a block collection, after its lead ("  key:" or "  -").</summary>
    /// <param name="column">Where the value's further lines go.</param>
    private void RenderValue(string lead, int leadLine, int afterLead, YamlNode value, int column, Shape? shape)
    {
        int start = PropertiesStart(value);
        string properties = start < value.Span.Start ? _text[start..value.Span.Start].TrimEnd() + " " : "";
        switch (value)
        {
            case ScalarNode { IsEmpty: true } when properties.Length == 0:
                Emit(lead + TailOf(afterLead));
                return;
            case ScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } block:
                RenderBlockScalar(lead, leadLine, start, block, column);
                return;
            case ScalarNode or AliasNode when Line(start) == leadLine && Line(value.Span.End) == leadLine:
                {
                    string text = properties.Length == 0 && value is ScalarNode s ? ScalarText(s, flow: false)! : Slice(value.Span);
                    Emit((lead + " " + properties + text).TrimEnd() + TailOf(EndOf(value)));
                    return;
                }
            case ScalarNode s:
                RenderLongScalar(lead, leadLine, afterLead, start, s, column);
                return;
            case MappingNode { IsFlow: true } or SequenceNode { IsFlow: true }:
                if (HasComments(afterLead, start)) throw new UnusualLayoutException(leadLine, "a comment between a key and its value");
                if (HasComments(value.Span.Start, EndOf(value)))
                    throw new UnusualLayoutException(Line(start), "a comment inside a flow list or mapping");
                string flowText = properties.Length > 0 ? properties + Slice(new TextSpan(value.Span.Start, EndOf(value))) : Flow(value, shape);
                Emit(lead + " " + flowText + TailOf(EndOf(value)));
                return;
            default:
                throw new UnusualLayoutException(Line(start), "a value the formatter does not lay out");
        }
    }

    /// <summary>A plain or quoted scalar over several lines: its lines move to the value's column, their words untouched.</summary>
    private void RenderLongScalar(string lead, int leadLine, int afterLead, int start, ScalarNode s, int column)
    {
        int first = Line(start);
        int last = LastLine(s);
        if (first == leadLine) Emit(lead + " " + _text[start.._src.LineEnd(first)].TrimEnd());
        else
        {
            Emit(lead + TailOf(afterLead));
            if (HasComments(afterLead, start)) throw new UnusualLayoutException(leadLine, "a comment between a key and its value");
            first--;
        }
        for (int line = first + 1; line <= last; line++)
        {
            string text = _src.LineText(line);
            // Trailing spaces inside a double-quoted text may be escaped; elsewhere they are not part of the value.
            string content = s.Style == ScalarStyle.DoubleQuoted && line < last ? text.TrimStart() : text.Trim();
            Emit(content.Length == 0 ? "" : Spaces(column) + content, blank: content.Length == 0);
        }
    }

    private void RenderBlockScalar(string lead, int leadLine, int start, ScalarNode block, int column)
    {
        if (Line(start) != leadLine) throw new UnusualLayoutException(leadLine, "a block text whose header is not on its key's line");
        string header = _text[start.._src.LineEnd(leadLine)].TrimEnd();
        int indicator = block.Span.Start;
        int headerEnd = indicator + 1;
        while (headerEnd < _text.Length && _text[headerEnd] is not (' ' or '\t' or '\r' or '\n' or '#')) headerEnd++;
        if (_text[(indicator + 1)..headerEnd].Any(c => char.IsDigit(c) || c == '+'))
            throw new UnusualLayoutException(leadLine, "a block text with an indentation or keep indicator");
        Emit(lead + " " + header);
        int last = LastLine(block);
        int contentIndent = -1;
        for (int line = leadLine + 1; line <= last && contentIndent < 0; line++)
            if (_src.LineText(line).Trim().Length > 0) contentIndent = Indent(line);
        for (int line = leadLine + 1; line <= last; line++)
        {
            string text = _src.LineText(line);
            if (text.Trim().Length == 0)
            {
                // Spaces beyond the text's indentation on an empty line are part of a literal text.
                int extra = text.Length - contentIndent;
                Emit(extra > 0 ? Spaces(column + extra) : "", blank: extra <= 0);
                continue;
            }
            if (Indent(line) < contentIndent) throw new UnusualLayoutException(line, "a block text line less indented than its first");
            Emit(Spaces(column) + text[contentIndent..]);
        }
    }

    // --- Flow lists ------------------------------------------------------------------------------------------

    /// <summary>The texts of a list of ids in flow form, when the schema says the list holds ids and each item is a short plain value.</summary>
    private List<string>? IdItems(Shape? shape, SequenceNode list)
    {
        var item = ItemShape(shape);
        if (item is not (ScalarShape { Kind: ScalarKind.Reference } or ChoiceShape) || list.Items.Count == 0) return null;
        var texts = new List<string>();
        foreach (var node in list.Items)
        {
            if (node is not ScalarNode { IsNull: false, Style: not (ScalarStyle.Literal or ScalarStyle.Folded) } s
                || s.Anchor is not null || s.Tag is not null || Line(s.Span.Start) != Line(s.Span.End)
                || ScalarText(s, flow: true) is not { } text)
                return null;
            if (!list.IsFlow && TailOf(s.Span.End).Length > 0) return null;
            texts.Add(text);
        }
        return texts;
    }

    private static string? FlowLine(string lead, List<string> items)
    {
        string line = lead + ": [" + string.Join(", ", items) + "]";
        return line.Length <= Formatter.FlowListWidth ? line : null;
    }

    /// <summary>A flow collection on one line: "[a, b]", "{place: x, precision: area}" (keys in the schema's order).</summary>
    private string Flow(YamlNode node, Shape? shape)
    {
        if (node.Anchor is not null || node.Tag is not null || node is AliasNode) return Slice(new TextSpan(PropertiesStart(node), EndOf(node)));
        switch (node)
        {
            case ScalarNode s:
                return (s.IsEmpty || s.Style is ScalarStyle.Literal or ScalarStyle.Folded || Line(s.Span.Start) != Line(s.Span.End)
                    ? null : ScalarText(s, flow: true))
                    ?? throw new UnusualLayoutException(Line(s.Span.Start), "a value a flow list cannot hold plainly");
            case SequenceNode q:
                return "[" + string.Join(", ", q.Items.Select(i => Flow(i, ItemShape(shape)))) + "]";
            case MappingNode m:
                var objectShape = ObjectShapeOf(shape);
                return "{" + string.Join(", ", Order(m, objectShape).Select(i =>
                {
                    var e = m.Entries[i];
                    if (e.Key is not ScalarNode k || e.Value is ScalarNode { IsEmpty: true })
                        throw new UnusualLayoutException(Line(e.KeySpan.Start), "a flow mapping entry without a plain key and value");
                    var field = e.KeyText is { } name ? objectShape?[name] : null;
                    return (ScalarText(k, flow: true) ?? Slice(k.Span)) + ": " + Flow(e.Value, field?.Shape);
                })) + "}";
            default:
                throw new UnusualLayoutException(Line(node.Span.Start), "a value the formatter does not lay out");
        }
    }

    // --- Scalars ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A one-line scalar as the layout writes it: without quotes where YAML reads it back the same; null when it
    /// cannot stand in a flow list.
    /// </summary>
    private string? ScalarText(ScalarNode s, bool flow)
    {
        string written = Slice(s.Span);
        if (s.Style == ScalarStyle.Plain) return flow && written.AsSpan().IndexOfAny(FlowIndicators) >= 0 ? null : written;
        string v = s.Value;
        bool plain = YamlScalars.CanBePlain(v) && DocumentContent.PlainKind(v) is null && v.AsSpan().IndexOfAny(Breaks) < 0
            && !(flow && v.AsSpan().IndexOfAny(FlowIndicators) >= 0);
        return plain ? v : written;
    }

    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create(",[]{}");
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\n\r\u0085\u2028\u2029\uFEFF");

    // --- Lines ---------------------------------------------------------------------------------------------

    /// <summary>Comments and blank lines before an entry or item: blank runs become one line, comments move with the column.</summary>
    private void EmitTrivia(List<int> lines, int origColumn, int column, bool blankFirst, bool dropLeadingBlank = false)
    {
        bool any = false;
        foreach (int line in lines)
        {
            string text = _src.LineText(line);
            string trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                // No blank line between a dash and the first key of its item.
                if (!(dropLeadingBlank && !any) && _prefix is null) EmitBlank();
                continue;
            }
            if (trimmed[0] != '#') throw new UnusualLayoutException(line, "text between entries that is neither a comment nor a blank line");
            if (blankFirst && !any) EmitBlank();
            any = true;
            int indent = Indent(line);
            // Over a pending dash, a comment at the entry's column lines up with the dash.
            int target = _prefix is not null ? _prefix.Length - 2 : column;
            int at = indent == origColumn ? target : Math.Max(0, indent + column - origColumn);
            _out.Add(Spaces(at) + trimmed);
        }
    }

    private void Emit(string line, bool blank = false)
    {
        if (blank) { _out.Add(""); return; }
        if (_prefix is not null)
        {
            line = _prefix + line.TrimStart();
            _prefix = null;
        }
        _out.Add(line);
    }

    /// <summary>A blank line, unless one (or the start of the output, or a list's header) is just above.</summary>
    private void EmitBlank()
    {
        if (_out.Count > 0 && _out[^1].Length > 0) _out.Add("");
    }

    /// <summary>The comment after a value on its line (with the spaces before it), or "".</summary>
    private string TailOf(int offset)
    {
        int line = Line(offset);
        int end = _src.LineEnd(line);
        if (offset > end) return "";
        string rest = _text[offset..end];
        string trimmed = rest.Trim();
        if (trimmed.Length == 0) return "";
        if (trimmed[0] != '#') throw new UnusualLayoutException(line, "text after a value on its line");
        string gap = rest[..(rest.Length - rest.TrimStart().Length)];
        return (gap.Length == 0 ? " " : gap) + trimmed;
    }

    /// <summary>Whether a comment begins in the span of text from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private bool HasComments(int from, int to)
    {
        _comments ??= DocumentContent.CommentSpans(_document).Select(c => c.Start).ToList();
        int at = _comments.BinarySearch(from);
        if (at < 0) at = ~at;
        return at < _comments.Count && _comments[at] < to;
    }

    private List<int>? _comments;

    private void RequireBlockHeader(YamlNode value, int keyLine)
    {
        if (value.Anchor is not null || value.Tag is not null || Line(value.Span.Start) == keyLine)
            throw new UnusualLayoutException(keyLine, "properties or text between a key and its block");
    }

    private static int PropertiesStart(YamlNode node)
    {
        int start = node.Span.Start;
        if (node.AnchorSpan is { } a) start = Math.Min(start, a.Start);
        if (node.TagSpan is { } t) start = Math.Min(start, t.Start);
        return start;
    }

    private static Shape? ItemShape(Shape? shape) => shape switch
    {
        ListShape l => l.Item,
        OneOrListShape o => o.Item,
        _ => null,
    };

    private static ObjectShape? ObjectShapeOf(Shape? shape) => shape switch
    {
        ObjectShape o => o,
        ChoiceShape c => c.Object,
        _ => null,
    };

    private int Line(int offset) => _src.LineOf(offset);
    private int LastLine(YamlNode node) => _src.LineOf(Math.Max(node.Span.Start, EndOf(node) - 1));

    /// <summary>Where a node's text ends: a flow collection's span stops before its closing bracket.</summary>
    private int EndOf(YamlNode node)
    {
        if (node is MappingNode { IsFlow: false } m && m.Entries.Count > 0) return Math.Max(node.Span.End, EndOf(m.Entries[^1].Value));
        if (node is SequenceNode { IsFlow: false } q && q.Items.Count > 0) return Math.Max(node.Span.End, EndOf(q.Items[^1]));
        int end = node.Span.End;
        bool flow = node is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true };
        return flow && end < _text.Length && _text[end] is ']' or '}' ? end + 1 : end;
    }
    private int Column(int offset) => offset - _src.LineStart(Line(offset));

    private int Indent(int line)
    {
        var text = _src.LineSpan(line);
        int i = 0;
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    private string Slice(TextSpan span) => _text[span.Start..span.End];
    private static string Spaces(int n) => new(' ', n);
}
