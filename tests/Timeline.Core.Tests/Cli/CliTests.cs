using System.Text.Json;
using Timeline.Cli;

namespace Timeline.Core.Tests.Cli;

/// <summary>The command-line contract: exit codes, the JSON shape, SARIF, GitHub annotations and compiler-style text.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string rel, string text)
    {
        var p = Path.Combine(_dir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
    }

    private static (int Code, string Out, string Err) Run(string cwd, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CommandLine.RunAsync(args, TextReader.Null, o, e, cwd).GetAwaiter().GetResult();
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>A file with findings (an unknown place), Arabic and an emoji (positions in UTF-16).</summary>
    internal const string Broken = """
        title: Broken
        sources:
          - id: np
            publisher: North Press Agency
            published: 2024-11-29
        events:
          - id: e1
            date: 2024-11-29
            title: "😀 حلب"
            places: [saraqeb]
            sources: [np]
        """;

    private const string Places = "places:\n  - id: saraqib\n    name: Saraqib\n";

    [Fact]
    public void Example_project_is_clean()
    {
        var (code, output, _) = Run(Repo.Root, "check", "examples/aleppo-2024");
        Assert.Equal(0, code);
        Assert.Contains("No problems in", output);
    }

    [Fact]
    public void Errors_exit_1_and_usage_errors_exit_2()
    {
        Write("p/a.timeline.yaml", Broken);
        Assert.Equal(1, Run(_dir, "check", "p").Code);
        Assert.Equal(2, Run(_dir, "check", "nowhere").Code);
        Assert.Equal(2, Run(_dir, "check", "p", "--format", "xml").Code);
        Assert.Equal(2, Run(_dir, "check", "--max-warnings", "many").Code);
        Assert.Equal(2, Run(_dir, "frobnicate").Code);
        Assert.Equal(0, Run(_dir, "--version").Code);
    }

    [Fact]
    public void Max_warnings_turns_warnings_into_failure()
    {
        Write("w/a.timeline.yaml", "title: W\nsources:\n  - {id: unused, publisher: X, published: 2024-11-29}\nevents: []\n");
        Assert.Equal(0, Run(_dir, "check", "w").Code);
        Assert.Equal(0, Run(_dir, "check", "w", "--max-warnings", "1").Code);
        Assert.Equal(1, Run(_dir, "check", "w", "--max-warnings", "0").Code);
        Assert.Equal(1, Run(_dir, "check", "w", "--max-warnings=0").Code);
    }

    [Fact]
    public void Json_has_the_contract_shape_with_zero_based_utf16_positions()
    {
        Write("p/a.timeline.yaml", Broken);
        Write("p/b.places.yaml", Places);
        var (code, output, _) = Run(_dir, "check", "p", "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(new[] { "p/a.timeline.yaml", "p/b.places.yaml" }, files.Select(f => f.GetProperty("path").GetString()));
        var d = files[0].GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal("TL201", d.GetProperty("code").GetString());
        Assert.Equal("unknown-place", d.GetProperty("name").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Contains("saraqib", d.GetProperty("message").GetString());
        var range = d.GetProperty("range");
        Assert.Equal(9, range.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(13, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(9, range.GetProperty("end").GetProperty("line").GetInt32());
        Assert.Equal(20, range.GetProperty("end").GetProperty("character").GetInt32());
        var summary = root.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(0, summary.GetProperty("warnings").GetInt32());
        Assert.Equal(0, summary.GetProperty("infos").GetInt32());
        Assert.Equal(new[] { "version", "files", "summary" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "code", "name", "severity", "message", "range" }, d.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Utf16_columns_count_emoji_as_two_units()
    {
        Write("u/a.timeline.yaml", "title: U\nevents:\n  - {id: e, date: 2024-11-29, title: \"😀😀\", places: [nowhere], sources: []}\n");
        var (_, output, _) = Run(_dir, "check", "u", "--format", "json");
        using var doc = JsonDocument.Parse(output);
        var diags = doc.RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().ToList();
        var place = diags.Single(d => d.GetProperty("code").GetString() == "TL201");
        // `  - {id: e, date: 2024-11-29, title: "😀😀", places: [` is 54 UTF-16 units (50 characters; each emoji is two units).
        Assert.Equal(54, place.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public void Text_is_compiler_style_with_the_line_and_a_caret()
    {
        Write("p/a.timeline.yaml", Broken);
        Write("p/b.places.yaml", Places);
        var (_, output, _) = Run(_dir, "check", "p");
        var lines = output.Split('\n');
        Assert.Equal("p/a.timeline.yaml:10:14: error TL201 unknown-place: unknown place 'saraqeb'; expected a place " +
            "id defined in the project; did you mean 'saraqib' (Saraqib)?", lines[0]);
        Assert.Equal(" 10 |     places: [saraqeb]", lines[1]);
        Assert.Equal("    |              ^^^^^^^", lines[2]);
        Assert.False(output.Contains('\u001b'), "no colour when not a terminal");
    }

    [Fact]
    public void Github_annotations()
    {
        Write("p/a.timeline.yaml", Broken);
        Write("p/b.places.yaml", Places);
        var (_, output, _) = Run(_dir, "check", "p", "--format", "github");
        Assert.StartsWith("::error file=p/a.timeline.yaml,line=10,col=14,endLine=10,endColumn=21,title=TL201 " +
            "unknown-place::unknown place 'saraqeb'", output);
    }

    [Fact]
    public void Sarif_is_valid_against_the_published_schema()
    {
        Write("p/a.timeline.yaml", Broken + "\n  - {id: e2, date: 2024-11-27, title: t, sources: [np]}\n");
        Write("p/b.places.yaml", Places);
        var (_, output, _) = Run(_dir, "check", "p", "--format", "sarif");
        string file = Path.Combine(_dir, "out.sarif");
        File.WriteAllText(file, output);
        var r = NodeValidators.Validate("sarif", file).Single();
        Assert.True(r.Valid, string.Join("\n", r.Errors));
        using var doc = JsonDocument.Parse(output);
        var run = doc.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, x => x.GetProperty("ruleId").GetString() == "TL201" && x.GetProperty("level").GetString() == "error");
        Assert.Contains(results, x => x.GetProperty("ruleId").GetString() == "TL107" && x.GetProperty("level").GetString() == "note");
        var region = results.First(x => x.GetProperty("ruleId").GetString() == "TL201")
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(10, region.GetProperty("startLine").GetInt32());
        Assert.Equal(14, region.GetProperty("startColumn").GetInt32());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(Timeline.Core.Checks.Rules.All.Count, rules.GetArrayLength());
        // Each rule links its page, which exists in the repository.
        Assert.All(rules.EnumerateArray(), rule =>
        {
            string help = rule.GetProperty("helpUri").GetString()!;
            Assert.EndsWith($"/docs/rules/{rule.GetProperty("id").GetString()}.md", help);
            Assert.True(File.Exists(Repo.Path("docs", "rules", rule.GetProperty("id").GetString() + ".md")));
        });
    }

    [Fact]
    public void Invalid_utf8_and_a_50_mb_file_are_reported_not_fatal()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "h"));
        var bytes = System.Text.Encoding.UTF8.GetBytes("title: café\nevents: []\n");
        bytes[10] = 0xFF;
        File.WriteAllBytes(Path.Combine(_dir, "h", "bad.timeline.yaml"), bytes);
        using (var big = File.Create(Path.Combine(_dir, "h", "big.timeline.yaml")))
        {
            big.Write("title: T\nevents: []\nx-pad: "u8);
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)'x');
            for (int i = 0; i < 50; i++) big.Write(chunk);
            big.Write("\n"u8);
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, _) = Run(_dir, "check", "h", "--format", "json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var byFile = doc.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(
                f => f.GetProperty("path").GetString()!,
                f => f.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList());
        Assert.Contains("TL001", byFile["h/bad.timeline.yaml"]);
        Assert.Equal(new[] { "TL901" }, byFile["h/big.timeline.yaml"]);
    }

    [Fact]
    public void A_file_argument_checks_its_project_and_reports_that_file()
    {
        Write("p/timeline.config.yaml", "require-sources: true\n");
        Write("p/a.timeline.yaml", Broken.Replace("saraqeb", "saraqib"));
        Write("p/sub/b.places.yaml", Places);
        var (code, output, _) = Run(_dir, "check", "p/a.timeline.yaml", "--format", "json");
        Assert.Equal(0, code); // saraqib is defined elsewhere in the project
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }
}
