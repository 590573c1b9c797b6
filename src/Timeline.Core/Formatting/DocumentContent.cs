using System.Text.RegularExpressions;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Formatting;

/// <summary>
/// What a file says, apart from its layout: every value with its path, and every comment with
/// its owner. Two texts with the same content differ only in layout. Mapping keys are compared
/// by name (their order is layout); list items in order, an item with an id named by it.
/// </summary>
public static partial class DocumentContent
{
    /// <summary>The values and comments of a text, one line each, in a stable order.</summary>
    /// <param name="orderFree">Whether the items of a list that have ids may come in any order (sorting events changes only that).</param>
    public static IReadOnlyList<string> Of(string text, bool orderFree = false)
    {
        // A byte order mark is how the text was stored, not what it says.
        return Of(YamlReader.Read(text.StartsWith('\uFEFF') ? text[1..] : text), orderFree);
    }

    /// <summary>The values and comments of a document as read.</summary>
    public static IReadOnlyList<string> Of(YamlDocument document, bool orderFree = false)
    {
        var lines = new List<string>();
        var paths = new List<(TextSpan Span, string Path, bool IsKey)>();
        if (document.Root is { } root) Walk(root, "", lines, paths, orderFree);
        lines.AddRange(Comments(document, paths));
        return lines;
    }

    // Each node's lines are written straight into the one list, and a collection's children are put in order afterwards
    // in place: a list per key and per item made the check of a 10,000-event file's layout allocate ~400 MB.
    private static void Walk(YamlNode node, string path, List<string> lines, List<(TextSpan, string, bool)> paths, bool orderFree)
    {
        string properties = (node.Anchor is { } a ? " &" + a : "") + (node.Tag is { } t ? " !" + t : "");
        switch (node)
        {
            case ScalarNode s:
                lines.Add(Line(path, s, properties));
                paths.Add((s.Span, path, false));
                break;
            case AliasNode al:
                lines.Add($"{path} = *{al.Name}");
                paths.Add((al.Span, path, false));
                break;
            case MappingNode m:
                {
                    lines.Add($"{path} {{}}{properties}");
                    int n = m.Entries.Count;
                    var keys = new string[n];
                    var starts = new int[n + 1];
                    for (int i = 0; i < n; i++)
                    {
                        var e = m.Entries[i];
                        keys[i] = e.KeyText ?? "?";
                        string child = string.Concat(path, "/", keys[i]);
                        paths.Add((e.KeySpan, child, true));
                        starts[i] = lines.Count;
                        Walk(e.Value, child, lines, paths, orderFree);
                    }
                    starts[n] = lines.Count;
                    // Keys compare by name: their order is layout.
                    Reorder(lines, starts, (x, y) => string.CompareOrdinal(keys[x], keys[y]));
                    break;
                }
            case SequenceNode q:
                {
                    lines.Add($"{path} []{properties}");
                    var names = ItemNames(q, out bool byId);
                    int n = q.Items.Count;
                    var starts = new int[n + 1];
                    for (int i = 0; i < n; i++)
                    {
                        // In any order, items without unique ids cannot be named by their place: they are compared as a set.
                        string name = orderFree && !byId ? "*" : names[i];
                        starts[i] = lines.Count;
                        Walk(q.Items[i], string.Concat(path, "/", name), lines, paths, orderFree);
                    }
                    starts[n] = lines.Count;
                    if (!orderFree) break;
                    if (byId) Reorder(lines, starts, (x, y) => string.CompareOrdinal(lines[starts[x]], lines[starts[y]]));
                    else
                    {
                        var whole = new string[n];
                        for (int i = 0; i < n; i++) whole[i] = string.Join("\n", lines.GetRange(starts[i], starts[i + 1] - starts[i]));
                        Reorder(lines, starts, (x, y) => string.CompareOrdinal(whole[x], whole[y]));
                    }
                    break;
                }
        }
    }

