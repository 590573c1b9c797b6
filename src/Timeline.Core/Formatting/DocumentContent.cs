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

    private static void Walk(YamlNode node, string path, List<string> lines, List<(TextSpan, string, bool)> paths, bool orderFree)
    {
        string properties = (node.Anchor is { } a ? " &" + a : "") + (node.Tag is { } t ? " !" + t : "");
        switch (node)
        {
            case ScalarNode s:
                lines.Add($"{path} = {Resolve(s)}{properties}");
                paths.Add((s.Span, path, false));
                break;
            case AliasNode al:
                lines.Add($"{path} = *{al.Name}");
                paths.Add((al.Span, path, false));
                break;
            case MappingNode m:
                lines.Add($"{path} {{}}{properties}");
                var entries = new List<(string Key, List<string> Lines)>();
                foreach (var e in m.Entries)
                {
                    string key = e.KeyText ?? "?";
                    paths.Add((e.KeySpan, $"{path}/{key}", true));
                    var own = new List<string>();
                    Walk(e.Value, $"{path}/{key}", own, paths, orderFree);
                    entries.Add((key, own));
                }
                foreach (var (_, own) in entries.OrderBy(e => e.Key, StringComparer.Ordinal)) lines.AddRange(own);
                break;
            case SequenceNode q:
                lines.Add($"{path} []{properties}");
                var names = ItemNames(q);
                bool byId = names.All(n => n.StartsWith('#'));
                var items = new List<List<string>>();
                for (int i = 0; i < q.Items.Count; i++)
                {
                    var own = new List<string>();
                    // In any order, items without unique ids cannot be named by their place: they are compared as a set.
                    string name = orderFree && !byId ? "*" : names[i];
                    Walk(q.Items[i], $"{path}/{name}", own, paths, orderFree);
                    items.Add(own);
                }
                var ordered = !orderFree ? items.AsEnumerable()
                    : byId ? items.OrderBy(i => i[0], StringComparer.Ordinal)
                    : items.OrderBy(i => string.Join("\n", i), StringComparer.Ordinal);
                foreach (var own in ordered) lines.AddRange(own);
                break;
        }
    }

    /// <summary>An item is named by its id when the list's ids are unique, else by its place.</summary>
    private static string[] ItemNames(SequenceNode q)
    {
        var names = q.Items.Select(i => i is MappingNode m && m["id"] is ScalarNode { IsNull: false } id ? "#" + id.Value : null).ToArray();
        bool unique = names.All(n => n is not null) && names.Distinct(StringComparer.Ordinal).Count() == names.Length;
        return unique ? names.Select(n => n!).ToArray()
            : Enumerable.Range(0, names.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>A scalar as a YAML tool reads it: text, or (written plainly) a number, a boolean or nothing.</summary>
    private static string Resolve(ScalarNode s)
    {
        if (s.Style != ScalarStyle.Plain) return "str:" + s.Value;
        if (s.IsNull) return "null";
        return (PlainKind(s.Value) ?? "str") + ":" + s.Value;
    }

    /// <summary>What a plain scalar resolves to when it is not text (YAML 1.2 core, with 1.1's words and clock numbers), or null.</summary>
    public static string? PlainKind(string value)
    {
        if (value.Length == 0 || value is "~" || value.Equals("null", StringComparison.OrdinalIgnoreCase)) return "null";
        if (value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n") return "bool";
        return NumberLike().IsMatch(value) ? "number" : null;
    }

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|\.(inf|Inf|INF)"
        + @"|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex NumberLike();

    /// <summary>Each comment with its owner: the value it trails on its line, else the top-level item it stands in or before.</summary>
    private static List<string> Comments(YamlDocument document, List<(TextSpan Span, string Path, bool IsKey)> paths)
    {
        var src = document.Source;
        var values = paths.OrderBy(p => p.Span.Start).ToList();
        var starts = values.Select(v => v.Span.Start).ToArray();
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
        skip.Sort((a, b) => a.Start.CompareTo(b.Start));
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
