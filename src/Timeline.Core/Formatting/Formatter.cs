using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Formatting;

/// <summary>The formatter's answer: the text in the canonical layout, or the text untouched and why.</summary>
/// <param name="Refusal">Why the text was left as it was (a syntax error, a layout the formatter does not rewrite), or null.</param>
public sealed record FormatResult(string Text, bool Changed, string? Refusal);

/// <summary>
/// The canonical layout of a Timeline file: keys in the order the language schema gives them,
/// two-space indentation, short id lists as flow lists, quotes only where YAML needs them, one
/// blank line between the items of a top-level list. Comments, the blank lines a writer put
/// inside an item, the line endings and a byte order mark are kept. A text with a syntax error
/// is left untouched, and so is any text whose content the new layout would not keep exactly
/// (<see cref="DocumentContent"/> is compared before the answer is given).
/// </summary>
public static class Formatter
{
    /// <summary>A flow list is used for an id list whose line fits in this many columns.</summary>
    public const int FlowListWidth = 100;

    public static FormatResult Format(string text, FileKind kind)
    {
        // A byte order mark is no part of the first key: it is set aside and put back.
        if (text.StartsWith('\uFEFF'))
        {
            var inner = Format(text[1..], kind);
            return inner with { Text = "\uFEFF" + inner.Text };
        }
        var document = YamlReader.Read(text);
        if (document.Problems.Count > 0)
        {
            var first = document.Problems[0];
            var at = document.Source.GetPosition(first.Span.Start);
            return new FormatResult(text, false, $"line {at.Line + 1}: {first.Rule.Code} {first.Message}; the file was left as it is");
        }
        if (document.Root is null) return new FormatResult(text, false, null);
        string formatted;
        try
        {
            formatted = new Layout(document, LanguageSchema.RootOf(kind)).Run();
        }
        catch (UnusualLayoutException e)
        {
            return new FormatResult(text, false, $"line {e.Line + 1}: {e.Message}; the file was left as it is");
        }
        if (formatted == text) return new FormatResult(text, false, null);
        if (!DocumentContent.Of(document).SequenceEqual(DocumentContent.Of(formatted)))
            return new FormatResult(text, false, "the new layout would not keep the content exactly; the file was left as it is");
        return new FormatResult(formatted, true, null);
    }

    /// <summary>The minimal edits that make the text formatted (none when it is, or when it cannot be formatted).</summary>
    public static IReadOnlyList<Checks.TextEdit> Edits(SourceText source, FileKind kind)
    {
        var result = Format(source.Text, kind);
        return result.Changed ? LineDiff.Edits(source.Text, result.Text) : Array.Empty<Checks.TextEdit>();
    }

    /// <summary>
    /// The edits that format the top-level items touching the range: whole items, so that a key
    /// moved within an item moves with all its lines. Empty when the range's part cannot be formatted on its own.
    /// </summary>
    public static IReadOnlyList<Checks.TextEdit> RangeEdits(SourceText source, FileKind kind, TextSpan range)
    {
        var all = Edits(source, kind);
        if (all.Count == 0) return all;
        var document = YamlReader.Read(source);
        var (from, to) = Records(document, range);
        var chosen = all.Where(e => e.Span.End >= from && e.Span.Start <= to).ToList();
        if (chosen.Count == all.Count) return all;
        // A partial set must keep the content as well; otherwise the range is formatted not at all.
        string applied = LineDiff.Apply(source.Text, chosen);
        return DocumentContent.Of(source.Text).SequenceEqual(DocumentContent.Of(applied)) ? chosen : Array.Empty<Checks.TextEdit>();
    }

    /// <summary>The span of the top-level items (root keys, items of root lists) the range touches, from line start to line end.</summary>
    private static (int From, int To) Records(YamlDocument document, TextSpan range)
    {
        var src = document.Source;
        int from = range.Start, to = range.End;
        if (document.Root is MappingNode root)
            foreach (var entry in root.Entries)
            {
                var parts = entry.Value is SequenceNode { IsFlow: false } q && q.Items.Count > 0
                    ? q.Items.Select(i => (i.Span.Start, i.Span.End)).ToList()
                    : new List<(int, int)> { (entry.KeySpan.Start, entry.Value.Span.End) };
                foreach (var (s, e) in parts)
                    if (s <= range.End && e >= range.Start) { from = Math.Min(from, s); to = Math.Max(to, e); }
            }
        return (src.LineStart(src.LineOf(from)), src.LineEnd(src.LineOf(Math.Max(from, to))));
    }
}

/// <summary>A layout the formatter does not rewrite (rare YAML: a list in a list, properties before a block).</summary>
internal sealed class UnusualLayoutException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
