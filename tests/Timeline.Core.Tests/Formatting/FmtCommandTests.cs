using Timeline.Cli.Commands;

namespace Timeline.Core.Tests.Formatting;

/// <summary><c>timeline fmt [--check]</c>: what it lists, writes and refuses, and its exit status.</summary>
public sealed class FmtCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Messy = "events:\n- title: 'T'\n  id: e1\ntitle: A   # kept\n";
    private const string Tidy = "title: A   # kept\nevents:\n  - id: e1\n    title: T\n";
    private const string Broken = "title: A\nevents: [unclosed\n";

    private (int Code, string Out, string Err) Run(bool check, params string[] paths)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = FmtCommand.Run(paths, check, _dir, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_dir, name), text);
    private string Read(string name) => File.ReadAllText(Path.Combine(_dir, name));

    [Fact]
    public void Check_lists_the_files_it_would_change_and_writes_nothing()
    {
        Write("a.timeline.yaml", Messy);
        Write("b.timeline.yaml", Tidy);
        var (code, output, _) = Run(check: true);
        Assert.Equal(1, code);
        Assert.Equal("a.timeline.yaml\n", output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(Messy, Read("a.timeline.yaml"));
    }

    [Fact]
    public void Fmt_writes_the_layout_and_keeps_a_byte_order_mark()
    {
        File.WriteAllBytes(Path.Combine(_dir, "a.timeline.yaml"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Messy)]);
        var (code, output, _) = Run(check: false, ".");
        Assert.Equal(0, code);
        Assert.Contains("formatted a.timeline.yaml", output, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "a.timeline.yaml"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(Tidy, System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(0, Run(check: true).Code);
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_named_and_left_alone()
    {
        Write("a.timeline.yaml", Broken);
        Write("b.timeline.yaml", Messy);
        var (code, _, err) = Run(check: false);
        Assert.Equal(1, code);
        Assert.Matches(@"a\.timeline\.yaml: not formatted: line \d+: TL001", err);
        Assert.Equal(Broken, Read("a.timeline.yaml"));
        Assert.Equal(Tidy, Read("b.timeline.yaml"));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        Assert.Equal(2, Run(check: false, "nowhere").Code);
    }
}
