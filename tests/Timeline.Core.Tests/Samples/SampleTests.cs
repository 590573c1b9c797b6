using System.Globalization;
using Timeline.Core.Checks;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Samples;

/// <summary>
/// Each folder tests/samples/GROUP/CASE is a small project whose files carry their expected
/// diagnostics as annotations. Every sample runs twice: as written (LF) and with CRLF endings.
/// TIMELINE_ACCEPT=1 dotnet test rewrites the annotations from what the checker says now.
/// </summary>
public class SampleTests
{
    public const string Root = "/sample";

    public static string SamplesDir => Repo.Path("tests", "samples");

    public static IEnumerable<string> SampleFolders() =>
        Directory.EnumerateDirectories(SamplesDir).SelectMany(Directory.EnumerateDirectories)
            .Select(d => Path.GetRelativePath(SamplesDir, d).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public static IEnumerable<object[]> Cases() =>
        SampleFolders().SelectMany(s => new[] { new object[] { s, false }, new object[] { s, true } });

    public static bool IsSampleFile(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal)
        || path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>
    /// A snapshot is evidence kept as captured, not text the writer edits: the CRLF twin keeps its
    /// bytes (its recorded digest would no longer match); the quote matcher's own tests cover CRLF snapshots.
    /// </summary>
    public static bool IsSnapshot(string relativePath) => relativePath.StartsWith("snapshots/", StringComparison.Ordinal);

    /// <summary>The files of a sample, by path relative to the sample folder.</summary>
    public static Dictionary<string, string> ReadSample(string sample) =>
        Directory.EnumerateFiles(Path.Combine(SamplesDir, sample), "*", SearchOption.AllDirectories)
            .Where(IsSampleFile)
            .ToDictionary(f => Path.GetRelativePath(Path.Combine(SamplesDir, sample), f).Replace('\\', '/'), File.ReadAllText);

    public static ReaderLimits LimitsOf(string sample)
    {
        var file = Path.Combine(SamplesDir, sample, "limits");
        if (!File.Exists(file)) return ReaderLimits.Default;
        var lines = File.ReadAllLines(file).Select(l => l.Split('='))
            .ToDictionary(p => p[0].Trim(), p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
        return new ReaderLimits(lines.GetValueOrDefault("max-bytes", ReaderLimits.Default.MaxBytes),
            lines.GetValueOrDefault("max-depth", ReaderLimits.Default.MaxDepth));
    }

    public static ProjectResult Check(IReadOnlyDictionary<string, string> files, ReaderLimits limits)
    {
        var fs = new MemoryFileSystem(files.Select(p => new KeyValuePair<string, string>($"{Root}/{p.Key}", p.Value)));
        var project = ProjectLoader.Load(fs, Root, limits: limits);
        return ProjectAnalyzer.Analyze(project);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample(string sample, bool crlf)
    {
        var files = ReadSample(sample);
        Assert.NotEmpty(files);
        var limits = LimitsOf(sample);
        if (Repo.Accepting && !crlf)
        {
            Accept(sample, files, limits);
            files = ReadSample(sample);
        }
        if (crlf) files = files.ToDictionary(p => p.Key, p => IsSnapshot(p.Key) ? p.Value : Repo.ToCrlf(p.Value));
        // Annotations are metadata: check the text without them, then place what is found on the annotated lines.
        var stripped = files.ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
        var result = Check(stripped, limits);
        var failures = new List<string>();
        foreach (var (rel, text) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var expected = Annotations.Read(text).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToList();
            var source = new SourceText(stripped[rel]);
            var lineMap = Annotations.LineMap(text);
            var actual = result.For($"{Root}/{rel}").Select(d => Annotations.ToExpected(source, d))
                .Select(e => (e with { StartLine = lineMap[e.StartLine], EndLine = lineMap[e.EndLine] }).ToString())
                    .Order(StringComparer.Ordinal).ToList();
            foreach (var missing in expected.Except(actual)) failures.Add($"{rel}: expected but not reported: {missing}");
            foreach (var extra in actual.Except(expected)) failures.Add($"{rel}: reported but not expected: {extra}");
        }
        Assert.True(failures.Count == 0,
            $"{sample}{(crlf ? " (CRLF)" : "")}:\n" + string.Join("\n", failures) + "\n(re-accept with TIMELINE_ACCEPT=1 dotnet test)");
    }

    private static void Accept(string sample, Dictionary<string, string> files, ReaderLimits limits)
    {
        var stripped = files.ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
        var result = Check(stripped, limits);
        foreach (var (rel, text) in stripped)
        {
            var annotated = Annotations.Write(text, new SourceText(text), result.For($"{Root}/{rel}"));
            if (annotated != files[rel]) File.WriteAllText(Path.Combine(SamplesDir, sample, rel), annotated);
        }
    }
}
