using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Timeline.Core.Capture;

/// <summary>
/// The part of a page that holds its article: the longest <c>&lt;article&gt;</c>, else
/// <c>&lt;main&gt;</c>, else the body, without navigation, asides, forms, footers and the
/// page's header (a header that carries the article's headline is kept).
/// </summary>
public static class MainContent
{
    private const string Dropped = "nav, aside, form, footer, script, style, noscript, template, iframe, button, dialog, [hidden], [aria-hidden=true]";

    /// <summary>The main content's HTML, ready for the plain reading; the document is not changed.</summary>
    public static string Html(IHtmlDocument doc)
    {
        var articles = doc.QuerySelectorAll("article");
        var main = (articles.Length > 1 ? articles.MaxBy(a => a.TextContent.Trim().Length) : articles.FirstOrDefault())
            ?? doc.QuerySelector("main") ?? doc.QuerySelector("[role=main]") ?? doc.Body ?? doc.DocumentElement;
        var copy = (IElement)main.Clone(deep: true);
        foreach (var e in copy.QuerySelectorAll(Dropped).ToList()) e.Remove();
        foreach (var header in copy.QuerySelectorAll("header").ToList())
            if (header.QuerySelector("h1") is null) header.Remove();
        return copy.OuterHtml;
    }
}
