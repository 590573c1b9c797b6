using System.Text;
using Timeline.Core.Text;

namespace Timeline.Core.Syntax;

/// <summary>
/// Where a word under the caret stands in the YAML structure, as the reader sees it: the path of keys
/// to it ("[]" for a list item), whether it is a key or a value, the keys beside it.
/// </summary>
/// <param name="Path">The keys down to the word's mapping when it is a key, down to the word itself when it is a value.</param>
/// <param name="IsKey">The word is a mapping's key.</param>
/// <param name="BareItem">The word is a block list item on its own ("- sar"): a value, or the first key of an item being written.</param>
/// <param name="InFlow">The word is inside a flow collection (<c>[…]</c> or <c>{…}</c>).</param>
/// <param name="SiblingKeys">The other keys of the word's mapping (when it is a key).</param>
public sealed record CaretPlace(IReadOnlyList<string> Path, bool IsKey, bool BareItem, bool InFlow, IReadOnlySet<string> SiblingKeys);

/// <summary>
/// Reads the caret's place by asking <see cref="YamlReader"/>: the word under the caret is replaced by a
/// placeholder and the text around it (the caret's segment when the file is read by segments, else the
/// whole file) is read again. Reading never fails, so this answers on broken text too. A half-typed word
/// is not yet YAML of its own (a bare word below a key continues that key's text; a flow list may be
/// unclosed), so a word alone on its line is read as a key, and any other line as written, then with its
/// open brackets closed or as a key.
/// </summary>
public static class CaretReading
{
    private const char PlaceholderChar = '\uE000'; // a private-use character: no text a writer types holds it

    public static CaretPlace? At(SourceText source, TextSpan word, IReadOnlyList<Segment>? layout)
    {
        int line = source.LineOf(word.Start);
        int lineStart = source.LineStart(line), lineEnd = source.LineEnd(line);
        if (word.Start < lineStart || word.End > lineEnd) return null;
        var (regionStart, regionEnd, outer) = RegionOf(source, word.Start, layout);
        string placeholder = new(PlaceholderChar, 1);
        if (source.Substring(regionStart, regionEnd - regionStart).Contains(PlaceholderChar)) return null;

        string before = source.Substring(lineStart, word.Start - lineStart);
        string after = source.Substring(word.End, lineEnd - word.End);
        string closers = Closers(before);
        var tries = new List<string> { before + placeholder + after };
        if (closers.Length > 0) tries.Add(before + placeholder + closers);
        // A word alone on its line is a key being typed: as written, it would continue the text above or be its key's value.
        else if (string.IsNullOrWhiteSpace(before))
            tries.Insert(0, before + placeholder + (after.StartsWith(':') ? after : ":" + after));
        else tries.Add(before + placeholder + ":");
        foreach (var attempt in tries)
        {
            var text = new StringBuilder(regionEnd - regionStart + 8)
                .Append(source.Substring(regionStart, lineStart - regionStart))
                .Append(attempt)
                .Append(source.Substring(lineEnd, regionEnd - lineEnd))
                .ToString();
            var doc = YamlReader.Read(text);
            int attemptLineStart = lineStart - regionStart;
            int attemptLineEnd = attemptLineStart + attempt.Length;
            var node = doc.AllNodes().OfType<ScalarNode>().FirstOrDefault(n => n.Value.Contains(PlaceholderChar)
                && n.Span.Start >= attemptLineStart && n.Span.Start <= attemptLineEnd);
            if (node is null) continue;
            return Describe(node, placeholder, outer);
        }
        return null;
    }

    /// <summary>The text to read: the caret's segment, with the keys above it; the whole file when it is not read by segments.</summary>
    private static (int Start, int End, IReadOnlyList<string> Outer) RegionOf(SourceText source, int offset, IReadOnlyList<Segment>? layout)
    {
        if (layout is not { Count: > 0 }) return (0, source.Length, Array.Empty<string>());
        int lo = 0, hi = layout.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (layout[mid].Start <= offset) lo = mid; else hi = mid - 1;
        }
        var seg = layout[lo];
        if (offset > seg.End) return (0, source.Length, Array.Empty<string>());
        // A root list's item reads alone as a list: its path starts at the list's key.
        return seg.Role == SegmentRole.Item && seg.ListKey is { } key
            ? (seg.Start, seg.End, new[] { key })
            : (seg.Start, seg.End, Array.Empty<string>());
    }

    private static CaretPlace? Describe(ScalarNode node, string placeholder, IReadOnlyList<string> outer)
    {
        bool isKey = false, bareItem = false;
        IReadOnlySet<string> siblings = new HashSet<string>(StringComparer.Ordinal);
        switch (node.Parent)
        {
            case MappingNode m when m.Entries.Any(e => e.IsKey(node)):
                // Words before the placeholder in a key ("some wor") are not a key being typed.
                if (node.Value != placeholder) return null;
                isKey = true;
                siblings = m.Entries.Where(e => !e.IsKey(node) && e.KeyText is not null)
                    .Select(e => e.KeyText!).ToHashSet(StringComparer.Ordinal);
                break;
            case SequenceNode s:
                bareItem = !s.IsFlow && node.Value == placeholder;
                break;
        }
        var steps = new List<string>();
        bool inFlow = false;
        if (!isKey) AddStep(node, steps);
        for (var up = node.Parent; up is not null; up = up.Parent)
        {
            inFlow |= up is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true };
            AddStep(up, steps);
        }
        steps.Reverse();
        return new CaretPlace(outer.Concat(steps).ToList(), isKey, bareItem, inFlow, siblings);
    }

    /// <summary>The step from a node's parent to the node: its key, or "[]" for a list item.</summary>
    private static void AddStep(YamlNode node, List<string> steps)
    {
        switch (node.Parent)
        {
            case SequenceNode:
                steps.Add("[]");
                break;
            case MappingNode m:
                foreach (var e in m.Entries)
                    if (ReferenceEquals(e.Value, node)) { steps.Add(e.KeyText ?? ""); break; }
                break;
        }
    }

    /// <summary>The brackets that close the flow collections still open at the end of a line's text.</summary>
    private static string Closers(string text)
    {
        var open = new Stack<char>();
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            switch (c)
            {
                case '"' or '\'' when i == 0 || text[i - 1] is ' ' or '[' or '{' or ',' or ':':
                    quote = c;
                    break;
                case '#' when i == 0 || text[i - 1] == ' ':
                    return "";
                case '[': open.Push(']'); break;
                case '{': open.Push('}'); break;
                case ']' or '}' when open.Count > 0: open.Pop(); break;
            }
        }
        return string.Concat(open);
    }
}
