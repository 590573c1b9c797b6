using Timeline.Core.Evidence;

namespace Timeline.Core.Tests.Evidence;

public class QuoteMatcherTests
{
    /// <summary>A short report in the manner of the example's sources; paragraphs separated by blank lines.</summary>
    internal const string Report = """
        Rebels reach the heart of Aleppo

        Insurgents pushed into Aleppo on Friday, the war monitor said. “The incessant attacks over the past three days
        have claimed the lives of at least 27 civilians,” a U.N. official told reporters.

        Syria’s state news agency SANA reported that four civilians, including two students, died in Aleppo on Friday
        in rebel shelling of university dormitories.

        The army said it had repelled the attack — and that “terrorist groups” suffered heavy losses. Residents fled
        west; some 300 families were displaced.

        Two civilians died in Idlib on Thursday, local medics said, and the roads to the north were closed.

        قال المرصد السوري إن 27 مدنياً قتلوا في حلب 🙏🏽 اليوم، وإن العائلات 👨‍👩‍👧 نزحت.
        """;

    private static readonly QuoteMatcher Lf = new(SnapshotText.FromPlain(Report.Replace("\r\n", "\n")));
    private static readonly QuoteMatcher Crlf = new(SnapshotText.FromPlain(Repo.ToCrlf(Report)));

    public static TheoryData<string> Found => new()
    {
        // exact
        "four civilians, including two students, died in Aleppo on Friday",
        // quotation marks and apostrophes of every kind
        "Syria's state news agency SANA",
        "Syria‘s state news agency SANA",
        "Syria’s state news agency SANA",
        "Syriaʼs state news agency SANA",
        "that \"terrorist groups\" suffered heavy losses",
        "that 'terrorist groups' suffered heavy losses",
        "that «terrorist groups» suffered heavy losses",
        "that “terrorist groups” suffered heavy losses",
        "that ‘terrorist groups’ suffered heavy losses",
        "\"The incessant attacks over the past three days",
        // hyphens and dashes
        "repelled the attack - and that",
        "repelled the attack ‐ and that",
        "repelled the attack ‑ and that",
        "repelled the attack – and that",
        "repelled the attack — and that",
        "repelled the attack − and that",
        "repelled the attack -- and that",
        "repelled the attack—and that",
        // whitespace and line breaks
        "four  civilians,\n including   two students",
        "four civilians,\r\nincluding two students",
        "   four civilians, including two students  \n",
        "over the past three days have claimed the lives",  // across a line break of the file
        "four civilians , including two students",
        // ellipsis within a paragraph, in every spelling, and a gap of none
        "four civilians ... died in Aleppo",
        "four civilians … died in Aleppo",
        "four civilians […] died in Aleppo",
        "four civilians [...] died in Aleppo",
        "four civilians, … including two students",
        "Syria’s state … students … university dormitories.",
        "... four civilians",
        "four civilians …",
        // bracketed insertions of 0, 1 and 6 words
        "died [there] in Aleppo on Friday",
        "died in [the city] on Friday",
        "SANA reported [the victims] died in Aleppo",
        // other scripts
        "المرصد السوري إن 27 مدنياً",
        "في حلب 🙏🏽 اليوم",
        "العائلات 👨‍👩‍👧 نزحت",
    };

