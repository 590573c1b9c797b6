using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Timeline.Core.Capture;

/// <summary>
/// The part of a page that holds its article: the longest <c>&lt;article&gt;</c> (unless it is
/// a teaser beside the story), else <c>&lt;main&gt;</c>, else the body, without navigation,
/// asides, forms, footers and the page's header (a header that carries the headline is kept).
/// </summary>
public static class MainContent
{
    private const string Dropped = "nav, aside, form, footer, script, style, noscript, template, iframe, button, " +
        "dialog, [hidden], [aria-hidden=true]";

    /// <summary>
    /// An article holding less than this share of the page's text is a teaser or a card (the
    /// story itself is in a plain element): the page is read instead.
    /// </summary>
    private const double TeaserShare = 0.25;

    /// <summary>The main content's HTML, ready for the plain reading; the document is not changed.</summary>
    public static string Html(IHtmlDocument doc)
    {
        var page = Cleaned(doc.QuerySelector("main") ?? doc.QuerySelector("[role=main]") ?? doc.Body ?? doc.DocumentElement);
        var articles = doc.QuerySelectorAll("article");
        if (articles.Length == 0) return page.OuterHtml;
        var article = Cleaned(articles.Length == 1 ? articles[0] : articles.MaxBy(a => a.TextContent.Trim().Length)!);
        return article.TextContent.Trim().Length >= TeaserShare * page.TextContent.Trim().Length ? article.OuterHtml : page.OuterHtml;
    }

    /// <summary>A copy of the element without what is not the article's text.</summary>
    private static IElement Cleaned(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var e in copy.QuerySelectorAll(Dropped).ToList()) e.Remove();
        foreach (var header in copy.QuerySelectorAll("header").ToList())
            if (header.QuerySelector("h1") is null) header.Remove();
        return copy;
    }
}
