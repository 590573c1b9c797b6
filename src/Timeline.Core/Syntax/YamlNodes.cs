using Timeline.Core.Text;

namespace Timeline.Core.Syntax;

public enum ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded }

/// <summary>
/// Where a segment of a file starts. Nodes and definitions of a segment keep their offsets
/// relative to it, so that a segment an edit did not touch is reused by moving its anchor.
/// </summary>
public sealed class SegmentAnchor
{
    public static readonly SegmentAnchor Zero = new();
    public int Start { get; internal set; }
}

/// <summary>A node of the YAML tree. Spans are UTF-16 offsets into the original text.</summary>
/// <remarks>
/// A file of 10,000 events has ~140,000 nodes (its ~96,000 plain keys have none: see YamlEntry), so every
/// field counts: a node keeps two references (its segment and its parent) and its span and flags in 8
/// bytes, so that a scalar with its value takes 48 bytes. Its depth is counted up its parents when
/// asked. Tags and anchors are rare and kept in a table beside the tree, looked up only for the nodes
/// marked as having them.
/// </remarks>
public abstract class YamlNode
{
    private int _start;
    // The end, in the low 28 bits; above it, the small field of the kinds of node (a scalar's style, a
    // collection's flow flag: 3 bits) and whether the node has a tag or an anchor (the sign bit).
    private int _endAndFlags;
    private const int EndMask = (1 << 28) - 1;
    private const int KindShift = 28, KindMask = 0x7;

    /// <summary>
    /// The largest offset a node's span may hold: the reader refuses longer texts
    /// (<see cref="YamlReader.IsTooLarge(Text.SourceText, ReaderLimits)"/>).
    /// </summary>
    internal const int MaxOffset = EndMask;

    private protected int KindFlags
    {
        get => (_endAndFlags >>> KindShift) & KindMask;
        init => _endAndFlags = (_endAndFlags & ~(KindMask << KindShift)) | ((value & KindMask) << KindShift);
    }

    private bool HasProperties => _endAndFlags < 0;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlNode, Properties> PropertiesOf = new();

    private sealed class Properties
    {
        public string? Tag, Anchor;
        public int TagStart = -1, TagEnd, AnchorStart = -1, AnchorEnd;
    }

    private Properties? Props => HasProperties && PropertiesOf.TryGetValue(this, out var p) ? p : null;

    private Properties NewProps()
    {
        var p = PropertiesOf.GetValue(this, _ => new Properties());
        _endAndFlags |= int.MinValue;
        return p;
    }

    /// <summary>The segment the node belongs to; its spans are kept relative to it.</summary>
    public SegmentAnchor Segment { get; internal set; } = SegmentAnchor.Zero;

    /// <summary>The node's own text, from its first to its last character (anchor and tag excluded).</summary>
    public TextSpan Span
    {
        get => new(_start + Segment.Start, (_endAndFlags & EndMask) + Segment.Start);
        internal set
        {
            int end = value.End - Segment.Start;
            System.Diagnostics.Debug.Assert(end is >= 0 and <= MaxOffset, "a node's end fits in 28 bits");
            _start = value.Start - Segment.Start;
            _endAndFlags = (_endAndFlags & ~EndMask) | (end & EndMask);
        }
    }

    public YamlNode? Parent { get; internal set; }
    public string? Tag { get => Props?.Tag; internal set => NewProps().Tag = value; }

    public TextSpan? TagSpan
    {
        get => Props is not { TagStart: >= 0 } p ? null : new TextSpan(p.TagStart + Segment.Start, p.TagEnd + Segment.Start);
        internal set
        {
            var p = NewProps();
            if (value is { } v) { p.TagStart = v.Start - Segment.Start; p.TagEnd = v.End - Segment.Start; }
            else p.TagStart = -1;
        }
    }

    public string? Anchor { get => Props?.Anchor; internal set => NewProps().Anchor = value; }

    public TextSpan? AnchorSpan
    {
        get => Props is not { AnchorStart: >= 0 } p ? null : new TextSpan(p.AnchorStart + Segment.Start, p.AnchorEnd + Segment.Start);
        internal set
        {
            var p = NewProps();
            if (value is { } v) { p.AnchorStart = v.Start - Segment.Start; p.AnchorEnd = v.End - Segment.Start; }
            else p.AnchorStart = -1;
        }
    }

    /// <summary>How deeply the node is nested (the root is 1), counted up its parents (the reader's depth limit keeps it short).</summary>
    public int Depth
    {
        get
        {
            int depth = 1;
            for (var p = Parent; p is not null; p = p.Parent) depth++;
            return depth;
        }
    }

    public abstract string KindName { get; }

