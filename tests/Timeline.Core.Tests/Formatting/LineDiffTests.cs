using System.Text;
using Timeline.Core.Formatting;
using Timeline.Core.Language;

namespace Timeline.Core.Tests.Formatting;

/// <summary>The line edits sent for a formatting: minimal on a long file too, and always giving the text asked for.</summary>
public class LineDiffTests
{
    // Events of three lines each, with no blank line between them: formatting puts one between every two.
    private static string Events(int count)
    {
        var text = new StringBuilder("title: Long\nevents:\n");
        for (int i = 0; i < count; i++)
            text.Append("  - id: e").Append(i).Append("\n    date: 2024-11-29\n    title: Event ").Append(i).Append('\n');
        return text.ToString();
    }

    [Fact]
    public void A_long_file_gets_one_insertion_per_blank_line_not_one_edit_for_everything()
    {
        // 3,000 events are 9,000 lines: too many to compare every line of one text with every line of the other.
        string text = Events(3000);
        var source = new Timeline.Core.Text.SourceText(text);
        var edits = Formatter.Edits(source, FileKind.Timeline);
        Assert.Equal(2999, edits.Count);
        Assert.All(edits, e => Assert.Equal(0, e.Span.Length));
        Assert.All(edits, e => Assert.Equal("\n", e.NewText));
        Assert.Equal(Formatter.Format(text, FileKind.Timeline).Text, LineDiff.Apply(text, edits));
    }

    [Theory]
    [InlineData(1, 40, 40)]
    [InlineData(2, 2500, 2600)]
    [InlineData(3, 3000, 2000)]
    [InlineData(4, 5000, 5000)]
    public void The_edits_give_the_other_text_whatever_its_lines_repeat(int seed, int before, int after)
    {
        // Lines drawn from few words repeat many times (no line of their own to anchor on), and a few are unique.
        var random = new Random(seed);
        string Text(int lines)
        {
            var text = new StringBuilder();
            for (int i = 0; i < lines; i++)
                text.Append(random.Next(10) == 0 ? $"unique {random.Next()}" : $"word {random.Next(8)}").Append('\n');
            return text.ToString();
        }
        string a = Text(before), b = Text(after);
        var edits = LineDiff.Edits(a, b);
        Assert.Equal(b, LineDiff.Apply(a, edits));
        // Edits never overlap and come in order.
        for (int i = 1; i < edits.Count; i++) Assert.True(edits[i - 1].Span.End <= edits[i].Span.Start);
    }

    [Fact]
    public void Text_made_to_be_cut_one_line_at_a_time_is_still_diffed_correctly()
    {
        // Each cut frees only the next pair of lines to anchor on: without a bound, 20,000 pairs cut 10,000 deep, taking
        // seconds. Bounded, the rest is replaced whole; the edits still give the other text.
        var a = new StringBuilder("sa\np2\np1\n");
        var b = new StringBuilder("sb\np2\np1\n");
        for (int k = 3; k <= 20_002; k++)
        {
            a.Append('p').Append(k).Append("\np").Append(k - 1).Append('\n');
            b.Append("X\np").Append(k).Append("\np").Append(k - 1).Append('\n');
        }
        for (int k = 0; k < 2100; k++)
        {
            a.Append("fa\n");
            b.Append("fb\n");
        }
        var edits = LineDiff.Edits(a.ToString(), b.ToString());
        Assert.Equal(b.ToString(), LineDiff.Apply(a.ToString(), edits));
    }

    [Fact]
    public void A_shared_middle_between_long_differing_texts_is_kept()
    {
        // The two texts share only lines found once in each: those lines are kept, the rest replaced around them.
        var a = new StringBuilder();
        var b = new StringBuilder();
        for (int i = 0; i < 2500; i++)
        {
            a.Append("a ").Append(i % 3).Append('\n');
            b.Append("b ").Append(i % 3).Append('\n');
            if (i % 500 == 0)
            {
                a.Append("anchor ").Append(i).Append('\n');
                b.Append("anchor ").Append(i).Append('\n');
            }
        }
        var edits = LineDiff.Edits(a.ToString(), b.ToString());
        Assert.Equal(b.ToString(), LineDiff.Apply(a.ToString(), edits));
        // One edit before the first of the five kept lines, one between every two, one after the last.
        Assert.Equal(6, edits.Count);
        Assert.All(edits, e => Assert.DoesNotContain("anchor", a.ToString()[e.Span.Start..e.Span.End], StringComparison.Ordinal));
    }
}
