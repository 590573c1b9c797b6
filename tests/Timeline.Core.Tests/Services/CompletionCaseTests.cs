using Timeline.Core.Project;
using Timeline.Core.Services;

namespace Timeline.Core.Tests.Services;

/// <summary>Completion cases from tests/completion: a document with a caret marker (‸) and its expectations in its first lines.</summary>
public class CompletionCaseTests
{
    public const char Caret = '‸';
    public static string Dir => Repo.Path("tests", "completion");

    public static IEnumerable<object[]> Cases() =>
        Directory.EnumerateFiles(Dir, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => new[] { new object[] { Path.GetFileName(f), false }, new object[] { Path.GetFileName(f), true } });

    /// <summary>A workspace over the fixture project, in memory, with the case open.</summary>
    /// <param name="use">The built-in catalogs the project's config opts into ("builtin:levant"), if any.</param>
    public static (TimelineWorkspace Ws, string Path) Open(string name, string text, string? use = null)
    {
        var files = Directory.EnumerateFiles(Path.Combine(Dir, "project"))
            .ToDictionary(f => "/cproj/" + Path.GetFileName(f), File.ReadAllText);
        if (use is not null) files["/cproj/timeline.config.yaml"] = $"use: [{use}]\n";
        var fs = new MemoryFileSystem(files);
        var ws = new TimelineWorkspace(fs);
        ws.SetFolders(new[] { "/cproj" });
        string path = "/cproj/" + name;
        ws.Open(path, text, 1);
        return (ws, path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Completion_case(string file, bool crlf)
    {
        string raw = File.ReadAllText(Path.Combine(Dir, file));
        var header = raw.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim())
            .Where(l => l.Contains(':')).ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim());
        string name = header.GetValueOrDefault("file") ?? file;
        if (crlf) raw = Repo.ToCrlf(raw);
        int caret = raw.IndexOf(Caret);
        Assert.True(caret >= 0, "the case has no caret (‸)");
        string text = raw.Remove(caret, 1);
        var (ws, path) = Open(name, text, header.GetValueOrDefault("use"));
        var analysis = ws.Analyze(path);
        var model = ws.Document(path)!.Model;
        var result = CompletionService.Complete(model, analysis.Result.Symbols, caret, new DateOnly(2026, 11, 21));
        var offered = result.Items.Select(i => i.InsertText.TrimEnd(' ', ':')).ToList();
        string shown = string.Join(", ", offered.Take(15));
        foreach (var e in List(header, "expect"))
            Assert.True(offered.Contains(e) || result.Items.Any(i => i.Label == e), $"{file}: expected '{e}' among [{shown}]");
        foreach (var r in List(header, "reject"))
            Assert.False(offered.Contains(r), $"{file}: '{r}' should not be offered: [{shown}]");
        if (header.TryGetValue("expect-first", out var first))
            Assert.True(offered.Count > 0 && offered[0] == first, $"{file}: expected '{first}' first, got [{shown}]");
        if (header.TryGetValue("incomplete", out var inc))
            Assert.Equal(bool.Parse(inc), result.IsIncomplete);
        // Every item replaces the word under the caret, on the caret's line.
        foreach (var i in result.Items)
            Assert.True(i.ReplaceSpan.Start <= caret && i.ReplaceSpan.End >= caret,
                $"{file}: '{i.Label}' replaces {i.ReplaceSpan}, not around the caret {caret}");
    }

    private static IEnumerable<string> List(Dictionary<string, string> h, string key) =>
        h.TryGetValue(key, out var v)
            ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : Enumerable.Empty<string>();
}
