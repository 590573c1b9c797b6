using Timeline.Cli;
using Timeline.Core.Project;
using Timeline.Core.Syntax;

namespace Timeline.Core.Tests.Cli;

/// <summary>
/// Resource limits in `timeline check`, at sizes a test run affords (bench/limits.sh runs the full ones:
/// a 200 MB file, a million lines, a 100,000-item flow list).
/// </summary>
public sealed class LimitsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out) Check(string text)
    {
        File.WriteAllText(Path.Combine(_dir, "a.timeline.yaml"), text);
        var o = new StringWriter();
        int code = CommandLine.RunAsync(["check", _dir], TextReader.Null, o, new StringWriter(), _dir).GetAwaiter().GetResult();
        return (code, o.ToString());
    }

    [Fact]
    public void A_long_flow_list_is_quoted_around_each_finding_not_whole_under_each()
    {
        string items = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => "s" + i));
        var (code, output) = Check($"title: Flow\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: [{items}]\n");
        Assert.Equal(1, code);
        var lines = output.Split('\n');
        Assert.Equal(20_000, lines.Count(l => l.Contains(" TL203 ", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.True(l.Length < 400, $"a line of {l.Length} characters"));
        // The finding on the last item is shown with its caret under it.
        int last = Array.FindIndex(lines, l => l.Contains("'s19999'", StringComparison.Ordinal));
        Assert.True(last >= 0);
        int caret = lines[last + 2].IndexOf('^', StringComparison.Ordinal);
        Assert.Equal("s19999", lines[last + 1].Substring(caret, 6));
    }

    [Fact]
    public void A_hundred_thousand_lines_are_read()
    {
        string text = "title: Lines\nevents:\n  - id: e\n    date: 2024-11-27\n    title: t\n    sources: [report]\n"
            + string.Concat(Enumerable.Repeat("#\n", 100_000));
        var (code, output) = Check(text);
        Assert.Equal(1, code);
        Assert.Contains("TL203", output, StringComparison.Ordinal); // the unknown source: the file was read whole
    }

    [Fact]
    public void A_file_over_the_limit_gets_TL901_on_its_first_line()
    {
        var (code, output) = Check("title: Big\nevents:\n" + new string('#', 17 * 1024 * 1024) + "\n");
        Assert.Equal(1, code);
        Assert.Contains(":1:1", output, StringComparison.Ordinal);
        Assert.Contains("TL901", output, StringComparison.Ordinal);
        Assert.Contains("larger than the limit of 16,777,216 bytes", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1004, true)]
    [InlineData(1002, false)] // within a byte-order mark of the limit: read, and judged by its text as before
    [InlineData(990, false)]
    public void A_file_over_the_limit_on_disk_is_judged_by_its_size_and_not_read(int size, bool skipped)
    {
        string path = Path.Combine(_dir, "b.timeline.yaml");
        File.WriteAllText(path, "title: Big\nevents:\n" + new string('#', size - 20) + "\n");
        Assert.Equal(size, new FileInfo(path).Length);
        var model = ProjectLoader.ReadFile(PhysicalFileSystem.Instance, path, new ReaderLimits(MaxBytes: 1000))!;
        Assert.Equal(skipped, model.Source.Length == 0);
        Assert.Equal(size > 1000, model.Diagnostics.Any(d => d.Rule.Code == "TL901"));
    }
}
