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
/// A file of 10,000 events has ~240,000 nodes, so every field counts: a node keeps two references (its
/// segment and its parent) and its span, depth and flags in 12 bytes, so that a scalar with its value takes
/// 56 bytes. Tags and anchors are rare and kept in a table beside the tree, looked up only for the nodes
/// marked as having them.
/// </remarks>
public abstract class YamlNode
{
    private int _start, _end;
    private ushort _depth;
    private bool _hasProperties;
    // The small fields of the kinds of node (a scalar's style, a collection's flow flag) fit beside these.
    private protected byte _kindFlags;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlNode, Properties> PropertiesOf = new();

    private sealed class Properties
    {
        public string? Tag, Anchor;
        public int TagStart = -1, TagEnd, AnchorStart = -1, AnchorEnd;
    }

    private Properties? Props => _hasProperties && PropertiesOf.TryGetValue(this, out var p) ? p : null;

    private Properties NewProps()
    {
        var p = PropertiesOf.GetValue(this, _ => new Properties());
        _hasProperties = true;
        return p;
    }

    /// <summary>The segment the node belongs to; its spans are kept relative to it.</summary>
    public SegmentAnchor Segment { get; internal set; } = SegmentAnchor.Zero;

    /// <summary>The node's own text, from its first to its last character (anchor and tag excluded).</summary>
    public TextSpan Span
    {
        get => new(_start + Segment.Start, _end + Segment.Start);
        internal set { _start = value.Start - Segment.Start; _end = value.End - Segment.Start; }
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

    /// <summary>How deeply the node is nested (the root is 1); the reader's depth limit keeps it far below 65,535.</summary>
    public int Depth { get => _depth; internal set => _depth = (ushort)Math.Clamp(value, 0, ushort.MaxValue); }

    public abstract string KindName { get; }

    /// <summary>
    /// Gives every list under a node that was read its exact size: a list grows by doubling while it is
    /// read, and a tree kept for the life of a file would otherwise keep the slack (a sixth of its arrays).
    /// </summary>
    internal static void TrimLists(YamlNode? root)
    {
        if (root is null) return;
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case MappingNode m:
                    if (m.Entries.Capacity != m.Entries.Count) m.Entries.Capacity = m.Entries.Count;
                    foreach (var e in m.Entries)
                    {
                        if (e.Value is MappingNode or SequenceNode) stack.Push(e.Value);
                        if (e.Key is MappingNode or SequenceNode) stack.Push(e.Key);
                    }
                    break;
                case SequenceNode q:
                    if (q.Items.Capacity != q.Items.Count) q.Items.Capacity = q.Items.Count;
                    foreach (var i in q.Items) if (i is MappingNode or SequenceNode) stack.Push(i);
                    break;
            }
        }
    }
}

public sealed class ScalarNode : YamlNode
{
    public required string Value { get; init; }
    public ScalarStyle Style { get => (ScalarStyle)_kindFlags; init => _kindFlags = (byte)value; }

    /// <summary>An empty plain scalar, or a plain <c>~</c> / <c>null</c>: a value that was not written.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && (Value.Length == 0 || Value == "~" || Value is "null" or "Null" or "NULL");
    public bool IsEmpty => Style == ScalarStyle.Plain && Value.Length == 0;
    public override string KindName => IsNull ? "nothing" : "text";
}

public sealed class YamlEntry
{
    public required YamlNode Key { get; init; }
    public required YamlNode Value { get; init; }
    /// <summary>The key's text when it is a scalar; otherwise null.</summary>
    public string? KeyText => (Key as ScalarNode)?.Value;
}

public sealed class MappingNode : YamlNode
{
    public List<YamlEntry> Entries { get; } = new();
    public bool IsFlow { get => _kindFlags != 0; init => _kindFlags = value ? (byte)1 : (byte)0; }
    public override string KindName => "a mapping";

    public YamlEntry? Find(string key)
    {
        foreach (var e in Entries) if (e.KeyText == key) return e;
        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;

    /// <summary>The items of the list under a key (none if the key is missing or holds something else).</summary>
    public IEnumerable<YamlNode> ItemsOf(string key) => this[key] is SequenceNode s ? s.Items : Enumerable.Empty<YamlNode>();

    /// <summary>The mappings among the items of the list under a key.</summary>
    public IEnumerable<MappingNode> ObjectsOf(string key) => ItemsOf(key).OfType<MappingNode>();
}

public sealed class SequenceNode : YamlNode
{
    public List<YamlNode> Items { get; internal set; } = new();
    public bool IsFlow { get => _kindFlags != 0; init => _kindFlags = value ? (byte)1 : (byte)0; }
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
