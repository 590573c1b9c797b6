using Timeline.Core.Checks;
using Timeline.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Timeline.Core.Syntax;

public sealed record ReaderLimits(int MaxBytes = 16 * 1024 * 1024, int MaxDepth = 64, int MaxRecoveries = 32)
{
    public static readonly ReaderLimits Default = new();
}

/// <summary>
/// Reads YAML into a <see cref="YamlDocument"/> with exact spans. Reading never fails:
/// a syntax error is recorded, the offending line is blanked (same length, so every
/// offset stays true) and reading starts again, so what stands before and after an
/// error is still read. Anchors, aliases and tags are recorded, never expanded.
/// </summary>
public static class YamlReader
{
    public static YamlDocument Read(string text, ReaderLimits? limits = null) => Read(new SourceText(text), limits);

    /// <param name="textKeys">
    /// The keys whose long plain values are left in the text, to be read when asked (see <see cref="ValuesFromText"/>):
    /// given only by a command that reads a project once.
    /// </param>
    public static YamlDocument Read(SourceText source, ReaderLimits? limits = null, IReadOnlySet<string>? textKeys = null)
    {
        limits ??= ReaderLimits.Default;
        var fromText = textKeys is not null && source.HoldsWholeString ? new ValuesFromText(source.Text, textKeys) : null;
        if (IsTooLarge(source, limits))
        {
            return new YamlDocument { Source = source, Problems = new[] { TooLarge(new TextSpan(0, source.LineEnd(0)), limits) } };
        }
        var segments = Segmenter.Split(source);
        if (segments is null)
        {
            var whole = ReadSegment(source, new Segment(0, source.Length, SegmentRole.Whole, 0), SegmentAnchor.Zero, limits, true, fromText);
            return new YamlDocument
            {
                Source = source, Root = whole.Root, Problems = Sorted(whole.Problems), SkippedLines = whole.Skipped,
                MayHaveProperties = whole.MayHaveProperties,
            };
        }
        var parts = new SegmentResult[segments.Count];
        if (source.Length >= ParallelThreshold && Environment.ProcessorCount > 1)
            Parallel.For(0, segments.Count, i =>
                parts[i] = ReadSegment(source, segments[i], new SegmentAnchor { Start = segments[i].Start }, limits, true, fromText));
        else
            for (int i = 0; i < segments.Count; i++) parts[i] = ReadSegment(source, segments[i],
                new SegmentAnchor { Start = segments[i].Start }, limits, true, fromText);
        return Compose(source, segments, parts);
    }

    /// <summary>TL901 for a file over the size limit, placed at <paramref name="span"/>.</summary>
    public static SyntaxProblem TooLarge(TextSpan span, ReaderLimits limits) => new(TooLargeRule.Rule, span,
        $"the file is larger than the limit of {limits.MaxBytes:N0} bytes, so it was not read; split it into several files");

    /// <summary>
    /// Whether a file of this many bytes (as stored) is over the size limit for certain, so that it need not be read
    /// to be judged: a byte-order mark is not text, and under the limit the decoded text is judged as before.
    /// </summary>
    public static bool IsTooLarge(long storedBytes, ReaderLimits limits) => storedBytes - 3 > Math.Min(limits.MaxBytes, YamlNode.MaxOffset);

    /// <summary>Whether a text is over the size limit (and so is not read).</summary>
    public static bool IsTooLarge(SourceText source, ReaderLimits limits) =>
        source.Length > Math.Min(limits.MaxBytes, YamlNode.MaxOffset)
        || (source.Length > limits.MaxBytes / 4 && source.Utf8Length() > limits.MaxBytes);

    /// <summary>Files from this size on are read segment by segment on every core.</summary>
    public const int ParallelThreshold = 128 * 1024;

    private static List<SyntaxProblem> Sorted(IEnumerable<SyntaxProblem> problems) =>
        problems.DistinctBy(p => (p.Rule, p.Span, p.Message)).OrderBy(p => p.Span.Start).ToList();

    /// <summary>A segment as read: its tree (anchored to the segment), its problems and the lines it skipped
    /// (absolute, for the anchor's place now).</summary>
    /// <param name="List">For a list's key line: the node its items are gathered under, kept from version to version.</param>
    /// <param name="MayHaveProperties">
    /// False when the fast path read the segment: it leaves anchors, tags and aliases to the general reader,
    /// so there is none in the tree to report.
    /// </param>
    public readonly record struct SegmentResult(YamlNode? Root, List<SyntaxProblem> Problems, List<int> Skipped,
        SequenceNode? List = null, bool MayHaveProperties = true);

