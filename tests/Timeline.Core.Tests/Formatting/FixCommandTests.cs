using Timeline.Cli.Commands;
using Timeline.Core.Formatting;
using Timeline.Core.Tests.Samples;

namespace Timeline.Core.Tests.Formatting;

/// <summary><c>check --fix</c>: only certain fixes, to a fixed point, every change printed, nothing else lost.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-fix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Timeline = """
        title: Fixes
        sources:
          - id: np
            publisher: North Press Agency
            published: 2024-11-29
          - id: later
            publisher: Reuters
            published: 2024-12-07
        events:
          # the latest first, by mistake
          - id: e1
            date: 30/11/2024   # day first
            title: Unambiguous day-first date
            sources: [np]
          - id: e2
            date: on Wednesday
            title: One source, one answer
            sources: [np]
          - id: e3
            date: 2016?~
            title: A draft EDTF form
            sources: [np]
          - id: e4
            date: Friday
            title: Two sources disagree, so it stays
            sources: [np, later]
            places: [alepo]
        """;

    private const string Places = "places:\n  - id: aleppo\n    name: Aleppo\n";

    private (int? Code, string Out, string Err) Run(bool dryRun, string? text = null)
    {
        File.WriteAllText(Path.Combine(_dir, "timeline.config.yaml"), "require-sources: true\n");
        File.WriteAllText(Path.Combine(_dir, "a.places.yaml"), Places);
        File.WriteAllText(Path.Combine(_dir, "a.timeline.yaml"), text ?? Timeline);
        var o = new StringWriter();
        var e = new StringWriter();
        int? code = FixCommand.Run(new[] { _dir }, dryRun, false, _dir, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Fixed => File.ReadAllText(Path.Combine(_dir, "a.timeline.yaml"));

    [Fact]
    public void Certain_fixes_are_applied_to_a_fixed_point_and_each_is_printed()
    {
        var (code, _, err) = Run(dryRun: false);
        Assert.Null(code);
        string text = Fixed;
        Assert.Contains("date: 2024-11-30   # day first", text, StringComparison.Ordinal);
        Assert.Contains("date: 2024-11-27", text, StringComparison.Ordinal);
        Assert.Contains("date: 2016%", text, StringComparison.Ordinal);
        // Not certain: two candidates, and a did-you-mean.
        Assert.Contains("date: Friday", text, StringComparison.Ordinal);
        Assert.Contains("places: [alepo]", text, StringComparison.Ordinal);
        // Once the dates are right, the events are sorted (a second round), the comment going with its event.
        Assert.True(text.IndexOf("id: e3", StringComparison.Ordinal) < text.IndexOf("id: e2", StringComparison.Ordinal), text);
        Assert.True(text.IndexOf("id: e2", StringComparison.Ordinal) < text.IndexOf("id: e1", StringComparison.Ordinal), text);
        Assert.Contains("  # the latest first, by mistake\n  - id: e1", text, StringComparison.Ordinal);
        Assert.Contains("a.timeline.yaml:12: TL104 Change to '2024-11-30'", err, StringComparison.Ordinal);
        Assert.Contains("a.timeline.yaml:16: TL103 Change to '2024-11-27'", err, StringComparison.Ordinal);
        Assert.Contains("TL108 Change to '2016%'", err, StringComparison.Ordinal);
        Assert.Contains("TL107 Sort the events by date", err, StringComparison.Ordinal);
        Assert.Matches(@"--fix: 4 changes in 1 file; \d+ problems remain", err);
        // Nothing but the dates and the order changed: the same values and comments, events found by id.
        var before = DocumentContent.Of(Timeline.Replace("\r\n", "\n", StringComparison.Ordinal), orderFree: true);
        var after = DocumentContent.Of(text, orderFree: true);
        Assert.Equal(before.Where(l => !l.Contains("/date =", StringComparison.Ordinal)),
            after.Where(l => !l.Contains("/date =", StringComparison.Ordinal)));
        // Run again: nothing left to fix.
        var again = new StringWriter();
        Assert.Null(FixCommand.Run(new[] { _dir }, false, false, _dir, new StringWriter(), again));
        Assert.StartsWith("--fix: 0 changes in 0 files", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        var (code, output, err) = Run(dryRun: true);
        Assert.Equal(1, code);
        Assert.Equal(Timeline, Fixed);
        Assert.Contains("--- a/a.timeline.yaml\n+++ b/a.timeline.yaml\n@@ -", output, StringComparison.Ordinal);
        Assert.Contains("\n-    date: 30/11/2024   # day first\n", output, StringComparison.Ordinal);
        Assert.Contains("\n+    date: 2024-11-30   # day first\n", output, StringComparison.Ordinal);
        Assert.Contains("(dry run: nothing written)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crlf_file_stays_crlf()
    {
        Run(dryRun: false, Repo.ToCrlf(Timeline));
        Assert.DoesNotContain('\n', Fixed.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Contains("date: 2024-11-27\r\n", Fixed, StringComparison.Ordinal);
    }

    public static IEnumerable<object[]> Samples() => SampleTests.Cases();

    /// <summary>On every sample: --fix changes only dates, figures, the events' order and the notes that keep a date's
    /// words ("early Friday"); other values, comments and ids stay.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_keeps_its_content_under_fix(string sample, bool crlf)
    {
        var files = SampleTests.ReadSample(sample);
        string root = Path.Combine(_dir, "s");
        foreach (var (rel, text) in files)
        {
            string path = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, crlf && !SampleTests.IsSnapshot(rel) ? Repo.ToCrlf(text) : text);
        }
        var err = new StringWriter();
        Assert.Null(FixCommand.Run(new[] { root }, false, false, root, new StringWriter(), err));
        foreach (var (rel, text) in files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            string after = File.ReadAllText(Path.Combine(root, rel));
            static bool Fixable(string line) => line.Contains("/date =", StringComparison.Ordinal)
                || line.Contains("/notes =", StringComparison.Ordinal)
                || Counts.Any(c => line.Contains($"/{c} =", StringComparison.Ordinal));
            var a = DocumentContent.Of(crlf ? Repo.ToCrlf(text) : text, orderFree: true).Where(l => !Fixable(l));
            var b = DocumentContent.Of(after, orderFree: true).Where(l => !Fixable(l));
            Assert.True(a.SequenceEqual(b), $"{sample}/{rel}: --fix changed more than dates, figures, notes and order\n{err}");
            if (crlf && !SampleTests.IsSnapshot(rel)) Assert.DoesNotContain('\n', after.Replace("\r\n", "", StringComparison.Ordinal));
        }
    }

    private static readonly string[] Counts = Core.Language.LanguageSchema.FigureCounts;
}