    [ThreadStatic] private static Stack<YamlNode>? t_trimStack;

    /// <summary>
    /// Gives every collection under a node that was read its exact size: a collection grows by doubling
    /// while it is read, and a tree kept for the life of a file would otherwise keep the slack.
    /// </summary>
    internal static void TrimLists(YamlNode? root)
    {
        if (root is null) return;
        // One stack per thread, kept: this runs once per segment, and most segments are one event.
        var stack = t_trimStack ??= new Stack<YamlNode>();
        stack.Clear();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case MappingNode m:
                    m.Trim();
                    foreach (var e in m.Entries)
                    {
                        if (e.Value is MappingNode or SequenceNode) stack.Push(e.Value);
                        // Only a key that is itself a collection needs trimming (a plain key has no node until asked).
                        if (e.KeyNode is MappingNode or SequenceNode) stack.Push(e.KeyNode);
                    }
                    break;
                case SequenceNode q:
                    q.Trim();
                    foreach (var i in q.Items) if (i is MappingNode or SequenceNode) stack.Push(i);
                    break;
            }
        }
    }
}

/// <summary>
/// The children of a collection as its node keeps them: an array and how much of it is used. A
/// collection keeps no list object of its own (a file of 10,000 events has ~70,000 collections).
/// </summary>
public readonly struct NodeList<T> : IReadOnlyList<T>
{
    private readonly T[]? _items;
    // The child of a collection of one, which keeps it without an array (most of an event's lists hold one item).
    private readonly T _only;
    private readonly int _count;

    internal NodeList(T[] items, int count) { _items = items; _count = count; _only = default!; }

    internal NodeList(T only) { _only = only; _count = 1; }

    public int Count => _count;

    public T this[int index] => (uint)index >= (uint)_count ? throw new ArgumentOutOfRangeException(nameof(index))
        : _items is null ? _only : _items[index];

    public ReadOnlySpan<T> AsSpan() => _items is not null ? new ReadOnlySpan<T>(_items, 0, _count) : _count == 1 ? new[] { _only } : default;

    public Enumerator GetEnumerator() => new(_items, _only, _count);
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(T[]? items, T only, int count) : IEnumerator<T>
    {
        private int _at = -1;
        public readonly T Current => items is null ? only : items[_at];
        readonly object? System.Collections.IEnumerator.Current => Current;
        public bool MoveNext() => ++_at < count;
        public void Reset() => _at = -1;
        public readonly void Dispose() { }
    }
}

/// <summary>The growing array behind a <see cref="NodeList{T}"/>, kept in the collection's node.</summary>
internal static class NodeArrays
{
    public static void Add<T>(ref T[] items, ref int count, T item)
    {
        if (count == items.Length) Array.Resize(ref items, Math.Max(4, count * 2));
        items[count++] = item;
    }

    public static void Set<T>(ref T[] items, ref int count, ReadOnlySpan<T> from)
    {
        items = from.Length == 0 ? Array.Empty<T>() : from.ToArray();
        count = from.Length;
    }

    public static void Trim<T>(ref T[] items, int count)
    {
        if (items.Length != count) Array.Resize(ref items, count);
    }
}

public sealed class ScalarNode : YamlNode
{
    // The value; or, for a long plain value of a file read to be checked once, the file's text that it is the slice of
    // the node's span (ValuesFromText): made when asked, not kept with the tree.
    private object _value = "";

    /// <summary>A plain scalar whose value is the text of its span in <paramref name="text"/>'s file, made when asked.</summary>
    internal static ScalarNode LeftIn(ValuesFromText text, SegmentAnchor segment, YamlNode parent)
    {
        var node = new ScalarNode { Value = "", Segment = segment, Parent = parent };
        node._value = text;
        return node;
    }

    public required string Value
    {
        get => _value as string ?? ((ValuesFromText)_value).Slice(Span);
        init => _value = value;
    }

    public ScalarStyle Style { get => (ScalarStyle)KindFlags; init => KindFlags = (int)value; }

    /// <summary>Whether the value is read from the file's text when asked, not kept.</summary>
    internal bool IsLeftInText => _value is ValuesFromText;

    // A value made when asked is long (see ValuesFromText.MinLength): never empty, never a null word.
    private string? Kept => _value as string;

    /// <summary>An empty plain scalar, or a plain <c>~</c> / <c>null</c>: a value that was not written.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Kept is { } v && (v.Length == 0 || v == "~" || v is "null" or "Null" or "NULL");
    public bool IsEmpty => Style == ScalarStyle.Plain && Kept is { Length: 0 };
    public override string KindName => IsNull ? "nothing" : "text";
}