    /// <summary>Puts the segments' trees together: one root mapping; a split list becomes one list again.</summary>
    public static YamlDocument Compose(SourceText source, IReadOnlyList<Segment> segments, IReadOnlyList<SegmentResult> parts)
    {
        var problems = new List<SyntaxProblem>();
        var skipped = new List<int>();
        var root = new MappingNode();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        SequenceNode? list = null;
        // The list's items, given to it at once when it is closed: the list node is the one the last version's items point
        // to, and the array the last version read is left as it was (a reader of that version sees its own items).
        // At most one item per segment, mostly: sized once (the items are copied into the list's own array when it closes).
        var listItems = new List<YamlNode>(segments.Count);
        int listEnd = 0;
        bool mayHaveProperties = false;
        void Close()
        {
            if (list is null) return;
            list.SetItems(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(listItems));
            listItems.Clear();
            list.Span = new TextSpan(list.Items.Count > 0 ? list.Items[0].Span.Start : list.Span.Start, listEnd);
            list = null;
        }
        for (int i = 0; i < segments.Count; i++)
        {
            var seg = segments[i];
            var part = parts[i];
            mayHaveProperties |= part.MayHaveProperties;
            problems.AddRange(part.Problems);
            skipped.AddRange(part.Skipped);
            if (seg.Role == SegmentRole.Item)
            {
                if (list is null || part.Root is not SequenceNode items) continue;
                foreach (var item in items.Items)
                {
                    // Written only when it changes: an item kept from the last version then points to nothing newer than itself.
                    if (!ReferenceEquals(item.Parent, list)) item.Parent = list;
                    listItems.Add(item);
                }
                listEnd = Math.Max(listEnd, items.Span.End);
                continue;
            }
            Close();
            if (part.Root is not MappingNode m) continue;
            for (int e = 0; e < m.Entries.Count; e++)
            {
                var entry = m.Entries[e];
                // A plain key kept as its text takes its parent from its value's.
                if (entry.KeyNode is { } keyNode) keyNode.Parent = root;
                entry.Value.Parent = root;
                if (entry.KeyText is { } k && !keys.Add(k))
                    problems.Add(new SyntaxProblem(DuplicateKeyRule.Rule, entry.KeySpan,
                        $"the key '{k}' is written twice here; keep one '{k}:' and put into it what the two say"));
                if (seg.Role == SegmentRole.ListHeader && e == m.Entries.Count - 1 && entry.Value is ScalarNode { IsEmpty: true })
                {
                    // The list's items follow in segments of their own.
                    list = part.List ?? new SequenceNode();
                    list.Parent = root;
                    list.Span = new TextSpan(entry.Value.Span.Start, entry.Value.Span.Start);
                    listEnd = list.Span.End;
                    root.Add(new YamlEntry(entry.Key, list));
                    continue;
                }
                root.Add(entry);
            }
        }
        Close();
        if (root.Entries.Count == 0)
            return new YamlDocument
            {
                Source = source, Root = null, Problems = Sorted(problems), SkippedLines = skipped, MayHaveProperties = mayHaveProperties,
            };
        root.Span = new TextSpan(root.Entries[0].KeySpan.Start, Math.Max(root.Entries[^1].Value.Span.End, root.Entries[^1].KeySpan.End));
        skipped.Sort();
        return new YamlDocument
        {
            Source = source, Root = root, Problems = Sorted(problems), SkippedLines = skipped, MayHaveProperties = mayHaveProperties,
        };
    }

    /// <summary>Reads one segment of the text, recovering from syntax errors by blanking lines.</summary>
    public static SegmentResult ReadSegment(SourceText full, Segment seg, SegmentAnchor anchor, ReaderLimits limits) =>
        ReadSegment(full, seg, anchor, limits, shapesFirst: true);

