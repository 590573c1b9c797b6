using Timeline.Core.Checks;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>
/// Minimal edits to a mapping of a file: a key added after its last entry (block or flow), a sentence
/// appended to a text value. The file's line endings and indentation are kept; nothing else moves.
/// </summary>
public static class MappingEdits
{
    /// <summary>Adds <c>key: value</c> (the value already written as YAML) after the mapping's last entry.</summary>
    public static TextEdit? AddEntry(SourceText src, MappingNode map, string key, string value) =>
        AddEntries(src, map, new[] { $"{key}: {value}" });

    /// <summary>Adds entries (<c>key: value</c> each, values written as YAML) after the mapping's last entry.</summary>
    public static TextEdit? AddEntries(SourceText src, MappingNode map, IReadOnlyList<string> entries)
    {
        if (map.Entries.Count == 0 || entries.Count == 0) return null;
        if (map.IsFlow)
        {
            // "{a: 1}" → "{a: 1, key: value}", before the closing brace.
            int close = map.Span.End - 1;
            if (close < 0 || src[close] != '}') return null;
            int at = map.Entries[^1].Value.Span.End;
            return new TextEdit(new TextSpan(at, at), string.Concat(entries.Select(e => ", " + e)));
        }
        var first = map.Entries[0].Key;
        int column = first.Span.Start - src.LineStart(src.LineOf(first.Span.Start));
        var last = map.Entries[^1];
        int end = Math.Max(last.Value.Span.End, last.KeySpan.End);
        int lastLine = src.LineOf(Math.Max(last.KeySpan.Start, end - 1));
        string line = string.Join(src.NewLine, entries.Select(e => new string(' ', column) + e));
        if (lastLine + 1 < src.LineCount) return Insert(src.LineStart(lastLine + 1), line + src.NewLine);
        return Insert(src.Length, (EndsWithBreak(src) ? "" : src.NewLine) + line + src.NewLine);
    }

    /// <summary>
    /// Appends a sentence to the text under <paramref name="key"/> (the notes), or adds the key with it:
    /// what was written stays, word for word.
    /// </summary>
    public static TextEdit? AppendText(SourceText src, MappingNode map, string key, string sentence)
    {
        if (map.Find(key) is not { } entry) return AddEntry(src, map, key, YamlScalars.Write(sentence));
        if (entry.Value is not ScalarNode scalar) return null;
        if (scalar.IsNull)
        {
            if (scalar.Span.Length > 0) return new TextEdit(scalar.Span, YamlScalars.Write(sentence));
            // "notes:" with nothing after it: the text goes right after the colon.
            int colon = entry.KeySpan.End;
            return colon < src.Length && src[colon] == ':' ? Insert(colon + 1, " " + YamlScalars.Write(sentence)) : null;
        }
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block of text: one more line at the block's indentation, after its last line of text.
            int lastLine = src.LineOf(Math.Max(scalar.Span.Start, scalar.Span.End - 1));
            while (lastLine > src.LineOf(entry.KeySpan.Start) && src.LineText(lastLine).Trim().Length == 0) lastLine--;
            string text = src.LineText(lastLine);
            string indent = new(' ', text.Length - text.TrimStart(' ').Length);
            string separator = scalar.Style == ScalarStyle.Literal ? "" : src.NewLine;
            int at = lastLine + 1 < src.LineCount ? src.LineStart(lastLine + 1) : src.Length;
            string prefix = at == src.Length && !EndsWithBreak(src) ? src.NewLine : "";
            return Insert(at, prefix + separator + indent + sentence + src.NewLine);
        }
        string old = scalar.Value.TrimEnd();
        string joined = old + (old.EndsWith('.') ? " " : ". ") + sentence;
        return new TextEdit(scalar.Span, YamlScalars.Write(joined));
    }

    private static TextEdit Insert(int at, string text) => new(new TextSpan(at, at), text);

    private static bool EndsWithBreak(SourceText src) => src.Length > 0 && src[src.Length - 1] is '\n' or '\r';
}
