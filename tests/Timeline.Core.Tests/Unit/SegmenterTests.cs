using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Unit;

/// <summary>The split of a version made from the last one's gives exactly the split of the new text, or is refused.</summary>
public class SegmenterTests
{
    private static IReadOnlyList<Segment>? AfterEdit(SourceText before, SourceText now)
    {
        var layout = Segmenter.Split(before);
        if (layout is null) return null;
        int prefix = before.CommonPrefixLength(now);
        int suffix = before.CommonSuffixLength(now, Math.Min(before.Length, now.Length) - prefix);
        return Segmenter.SplitAfterEdit(before, layout, now, prefix, suffix);
    }

    [Fact]
    public void Typing_in_a_title_moves_the_segments_after_it()
    {
        string text = "title: T\nevents:\n  - id: a\n    title: one\n  - id: b\n    title: two\nsources: []\n";
        var before = new SourceText(text);
        int at = text.IndexOf("one", StringComparison.Ordinal) + 3;
        var now = before.WithChange(new TextSpan(at, at), "s more");
        var split = AfterEdit(before, now);
        Assert.NotNull(split);
        Assert.Equal(Segmenter.Split(now), split);
    }

    [Theory]
    // A dash's column, the dash itself, the space after it, a root key, a line break, a tab: each may change the split.
    [InlineData("  - id: b", 2, 3, "x")]
    [InlineData("  - id: b", 3, 4, "")]
    [InlineData("title: T", 0, 1, "t")]
    [InlineData("    title: one", 14, 14, "\n")]
    [InlineData("    title: one", 14, 14, "\t")]
    public void An_edit_that_may_change_the_split_is_refused(string line, int from, int to, string inserted)
    {
        string text = "title: T\nevents:\n  - id: a\n    title: one\n  - id: b\n    title: two\n";
        int start = text.IndexOf(line, StringComparison.Ordinal);
        var before = new SourceText(text);
        Assert.Null(AfterEdit(before, before.WithChange(new TextSpan(start + from, start + to), inserted)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_edits_give_the_split_of_the_new_text(int seed)
    {
        var random = new Random(seed);
        // No tab: a tab anywhere makes the whole file be read without a split (refused above), and the rest would be moot.
        const string alphabet = "ab -:#'\"\n0é😀";
        foreach (var file in Directory.EnumerateFiles(Repo.Path("examples"), "*.timeline.yaml", SearchOption.AllDirectories))
        {
            var original = new SourceText(File.ReadAllText(file));
            var text = original;
            int taken = 0;
            for (int step = 0; step < 300; step++)
            {
                int at = random.Next(text.Length + 1);
                int removed = random.Next(3) == 0 ? Math.Min(random.Next(1, 4), text.Length - at) : 0;
                string inserted = new(Enumerable.Range(0, random.Next(0, 3)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                var now = text.WithChange(new TextSpan(at, at + removed), inserted);
                if (AfterEdit(text, now) is { } split)
                {
                    taken++;
                    Assert.Equal(Segmenter.Split(now), split);
                }
                // An edit that leaves no split (a line at column 0 that is no key) is undone: the next starts from a split text.
                text = Segmenter.Split(now) is null ? original : now;
            }
            // Most random edits land inside an indented line's value: the quick way is taken, not only refused.
            Assert.True(taken > 50, $"{file}: the split was made from the last one {taken} times in 300");
        }
    }
}
