using Timeline.Core.Checks;

namespace Timeline.Core.Tests.Unit;

/// <summary>The hand-read JSON number (coordinates) says what the language's number pattern says.</summary>
public class NumberTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-0", true)]
    [InlineData("36.2021", true)]
    [InlineData("-122.5e+3", true)]
    [InlineData("1E9", true)]
    [InlineData("", false)]
    [InlineData("-", false)]
    [InlineData("01", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("1e", false)]
    [InlineData("1e+", false)]
    [InlineData("+1", false)]
    [InlineData("36.2 ", false)]
    [InlineData("٣٦", false)]
    public void A_number_is_read_as_JSON_writes_it(string text, bool number)
    {
        Assert.Equal(number, StructureValidator.IsJsonNumber(text));
        Assert.Equal(number, StructureValidator.NumberPattern().IsMatch(text));
    }

    [Fact]
    public void Random_texts_are_judged_as_the_pattern_judges_them()
    {
        var rng = new Random(29);
        const string alphabet = "0123456789-+.eEx ";
        for (int n = 0; n < 20000; n++)
        {
            var chars = new char[rng.Next(0, 8)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
            var text = new string(chars);
            Assert.True(StructureValidator.NumberPattern().IsMatch(text) == StructureValidator.IsJsonNumber(text), text);
        }
    }
}
