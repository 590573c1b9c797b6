using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Timeline.Core.Evidence;

/// <summary>The plain reading of an HTML snapshot: its visible text as paragraphs separated by blank lines.</summary>
internal sealed class SnapshotText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "svg", "head", "iframe", "object" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "figure", "figcaption", "table", "tr", "td", "th", "br", "hr", "address", "aside", "nav",
    };

    public string Text { get; }

    private SnapshotText(string text) => Text = text;

    public static SnapshotText FromHtml(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(doc.Body ?? (INode)doc, paragraphs, current);
        Flush(paragraphs, current);
        return new SnapshotText(paragraphs.Count == 0 ? "" : string.Join("\n\n", paragraphs) + "\n");
    }

    private static void Walk(INode node, List<string> paragraphs, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                foreach (char c in text.Data)
                {
                    bool space = char.IsWhiteSpace(c);
                    if (!space) current.Append(c);
                    else if (current.Length > 0 && current[^1] != ' ') current.Append(' ');
                }
            }
            else if (child is IElement e && !Invisible.Contains(e.LocalName))
            {
                bool block = Blocks.Contains(e.LocalName);
                if (block) Flush(paragraphs, current);
                Walk(e, paragraphs, current);
                if (block) Flush(paragraphs, current);
            }
        }
    }

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        string p = current.ToString().Trim();
        if (p.Length > 0) paragraphs.Add(p);
        current.Clear();
    }
}
