using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Language;

namespace Timeline.Core.Import;

/// <summary>A value to write: a scalar, a list, or a mapping whose keys the writer puts in the schema's order.</summary>
public abstract record YamlValue;

/// <summary>A scalar with an optional comment written after it on its line. A number or boolean is <paramref name="Verbatim"/>:
/// written as it is, to be read as one.</summary>
public sealed record YamlText(string Text, string? Comment = null, bool Verbatim = false) : YamlValue;

public sealed record YamlList(IReadOnlyList<YamlValue> Items) : YamlValue;

public sealed record YamlMap(ObjectShape Shape, IReadOnlyList<(string Key, YamlValue Value)> Entries) : YamlValue;

/// <summary>An item of a block list laid out already by <see cref="CanonicalYaml.Item"/>, for a list at
/// <paramref name="ListIndent"/>: the text after its dash.</summary>
public sealed record YamlLaidOut(string Text, int ListIndent) : YamlValue;

/// <summary>
/// Writes new Timeline files in the language's canonical layout: two-space indentation, the keys of each mapping in
/// the order <see cref="LanguageSchema"/> gives them, lists of scalars in flow style, lists of mappings in block
/// style with a blank line between items, text quoted only where YAML would read it otherwise, and text of several
/// lines as a literal block. The one place the import lays out YAML.
/// </summary>
public static partial class CanonicalYaml
{
    /// <summary>The position of each key of a shape, made once per shape.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ObjectShape, Dictionary<string, int>> Orders = new();

    /// <summary>A file: an optional comment header, then the root mapping.</summary>
    public static string Write(YamlMap root, string? header = null)
    {
        var sb = new StringBuilder();
        if (header is not null)
            foreach (var line in header.Split('\n')) sb.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        WriteMap(sb, root, 0, firstIndent: 0);
        return sb.ToString();
    }

    /// <summary>
    /// A mapping laid out as an item of a block list whose key is at <paramref name="listIndent"/>, as <see cref="Write"/>
    /// would lay it out there: a writer of many items keeps their texts, not their values, until it writes the file.
    /// </summary>
    public static YamlLaidOut Item(YamlMap item, int listIndent)
    {
        var sb = ItemBuilder ??= new StringBuilder();
        sb.Clear().Append(' ');
        WriteMap(sb, item, listIndent + 4, firstIndent: 0);
        return new YamlLaidOut(sb.ToString(), listIndent);
    }

    [ThreadStatic] private static StringBuilder? ItemBuilder;

