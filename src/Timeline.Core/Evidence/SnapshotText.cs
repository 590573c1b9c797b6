using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text;
using Timeline.Core.Text;

namespace Timeline.Core.Evidence;

/// <summary>
/// The readable text of a snapshot, as paragraphs. Within a paragraph whitespace is collapsed to single
/// spaces; paragraphs are joined by a blank line ("\n\n"). Every character of <see cref="Text"/> remembers
/// where it came from in the original file (<see cref="ToOriginal"/>), so an editor can open the snapshot
/// with a passage selected. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Plain text: paragraphs are separated by blank lines (lines of only whitespace). Markdown is matched as
/// the text it is written as, with two exceptions a reader never sees on the page: the leading <c>#</c>
/// marks of a heading (a heading is a paragraph of its own) and the leading <c>&gt;</c> marks of a block
/// quote. Emphasis, links and list markers are kept as written.
/// HTML: the visible text as a browser shows it (see <see cref="FromHtml"/>).
/// </remarks>
public sealed class SnapshotText
{
    private readonly TextSpan[] _paragraphs;
    private readonly int[] _segmentText;      // where each segment starts in Text (ascending)
    private readonly int[] _segmentOriginal;  // where it came from in the original
    private readonly int[] _segmentLength;    // how far the mapping runs on linearly in the original (0: everything maps to the start)

    private SnapshotText(string text, TextSpan[] paragraphs, int[] segmentText, int[] segmentOriginal, int[] segmentLength)
    {
        Text = text;
        _paragraphs = paragraphs;
        _segmentText = segmentText;
        _segmentOriginal = segmentOriginal;
        _segmentLength = segmentLength;
    }

    /// <summary>The readable text: paragraphs joined by "\n\n".</summary>
    public string Text { get; }

    /// <summary>Each paragraph's span in <see cref="Text"/>, in order; never empty spans.</summary>
    public IReadOnlyList<TextSpan> Paragraphs => _paragraphs;

    /// <summary>
    /// The offset in the original file's text (decoded, byte-order mark removed) that the character at
    /// <paramref name="textOffset"/> of <see cref="Text"/> came from. Exact for plain text and Markdown. For HTML,
    /// exact for every word written in the source as it reads; a word that a character reference changed maps to
    /// where the words before it in its text ended, or to the start of its element. Spaces and paragraph breaks map
    /// next to the text around them; an offset at or past the end maps to where the last text came from.
    /// </summary>
    public int ToOriginal(int textOffset)
    {
        if (_segmentText.Length == 0) return 0;
        textOffset = Math.Clamp(textOffset, 0, Math.Max(0, Text.Length));
        int i = Array.BinarySearch(_segmentText, textOffset);
        if (i < 0) i = Math.Max(0, ~i - 1);
        return _segmentOriginal[i] + Math.Min(textOffset - _segmentText[i], _segmentLength[i]);
    }

    /// <summary>The snapshot's sentences: each paragraph cut after '.', '!' or '?' followed by a space (a closing quote mark kept).</summary>
    public IEnumerable<string> Sentences()
    {
        foreach (var p in Paragraphs)
        {
            string para = Text.Substring(p.Start, p.Length);
            int start = 0;
            for (int i = 0; i < para.Length; i++)
            {
                if (para[i] is not ('.' or '!' or '?')) continue;
                int end = i + 1;
                while (end < para.Length && para[end] is '"' or '”' or '’' or '\'' or ')') end++;
                if (end < para.Length && !char.IsWhiteSpace(para[end])) continue;
                if (para[start..end].Trim() is { Length: > 0 } s) yield return s;
                start = end;
            }
            if (para[start..].Trim() is { Length: > 0 } rest) yield return rest;
        }
    }

    /// <summary>Reads a snapshot file's bytes: UTF-8 (a byte-order mark is dropped); <c>.html</c>/<c>.htm</c> as HTML,
    /// <c>.md</c>/<c>.markdown</c> as Markdown, anything else as plain text.</summary>
    public static SnapshotText Read(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        return Read(path, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>Reads a snapshot file's text, already decoded, by its extension as <see cref="Read(string, ReadOnlySpan{byte})"/> does.</summary>
    public static SnapshotText Read(string path, string text)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" => FromHtml(text),
            ".md" or ".markdown" => FromPlain(text, markdown: true),
            _ => FromPlain(text),
        };
    }

