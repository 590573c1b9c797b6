using Timeline.Core.Evidence;

namespace Timeline.Core.Tests.Evidence;

public class SharedTextTests
{
    /// <summary>Words no other text has: the filler around a shared passage, so its length is exact.</summary>
    private static string Filler(string tag, int words) => string.Join(" ", Enumerable.Range(0, words).Select(i => $"{tag}{i}"));

    /// <summary>A passage of <paramref name="words"/> words with the punctuation of news copy.</summary>
    private static string Passage(int words)
    {
        string[] vocabulary = ["the", "rebels", "said", "Aleppo", "army", "civilians", "Friday", "city", "forces", "reported"];
        var parts = new List<string>();
        for (int i = 0; i < words; i++)
        {
            string w = vocabulary[i * 7 % vocabulary.Length] + (i / vocabulary.Length);
            if (i % 9 == 4) w = $"“{w}";
            if (i % 9 == 6) w += "”,";
            if (i % 11 == 10) w += " —";
            parts.Add(w);
        }
        return string.Join(" ", parts) + ".";
    }

    /// <summary>The same passage as another paper reprints it: straight quotes, hyphens, other case, other line breaks.</summary>
    private static string Reprinted(string passage) =>
        passage.Replace('“', '"').Replace('”', '"').Replace("—", "-").Replace(" ", "\n", StringComparison.Ordinal).ToUpperInvariant();

    private static IReadOnlyList<SharedPassage> Find(params string[] texts) =>
        SharedText.Find(texts.Select(TextFingerprint.Of).ToArray());

    [Theory]
    [InlineData(40, true)]
    [InlineData(41, true)]
    [InlineData(75, true)]
    [InlineData(39, false)]
    [InlineData(12, false)]
    public void A_passage_of_forty_words_is_shared_and_thirty_nine_is_not(int words, bool shared)
    {
        string passage = Passage(words);
        var found = Find(Filler("a", 100) + " " + passage + " " + Filler("b", 50), Filler("c", 10) + " " + passage + " " + Filler("d", 300));
        if (!shared) { Assert.Empty(found); return; }
        var p = Assert.Single(found);
        Assert.Equal((0, 1, words), (p.First, p.Second, p.Words));
        Assert.Equal(passage.TrimEnd('.'), p.Text);   // from the first word to the last
    }

    [Fact]
    public void Reprinted_copy_with_other_marks_case_and_line_breaks_is_found()
    {
        string passage = Passage(45);
        string first = Filler("a", 30) + " " + passage + " " + Filler("b", 30);
        string second = Filler("c", 80) + "\n" + Reprinted(passage) + "\n" + Filler("d", 5);
        var p = Assert.Single(Find(first, second));
        Assert.Equal(45, p.Words);
        Assert.Equal(passage.TrimEnd('.'), first[p.FirstSpan.Start..p.FirstSpan.End]);
        Assert.Equal(Reprinted(passage).TrimEnd('.'), second[p.SecondSpan.Start..p.SecondSpan.End]);
    }

    [Fact]
    public void Punctuation_moved_dropped_or_added_makes_no_difference()
    {
        string passage = Passage(44);
        string repunctuated = passage.Replace(",", "").Replace("”", "”;").Replace(" —", ",").Replace(".", "!");
        var p = Assert.Single(Find(Filler("a", 20) + " " + passage, repunctuated + " " + Filler("b", 20)));
        Assert.Equal(44, p.Words);
    }

    [Fact]
    public void Of_three_texts_only_the_two_that_share_are_reported()
    {
        string passage = Passage(50);
        var found = Find(Filler("a", 200) + " " + passage, Filler("b", 300), Filler("c", 7) + " " + passage + " " + Filler("e", 100));
        var p = Assert.Single(found);
        Assert.Equal((0, 2, 50), (p.First, p.Second, p.Words));
    }

    [Fact]
    public void The_longest_of_several_shared_passages_is_reported()
    {
        string shortOne = Passage(42), longOne = Passage(90).Replace("the", "one");
        var found = Find(
            shortOne + " " + Filler("a", 60) + " " + longOne,
            longOne + " " + Filler("b", 60) + " " + shortOne);
        var p = Assert.Single(found);
        Assert.Equal(90, p.Words);
    }

    [Fact]
    public void Texts_too_short_to_share_are_left_alone()
    {
        Assert.Empty(Find("", "one two three", Filler("a", 11)));
        Assert.Empty(SharedText.Find([]));
    }

    [Fact]
    public void Arabic_copy_is_found()
    {
        string passage = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"كلمة{i}"));
        var p = Assert.Single(Find("مقدمة " + passage + " خاتمة", "بداية " + passage + "، نهاية"));
        Assert.Equal(40, p.Words);
    }
}