    public static TheoryData<string> NotFound => new()
    {
        // ellipsis across paragraphs
        "at least 27 civilians … four civilians",
        "heavy losses … Two civilians died",
        // an insertion of seven words
        "SANA [the victims] died in Aleppo",
        // case and digits
        "Four civilians, including two students",
        "at least 28 civilians",
        "at least 27 Civilians",
        // half words
        "civilian",
        "ivilians, including",
        "four civilians, including two student",
        "Alepp",
        "مدنيا",
        // punctuation is not ignored
        "four civilians including two students",
        // no words at all
        "…",
        "",
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Quotes_found(string quote)
    {
        foreach (var matcher in new[] { Lf, Crlf })
        {
            var m = matcher.Find(quote);
            Assert.True(m.Found, $"not found: {quote} ({m.Difference})");
            Assert.NotNull(m.Passage);
            Assert.Equal(matcher.Snapshot.Text[m.Passage.Value.Start..m.Passage.Value.End], m.PassageText);
            Assert.Empty(m.Diff);
        }
    }

    [Theory]
    [MemberData(nameof(NotFound))]
    public void Quotes_not_found(string quote)
    {
        Assert.False(Lf.Find(quote).Found);
        Assert.False(Crlf.Find(quote).Found);
    }

    [Fact]
    public void The_passage_of_a_match_runs_from_its_first_word_to_its_last_gaps_included()
    {
        var m = Lf.Find("four civilians … died in Aleppo");
        Assert.Equal("four civilians, including two students, died in Aleppo", m.PassageText);
        Assert.Equal("Syria’s state news agency", Lf.Find(" Syria's  state news agency ").PassageText);
    }

    public static TheoryData<string, string, string> Closest => new()
    {
        // one word changed
        {
            "four civilians, including three students, died in Aleppo on Friday",
            "four civilians, including two students, died in Aleppo on Friday",
            "the snapshot has 'two' where the quote has 'three'"
        },
        // one word dropped
        {
            "have claimed the lives of 27 civilians",
            "have claimed the lives of at least 27 civilians",
            "the snapshot has 'at least 27 civilians' where the quote has '27 civilians'"
        },
        // one word added
        {
            "four civilians, including two young students, died in Aleppo",
            "four civilians, including two students, died in Aleppo",
            "the snapshot has 'students, died' where the quote has 'young students, died'"
        },
        // an insertion of seven words
        {
            "SANA [the victims] died in Aleppo",
            "SANA reported that four civilians, including two students, died in Aleppo",
            "a bracketed insertion of the quote stands for more than 6 words of the snapshot"
        },
        // a different number
        {
            "claimed the lives of at least 72 civilians",
            "claimed the lives of at least 27 civilians",
            "the snapshot has '27' where the quote has '72'"
        },
        // case
        {
            "syria’s state news agency SANA reported",
            "Syria’s state news agency SANA reported",
            "the snapshot has 'Syria' where the quote has 'syria'"
        },
        // the similar sentence elsewhere is not the one meant
        {
            "Two civilians died in Idlib on Friday",
            "Two civilians died in Idlib on Thursday",
            "the snapshot has 'Thursday' where the quote has 'Friday'"
        },
        // an ellipsis across paragraphs: the words are all there, the gap is not allowed
        {
            "heavy losses … Two civilians died",
            "heavy losses. Residents fled west; some 300 families were displaced.\n\nTwo civilians died",
            "the quote's gap runs across a paragraph break of the snapshot"
        },
    };

    [Theory]
    [MemberData(nameof(Closest))]
    public void The_closest_passage_and_how_it_differs(string quote, string passage, string difference)
    {
        foreach (var matcher in new[] { Lf, Crlf })
        {
            var m = matcher.Find(quote);
            Assert.False(m.Found);
            Assert.Equal(passage, m.PassageText);
            Assert.Equal(difference, m.Difference);
        }
    }

    [Fact]
    public void Words_out_of_order_land_on_their_passage()
    {
        var m = Lf.Find("two students, including four civilians, died in Aleppo");
        Assert.False(m.Found);
        Assert.Equal("four civilians, including two students, died in Aleppo", m.PassageText);
    }

    [Fact]
    public void The_diff_runs_cover_the_quote_and_the_passage()
    {
        var m = Lf.Find("four civilians, including three students, died in Aleppo");
        Assert.Equal(
            [
                new DiffRun(DiffKind.Same, "four civilians, including"),
                new DiffRun(DiffKind.OnlyInQuote, "three"),
                new DiffRun(DiffKind.OnlyInSnapshot, "two"),
                new DiffRun(DiffKind.Same, "students, died in Aleppo"),
            ],
            m.Diff);
    }

    [Fact]
    public void What_an_ellipsis_stands_for_is_elided_not_a_difference()
    {
        var m = Lf.Find("four civilians … died in Idlib");
        Assert.False(m.Found);
        Assert.Contains(m.Diff, r => r.Kind == DiffKind.Elided && r.Text == ", including two students,");
        Assert.Equal("the snapshot has 'Aleppo' where the quote has 'Idlib'", m.Difference);
    }

    [Fact]
    public void A_quote_like_nothing_in_the_snapshot_has_no_passage()
    {
        var m = Lf.Find("The weather in Paris was mild and sunny all week long");
        Assert.False(m.Found);
        Assert.Null(m.Passage);
        Assert.Empty(m.Diff);
        Assert.NotNull(m.Difference);
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("dropped")]
    [InlineData("swapped")]
    [InlineData("number")]
    public void In_a_long_snapshot_the_closest_passage_is_where_the_quote_came_from(string change)
    {
        // 3,000 words drawn from 400, the common ones far more often, as in prose; paragraphs of 100 words.
        var random = new Random(11);
        string[] common = ["the", "of", "and", "to", "in", "a", "said", "on", "was", "for", "were", "by", "with", "as", "at", "from", "had", "it"];
        var vocabulary = Enumerable.Range(0, 400).Select(i => i < common.Length ? common[i] : $"word{i}").ToArray();
        var words = Enumerable.Range(0, 3000).Select(_ => vocabulary[(int)(Math.Pow(random.NextDouble(), 3) * vocabulary.Length)]).ToList();
        var starts = new List<int>();
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0) text.Append(i % 100 == 0 ? "\n\n" : " ");
            starts.Add(text.Length);
            text.Append(words[i]);
        }
        var matcher = new QuoteMatcher(SnapshotText.FromPlain(text.ToString()));
        for (int round = 0; round < 40; round++)
        {
            int at = random.Next(100) + 100 * random.Next(29);   // within one paragraph, so the passage is one stretch
            var quote = words.GetRange(at, 25);
            switch (change)
            {
                case "changed": quote[12] = "altered"; break;
                case "dropped": quote.RemoveAt(8); break;
                case "swapped": quote.Reverse(3, 4); if (quote[3] == quote[6] && quote[4] == quote[5]) continue; break;
                case "number": quote[20] = "27"; break;
            }
            var m = matcher.Find(string.Join(" ", quote));
            Assert.False(m.Found);
            var passage = m.Passage!.Value;
            int expectedStart = starts[at], expectedEnd = starts[at + 24] + words[at + 24].Length;
            int overlap = Math.Min(passage.End, expectedEnd) - Math.Max(passage.Start, expectedStart);
            Assert.True(overlap >= 0.8 * (expectedEnd - expectedStart), $"{change} at word {at}: {m.PassageText}");
        }
    }

    [Fact]
    public void Contrived_quotes_end_quickly_and_never_fail()
    {
        string manyGaps = string.Concat(Enumerable.Repeat("the … ", 5000)) + "nowhere";
        Assert.False(Lf.Find(manyGaps).Found);
        string manyInsertions = string.Concat(Enumerable.Repeat("civilians [x] ", 3000));
        Assert.False(Lf.Find(manyInsertions).Found);
        string longQuote = string.Concat(Enumerable.Repeat("four civilians, including two students, ", 2000));
        var m = Lf.Find(longQuote);
        Assert.False(m.Found);
        Assert.Null(m.Passage);
        var paragraph = new QuoteMatcher(SnapshotText.FromPlain(string.Concat(Enumerable.Repeat("a a a a b ", 2000))));
        Assert.False(paragraph.Find("a … a … a … a … a … a … a … c").Found);
        Assert.True(paragraph.Find("a … b … a [x] b").Found);
    }

    [Fact]
    public void Many_threads_may_share_one_matcher()
    {
        var quotes = ((IEnumerable<object[]>)Found).Select(row => (string)row[0]).ToArray();
        Parallel.For(0, 400, i => Assert.True(Lf.Find(quotes[i % quotes.Length]).Found));
    }
}
