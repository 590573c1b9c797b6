using Timeline.Cli.Output;
using Timeline.Core.Checks;
using Timeline.Core.Project;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Cli;

/// <summary>The text report in colour, as a terminal shows it: what the plain report's tests cannot see.</summary>
public sealed class TextFormatterTests
{
    private const string Bold = "\u001b[1m", Blue = "\u001b[34m", Red = "\u001b[31m", Yellow = "\u001b[33m", Reset = "\u001b[0m";

    [Fact]
    public void Colour_marks_the_place_the_severity_the_gutter_and_the_carets()
    {
        string longLine = new('x', 250);
        string text = "title: T\n\tname: a😀b\n" + longLine + "\n";
        int word = text.IndexOf("a😀b", StringComparison.Ordinal), xs = text.IndexOf('x');
        var found = new List<Diagnostic>
        {
            // A tab shown as a space, an emoji two units wide but one caret.
            new(UnknownPlaceRule.Rule, Severity.Error, new TextSpan(word, word + 4), "first"),
            // A long line shown as a window around the finding, marked as cut.
            new(UnknownPlaceRule.Rule, Severity.Warning, new TextSpan(xs + 200, xs + 203), "second"),
        };
        var report = new[] { new ReportFile("p/a.timeline.yaml", new CheckedFile("a.timeline.yaml", new SourceText(text), found)) };
        var output = new StringWriter { NewLine = "\n" };

        TextFormatter.Write(output, report, color: true);

        var lines = output.ToString().Split('\n');
        Assert.Equal($"{Bold}p/a.timeline.yaml:2:8:{Reset} \u001b[1;31merror{Reset} TL201 unknown-place: first", lines[0]);
        Assert.Equal($" {Blue}2 |{Reset}  name: a😀b", lines[1]);
        Assert.Equal($" {Blue}  |{Reset} {new string(' ', 7)}{Red}^^^{Reset}", lines[2]);
        Assert.Equal($"{Bold}p/a.timeline.yaml:3:201:{Reset} \u001b[1;33mwarning{Reset} TL201 unknown-place: second", lines[3]);
        Assert.Equal($" {Blue}3 |{Reset} …{new string('x', 160)}", lines[4]);
        Assert.Equal($" {Blue}  |{Reset} {new string(' ', 111)}{Yellow}^^^{Reset}", lines[5]);
        Assert.Equal("1 error, 1 warning, 0 infos in 1 file.", lines[6]);
    }
}
