using System.Text;
using Timeline.Core.Evidence;

namespace Timeline.Core.Tests.Evidence;

public class SnapshotTextTests
{
    private const string Plain = "  Rebels reach Aleppo  \n\nInsurgents pushed into\nAleppo on Friday.\n \t \nThe army said   it\trepelled them.\n\n\n";

    public static TheoryData<string> PlainTexts => new()
    {
        Plain,
        Repo.ToCrlf(Plain),
        Plain.Replace("\n", "\r"),
        QuoteMatcherTests.Report,
        Repo.ToCrlf(QuoteMatcherTests.Report),
    };

    [Theory]
    [MemberData(nameof(PlainTexts))]
    public void Plain_text_paragraphs_are_separated_by_blank_lines(string text)
    {
        var s = SnapshotText.FromPlain(text);
        var paragraphs = s.Paragraphs.Select(p => s.Text[p.Start..p.End]).ToArray();
        if (text.Contains("Rebels reach Aleppo"))
            Assert.Equal(["Rebels reach Aleppo", "Insurgents pushed into Aleppo on Friday.", "The army said it repelled them."], paragraphs);
        Assert.Equal(string.Join("\n\n", paragraphs), s.Text);
    }

    [Theory]
    [MemberData(nameof(PlainTexts))]
    public void Every_word_of_plain_text_maps_back_to_itself(string text) => AssertWordsMapBack(text, SnapshotText.FromPlain(text));

    [Fact]
    public void Markdown_drops_heading_and_block_quote_marks_only()
    {
        const string md = "# Rebels reach Aleppo #\nInsurgents *pushed* into Aleppo.\n\n"
                          + "> “The incessant attacks,”\n> he said.\n\n## Reaction\n- one item\n";
        var s = SnapshotText.FromPlain(md, markdown: true);
        var paragraphs = s.Paragraphs.Select(p => s.Text[p.Start..p.End]).ToArray();
        Assert.Equal(
            ["Rebels reach Aleppo", "Insurgents *pushed* into Aleppo.", "“The incessant attacks,” he said.", "Reaction", "- one item"],
            paragraphs);
        AssertWordsMapBack(md, s);
        AssertWordsMapBack(Repo.ToCrlf(md), SnapshotText.FromPlain(Repo.ToCrlf(md), markdown: true));
    }

