using System.Text.Json;
using Timeline.Cli;
using Timeline.Core.Checks;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Cli;

/// <summary><c>check --write-baseline</c> and <c>--baseline</c>: findings matched by rule, file and fingerprint, never by line.</summary>
public sealed class BaselineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-baseline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(string cwd, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandLine.RunAsync(args, TextReader.Null, o, e, cwd).GetAwaiter().GetResult();
        return (code, o.ToString(), e.ToString());
    }

    private const string Old = """
        title: T
        events:
          - {id: a, date: 2024-11-29, title: "one", places: [nowhere], sources: []}
          - {id: b, date: 2024-11-29, title: "two", places: [nowhere], sources: []}
        """;

    private string Timeline => Path.Combine(_dir, "p", "a.timeline.yaml");

    private void Write(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Timeline)!);
        File.WriteAllText(Timeline, text);
    }

    private static List<JsonElement> Diagnostics(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("diagnostics").EnumerateArray()).Select(d => d.Clone()).ToList();
    }

    [Fact]
    public void A_baselined_finding_stays_baselined_when_lines_move_and_a_new_one_is_reported()
    {
        Write(Old);
        var written = Run(_dir, "check", "p", "--write-baseline", "ci/baseline.json");
        Assert.Equal(0, written.Code);
        Assert.Contains("wrote 4 findings to the baseline ci/baseline.json", written.Err);
        Assert.Equal(1, Run(_dir, "check", "p").Code);

        Write("# a chronology\n\n# kept by hand\n" + Old.Replace("events:\n", "events:\n  - {id: z, date: 2024-11-28, title: z, sources: []}\n",
            StringComparison.Ordinal));
        var (code, output, error) = Run(_dir, "check", "p", "--baseline", "ci/baseline.json", "--format", "json");
        Assert.Equal(1, code);
        var left = Diagnostics(output);
        var only = Assert.Single(left);
        Assert.Equal("TL301", only.GetProperty("code").GetString());
        Assert.Contains("'z'", only.GetProperty("message").GetString());
        Assert.Contains("4 findings in the baseline ci/baseline.json not reported", error);
    }

    [Fact]
    public void Equal_findings_are_counted_so_a_second_copy_is_new()
    {
        Write(Old);
        Assert.Equal(0, Run(_dir, "check", "p", "--write-baseline", "b.json").Code);
        Write(Old + "\n  - {id: c, date: 2024-11-29, title: \"three\", places: [nowhere], sources: []}\n");
        var (code, output, _) = Run(_dir, "check", "p", "--baseline", "b.json", "--format", "json");
        Assert.Equal(1, code);
        Assert.Equal(new[] { "TL201", "TL301" }, Diagnostics(output).Select(d => d.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public void A_fixed_finding_is_told_as_gone_and_the_spec_form_rewrites_the_baseline()
    {
        Write(Old);
        Assert.Equal(0, Run(_dir, "check", "p", "--write-baseline", "b.json").Code);
        Write(string.Join('\n', Old.Split('\n').Where(l => !l.Contains("id: a,", StringComparison.Ordinal))));
        var (code, _, error) = Run(_dir, "check", "p", "--baseline", "b.json");
        Assert.Equal(0, code);
        Assert.Contains("2 findings in the baseline b.json not reported; 2 findings of the baseline no longer occur", error);
        var rewritten = Run(_dir, "check", "p", "--baseline", "b.json", "--write-baseline");
        Assert.Equal(0, rewritten.Code);
        Assert.Contains("wrote 2 findings", rewritten.Err);
    }

    [Fact]
    public void The_file_is_stable_sorted_relative_with_slashes()
    {
        Write(Old);
        Directory.CreateDirectory(Path.Combine(_dir, "ci"));
        Assert.Equal(0, Run(_dir, "check", "p", "--write-baseline", "ci/b.json").Code);
        string first = File.ReadAllText(Path.Combine(_dir, "ci", "b.json"));
        // Written again from elsewhere: the same bytes (paths are relative to the baseline's folder, not the current one).
        Assert.Equal(0, Run(Path.Combine(_dir, "p"), "check", ".", "--write-baseline", "../ci/b.json").Code);
        Assert.Equal(first, File.ReadAllText(Path.Combine(_dir, "ci", "b.json")));
        using var doc = JsonDocument.Parse(first);
        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal("../p/a.timeline.yaml", f.GetProperty("file").GetString()));
        Assert.Equal(new[] { "file", "code", "fingerprint", "message" }, findings[0].EnumerateObject().Select(p => p.Name));
        var keys = findings.Select(f => f.GetProperty("code").GetString() + " " + f.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void A_missing_or_broken_baseline_is_a_usage_error()
    {
        Write(Old);
        Assert.Equal(2, Run(_dir, "check", "p", "--baseline", "none.json").Code);
        File.WriteAllText(Path.Combine(_dir, "bad.json"), "{\"version\": 1, \"findings\": [{\"file\": 3}]}");
        var (code, _, error) = Run(_dir, "check", "p", "--baseline", "bad.json");
        Assert.Equal(2, code);
        Assert.Contains("not a Timeline baseline", error);
    }

    [Fact]
    public void Sarif_carries_the_same_fingerprints()
    {
        Write(Old);
        Assert.Equal(0, Run(_dir, "check", "p", "--write-baseline", "b.json").Code);
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "b.json")));
        var expected = baseline.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("fingerprint").GetString()).Order().ToList();
        var (_, output, _) = Run(_dir, "check", "p", "--format", "sarif");
        using var sarif = JsonDocument.Parse(output);
        var actual = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("timelineFingerprint/v1").GetString()).Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_fingerprint_ignores_the_line_and_white_space_and_tells_equal_findings_apart()
    {
        var rule = Rules.All[0];
        static TextSpan Span(string text, string word, int from = 0)
        {
            int at = text.IndexOf(word, from, StringComparison.Ordinal);
            return new TextSpan(at, at + word.Length);
        }
        string a = "x: 1\n  places: [saraqeb]\n  places: [saraqeb]\n";
        string b = "# moved\n\nx: 1\n  places:   [saraqeb]  \n  places: [saraqeb]\n";
        var fa = Fingerprint.Of(new SourceText(a), new[]
        {
            new Diagnostic(rule, Severity.Error, Span(a, "saraqeb"), "m"),
            new Diagnostic(rule, Severity.Error, Span(a, "saraqeb", a.LastIndexOf('[')), "m"),
        });
        var fb = Fingerprint.Of(new SourceText(b), new[]
        {
            new Diagnostic(rule, Severity.Error, Span(b, "saraqeb"), "other words"),
            new Diagnostic(rule, Severity.Error, Span(b, "saraqeb", b.LastIndexOf('[')), "m"),
        });
        Assert.Equal(fa, fb);
        Assert.NotEqual(fa[0], fa[1]);
        Assert.Matches("^[0-9a-f]{16}$", fa[0]);
        var other = Fingerprint.Of(new SourceText(a), new[] { new Diagnostic(Rules.All[1], Severity.Error, Span(a, "saraqeb"), "m") });
        Assert.NotEqual(fa[0], other[0]);
    }
}
