using Timeline.Core.Text;

namespace Timeline.Core.Syntax;

public enum SegmentRole { Whole, Key, ListHeader, Item }

/// <summary>A run of whole lines that parses on its own: a root key with its value, a list's key line, or one item of a root-level list.</summary>
public readonly record struct Segment(int Start, int Length, SegmentRole Role, int DepthOffset, string? ListKey = null)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits a file whose root is a block mapping into segments that YAML lets us read apart:
/// each root key with its value, and each item of a root key's block list. In valid YAML no
/// scalar can continue at a root key's column or at a list item's dash column, so the split
/// is exact; anything unusual (documents markers, tabs, a root that is not a block mapping)
/// is read whole.
/// </summary>
public static class Segmenter
{
    public static IReadOnlyList<Segment>? Split(SourceText source)
    {
        if (source.Contains('\t') || YamlReader.HasControl(source)) return null;
        var segments = new List<Segment>();
        int n = source.LineCount;
        int firstContent = -1;
        var rootLines = new List<int>();
        for (int line = 0; line < n; line++)
        {
            var text = source.LineSpan(line);
            if (text.IsEmpty) continue;
            char c = text[0];
            if (c == ' ' || c == '#') continue;
            if (firstContent < 0) firstContent = line;
            // A content line at column 0 must start a root key.
            if (c is '-' or '[' or '{' or '.' or '?' or '!' or '&' or '*' or '|' or '>' or '%' or '@' or '`' or ',' or ']' or '}') return null;
            if (KeyColon(text) < 0) return null;
            rootLines.Add(line);
        }
        if (rootLines.Count == 0) return null;
        for (int r = 0; r < rootLines.Count; r++)
        {
            int start = r == 0 ? 0 : source.LineStart(rootLines[r]);
            int end = r + 1 < rootLines.Count ? source.LineStart(rootLines[r + 1]) : source.Length;
            SplitRootKey(source, rootLines[r], start, end, segments);
        }
        return segments;
    }

    /// <summary>
    /// The split of a text made by an edit inside one line, from the split of the text before it, or null when the edit
    /// may change the split (the text is then split whole). <paramref name="prefix"/> and <paramref name="suffix"/> are how
    /// many characters the two texts share at their start and end. The split looks at a line only for its first content
    /// column and the two characters there (a dash and its space, a '#', a root key's colon): an edit that keeps to one
    /// indented line, after those two characters, and brings no line break, tab or control character, changes nothing
    /// in it but the length of the segment that holds the line. Typing in an event's title at 100,000 events: the
    /// split of the 2.7 MB file is not made again for every keystroke.
    /// </summary>
    public static IReadOnlyList<Segment>? SplitAfterEdit(SourceText before, IReadOnlyList<Segment> layout, SourceText now,
        int prefix, int suffix)
    {
        int removedEnd = before.Length - suffix, insertedEnd = now.Length - suffix;
        if (removedEnd < prefix || insertedEnd < prefix || layout.Count == 0) return null;
        int line = now.LineOf(prefix);
        int lineStart = now.LineStart(line), lineEnd = now.LineEnd(line);
        // The edit stays within the line's content, in both texts (no terminator removed or brought).
        if (insertedEnd > lineEnd || before.LineOf(removedEnd) != before.LineOf(prefix)) return null;
        if (before.LineEnd(before.LineOf(prefix)) < removedEnd) return null;
        var content = now.LineSpan(line);
        int col = 0;
        while (col < content.Length && content[col] == ' ') col++;
        // A root line starts at column 0; and the first content column's two characters are the ones read.
        if (col == 0 || prefix < lineStart + col + 2) return null;
        var inserted = insertedEnd > prefix ? now.Substring(prefix, insertedEnd - prefix) : "";
        if (inserted.Contains('\t') || YamlReader.HasControl(inserted)) return null;
        int delta = now.Length - before.Length;
        // The segment that holds the line grows or shrinks by the edit; those after it move.
        int at = -1;
        for (int lo = 0, hi = layout.Count - 1; lo <= hi;)
        {
            int mid = (lo + hi) / 2;
            if (layout[mid].End <= prefix) lo = mid + 1;
            else if (layout[mid].Start > prefix) hi = mid - 1;
            else { at = mid; break; }
        }
        if (at < 0 || removedEnd > layout[at].End) return null;
        var split = new Segment[layout.Count];
        for (int i = 0; i < split.Length; i++)
            split[i] = i < at ? layout[i]
                : i == at ? layout[i] with { Length = layout[i].Length + delta }
                : layout[i] with { Start = layout[i].Start + delta };
        return split;
    }

    /// <summary>Where the colon that ends a root key stands on a line (its content), or -1.</summary>
    private static int KeyColon(ReadOnlySpan<char> text)
    {
        int e = text.Length;
        if (text[0] is '"' or '\'')
        {
            char q = text[0];
            int close = text[1..].IndexOf(q) + 1;
            return close > 0 && close + 1 < e && text[close + 1] == ':' && (close + 2 == e || text[close + 2] == ' ') ? close + 1 : -1;
        }
        for (int i = 0; i < e; i++)
        {
            if (text[i] == ':' && (i + 1 == e || text[i + 1] == ' ')) return i;
            if (text[i] == '#' && i > 0 && text[i - 1] == ' ') return -1;
        }
        return -1;
    }

    private static void SplitRootKey(SourceText source, int keyLine, int start, int end, List<Segment> segments)
    {
        var keyText = source.LineSpan(keyLine);
        // Only "key:" with nothing after it but a comment can own a block list below.
        int colon = KeyColon(keyText);
        var rest = keyText[(colon + 1)..].Trim();
        if (rest.Length > 0 && rest[0] != '#') { segments.Add(new Segment(start, end - start, SegmentRole.Key, 0)); return; }
        // The language's own keys are the interned literals: every version's segments share them.
        string key = keyText[..colon].Trim().Trim("\"'").ToString();
        key = string.IsInterned(key) ?? key;

        int indent = -1;
        var items = new List<int>();
        for (int line = keyLine + 1; line < source.LineCount && source.LineStart(line) < end; line++)
        {
            var text = source.LineSpan(line);
            int e = text.Length;
            int i = 0;
            while (i < e && text[i] == ' ') i++;
            if (i == e || text[i] == '#') continue;
            int col = i;
            if (indent < 0)
            {
                if (text[i] != '-' || !(i + 1 == e || text[i + 1] == ' '))
                {
                    segments.Add(new Segment(start, end - start, SegmentRole.Key, 0));
                    return;
                }
                indent = col;
            }
            if (col < indent) { segments.Add(new Segment(start, end - start, SegmentRole.Key, 0)); return; }
            if (col == indent)
            {
                if (text[i] != '-' || !(i + 1 == e || text[i + 1] == ' '))
                {
                    segments.Add(new Segment(start, end - start, SegmentRole.Key, 0));
                    return;
                }
                items.Add(line);
            }
        }
        if (items.Count == 0) { segments.Add(new Segment(start, end - start, SegmentRole.Key, 0)); return; }
        int headerEnd = source.LineStart(items[0]);
        // Grown once for the list's items, not by doubling (a file of 10,000 events is 10,000 segments).
        segments.EnsureCapacity(segments.Count + 1 + items.Count);
        segments.Add(new Segment(start, headerEnd - start, SegmentRole.ListHeader, 0, key));
        for (int k = 0; k < items.Count; k++)
        {
            int s = source.LineStart(items[k]);
            int e = k + 1 < items.Count ? source.LineStart(items[k + 1]) : end;
            segments.Add(new Segment(s, e - s, SegmentRole.Item, 1, key));
        }
    }
}
