using Timeline.Core.Model;

namespace Timeline.Core.Tests.Unit;

public class CountTests
{
    [Theory]
    [InlineData("27", CountForm.Exact, 27L, 27L)]
    [InlineData("at least 27", CountForm.AtLeast, 27L, null)]
    [InlineData("more than 50", CountForm.AtLeast, 51L, null)]
    [InlineData("at most 30", CountForm.AtMost, 0L, 30L)]
    [InlineData("about 300", CountForm.About, null, null)]
    [InlineData("20-30", CountForm.Range, 20L, 30L)]
    [InlineData("20–30", CountForm.Range, 20L, 30L)]
    [InlineData("1,200", CountForm.Exact, 1200L, 1200L)]
    [InlineData("dozens", CountForm.Vague, 24L, null)]
    [InlineData("Hundreds", CountForm.Vague, 200L, null)]
    public void Accepted_forms(string text, CountForm form, long? low, long? high)
    {
        var c = Counts.Parse(text)!;
        Assert.Equal(form, c.Form);
        Assert.Equal(low, c.Low);
        Assert.Equal(high, c.High);
        Assert.Equal(text, c.Text); // vague words keep their text
    }

    [Theory]
    [InlineData("many")]
    [InlineData("at leest 5")]
    [InlineData("27 people")]
    [InlineData("")]
    [InlineData("-3")]
    public void Rejected_forms(string text) => Assert.Null(Counts.Parse(text));

    [Fact]
    public void The_lowest_figure_counts_at_least_as_its_number()
    {
        Assert.Equal(27, Counts.Parse("at least 27")!.Lowest);
        Assert.Equal(24, Counts.Parse("dozens")!.Lowest);
        Assert.Equal(20, Counts.Parse("20-30")!.Lowest);
        Assert.Equal("27 or more", Counts.Explain(Counts.Parse("at least 27")!));
    }
}
