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