    private static void WriteMap(StringBuilder sb, YamlMap map, int indent, int firstIndent)
    {
        var order = Orders.GetOrAdd(map.Shape, shape =>
            shape.Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal));
        // Known keys in the schema's order; keys of the writer's own (x-) after them, as given. A mapping has a few keys:
        // an insertion sort of their positions, stable, without the allocations of a general sort for each of many events.
        var entries = map.Entries;
        Span<int> ranks = entries.Count <= 32 ? stackalloc int[entries.Count] : new int[entries.Count];
        Span<int> at = entries.Count <= 32 ? stackalloc int[entries.Count] : new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            int rank = order.TryGetValue(entries[i].Key, out int r) ? r : order.Count + i, j = i;
            for (; j > 0 && ranks[j - 1] > rank; j--) { ranks[j] = ranks[j - 1]; at[j] = at[j - 1]; }
            ranks[j] = rank;
            at[j] = i;
        }
        for (int n = 0; n < entries.Count; n++)
        {
            var (key, value) = entries[at[n]];
            // At the top, a list of items stands apart from the key before it, as the items stand apart from each other.
            if (n > 0 && indent == 0 && value is YamlList list && HoldsMap(list)) sb.Append('\n');
            sb.Append(' ', n == 0 ? firstIndent : indent);
            sb.Append(key).Append(':');
            WriteValue(sb, value, indent, map.Shape[key]?.Shape is ObjectShape or ListShape { Item: ObjectShape });
        }
    }

    private static void WriteValue(StringBuilder sb, YamlValue value, int indent, bool blankBetweenItems)
    {
        switch (value)
        {
            case YamlText t:
                // A commented scalar stays on its line (quoted if it has several), so the comment can follow it.
                if (t.Verbatim) sb.Append(' ').Append(t.Text).Append('\n');
                else WriteScalar(sb, t.Text, indent, allowBlock: t.Comment is null);
                if (t.Comment is not null)
                {
                    sb.Length--;
                    sb.Append("   # ").Append(OneLine(t.Comment)).Append('\n');
                }
                break;
            case YamlList l when AllPlain(l):
                sb.Append(" [");
                for (int i = 0; i < l.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    var item = (YamlText)l.Items[i];
                    if (item.Verbatim) sb.Append(item.Text);
                    else WriteFlowScalar(sb, item.Text);
                }
                sb.Append("]\n");
                break;
            case YamlList l:
                sb.Append('\n');
                for (int i = 0; i < l.Items.Count; i++)
                {
                    if (i > 0 && blankBetweenItems && indent == 0) sb.Append('\n');
                    sb.Append(' ', indent + 2).Append('-');
                    switch (l.Items[i])
                    {
                        case YamlMap m:
                            sb.Append(' ');
                            WriteMap(sb, m, indent + 4, firstIndent: 0);
                            break;
                        case YamlLaidOut laidOut when laidOut.ListIndent == indent:
                            sb.Append(laidOut.Text);
                            break;
                        case YamlLaidOut laidOut:
                            throw new ArgumentException($"an item laid out for a list at {laidOut.ListIndent} written in one at {indent}");
                        case var other:
                            WriteValue(sb, other, indent + 2, false);
                            break;
                    }
                }
                break;
            case YamlMap m:
                sb.Append('\n');
                WriteMap(sb, m, indent + 2, indent + 2);
                break;
        }
    }

    private static bool HoldsMap(YamlList list)
    {
        foreach (var item in list.Items) if (item is YamlMap or YamlLaidOut) return true;
        return false;
    }

    /// <summary>Whether every item is a scalar without a comment: the list is written in flow style.</summary>
    private static bool AllPlain(YamlList list)
    {
        foreach (var item in list.Items) if (item is not YamlText { Comment: null }) return false;
        return true;
    }

    /// <summary>Writes " value\n" (or a literal block) after a key or a dash.</summary>
    private static void WriteScalar(StringBuilder sb, string text, int indent, bool allowBlock)
    {
        if (allowBlock && text.Contains('\n') && CanBeLiteral(text))
        {
            string body = text.TrimEnd('\n');
            sb.Append(" |").Append(text.EndsWith('\n') ? "" : "-").Append('\n');
            foreach (var line in body.Split('\n'))
            {
                if (line.Length > 0) sb.Append(' ', indent + 2).Append(line);
                sb.Append('\n');
            }
            return;
        }
        sb.Append(' ');
        if (NeedsQuotes(text)) AppendQuoted(sb, text);
        else sb.Append(text);
        sb.Append('\n');
    }

    private static void WriteFlowScalar(StringBuilder sb, string text)
    {
        if (NeedsQuotes(text, flow: true)) AppendQuoted(sb, text);
        else sb.Append(text);
    }

    /// <summary>A literal block keeps the text only when no line begins with a space or tab and nothing needs escaping.</summary>
    private static bool CanBeLiteral(string text) =>
        !text.StartsWith(' ') && !text.Contains('\t') && !text.Contains('\r') && !text.Any(c => char.IsControl(c) && c != '\n')
        && !text.Split('\n').Any(l => l.EndsWith(' ')) && !text.EndsWith("\n\n", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|" +
        @"~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|\d+(?::\d+)+)$")]
    private static partial Regex ReadAsOther();

    /// <summary>Whether a text beginning with <paramref name="first"/> could be one that <see cref="ReadAsOther"/> matches
    /// (most texts cannot, and most of an import's texts are asked).</summary>
    private static bool MayReadAsOther(char first) =>
        char.IsAsciiDigit(first) || first is '+' or '-' or '.' or '~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'y' or 'Y' or 'o' or 'O';

    /// <summary>Whether YAML would read the text as plain as something else, or not at all.</summary>
    public static bool NeedsQuotes(string text, bool flow = false)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return true;
        if (MayReadAsOther(text[0]) && ReadAsOther().IsMatch(text)) return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0]) && !(text[0] is '-' or '?' or ':' && text.Length > 1 && text[1] != ' ' && !flow))
            return true;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return true;
        if (flow && text.AsSpan().IndexOfAny(",[]{}") >= 0) return true;
        foreach (char c in text)
            if (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029') return true;
        return false;
    }

    private static void AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029')
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static readonly char[] LineBreaks = { '\r', '\n' };

    private static string OneLine(string s) => string.Join(' ', s.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries));
}