    /// <param name="shapesFirst">Whether the common shapes are read by <see cref="ShapeReader"/> (false only to compare the two).</param>
    internal static SegmentResult ReadSegment(SourceText full, Segment seg, SegmentAnchor anchor, ReaderLimits limits, bool shapesFirst,
        ValuesFromText? fromText = null)
    {
        bool whole = seg.Start == 0 && seg.Length == full.Length;
        // Most segments are in the shapes chronologies are written in: read fast, with no problem to report (and, in a
        // file held as one string, where they lie).
        string? text = whole || full.HoldsWholeString ? null : full.Substring(seg.Start, seg.Length);
        if (shapesFirst && TryShapes(full, text, seg, anchor, limits, fromText) is { } read) return read;
        text ??= whole ? full.Text : full.Substring(seg.Start, seg.Length);
        // Most segments parse at once: the line table and the writable copy are made only to recover.
        SourceText? source = whole ? full : null;
        var problems = new List<SyntaxProblem>();   // local to the segment
        var absolute = new List<SyntaxProblem>();   // the tree builder's, already placed in the file
        char[]? buffer = null;
        if (text.Contains('\t', StringComparison.Ordinal) || HasControl(text))
        {
            source ??= new SourceText(text);
            buffer = text.ToCharArray();
            bool tabs = ReplaceTabIndentation(source, buffer, problems);
            bool controls = ReplaceControlCharacters(text, buffer, problems);
            if (!tabs && !controls) buffer = null;
        }
        SortedSet<int>? blanked = null;
        YamlNode? root = null;

        for (int attempt = 0; ; attempt++)
        {
            var builder = new TreeBuilder(text, anchor, seg.DepthOffset, limits);
            string input = buffer is not null ? new string(buffer) : text;
            try
            {
                builder.Run(input);
                root = builder.Root;
                absolute.AddRange(builder.Problems);
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                source ??= new SourceText(text);
                buffer ??= text.ToCharArray();
                blanked ??= new SortedSet<int>();
                int errorOffset = builder.LastGoodEnd;
                int errorEnd = errorOffset;
                if (ex is YamlException ye && ye.Start.Index >= builder.LastGoodEnd && ye.Start.Index <= text.Length)
                {
                    errorOffset = (int)ye.Start.Index;
                    errorEnd = (int)Math.Min(Math.Max(ye.End.Index, ye.Start.Index), text.Length);
                }
                int line = source.LineOf(errorOffset);
                // Make progress: pick the first line at or after the error that still has content.
                while (line < source.LineCount && (blanked.Contains(line) || IsBlank(buffer, source, line))) line++;
                if (line >= source.LineCount || attempt >= limits.MaxRecoveries)
                {
                    problems.Add(Problem(source, errorOffset, errorEnd, ex, full.LineOf(seg.Start)));
                    absolute.AddRange(builder.Problems);
                    root = builder.Root;
                    break;
                }
                if (source.LineOf(errorOffset) != line) { errorOffset = FirstNonSpace(source, line); errorEnd = source.LineEnd(line); }
                // A line whose tab was already reported needs no second message.
                if (!ReportedOn(problems, source, line))
                    problems.Add(Problem(source, errorOffset, errorEnd, ex, full.LineOf(seg.Start)));
                blanked.Add(line);
                for (int i = source.LineStart(line), e = source.LineEnd(line); i < e; i++) buffer[i] = ' ';
            }
        }
        if (problems.Count == 0 && blanked is null) return new SegmentResult(root, absolute, NoLines);
        int firstLine = full.LineOf(seg.Start);
        foreach (var p in problems) absolute.Add(p with { Span = new TextSpan(p.Span.Start + seg.Start, p.Span.End + seg.Start) });
        return new SegmentResult(root, absolute, blanked is null ? NoLines : Shifted(blanked, firstLine));
    }

    // Shared by the segments that have none (most): a segment's result is read, never added to.
    internal static readonly List<int> NoLines = new();
    internal static readonly List<SyntaxProblem> NoProblems = new();

    private static List<int> Shifted(SortedSet<int> lines, int by)
    {
        var shifted = new List<int>(lines.Count);
        foreach (int l in lines) shifted.Add(l + by);
        return shifted;
    }

    // Not a lambda in ReadSegment: one that captured its locals would cost an object on every segment read.
    private static bool ReportedOn(List<SyntaxProblem> problems, SourceText source, int line)
    {
        foreach (var p in problems) if (p.Rule == SyntaxRule.Rule && source.LineOf(p.Span.Start) == line) return true;
        return false;
    }