    /// <summary>
    /// Puts the children's runs of lines (child i holds lines[starts[i]..starts[i + 1])) in the order the comparison
    /// gives, children that compare equal in the order they came (as a stable sort would).
    /// </summary>
    private static void Reorder(List<string> lines, int[] starts, Comparison<int> compare)
    {
        int n = starts.Length - 1;
        bool ordered = true;
        for (int i = 1; i < n && ordered; i++) ordered = compare(i - 1, i) <= 0;
        if (ordered) return;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (x, y) => compare(x, y) is var c && c != 0 ? c : x.CompareTo(y));
        var run = lines.GetRange(starts[0], starts[n] - starts[0]);
        int at = starts[0];
        foreach (int i in order)
            for (int k = starts[i]; k < starts[i + 1]; k++) lines[at++] = run[k - starts[0]];
    }

    /// <summary>A scalar's line: its path and its value as a YAML tool reads it.</summary>
    private static string Line(string path, ScalarNode s, string properties)
    {
        if (s.Style != ScalarStyle.Plain) return string.Concat(path, " = str:", s.Value, properties);
        if (s.IsNull) return string.Concat(path, " = null", properties);
        return string.Concat([path, " = ", PlainKind(s.Value) ?? "str", ":", s.Value, properties]);
    }

    /// <summary>An item is named by its id when the list's ids are unique, else by its place.</summary>
    private static string[] ItemNames(SequenceNode q, out bool byId)
    {
        int n = q.Items.Count;
        var names = new string[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        byId = true;
        for (int i = 0; i < n && byId; i++)
        {
            names[i] = q.Items[i] is MappingNode m && m["id"] is ScalarNode { IsNull: false } id ? "#" + id.Value : "";
            byId = names[i].Length > 0 && seen.Add(names[i]);
        }
        if (byId) return names;
        for (int i = 0; i < n; i++) names[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return names;
    }

    /// <summary>What a plain scalar resolves to when it is not text (YAML 1.2 core, with 1.1's words and clock numbers), or null.</summary>
    public static string? PlainKind(string value)
    {
        if (value.Length == 0 || value is "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase)) return "null";
        // The words are five letters at most, and a number starts with a sign, a dot or a digit: most values are neither.
        if (value.Length <= 5 && value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n") return "bool";
        return value[0] is '-' or '+' or '.' or (>= '0' and <= '9') && NumberLike().IsMatch(value) ? "number" : null;
    }

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|\.(inf|Inf|INF)"
        + @"|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex NumberLike();

    /// <summary>Each comment with its owner: the value it trails on its line, else the top-level item it stands in or before.</summary>
    private static List<string> Comments(YamlDocument document, List<(TextSpan Span, string Path, bool IsKey)> paths)
    {
        var src = document.Source;
        // The paths in the order of their text, those that start together in the order they came (mostly they already are:
        // they were found walking the tree; sorted as numbers, start and place in one, when not).
        var order = new long[paths.Count];
        bool sorted = true;
        for (int i = 0; i < paths.Count; i++)
        {
            order[i] = ((long)paths[i].Span.Start << 32) | (uint)i;
            sorted &= i == 0 || order[i - 1] <= order[i];
        }
        if (!sorted) Array.Sort(order);
        var values = new List<(TextSpan Span, string Path, bool IsKey)>(paths.Count);
        var starts = new int[paths.Count];
        for (int i = 0; i < order.Length; i++)
        {
            values.Add(paths[(int)(order[i] & uint.MaxValue)]);
            starts[i] = (int)(order[i] >> 32);
        }
        var found = new List<string>();
        foreach (var (start, end) in CommentSpans(document))
        {
            string text = src.Substring(start, end - start).TrimEnd();
            int line = src.LineOf(start);
            // The values are apart and in order: the one after the comment, and those before it on its line.
            int after = Array.BinarySearch(starts, start);
            if (after < 0) after = ~after;
            (TextSpan Span, string Path, bool IsKey) trailed = default;
            for (int k = after - 1; k >= 0 && values[k].Span.Start >= src.LineStart(line); k--)
                if (values[k].Span.End <= start) { trailed = values[k]; break; }
            string owner;
            if (trailed.Path is not null) owner = trailed.Path + (trailed.IsKey ? ":" : "");
            // Above the first key and apart from it (a blank line between): the file's own comments, whichever key comes first.
            else if (document.Root is { } root && start < root.Span.Start && BlankLineBetween(src, line, src.LineOf(root.Span.Start)))
                owner = "(start)";
            else owner = after < values.Count ? Record(values[after].Path) : "(end)";
            found.Add($"{owner} {text}");
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static bool BlankLineBetween(SourceText src, int from, int to)
    {
        for (int line = from + 1; line < to; line++) if (src.LineSpan(line).IsWhiteSpace()) return true;
        return false;
    }

    /// <summary>The top-level item of a path: "/events/#a/date" is in "/events/#a".</summary>
    private static string Record(string path)
    {
        int slashes = 0;
        for (int i = 0; i < path.Length; i++)
            if (path[i] == '/' && ++slashes == 3) return path[..i];
        return path;
    }

    /// <summary>Where the comments of a text are: a '#' at a line's start or after a space, outside every value.</summary>
    public static IReadOnlyList<(int Start, int End)> CommentSpans(YamlDocument document)
    {
        var src = document.Source;
        var text = src.Text;
        var skip = new List<TextSpan>();
        foreach (var node in document.AllNodes())
        {
            if (node is not ScalarNode s) continue;
            if (s.Style is ScalarStyle.Literal or ScalarStyle.Folded)
            {
                // The header ("|-") is a token; the lines below it are the value, whatever they hold.
                int header = s.Span.Start;
                while (header < s.Span.End && !char.IsWhiteSpace(text[header]) && text[header] != '#') header++;
                skip.Add(new TextSpan(s.Span.Start, header));
                int nextLine = src.LineOf(s.Span.Start) + 1;
                if (nextLine < src.LineCount && src.LineStart(nextLine) < s.Span.End) skip.Add(new TextSpan(src.LineStart(nextLine), s.Span.End));
            }
            else skip.Add(s.Span);
        }
        // In the order the tree was walked, which is mostly the text's.
        bool inOrder = true;
        for (int i = 1; i < skip.Count && inOrder; i++) inOrder = skip[i - 1].Start <= skip[i].Start;
        if (!inOrder) skip.Sort((a, b) => a.Start.CompareTo(b.Start));
        var spans = new List<(int, int)>();
        int k = 0;
        for (int i = 0; i < text.Length; i++)
        {
            while (k < skip.Count && skip[k].End <= i) k++;
            if (k < skip.Count && skip[k].Start <= i) { i = skip[k].End - 1; continue; }
            if (text[i] != '#' || (i > 0 && text[i - 1] is not (' ' or '\t' or '\n' or '\r' or '\uFEFF'))) continue;
            int end = i;
            while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
            spans.Add((i, end));
            i = end;
        }
        return spans;
    }
}
