using Timeline.Core.Checks;
using Timeline.Core.Project;
using Timeline.TestSupport;

namespace Timeline.Core.Tests.Samples;

/// <summary>
/// A project read to be checked once (`timeline check`, `export`: each file read whole, nothing kept for its next
/// versions) is found to hold what the same project read for an editor holds: every sample, LF and CRLF, and the
/// samples' files after random edits (broken text included), give the same findings, fixes and suggestions both ways.
/// </summary>
public class ReadOnceTests
{
    [Theory]
    [MemberData(nameof(SampleTests.Cases), MemberType = typeof(SampleTests))]
    public void A_sample_checked_once_says_what_it_says_in_an_editor(string sample, bool crlf)
    {
        var files = SampleTests.ReadSample(sample).ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
        if (crlf) files = files.ToDictionary(p => p.Key, p => SampleTests.IsSnapshot(p.Key) ? p.Value : Repo.ToCrlf(p.Value));
        var limits = SampleTests.LimitsOf(sample);
        Assert.Equal(Findings(files, limits, keepForEdits: true), Findings(files, limits, keepForEdits: false));
        Assert.Equal(Values(files, limits, keepForEdits: true), Values(files, limits, keepForEdits: false));
    }

    // What a file read whole and one read by segments once read differently: a timezone applied to the sources' times,
    // and a root key written twice (the second list, the last title).
    [Theory]
    [InlineData("timezone: \"+03:00\"\nsources:\n  - id: s1\n    publisher: Outlet\n    published: 2024-11-29T01:00:00\n" +
        "events:\n  - id: e1\n    date: 2024-11-29T03:30:00\n    sources: [s1]\n")]
    [InlineData("title: First\nsources:\n  - id: s1\n    publisher: Outlet\nevents:\n  - id: e1\n    date: 2024-11-29\n" +
        "    sources: [s1]\ntitle: Second\nevents:\n  - id: e2\n    date: 2024-11-30\n    sources: [s9]\n" +
        "sources:\n  - id: s2\n    publisher: Other\n")]
    public void A_file_read_whole_says_what_it_says_read_by_segments(string text)
    {
        foreach (var eol in new[] { "\n", "\r\n" })
        {
            var files = new Dictionary<string, string> { ["a.timeline.yaml"] = text.Replace("\n", eol, StringComparison.Ordinal) };
            var limits = Syntax.ReaderLimits.Default;
            Assert.Equal(Findings(files, limits, keepForEdits: true), Findings(files, limits, keepForEdits: false));
            Assert.Equal(Values(files, limits, keepForEdits: true), Values(files, limits, keepForEdits: false));
        }
    }

    [Fact]
    public void Long_free_text_is_read_from_the_file_as_written()
    {
        string title = "Shelling of the old city near the citadel, حلب 😀, as the wire reported it";
        var files = new Dictionary<string, string>
        {
            ["a.timeline.yaml"] = "title: Long values\r\nevents:\r\n  - id: e1\r\n    date: 2024-11-29\r\n" +
                $"    title: {title}\r\n    notes: short\r\n    sources:\r\n      - source: s1\r\n" +
                "        quote: the words of the report about the shelling of the old city\r\n" +
                "sources:\r\n  - id: s1\r\n    publisher: Outlet\r\n",
        };
        var once = Load(files, Syntax.ReaderLimits.Default, keepForEdits: false).Files.Single();
        var ev = once.Events.Single();
        var node = (Syntax.MappingNode)ev.Node!;
        Assert.True(((Syntax.ScalarNode)node["title"]!).IsLeftInText);
        Assert.False(((Syntax.ScalarNode)node["notes"]!).IsLeftInText);
        Assert.Equal(title, ev.Title);
        Assert.Equal("the words of the report about the shelling of the old city", ev.Citations.Single().Quote);
        Assert.Equal(Values(files, Syntax.ReaderLimits.Default, keepForEdits: true), Values(files, Syntax.ReaderLimits.Default, keepForEdits: false));
    }

