using Timeline.Core.Text;

namespace Timeline.Core.Tests.Unit;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb\nc")]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\rb\rc")]
    public void Line_endings_of_every_kind(string text)
    {
        var s = new SourceText(text);
        Assert.Equal(3, s.LineCount);
        Assert.Equal("b", s.LineText(1));
        Assert.Equal(new LinePosition(2, 0), s.GetPosition(text.Length - 1));
        Assert.Equal(text.Length - 1, s.GetOffset(new LinePosition(2, 0)));
    }

    [Fact]
    public void Columns_in_utf16_utf8_and_utf32()
    {
        // "😀" is two UTF-16 units, four UTF-8 bytes, one code point; "ح" is one, two, one.
        var s = new SourceText("t: 😀ح x\n");
        int x = s.Text.IndexOf('x');
        Assert.Equal(new LinePosition(0, 7), s.GetPosition(x, PositionEncoding.Utf16));
        Assert.Equal(new LinePosition(0, 10), s.GetPosition(x, PositionEncoding.Utf8));
        Assert.Equal(new LinePosition(0, 6), s.GetPosition(x, PositionEncoding.Utf32));
        Assert.Equal(x, s.GetOffset(new LinePosition(0, 10), PositionEncoding.Utf8));
        Assert.Equal(x, s.GetOffset(new LinePosition(0, 6), PositionEncoding.Utf32));
    }

    [Fact]
    public void Positions_past_the_end_are_clamped()
    {
        var s = new SourceText("ab\r\ncd");
        Assert.Equal(2, s.GetOffset(new LinePosition(0, 99)));     // end of line 0, before CRLF
        Assert.Equal(s.Length, s.GetOffset(new LinePosition(9, 0)));
        Assert.Equal(0, s.GetOffset(new LinePosition(-1, 0)));
        // A column inside a surrogate pair moves to its start.
        var e = new SourceText("😀");
        Assert.Equal(0, e.GetOffset(new LinePosition(0, 1)));
    }

    [Fact]
    public void Dominant_newline()
    {
        Assert.Equal("\r\n", new SourceText("a\r\nb\r\nc\n").NewLine);
        Assert.Equal("\n", new SourceText("a\nb").NewLine);
    }
}