    /// <summary>The segment as <see cref="ShapeReader"/> reads it, or null when it leaves it to the general reader.</summary>
    private static SegmentResult? TryShapes(SourceText full, string? text, Segment seg, SegmentAnchor anchor, ReaderLimits limits,
        ValuesFromText? fromText)
    {
        try
        {
            bool read = text is null
                ? ShapeReader.TryRead(full.Text, seg.Start, seg.End, anchor, seg.DepthOffset, limits, out var root, fromText)
                : ShapeReader.TryRead(text, anchor, seg.DepthOffset, limits, out root);
            return read ? new SegmentResult(root, NoProblems, NoLines, MayHaveProperties: false) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Reading never fails: a fault of the fast path leaves the segment to the general reader.
            return null;
        }
    }

    private static bool IsBlank(char[] buffer, SourceText source, int line)
    {
        for (int i = source.LineStart(line), e = source.LineEnd(line); i < e; i++)
        {
            if (buffer[i] == '#') return true;
            if (!char.IsWhiteSpace(buffer[i])) return false;
        }
        return true;
    }

    private static int FirstNonSpace(SourceText source, int line)
    {
        int i = source.LineStart(line), e = source.LineEnd(line);
        while (i < e && char.IsWhiteSpace(source[i])) i++;
        return i;
    }

    private static SyntaxProblem Problem(SourceText source, int start, int end, Exception ex, int firstLine)
    {
        string message = Explain(source, start, ex, firstLine);
        int lineEnd = source.LineEnd(source.LineOf(start));
        if (end <= start || end > lineEnd) end = Math.Max(start, lineEnd);
        if (end == start && start < source.Length) end = start + 1;
        if (end > source.Length) end = source.Length;
        return new SyntaxProblem(SyntaxRule.Rule, new TextSpan(start, end), message);
    }