/// <summary>
/// The text of a file held whole, for the plain values that are read from it when asked rather than kept: a command that
/// checks a project once keeps every file's tree until its report is written, and the writers' own words (titles,
/// quotes, summaries, notes) are most of a chronology's text and seldom read. Only a reader told so makes them (never
/// for an editor's documents, whose nodes move from version to version).
/// </summary>
internal sealed class ValuesFromText(string text, IReadOnlySet<string> keys)
{
    /// <summary>Shorter values are kept: they are shared through the string pool, or cost little.</summary>
    public const int MinLength = 25;

    /// <summary>The whole file's text: spans are offsets into it.</summary>
    public string Text { get; } = text;

    /// <summary>The keys whose values may be left in the text (the language's free-text fields).</summary>
    public IReadOnlySet<string> Keys { get; } = keys;

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}

/// <summary>A key and its value, kept in its mapping's array (a file of 10,000 events has ~100,000 of them).</summary>
/// <remarks>
/// Most keys are plain words read by the fast path (<see cref="ShapeReader"/>): such a key is kept as its text and
/// where it starts, relative to its value's segment, and its node is made when asked (same text, span, segment and
/// parent, but a new node each time: compare keys by <see cref="IsKey"/>, not by reference). A node per key was a
/// tenth of the tree at 100,000 events.
/// </remarks>
public readonly struct YamlEntry
{
    // The key's node, or the text of a plain key whose node is made when asked.
    private readonly object _key;
    private readonly int _keyStart;

    internal YamlEntry(YamlNode key, YamlNode value)
    {
        _key = key;
        Value = value;
    }

    /// <summary>A plain key kept as its text: <paramref name="start"/> is where it starts, relative to the value's segment.</summary>
    internal YamlEntry(string plainKey, int start, YamlNode value)
    {
        _key = plainKey;
        _keyStart = start;
        Value = value;
    }

    public YamlNode Key => _key as YamlNode ?? PlainKey();

    /// <summary>The key's node when it has one of its own (not a plain key kept as its text).</summary>
    internal YamlNode? KeyNode => _key as YamlNode;

    public YamlNode Value { get; }

    /// <summary>The key's text when it is a scalar; otherwise null.</summary>
    public string? KeyText => _key as string ?? (_key as ScalarNode)?.Value;

    /// <summary>Where the key is written (no node made for it).</summary>
    public TextSpan KeySpan => _key is string text ? PlainKeySpan(text) : ((YamlNode)_key).Span;

    /// <summary>Whether a node is this entry's key (a plain key's node is made anew whenever asked).</summary>
    public bool IsKey(YamlNode node) => _key is string text
        ? node is ScalarNode s && ReferenceEquals(s.Parent, Value.Parent) && s.Span == PlainKeySpan(text)
        : ReferenceEquals(_key, node);

    private TextSpan PlainKeySpan(string text)
    {
        int start = _keyStart + Value.Segment.Start;
        return new TextSpan(start, start + text.Length);
    }

    private ScalarNode PlainKey()
    {
        var text = (string)_key;
        var node = new ScalarNode { Value = text, Segment = Value.Segment, Parent = Value.Parent };
        node.Span = PlainKeySpan(text);
        return node;
    }
}

public sealed class MappingNode : YamlNode
{
    private YamlEntry[] _entries = Array.Empty<YamlEntry>();
    private int _count;

    public NodeList<YamlEntry> Entries => new(_entries, _count);
    internal void Add(YamlEntry entry) => NodeArrays.Add(ref _entries, ref _count, entry);
    internal void SetEntries(ReadOnlySpan<YamlEntry> entries) => NodeArrays.Set(ref _entries, ref _count, entries);
    internal void Trim() => NodeArrays.Trim(ref _entries, _count);
    public bool IsFlow { get => KindFlags != 0; init => KindFlags = value ? 1 : 0; }
    public override string KindName => "a mapping";

    public YamlEntry? Find(string key)
    {
        for (int i = 0; i < _count; i++) if (_entries[i].KeyText == key) return _entries[i];
        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;

    /// <summary>The items of the list under a key (none if the key is missing or holds something else).</summary>
    public NodeList<YamlNode> ItemsOf(string key) => this[key] is SequenceNode s ? s.Items : default;

    /// <summary>The mappings among the items of the list under a key.</summary>
    public MappingsAmong ObjectsOf(string key) => new(ItemsOf(key));
}

/// <summary>
/// The mappings among a list's items, walked with no object made: the model's builder walks an event's
/// claims and figures, and a file's events, this way.
/// </summary>
public readonly struct MappingsAmong(NodeList<YamlNode> items) : IEnumerable<MappingNode>
{
    public Enumerator GetEnumerator() => new(items);
    IEnumerator<MappingNode> IEnumerable<MappingNode>.GetEnumerator() => GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(NodeList<YamlNode> items) : IEnumerator<MappingNode>
    {
        private int _at = -1;
        public MappingNode Current { get; private set; } = null!;
        readonly object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_at < items.Count)
                if (items[_at] is MappingNode m) { Current = m; return true; }
            return false;
        }