/// <summary>
/// A text edited piece by piece (<see cref="SourceText.WithChange"/>) answers every question as
/// the same text read whole does: its lines, positions in each encoding, slices, characters and
/// what two versions share; and it is never copied whole to answer them.
/// </summary>
public class SourceTextEditTests
{
    /// <summary>The line starts of a text as the language counts them, worked out the plain way.</summary>
    private static List<int> LineStarts(string t)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '\r' && i + 1 < t.Length && t[i + 1] == '\n') continue;
            if (t[i] is '\n' or '\r') starts.Add(i + 1);
        }
        return starts;
    }

    private static void SameAsWhole(string expected, SourceText s, Random rng, string where)
    {
        Assert.Equal(expected.Length, s.Length);
        var starts = LineStarts(expected);
        Assert.True(starts.Count == s.LineCount, $"{where}: {s.LineCount} lines, expected {starts.Count}");
        var whole = new SourceText(expected);
        for (int l = 0; l < starts.Count; l++)
        {
            Assert.True(starts[l] == s.LineStart(l), $"{where}: line {l} starts at {s.LineStart(l)}, expected {starts[l]}");
            Assert.Equal(whole.LineEnd(l), s.LineEnd(l));
            Assert.Equal(whole.LineText(l), s.LineSpan(l).ToString());
        }
        for (int o = 0; o <= expected.Length; o++)
        {
            Assert.True(whole.LineOf(o) == s.LineOf(o), $"{where}: offset {o} on line {s.LineOf(o)}, expected {whole.LineOf(o)}");
            if (o < expected.Length) Assert.Equal(expected[o], s[o]);
        }
        for (int k = 0; k < 20; k++)
        {
            int o = rng.Next(expected.Length + 1);
            foreach (var enc in new[] { PositionEncoding.Utf16, PositionEncoding.Utf8, PositionEncoding.Utf32 })
            {
                var pos = whole.GetPosition(o, enc);
                Assert.Equal(pos, s.GetPosition(o, enc));
                Assert.Equal(whole.GetOffset(pos, enc), s.GetOffset(pos, enc));
            }
            int len = rng.Next(expected.Length - o + 1);
            Assert.Equal(expected.Substring(o, len), s.Substring(o, len));
        }
        Assert.Equal(whole.NewLine, s.NewLine);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(expected), s.Utf8Length());
        Assert.Equal(expected.Contains('\t'), s.Contains('\t'));
        Assert.Equal(expected.Contains("id: e1", StringComparison.Ordinal), s.Contains("id: e1"));
    }

    private const string Alphabet = "ab :-\n\n\r\r\n\té😀ح";

    public static IEnumerable<object[]> Cases() =>
        from size in new[] { 1, 3, 16, 64, 8192 } from seed in Enumerable.Range(0, 4) select new object[] { size, seed };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Random_edits_answer_as_the_whole_text_does(int pieceSize, int seed)
    {
        var rng = new Random(seed * 31 + pieceSize);
        string text = string.Concat(Enumerable.Range(0, 30)
            .Select(i => $"  - id: e{i}\n    title: t{i} ح😀\n" + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "")));
        var s = new SourceText(text, pieceSize);
        SameAsWhole(text, s, rng, "before any edit");
        for (int step = 0; step < 120; step++)
        {
            int pos = rng.Next(text.Length + 1);
            int del = rng.Next(3) == 0 ? Math.Min(rng.Next(1, 30), text.Length - pos) : 0;
            string ins = rng.Next(4) == 0 ? ""
                : new string(Enumerable.Range(0, rng.Next(1, 8)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray());
            if (rng.Next(20) == 0) { pos = 0; del = text.Length; }   // everything replaced
            var before = s;
            string was = text;
            text = text[..pos] + ins + text[(pos + del)..];
            s = s.WithChange(new TextSpan(pos, pos + del), ins);
            SameAsWhole(text, s, rng, $"piece size {pieceSize}, seed {seed}, step {step}");
            int prefix = was.AsSpan().CommonPrefixLength(text);
            Assert.Equal(prefix, before.CommonPrefixLength(s));
            int max = Math.Min(was.Length, text.Length) - prefix;
            int suffix = 0;
            while (suffix < max && was[^(suffix + 1)] == text[^(suffix + 1)]) suffix++;
            Assert.Equal(suffix, before.CommonSuffixLength(s, max));
        }
        Assert.Equal(text, s.Text);
    }

    [Theory]
    [InlineData("a\r|b", "\n", 2)]     // an LF typed after a CR joins it: one line break, not two
    [InlineData("a|\nb", "\r", 2)]     // a CR typed before an LF
    [InlineData("a\r|\nb", "x", 3)]    // text typed between the two splits them
    [InlineData("a\r\n|", "", 2)]
    [InlineData("|", "\r\n", 2)]
    public void Line_breaks_made_and_split_by_an_edit(string marked, string typed, int lines)
    {
        int at = marked.IndexOf('|');
        string text = marked.Remove(at, 1);
        foreach (int size in new[] { 1, 2, 8192 })
        {
            var s = new SourceText(text, size).WithChange(new TextSpan(at, at), typed);
            Assert.Equal(lines, s.LineCount);
            SameAsWhole(text.Insert(at, typed), s, new Random(1), $"'{marked}' + '{typed}', piece size {size}");
        }
    }

    [Fact]
    public void An_edit_shares_the_untouched_text_and_is_not_copied_whole()
    {
        string text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"  - id: e{i}\n"));
        var s = new SourceText(text);
        Assert.True(s.HoldsWholeString);
        var edited = s.WithChange(new TextSpan(100, 100), "x");
        Assert.False(edited.HoldsWholeString);
        Assert.Equal(text.Insert(100, "x"), edited.Text);
        Assert.True(edited.HoldsWholeString);
    }
}