    /// <summary>Reads plain text (LF, CRLF or CR line ends): paragraphs are separated by blank lines.</summary>
    /// <param name="text">The text.</param>
    /// <param name="markdown">Also drop heading marks (<c>#</c>) and block-quote marks (<c>&gt;</c>) at the start of lines.</param>
    public static SnapshotText FromPlain(string text, bool markdown = false)
    {
        var b = new Builder();
        int i = 0;
        while (i < text.Length)
        {
            int end = i;
            while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
            int next = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2
                : Math.Min(text.Length, end + 1);
            int s = i;
            bool heading = false;
            if (markdown) s = SkipMarkdownPrefix(text, s, end, out heading);
            while (s < end && char.IsWhiteSpace(text[s])) s++;
            int e = end;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (heading) { while (e > s && text[e - 1] == '#') e--; while (e > s && char.IsWhiteSpace(text[e - 1])) e--; }
            if (e == s) b.Break();
            else
            {
                if (heading) b.Break();
                b.Space(i);
                b.AppendLine(text, s, e);
                if (heading) b.Break();
            }
            i = next;
        }
        return b.Build();
    }

    /// <summary>Skips block-quote marks (<c>&gt;</c>) and an ATX heading's opening <c>#</c>s at the start of a Markdown line.</summary>
    private static int SkipMarkdownPrefix(string text, int s, int end, out bool heading)
    {
        heading = false;
        while (true)
        {
            int p = s;
            while (p < end && p - s < 4 && text[p] == ' ') p++;
            if (p < end && text[p] == '>') { s = p + 1; continue; }
            break;
        }
        int h = s;
        while (h < end && text[h] == ' ') h++;
        int marks = 0;
        while (h + marks < end && text[h + marks] == '#') marks++;
        if (marks is >= 1 and <= 6 && (h + marks == end || text[h + marks] is ' ' or '\t'))
        {
            heading = true;
            return h + marks;
        }
        return s;
    }

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "title", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "audio", "video", "select", "datalist", "input", "textarea",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "caption", "thead", "tbody", "tfoot",
        "tr", "td", "th", "ul", "legend", "option",
    };

    /// <summary>
    /// Reads HTML as a browser shows it, with AngleSharp's parser (so broken markup is read as browsers read
    /// it and character references are decoded). Left out: <c>head</c>, <c>script</c>, <c>style</c>,
    /// <c>noscript</c>, <c>template</c>, embedded content (<c>svg</c>, <c>iframe</c>, media, form controls),
    /// comments, and elements with the <c>hidden</c> attribute, <c>aria-hidden="true"</c> or an inline
    /// <c>display: none</c>. Block elements (p, h1–h6, li, blockquote, div, table cells, …) and runs of text
    /// separated by <c>br</c> become paragraphs; whitespace is collapsed as a browser does (in <c>pre</c> too: the
    /// matching ignores whitespace, and a passage in a message reads best on one line).
    /// </summary>
    public static SnapshotText FromHtml(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(html);
        var b = new Builder();
        var root = document.DocumentElement;
        if (root is null) return b.Build();
        int cursor = 0;
        // An explicit stack: a deeply nested page must not exhaust the call stack. A null marks the end of a block.
        var stack = new Stack<INode?>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is null) { b.Break(); continue; }
            switch (node)
            {
                case IText text:
                    AppendHtmlText(b, html, text, ref cursor);
                    break;
                case IElement element:
                    if (IsHidden(element)) break;
                    if (element.LocalName == "br") { b.Break(); break; }
                    bool block = Blocks.Contains(element.LocalName);
                    if (block) { b.Break(); stack.Push(null); }
                    for (int c = element.ChildNodes.Length - 1; c >= 0; c--) stack.Push(element.ChildNodes[c]);
                    break;
            }
        }
        return b.Build();
    }

    private static bool IsHidden(IElement element)
    {
        if (Hidden.Contains(element.LocalName) || element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return true;
        string? style = element.GetAttribute("style");
        return style is not null && style.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    private static int ElementStart(IElement? element, int fallback) => element?.SourceReference?.Position.Index ?? fallback;

    /// <summary>
    /// Appends a text node's words. The parser keeps the source position of elements only, so each word is looked
    /// for in the source, after the words before it and the element's start, before the next element's start, and
    /// not further than its own text could stretch there (a character reference is at most ten times the character
    /// it stands for). A word found maps exactly; a word that a character reference changed maps to where the words
    /// before it ended, or to its element's start.
    /// </summary>
    private static void AppendHtmlText(Builder b, string html, IText node, ref int cursor)
    {
        string data = node.Data;
        int elementStart = ElementStart(node.ParentElement, cursor);
        int from = Math.Min(html.Length, Math.Max(cursor, elementStart));
        int until = Math.Max(from, Math.Min(html.Length, NextElementStart(node, html.Length)));
        int at = -1;          // where the node's text has been followed to in the source (-1: nowhere yet)
        int dataAt = 0;       // and the offset in the node's text it corresponds to
        int i = 0;
        while (i < data.Length)
        {
            int spaceAt = i;
            while (i < data.Length && char.IsWhiteSpace(data[i])) i++;
            if (i > spaceAt) b.Space(at >= 0 ? at : elementStart);
            if (i == data.Length) break;
            int s = i;
            while (i < data.Length && !char.IsWhiteSpace(data[i])) i++;
            int look = at >= 0 ? at : from;
            int reach = Math.Min(until, look + 10 * (i - dataAt) + 64) - look;
            int found = reach >= i - s ? html.IndexOf(data.Substring(s, i - s), look, reach, StringComparison.Ordinal) : -1;
            if (found < 0) { b.Append(data, s, i, at >= 0 ? at : elementStart, linear: false); continue; }
            b.Append(data, s, i, found, linear: true);
            at = cursor = found + (i - s);
            dataAt = i;
        }
    }

    /// <summary>Where the first element after a node starts in the source: the node's own text ends before it.</summary>
    private static int NextElementStart(INode node, int fallback)
    {
        for (INode? n = node; n is not null; n = n.Parent)
            for (var sibling = n.NextSibling; sibling is not null; sibling = sibling.NextSibling)
                if (sibling is IElement { SourceReference: { } reference }) return reference.Position.Index;
        return fallback;
    }

    /// <summary>Builds the text paragraph by paragraph, with one collapsed space between runs and the origin of every run.</summary>
    private sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<TextSpan> _paragraphs = new();
        private readonly List<int> _segmentText = new(), _segmentOriginal = new(), _segmentLength = new();
        private int _paragraphStart = -1;
        private int _pendingSpace = -1;   // the origin of a space owed before the next run of the paragraph

        public void Space(int origin)
        {
            if (_paragraphStart >= 0 && _pendingSpace < 0) _pendingSpace = origin;
        }

        public void Break()
        {
            if (_paragraphStart >= 0) _paragraphs.Add(new TextSpan(_paragraphStart, _text.Length));
            _paragraphStart = -1;
            _pendingSpace = -1;
        }

        /// <summary>Appends a line of plain text; whitespace inside it collapses to one space.</summary>
        public void AppendLine(string source, int start, int end)
        {
            int i = start;
            while (i < end)
            {
                int s = i;
                while (i < end && !char.IsWhiteSpace(source[i])) i++;
                Append(source, s, i, s, linear: true);
                int spaceAt = i;
                while (i < end && char.IsWhiteSpace(source[i])) i++;
                if (i > spaceAt && i < end) Space(spaceAt);
            }
        }

        public void Append(string source, int start, int end, int origin, bool linear)
        {
            if (end <= start) return;
            if (_paragraphStart < 0)
            {
                if (_text.Length > 0) { AddSegment(origin, 0); _text.Append("\n\n"); }
                _paragraphStart = _text.Length;
            }
            else if (_pendingSpace >= 0)
            {
                AddSegment(_pendingSpace, 0);
                _text.Append(' ');
            }
            _pendingSpace = -1;
            AddSegment(origin, linear ? end - start : 0);
            _text.Append(source, start, end - start);
        }

        private void AddSegment(int origin, int length)
        {
            _segmentText.Add(_text.Length);
            _segmentOriginal.Add(origin);
            _segmentLength.Add(length);
        }

        public SnapshotText Build()
        {
            Break();
            return new SnapshotText(
                _text.ToString(), _paragraphs.ToArray(), _segmentText.ToArray(), _segmentOriginal.ToArray(), _segmentLength.ToArray());
        }
    }
}