        public void Reset() => _at = -1;
        public readonly void Dispose() { }
    }
}

public sealed class SequenceNode : YamlNode
{
    // None (null), the only item (a node), or the items (an array, of which the first _count are used).
    private object? _items;
    private int _count;

    public NodeList<YamlNode> Items => _items switch
    {
        YamlNode only => new(only),
        // Never past the array: a list node a later version filled again is read whole or not at all, never beyond its end.
        YamlNode[] items => new(items, Math.Min(_count, items.Length)),
        _ => default,
    };

    internal void Add(YamlNode item)
    {
        switch (_items)
        {
            case null: _items = item; break;
            case YamlNode only: _items = new YamlNode[] { only, item, null!, null! }; break;
            case YamlNode[] items:
                var grown = items;
                int count = _count;
                NodeArrays.Add(ref grown, ref count, item);
                _items = grown;
                break;
        }
        _count++;
    }

    internal void SetItems(ReadOnlySpan<YamlNode> items)
    {
        _items = items.Length switch { 0 => null, 1 => items[0], _ => items.ToArray() };
        _count = items.Length;
    }

    internal void Trim()
    {
        if (_items is not YamlNode[] items || items.Length == _count) return;
        if (_count == 1) _items = items[0];
        else { NodeArrays.Trim(ref items, _count); _items = items; }
    }

    public bool IsFlow { get => KindFlags != 0; init => KindFlags = value ? 1 : 0; }
    public override string KindName => "a list";
}

/// <summary>An alias (<c>*name</c>). Never expanded.</summary>
public sealed class AliasNode : YamlNode
{
    public required string Name { get; init; }
    public override string KindName => "an alias";
}

/// <summary>A syntax problem found while reading.</summary>
public sealed record SyntaxProblem(Checks.Rule Rule, TextSpan Span, string Message);

public sealed class YamlDocument
{
    public required SourceText Source { get; init; }
    public YamlNode? Root { get; init; }
    public IReadOnlyList<SyntaxProblem> Problems { get; init; } = Array.Empty<SyntaxProblem>();
    /// <summary>Lines the reader had to blank to read past syntax errors.</summary>
    public IReadOnlyList<int> SkippedLines { get; init; } = Array.Empty<int>();

    /// <summary>
    /// False when no part of the text was read by the general reader: the fast one gives up on anchors, tags and
    /// aliases, so the tree holds none, and the check that reports them need not walk it.
    /// </summary>
    public bool MayHaveProperties { get; init; } = true;

    /// <summary>
    /// Whether the reader skipped a line inside this span, or in the run of skipped and
    /// blank lines right after it: the node may have lost keys to a syntax error.
    /// </summary>
    public bool LostContentNear(TextSpan span)
    {
        if (SkippedLines.Count == 0) return false;
        int first = Source.LineOf(span.Start), last = Source.LineOf(span.End);
        foreach (int l in SkippedLines) if (l >= first && l <= last) return true;
        var skipped = new HashSet<int>(SkippedLines);
        for (int l = last + 1; l < Source.LineCount; l++)
        {
            if (skipped.Contains(l)) return true;
            if (Source.LineText(l).Trim().Length > 0 && !Source.LineText(l).TrimStart().StartsWith('#')) return false;
        }
        return false;
    }

    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        ScalarNode s when s.IsNull => "nothing",
        ScalarNode s => $"text '{Shorten(s.Value)}'",
        MappingNode => "keys with values (key: value)",
        SequenceNode => "a list",
        AliasNode => "a repeat of a value written elsewhere (*name)",
        _ => "a value",
    };

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    /// <summary>All nodes, depth first, in document order.</summary>
    public IEnumerable<YamlNode> AllNodes()
    {
        if (Root is null) yield break;
        var stack = new Stack<YamlNode>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            yield return n;
            switch (n)
            {
                case MappingNode m:
                    for (int i = m.Entries.Count - 1; i >= 0; i--) { stack.Push(m.Entries[i].Value); stack.Push(m.Entries[i].Key); }
                    break;
                case SequenceNode s:
                    for (int i = s.Items.Count - 1; i >= 0; i--) stack.Push(s.Items[i]);
                    break;
            }
        }
    }
}
