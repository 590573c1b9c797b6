using Timeline.Core.Checks;
using Timeline.Core.Tests.Samples;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Documentation;

/// <summary>Every rule has its page in docs/rules, and the page is what the rule and its samples make (TIMELINE_ACCEPT=1 rewrites them).</summary>
public class RuleDocsTests
{
    private static string DocsDir => Repo.Path("docs", "rules");

    /// <summary>The longest example shown; a longer sample is cut around its first finding.</summary>
    private const int MaxLines = 40;

    public static IEnumerable<object[]> AllRules() => Rules.Implementations.Select(r => new object[] { r.Descriptor.Code });

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Rule_has_its_page(string code)
    {
        var rule = Rules.Implementations.Single(r => r.Descriptor.Code == code);
        string group = $"{code}-{rule.Descriptor.Name}";
        string page = RuleDocs.Page(rule, Example(group, "fires", code), Example(group, "passes", null));
        Compare(Path.Combine(DocsDir, $"{code}.md"), page);
    }

    [Fact]
    public void The_index_lists_every_rule() => Compare(Path.Combine(DocsDir, "README.md"), RuleDocs.Index(Rules.Implementations));

    [Fact]
    public void Every_rule_documents_why_and_how_to_fix() =>
        Assert.All(Rules.Implementations, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Why), $"{r.Descriptor.Code} says nothing of why");
            Assert.False(string.IsNullOrWhiteSpace(r.HowToFix), $"{r.Descriptor.Code} says nothing of how to fix");
        });

    private static void Compare(string path, string expected)
    {
        if (Repo.Accepting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }
        Assert.True(File.Exists(path), $"{Path.GetRelativePath(Repo.Root, path)} is missing (TIMELINE_ACCEPT=1 dotnet test writes it)");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == expected,
            $"{Path.GetRelativePath(Repo.Root, path)} is out of date with its rule (TIMELINE_ACCEPT=1 dotnet test rewrites it)");
    }

    /// <summary>The sample's file that shows the code (or its first file), cut to at most <see cref="MaxLines"/> lines.</summary>
    private static string Example(string group, string which, string? code)
    {
        // The findings as the checker states them now (not as the sample's annotations last recorded them),
        // so that a page never depends on which of the two was accepted first.
        string sample = $"{group}/{which}";
        var stripped = SampleTests.ReadSample(sample).ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
        var result = SampleTests.Check(stripped, SampleTests.LimitsOf(sample));
        var files = stripped.Where(p => p.Key.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(p => new KeyValuePair<string, string>(p.Key,
                Annotations.Write(p.Value, new SourceText(p.Value), result.For($"{SampleTests.Root}/{p.Key}"))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var chosen = code is null ? files.First() : files.FirstOrDefault(f => f.Value.Contains($" {code}:", StringComparison.Ordinal));
        if (chosen.Key is null) chosen = files.First();
        var lines = chosen.Value.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        int first = code is null ? 0 : Math.Max(0, Array.FindIndex(lines, l => l.Contains($" {code}:", StringComparison.Ordinal)) - MaxLines / 2);
        var shown = lines.Skip(first).Take(MaxLines).ToList();
        string header = $"# {chosen.Key}" + (first > 0 ? $" (from line {first + 1})" : "");
        return header + "\n" + string.Join("\n", shown) + (first + MaxLines < lines.Length ? "\n# …" : "");
    }
}