    /// <summary>
    /// What went wrong, in a writer's words: what was found, what was expected and how to mend it, with the line
    /// where an unclosed list, mapping or quotation opened. <paramref name="firstLine"/> is the segment's first line.
    /// </summary>
    private static string Explain(SourceText source, int at, Exception ex, int firstLine)
    {
        string said = ex is YamlException ? CleanMessage(ex.Message) : "";
        string found = said.Length > 0 && at < source.Length && !char.IsWhiteSpace(source[at]) ? $"found '{source[at]}' where " : "";
        string Line(int offset) => (firstLine + source.LineOf(offset) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (said.Contains("flow sequence", StringComparison.Ordinal) || (said.Length == 0 && Unclosed(source, at, '[', ']') is not null))
        {
            int? open = Unclosed(source, at, '[', ']');
            string where = open is { } o ? $" on line {Line(o)}" : "";
            return $"the list opened with [{where} is not closed: {found}a ',' before the next item or a ']' to close it was expected";
        }
        if (said.Contains("flow mapping", StringComparison.Ordinal) || (said.Length == 0 && Unclosed(source, at, '{', '}') is not null))
        {
            int? open = Unclosed(source, at, '{', '}');
            string where = open is { } o ? $" on line {Line(o)}" : "";
            return $"the keys opened with {{{where} are not closed: {found}a ',' before the next key or a '}}' to close it was expected";
        }
        if (said.Contains("quoted scalar", StringComparison.Ordinal))
            return "the quoted text is not closed: the closing quotation mark is missing (or a quotation mark inside it needs " +
                "doubling ('it''s') or a backslash (\\\"))";
        if (said.Contains("mapping values are not allowed", StringComparison.Ordinal)
            || said.Contains("found invalid mapping", StringComparison.Ordinal))
            return "a ': ' inside a value reads as a new key: put the whole value in quotes (title: \"Aleppo: the offensive\"), " +
                "or, if the line is a key of its own, line it up with the keys above";
        if (said.Contains("could not find expected ':'", StringComparison.Ordinal))
            return "a line that is neither 'key: value' nor a list item '- …': add the ':' after the key, or join it to the line above";
        if (said.Contains("did not find expected key", StringComparison.Ordinal))
            return "this line's indentation does not match the keys above it: line it up with the keys of the same item " +
                "(or put a value with ':' in quotes)";
        if (said.Contains("did not find expected '-' indicator", StringComparison.Ordinal))
            return "a list item was expected here: start the line with '- ' at the indentation of the items above";
        if (said.Contains("cannot start any token", StringComparison.Ordinal))
            return $"{(found.Length > 0 ? $"'{source[at]}' cannot start a value" : "a character that cannot start a value")}: " +
                "put the value in quotes";
        if (said.Length > 0) return said;
        return "the file could not be read from here: is a list ([ ]), a group of keys ({ }) or a quoted text unfinished? " +
            "Close what is open above this line";
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet's messages: "(Line: 1, Col: 4, Idx: 3) - (...) : While scanning ..."; keep the words.
        int colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        string m = colon >= 0 ? message[(colon + 3)..] : message;
        m = m.Trim().TrimEnd('.');
        if (m.Length > 0) m = char.ToLowerInvariant(m[0]) + m[1..];
        return $"invalid YAML: {m}";
    }

    /// <summary>Where the last <paramref name="open"/> not closed by the end of an offset's line stands, outside quotes and comments.</summary>
    private static int? Unclosed(SourceText source, int at, char open, char close)
    {
        var opened = new Stack<int>();
        char quote = '\0';
        // Up to the end of the error's line: the bracket may open on the very line the reader gave up on.
        int end = source.LineEnd(source.LineOf(Math.Min(at, source.Length)));
        for (int i = 0; i < end; i++)
        {
            char c = source[i];
            // A quotation is taken to end with its line: an unclosed one must not hide every bracket after it.
            if (quote != '\0') { if (c == quote || c == '\n') quote = '\0'; continue; }
            if (c is '"' or '\'' && (i == 0 || source[i - 1] is ' ' or '[' or '{' or ',' or ':' or '\n')) quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(source[i - 1]))) { while (i < end && source[i] != '\n') i++; }
            else if (c == open) opened.Push(i);
            else if (c == close && opened.Count > 0) opened.Pop();
        }
        return opened.Count > 0 ? opened.Peek() : null;
    }

    /// <summary>Control characters (NUL and the like) cannot be YAML text: report each run and read it as spaces.</summary>
    private static bool ReplaceControlCharacters(string text, char[] buffer, List<SyntaxProblem> problems)
    {
        bool changed = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsControl(c)) continue;
            int start = i;
            while (i < text.Length && IsControl(text[i])) { buffer[i] = ' '; i++; }
            problems.Add(new SyntaxProblem(SyntaxRule.Rule, new TextSpan(start, i),
                c == '\0' ? "a NUL character; YAML text cannot hold control characters"
                    : $"a control character (U+{(int)c:X4}); YAML text cannot hold control characters"));
            changed = true;
        }
        return changed;
    }

    private static bool IsControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';

    /// <summary>The control characters YAML does not allow (every C0 control but tab, LF and CR; and DEL).</summary>
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    internal static bool HasControl(string text) => text.AsSpan().IndexOfAny(Controls) >= 0;

    internal static bool HasControl(SourceText text) => text.ContainsAny(Controls);

    /// <summary>Tabs in indentation are not YAML. Report each and read it as a space.</summary>
    private static bool ReplaceTabIndentation(SourceText source, char[] buffer, List<SyntaxProblem> problems)
    {
        bool changed = false;
        string text = source.Text;
        if (text.IndexOf('\t') < 0) return false;
        for (int line = 0; line < source.LineCount; line++)
        {
            int i = source.LineStart(line), end = source.LineEnd(line);
            int firstTab = -1;
            while (i < end && (text[i] == ' ' || text[i] == '\t'
                || ((text[i] == '-' || text[i] == '?') && i + 1 < end && (text[i + 1] == ' ' || text[i + 1] == '\t'))))
            {
                if (text[i] == '\t')
                {
                    if (firstTab < 0) firstTab = i;
                    buffer[i] = ' ';
                    changed = true;
                }
                i++;
            }
            if (firstTab >= 0 && i < end && text[i] != '#')
                problems.Add(new SyntaxProblem(SyntaxRule.Rule, new TextSpan(firstTab, firstTab + 1),
                    "a tab in the indentation; YAML indents with spaces"));
        }
        return changed;
    }

    private sealed class TreeBuilder
    {
        private readonly string _original;
        private readonly SegmentAnchor _anchor;
        private readonly int _base;
        private readonly int _depthOffset;
        private readonly ReaderLimits _limits;
        private readonly Stack<Frame> _stack = new();
        public List<SyntaxProblem> Problems { get; } = new();
        public YamlNode? Root { get; private set; }
        public int LastGoodEnd { get; private set; }
        private int _documents;

        private sealed class Frame
        {
            public required YamlNode Node;
            public YamlNode? PendingKey;
            public HashSet<string>? Keys;
        }

        /// <param name="original">The segment's text, as written.</param>
        /// <param name="anchor">Where the segment starts in the file: the nodes keep their offsets relative to it.</param>
        /// <param name="depthOffset">How deep the segment's root sits in the file's tree.</param>
        public TreeBuilder(string original, SegmentAnchor anchor, int depthOffset, ReaderLimits limits)
        {
            _original = original;
            _anchor = anchor;
            _base = anchor.Start;
            _depthOffset = depthOffset;
            _limits = limits;
        }

        private TextSpan Abs(int start, int end) => new(start + _base, end + _base);

        public void Run(string input)
        {
            var parser = new Parser(new Scanner(new StringReader(input), skipComments: true));
            int skipping = 0;
            TextSpan skipSpan = default;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                LastGoodEnd = (int)ev.End.Index; // local to the segment
                if (skipping > 0)
                {
                    if (ev is MappingStart or SequenceStart) skipping++;
                    else if (ev is MappingEnd or SequenceEnd)
                    {
                        skipping--;
                        if (skipping == 0) CloseSkipped(skipSpan, (int)ev.End.Index);
                    }
                    continue;
                }
                switch (ev)
                {
                    case DocumentStart ds:
                        _documents++;
                        if (_documents > 1)
                        {
                            int s = (int)ds.Start.Index;
                            Problems.Add(new SyntaxProblem(SyntaxRule.Rule, Abs(s, Math.Min(_original.Length, s + 3)),
                                "a second YAML document; a file holds one document, so the rest was not read"));
                            return;
                        }
                        break;
                    case Scalar sc:
                        Add(MakeScalar(sc));
                        break;
                    case AnchorAlias al:
                        {
                            int s = (int)al.Start.Index, e = (int)al.End.Index;
                            Add(new AliasNode { Name = al.Value.Value, Segment = _anchor, Span = Abs(s, e) });
                            break;
                        }
                    case MappingStart ms:
                        {
                            var node = new MappingNode { IsFlow = ms.Style == MappingStyle.Flow, Segment = _anchor };
                            SetProperties(node, ms.Anchor, ms.Tag, (int)ms.Start.Index, (int)ms.End.Index);
                            if (_stack.Count + 1 + _depthOffset > _limits.MaxDepth)
                            {
                                skipping = 1;
                                skipSpan = node.Span;
                                continue;
                            }
                            Add(node);
                            _stack.Push(new Frame { Node = node });
                            break;
                        }
                    case SequenceStart ss:
                        {
                            var node = new SequenceNode { IsFlow = ss.Style == SequenceStyle.Flow, Segment = _anchor };
                            SetProperties(node, ss.Anchor, ss.Tag, (int)ss.Start.Index, (int)ss.End.Index);
                            if (_stack.Count + 1 + _depthOffset > _limits.MaxDepth)
                            {
                                skipping = 1;
                                skipSpan = node.Span;
                                continue;
                            }
                            Add(node);
                            _stack.Push(new Frame { Node = node });
                            break;
                        }
                    case MappingEnd or SequenceEnd:
                        {
                            var frame = _stack.Pop();
                            var n = frame.Node;
                            int end = n switch
                            {
                                MappingNode { IsFlow: true } or SequenceNode { IsFlow: true } => (int)ev.End.Index + _base,
                                MappingNode m when m.Entries.Count > 0 => m.Entries[^1].Value.Span.End,
                                SequenceNode q when q.Items.Count > 0 => q.Items[^1].Span.End,
                                _ => n.Span.End,
                            };
                            n.Span = new TextSpan(n.Span.Start, Math.Max(n.Span.Start, end));
                            if (frame.PendingKey is { } k && n is MappingNode pm)
                            {
                                var empty = new ScalarNode
                                {
                                    Value = "", Segment = _anchor,
                                    Span = new TextSpan(k.Span.End, k.Span.End), Parent = pm
                                };
                                pm.Add(new YamlEntry(k, empty));
                            }
                            break;
                        }
                }
            }
        }

        private void CloseSkipped(TextSpan start, int end)
        {
            var span = new TextSpan(start.Start, start.Start + 1);
            Problems.Add(new SyntaxProblem(TooDeepRule.Rule, span,
                $"lists and keys are nested more than {_limits.MaxDepth} levels deep here, so what is inside was not read; nest less deeply"));
            // Stand in an empty scalar so the parent's shape is kept.
            Add(new ScalarNode { Value = "", Segment = _anchor, Span = new TextSpan(start.Start, start.Start) });
        }

        private ScalarNode MakeScalar(Scalar sc)
        {
            int start = (int)sc.Start.Index, end = (int)sc.End.Index;
            var style = sc.Style switch
            {
                YScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
                YScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
                YScalarStyle.Literal => ScalarStyle.Literal,
                YScalarStyle.Folded => ScalarStyle.Folded,
                _ => ScalarStyle.Plain,
            };
            var node = new ScalarNode { Value = StringPool.Get(sc.Value), Style = style, Segment = _anchor };
            SetProperties(node, sc.Anchor, sc.Tag, start, end);
            if (sc.Value.Length == 0 && style == ScalarStyle.Plain)
                node.Span = new TextSpan(node.Span.Start, node.Span.Start);
            else if (style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                int e = node.Span.End - _base;
                while (e > node.Span.Start - _base && e <= _original.Length && char.IsWhiteSpace(_original[e - 1])) e--;
                node.Span = new TextSpan(node.Span.Start, e + _base);
            }
            return node;
        }

        private void SetProperties(YamlNode node, AnchorName anchor, TagName tag, int start, int end)
        {
            int i = start;
            end = Math.Min(end, _original.Length);
            // Properties (&anchor, !tag) come before the content; find where each is.
            while (i < end && (_original[i] == '&' || _original[i] == '!'))
            {
                int s = i;
                while (i < end && !char.IsWhiteSpace(_original[i]) && _original[i] != ',' && _original[i] != '[' && _original[i] != '{') i++;
                if (_original[s] == '&') { node.Anchor = anchor.IsEmpty ? _original[(s + 1)..i] : anchor.Value; node.AnchorSpan = Abs(s, i); }
                else { node.Tag = tag.IsEmpty ? _original[s..i] : tag.Value; node.TagSpan = Abs(s, i); }
                while (i < end && (_original[i] == ' ' || _original[i] == '\t' || _original[i] == '\r' || _original[i] == '\n')) i++;
            }
            if (!anchor.IsEmpty && node.Anchor is null) { node.Anchor = anchor.Value; node.AnchorSpan = Abs(start, start); }
            if (!tag.IsEmpty && node.Tag is null && !tag.IsNonSpecific) { node.Tag = tag.Value; node.TagSpan = Abs(start, start); }
            node.Span = Abs(i, Math.Max(i, end));
        }

        /// <summary>Whether a key is already in the mapping: a scan while it is small, a set once it grows.</summary>
        private static bool IsDuplicate(Frame frame, MappingNode map, string key)
        {
            if (frame.Keys is null)
            {
                foreach (var e in map.Entries) if (e.KeyText == key) return true;
                if (map.Entries.Count < 12) return false;
                frame.Keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var e in map.Entries) if (e.KeyText is { } k) frame.Keys.Add(k);
            }
            return !frame.Keys.Add(key);
        }

        private void Add(YamlNode node)
        {
            if (_stack.Count == 0)
            {
                Root ??= node;
                return;
            }
            var frame = _stack.Peek();
            node.Parent = frame.Node;
            switch (frame.Node)
            {
                case SequenceNode seq:
                    seq.Add(node);
                    break;
                case MappingNode map:
                    if (frame.PendingKey is null)
                    {
                        frame.PendingKey = node;
                        if (node is ScalarNode ks && IsDuplicate(frame, map, ks.Value))
                            Problems.Add(new SyntaxProblem(DuplicateKeyRule.Rule, ks.Span,
                                $"the key '{ks.Value}' is written twice here; keep one '{ks.Value}:' and put into it what the two say"));
                    }
                    else
                    {
                        if (node is ScalarNode { IsEmpty: true } && node.Span.Start < frame.PendingKey.Span.End)
                            node.Span = new TextSpan(frame.PendingKey.Span.End, frame.PendingKey.Span.End);
                        map.Add(new YamlEntry(frame.PendingKey, node));
                        frame.PendingKey = null;
                    }
                    break;
            }
        }
    }
}