    [Fact]
    public void Edited_files_checked_once_say_what_they_say_in_an_editor()
    {
        var rng = new Random(20261129);
        int compared = 0;
        foreach (var sample in SampleTests.SampleFolders().SelectMany(s => Enumerable.Repeat(s, 4)))
        {
            var files = SampleTests.ReadSample(sample).ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
            var limits = SampleTests.LimitsOf(sample);
            foreach (var name in files.Keys.Where(k => k.EndsWith(".timeline.yaml", StringComparison.Ordinal)).ToList())
            {
                var text = files[name];
                for (int k = rng.Next(1, 4); k > 0; k--) DifferentialEdits.RandomEdit(rng, ref text);
                var edited = new Dictionary<string, string>(files) { [name] = text };
                Assert.True(Findings(edited, limits, keepForEdits: true) == Findings(edited, limits, keepForEdits: false),
                    $"{sample}/{name} after random edits:\n{text}");
                compared++;
            }
        }
        Assert.True(compared > 100, $"only {compared} files compared");
    }

    private static ProjectSnapshot Load(IReadOnlyDictionary<string, string> files, Syntax.ReaderLimits limits, bool keepForEdits) =>
        ProjectLoader.Load(new MemoryFileSystem(files.Select(p => new KeyValuePair<string, string>($"{SampleTests.Root}/{p.Key}", p.Value))),
            SampleTests.Root, limits: limits, keepForEdits: keepForEdits);

    /// <summary>Every scalar of every file as read (its span, style and value) and every key, one per line.</summary>
    private static string Values(IReadOnlyDictionary<string, string> files, Syntax.ReaderLimits limits, bool keepForEdits)
    {
        var lines = new List<string>();
        foreach (var f in Load(files, limits, keepForEdits).Files.OrderBy(f => f.Path))
        {
            var stack = new Stack<Syntax.YamlNode>();
            if (f.Document.Root is { } root) stack.Push(root);
            while (stack.Count > 0)
                switch (stack.Pop())
                {
                    case Syntax.ScalarNode s:
                        lines.Add($"{f.Path} {s.Span} {s.Style} {s.IsNull} {s.Value}");
                        break;
                    case Syntax.MappingNode m:
                        foreach (var e in m.Entries)
                        {
                            lines.Add($"{f.Path} key {e.KeySpan} {e.KeyText}");
                            stack.Push(e.Value);
                        }
                        break;
                    case Syntax.SequenceNode q:
                        foreach (var i in q.Items) stack.Push(i);
                        break;
                }
            lines.Add($"{f.Path} title {f.Title} timezone {f.Timezone}");
            foreach (var ev in f.Events)
                lines.Add($"{f.Path} event {ev.Id} {ev.Title} {ev.DisplayName} {ev.Date?.Value?.Earliest:o} {ev.Date?.Value?.Latest:o}");
            foreach (var src in f.Sources)
                lines.Add($"{f.Path} source {src.Id} {src.Published?.Value?.Earliest:o} {src.Published?.Value?.Latest:o}");
            foreach (var d in f.Definitions) lines.Add($"{f.Path} defines {d.Kind} {d.Id} {d.Span}");
            foreach (var r in f.References) lines.Add($"{f.Path} refers {r.Kind} {r.Id} {r.Span}");
        }
        return string.Join("\n", lines);
    }

    /// <summary>Every final finding of the project, with its fixes and suggestions, one per line.</summary>
    private static string Findings(IReadOnlyDictionary<string, string> files, Syntax.ReaderLimits limits, bool keepForEdits)
    {
        var result = ProjectAnalyzer.Analyze(Load(files, limits, keepForEdits));
        var lines = new List<string>();
        foreach (var (path, list) in result.Diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var d in list)
                lines.Add($"{path} {d.Code} {d.Severity} {d.Span} {d.Message} | suggests {string.Join(", ", d.Suggestions)} | fixes " +
                    string.Join("; ", d.Fixes.Select(f => $"{f.Title}: {string.Join(", ", f.Edits.Select(e => $"{e.Span}→{e.NewText}"))}")));
        return string.Join("\n", lines);
    }
}