    [Fact]
    public void Read_goes_by_the_extension_and_drops_a_byte_order_mark()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] Bytes(string s) => bom.Concat(Encoding.UTF8.GetBytes(s)).ToArray();
        Assert.Equal("Aleppo", SnapshotText.Read("a/page.html", Bytes("<p>Aleppo<script>x</script></p>")).Text);
        Assert.Equal("Aleppo", SnapshotText.Read("a/page.HTM", Bytes("<p>Aleppo</p>")).Text);
        Assert.Equal("<p>Aleppo</p>", SnapshotText.Read("a/page.txt", Bytes("<p>Aleppo</p>")).Text);
        Assert.Equal("Aleppo", SnapshotText.Read("a/page.md", Bytes("## Aleppo")).Text);
        var s = SnapshotText.Read("a/page.txt", Bytes("one\r\n\r\ntwo"));
        Assert.Equal("one\n\ntwo", s.Text);
        Assert.Equal(7, s.ToOriginal(s.Text.IndexOf("two", StringComparison.Ordinal)));   // offsets in the decoded text, the mark removed
    }

    private const string Html = """
        <!DOCTYPE html>
        <html><head><title>Page title</title><style>p { color: red }</style>
        <script>var quote = "four civilians died";</script></head>
        <body>
        <nav aria-hidden="true">Menu Home</nav>
        <h1>Rebels   reach
          Aleppo</h1>
        <p>Syria&rsquo;s state news agency &amp; others said <b>four</b> civilians, including two students, died.</p>
        <div hidden>Hidden text</div><div style="display: none">Also hidden</div>
        <ul><li>First item</li><li>Second <i>entry</i></li></ul>
        <p>Line one<br>Line two</p>
        <noscript>Enable scripts</noscript><template><p>Template text</p></template>
        <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
        <blockquote>“The incessant attacks,” he said.</blockquote>
        </body></html>
        """;

    [Fact]
    public void Html_is_read_as_its_visible_text_in_paragraphs()
    {
        var s = SnapshotText.FromHtml(Html);
        var paragraphs = s.Paragraphs.Select(p => s.Text[p.Start..p.End]).ToArray();
        Assert.Equal(
            [
                "Rebels reach Aleppo",
                "Syria’s state news agency & others said four civilians, including two students, died.",
                "First item", "Second entry", "Line one", "Line two", "Cell one", "Cell two",
                "“The incessant attacks,” he said.",
            ],
            paragraphs);
    }

    [Theory]
    [InlineData("Line two", "<p>Line one<br>Line two</p>")]
    [InlineData("four", "<b>four</b>")]
    [InlineData("civilians, including", "</b> civilians, including")]
    [InlineData("Second", "<li>Second")]
    [InlineData("entry", "<i>entry</i>")]
    [InlineData("Cell two", "<td>Cell two")]
    [InlineData("he said", "attacks,” he said")]
    public void ToOriginal_lands_on_the_text_in_its_element(string text, string inSource)
    {
        foreach (string html in new[] { Html, Repo.ToCrlf(Html) })
        {
            var s = SnapshotText.FromHtml(html);
            int original = s.ToOriginal(s.Text.IndexOf(text, StringComparison.Ordinal));
            Assert.Equal(html.IndexOf(inSource, StringComparison.Ordinal) + inSource.IndexOf(text, StringComparison.Ordinal), original);
        }
    }

    [Fact]
    public void Words_after_a_character_reference_map_exactly_and_the_changed_word_to_its_element()
    {
        var s = SnapshotText.FromHtml(Html);
        Assert.Equal(Html.IndexOf("others", StringComparison.Ordinal), s.ToOriginal(s.Text.IndexOf("others", StringComparison.Ordinal)));
        Assert.Equal(Html.IndexOf("<p>Syria", StringComparison.Ordinal), s.ToOriginal(s.Text.IndexOf("Syria’s", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_text_node_is_not_placed_at_the_same_words_further_on()
    {
        const string html = "<p>&ldquo;The army said so</p><p>“The army said it again</p>";
        var s = SnapshotText.FromHtml(html);
        Assert.Equal(0, s.ToOriginal(0));   // “The came from a character reference: its element's start
        Assert.Equal(html.IndexOf("army", StringComparison.Ordinal), s.ToOriginal(s.Text.IndexOf("army", StringComparison.Ordinal)));
        int second = s.Text.LastIndexOf("army", StringComparison.Ordinal);
        Assert.Equal(html.LastIndexOf("army", StringComparison.Ordinal), s.ToOriginal(second));
    }

    [Fact]
    public void Html_quotes_are_found_with_the_matcher()
    {
        var m = new QuoteMatcher(SnapshotText.FromHtml(Html));
        Assert.True(m.Find("Syria's state news agency & others said four civilians").Found);
        Assert.False(m.Find("four civilians died").Found);   // only in a script
        Assert.False(m.Find("Hidden text").Found);
        Assert.True(m.Find("Line one Line two").Found);   // the words in order, across a line break
    }

    [Fact]
    public void Broken_and_empty_html_is_read_without_failing()
    {
        Assert.Equal("", SnapshotText.FromHtml("").Text);
        Assert.Equal("unclosed paragraph", SnapshotText.FromHtml("<p>unclosed <b>paragraph").Text);
        Assert.Equal("a\n\nb", SnapshotText.FromHtml("<div>a<div>b").Text);
        string deep = string.Concat(Enumerable.Repeat("<span>", 20_000)) + "deep";
        Assert.EndsWith("deep", SnapshotText.FromHtml(deep).Text);
    }

    /// <summary>Every token of the text is found, the same, at the offset <see cref="SnapshotText.ToOriginal"/> gives.</summary>
    private static void AssertWordsMapBack(string original, SnapshotText s)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(s.Text, @"\S+");
        Assert.NotEmpty(words);
        foreach (System.Text.RegularExpressions.Match w in words)
            Assert.Equal(w.Value, original.Substring(s.ToOriginal(w.Index), w.Length));
    }
}

/// <summary>A news page as saved by a browser (byte-order mark, CRLF, navigation, scripts, character references), read from its file.</summary>
public class SavedPageTests
{
    private static readonly string PagePath = Repo.Path("tests", "evidence", "report.html");
    private static readonly byte[] Bytes = File.ReadAllBytes(PagePath);
    private static readonly SnapshotText Page = SnapshotText.Read(PagePath, Bytes);
    private static readonly string Source = Encoding.UTF8.GetString(Bytes.AsSpan(3));   // the file as decoded, mark removed
    private static readonly QuoteMatcher Matcher = new(Page);

    [Theory]
    [InlineData("claimed the lives of at least 27 civilians", "at least 27")]
    [InlineData("Syria's state news agency SANA reported that four civilians, including two students, died", "state news agency")]
    [InlineData("The army said it had repelled the attack - and that \"terrorist groups\" suffered heavy losses.", "The army said")]
    [InlineData("Smoke rises over Aleppo's western districts.", "western districts")]
    [InlineData("at least 27 civilians,” a U.N. official told reporters.", "official told")]
    [InlineData("Some 300 families were displaced.", "Some 300")]
    public void Quotes_are_found_and_map_back_into_the_file(string quote, string nearStart)
    {
        var m = Matcher.Find(quote);
        Assert.True(m.Found, m.Difference);
        int passage = m.Passage!.Value.Start, near = Page.Text.IndexOf(nearStart, passage, StringComparison.Ordinal);
        Assert.Equal(Source.IndexOf(nearStart, StringComparison.Ordinal), Page.ToOriginal(near));
        // The passage's first word maps into the file just before it (exactly, unless a character reference made it).
        Assert.InRange(Page.ToOriginal(near) - Page.ToOriginal(passage), 0, near - passage + 20);
    }

    [Theory]
    [InlineData("subscribe today")]
    [InlineData("four civilians died")]
    [InlineData("Turn on scripts")]
    [InlineData("Internal note")]
    [InlineData("NewsArticle")]
    [InlineData("Smoke over the city")]
    public void What_a_reader_does_not_see_is_not_there(string quote) => Assert.False(Matcher.Find(quote).Found);

    [Fact]
    public void The_page_reads_as_its_paragraphs()
    {
        var paragraphs = Page.Paragraphs.Select(p => Page.Text[p.Start..p.End]).ToArray();
        Assert.Equal("Home World", paragraphs[0]);   // navigation is on the page, as a reader sees it
        Assert.Equal("Rebels reach the heart of Aleppo", paragraphs[1]);
        Assert.Equal("By A. Reporter · 29 November 2024", paragraphs[2]);
        Assert.Contains("Residents fled west.", paragraphs);
        Assert.Equal("© Example News", paragraphs[^1]);
    }
}
