using Markdig;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Core.Tests.Export;

/// <summary>
/// The hostile project (tests/exports/hostile): markup, script, javascript: addresses and Markdown control
/// characters in every piece of text a writer controls, exported with --force. Each format shows the text as text.
/// </summary>
public class HostileExportTests
{
    /// <summary>A CommonMark renderer with raw HTML on (Markdig's default) and the extensions GitHub has: footnotes, tables, autolinks.</summary>
    public static string RenderMarkdown(string md) =>
        Markdown.ToHtml(md, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

    private static string Visible(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", ""));

    [Fact]
    public void Markdown_rendered_with_raw_html_on_shows_the_text_not_markup()
    {
        string html = RenderMarkdown(ExportRun.Text("hostile", "markdown", force: true));
        foreach (var tag in new[] { "<script", "<img", "<iframe", "<b>", "<table", "<code", "<strong", "<blockquote" })
            Assert.DoesNotContain(tag, html);
        Assert.DoesNotContain("javascript:", Regex.Replace(html, @">[^<]*<", "><")); // in no attribute: only in text
        Assert.Single(Regex.Matches(html, "<h1"));                       // the title, and no heading of the writer's
        Assert.Equal(2, Regex.Count(html, "<h2"));                        // the event and the sources
        Assert.Single(Regex.Matches(html, "<em>"));                       // the byline only
        Assert.Single(Regex.Matches(html, "<ol"));                        // the footnotes only
        Assert.Single(Regex.Matches(html, "<a href=\"http", RegexOptions.None).Cast<Match>().Select(m => m.Value).Distinct());
        string text = Visible(html);
        Assert.Contains("<script>window.__pwned = 'title'</script># Not a heading [link](javascript:alert(1))", text);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 'description'\"> | a | table | # not a heading - not a list [^1]: not a footnote", text);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 'event'\"> **bold** `code` <https://example.org>", text);
        Assert.Contains("1. not a list", text);
        Assert.Contains("> not a quote ![img](x) &amp; &lt;b&gt;", text);
        Assert.Contains("Where: Site | with a pipe (Town <b>bold</b> & [x](javascript:alert(1))).", text);
        Assert.Contains("*Agency* _of_ `news` denies it: “It did not happen”.", text);
        Assert.Contains("“<script>window.__pwned = 'quote'</script>”", text);
    }

    [Fact]
    public void A_javascript_address_is_never_linked_whatever_force_says()
    {
        string md = ExportRun.Text("hostile", "markdown", force: true);
        Assert.DoesNotContain("<javascript", md);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", md); // "\](" is escaped text, not a link
        Assert.Contains("<https://example.org/a?b=%3Cc%3E&d=%22e%22>", md);
        string html = ExportRun.Text("hostile", "html", force: true);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org/a?b=%3Cc%3E&amp;d=%22e%22\"", html);
        using var tjs = JsonDocument.Parse(ExportRun.Text("hostile", "timelinejs", force: true));
        var slide = tjs.RootElement.GetProperty("events")[0];
        Assert.False(slide.TryGetProperty("media", out _));
        Assert.DoesNotContain("href=\"javascript", slide.GetProperty("text").GetProperty("text").GetString()!);
        Assert.Equal("&lt;b&gt;tag&lt;/b&gt;", slide.GetProperty("group").GetString());
    }

    [Fact]
    public void Html_and_TimelineJs_escape_every_piece_of_the_writers_text()
    {
        string html = ExportRun.Text("hostile", "html", force: true);
        Assert.DoesNotContain("<script>window", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;", html);
        using var tjs = JsonDocument.Parse(ExportRun.Text("hostile", "timelinejs", force: true));
        string all = tjs.RootElement.ToString();
        Assert.DoesNotContain("<script", all);
        Assert.DoesNotContain("<img", all);
        Assert.DoesNotContain("<iframe", all);
    }

    [Fact]
    public void Csv_and_GeoJson_read_back_with_the_text_as_written()
    {
        string dir = Directory.CreateTempSubdirectory("timeline-hostile-").FullName;
        try
        {
            var csv = NodeValidators.Validate("csv", ExportRun.File("hostile", "csv", dir, force: true)).Single();
            Assert.True(csv.Valid, string.Join("\n", csv.Errors));
            var geo = NodeValidators.Validate("geojson", ExportRun.File("hostile", "geojson", dir, force: true)).Single();
            Assert.True(geo.Valid, string.Join("\n", geo.Errors));
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "hostile.geojson")));
            Assert.Equal("Site | with a pipe", doc.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("place_name").GetString());
        }
        finally { Directory.Delete(dir, true); }
    }
}
