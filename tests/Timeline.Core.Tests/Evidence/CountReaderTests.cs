using Timeline.Core.Evidence;
using Timeline.Core.Model;

namespace Timeline.Core.Tests.Evidence;

public class CountReaderTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        // the sources' phrasings
        { "at least 27 civilians have been killed in the past three days of conflict", "killed", "at least 27" },
        { "four civilians, including two students, died in Aleppo on Friday", "killed", "4" },
        { "four civilians, including two students, were killed on Friday in Aleppo", "killed", "4" },
        { "struck student housing at Aleppo’s university, killing four people, including two students", "killed", "4" },
        { "dozens of fighters from both sides have been killed since the battles began", "killed", "dozens" },
        { "the ongoing clashes have displaced thousands of families", "displaced", "thousands" },
        { "have claimed the lives of at least 27 civilians, including children as young as eight", "killed", "at least 27" },
        { "It is unclear whether they were counted among the 27 deaths reported by the UN official.", "killed", "27" },
        { "The insurgents have seized more than 50 villages in their advance", "killed", null },
        { "The factions reported capturing dozens of towns and villages", "detained", null },
        { "Thousands of insurgents began advancing toward Aleppo", "killed", null },
        // digits, words and vague words
        { "1,200 people fled the city", "displaced", "1200" },
        { "twenty-seven people were wounded", "injured", "27" },
        { "twenty seven people were wounded", "injured", "27" },
        { "a dozen people were arrested", "detained", "12" },
        { "two hundred were detained", "detained", "200" },
        { "killed dozens", "killed", "dozens" },
        { "hundreds were arrested on 27 November", "detained", "hundreds" },
        // qualifiers
        { "more than 1,200 people fled", "displaced", "more than 1200" },
        { "over 40 were hurt", "injured", "more than 40" },
        { "up to 30 were detained", "detained", "at most 30" },
        { "at most 30 people died", "killed", "at most 30" },
        { "some 300 families were displaced", "displaced", "about 300" },
        { "about 300 families were forced from their homes", "displaced", "about 300" },
        { "around 15 people were wounded", "injured", "about 15" },
        { "nearly 40 wounded", "injured", "about 40" },
        { "an estimated 500 people were displaced", "displaced", "about 500" },
        { "fewer than 10 people were injured", "injured", "fewer than 10" },
        // ranges
        { "between 20 and 30 people were killed", "killed", "20-30" },
        { "20 to 30 people were killed", "killed", "20-30" },
        { "20–30 people were killed", "killed", "20-30" },
        // several measures in one quote
        { "12 killed and 40 injured", "injured", "40" },
        { "12 killed and 40 injured", "killed", "12" },
        { "the strike killed 12 and wounded 40", "injured", "40" },
        { "the strike killed 12 and wounded 40", "killed", "12" },
        { "four civilians died", "injured", null },
        // not counts of people
        { "a 27-year-old man was killed", "killed", null },
        { "killed in 2016 after a siege", "killed", null },
        { "one of the dead", "killed", null },
        { "", "killed", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_count_for_a_measure(string quote, string measure, string? expected)
    {
        var read = CountReader.Read(quote, measure);
        Assert.Equal(expected, read?.Text);
        if (read is null) return;
        Assert.Equal(Counts.Parse(expected!), read.Count);
        Assert.True(read.Span.Length > 0 && read.Span.End <= quote.Length);
    }

    [Theory]
    [InlineData("at least 27 civilians were killed", "27", true)]
    [InlineData("at least 27 civilians were killed", "at least 27", false)]
    [InlineData("four civilians, including two students, died", "4", false)]
    [InlineData("four civilians, including two students, died", "5", true)]
    [InlineData("killed dozens", "dozens", false)]
    [InlineData("killed dozens", "hundreds", true)]
    [InlineData("about 300 were displaced", "300", true)]
    [InlineData("about 300 were displaced", "about 300", false)]
    [InlineData("up to 30 were detained", "at most 30", false)]
    [InlineData("20 to 30 were killed", "20-30", false)]
    [InlineData("20 to 30 were killed", "20-31", true)]
    public void A_figure_disagrees_in_number_or_qualifier(string quote, string figure, bool disagrees)
    {
        var quoted = CountReader.Read(quote, "killed") ?? CountReader.Read(quote, "displaced") ?? CountReader.Read(quote, "detained");
        Assert.NotNull(quoted);
        Assert.Equal(disagrees, CountReader.Disagrees(Counts.Parse(figure)!, quoted.Count));
    }

    [Fact]
    public void The_fix_for_a_misread_figure_is_the_quotes_count()
    {
        var quoted = CountReader.Read("at least 27 civilians were killed", "killed")!;
        Assert.True(CountReader.Disagrees(Counts.Parse("27")!, quoted.Count));
        Assert.Equal("at least 27", quoted.Text);
        Assert.Equal("at least 27", "at least 27 civilians were killed"[quoted.Span.Start..quoted.Span.End]);
    }

    [Fact]
    public void The_reports_sentences_are_read_as_the_example_quotes_them()
    {
        // The example's snapshots are clippings of the real reports, kept in the repository.
        var text = string.Join("\n", Directory.GetFiles(Repo.Path("examples", "aleppo-2024", "snapshots"), "*.txt").Select(File.ReadAllText));
        var sentences = text.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries);
        string? Killed(string containing) => sentences.Where(s => s.Contains(containing)).Select(s => CountReader.Read(s, "killed")?.Text).FirstOrDefault();
        Assert.Equal("at least 27", Killed("claimed the lives of at least 27"));
        Assert.Equal("4", Killed("four civilians, including two students, died"));
        Assert.Equal("dozens", Killed("dozens of fighters from both sides have been killed"));
    }
}
