using Timeline.Core.Language;
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

    /// <summary>Every key the language schema says holds a list, at every depth, in every kind of file.</summary>
    public static IEnumerable<object[]> ListKeys()
    {
        var kinds = new[] { ("a.timeline.yaml", FileKind.Timeline), ("a.sources.yaml", FileKind.Sources),
            ("a.places.yaml", FileKind.Places), ("a.actors.yaml", FileKind.Actors), (FileKinds.ConfigFileName, FileKind.Config) };
        foreach (var (file, kind) in kinds)
            foreach (var path in ListPaths(LanguageSchema.RootOf(kind)!, new List<string>(), 0))
                yield return new object[] { file, string.Join('/', path) };
    }

    private static IEnumerable<List<string>> ListPaths(ObjectShape obj, List<string> above, int depth)
    {
        if (depth > 4) yield break;
        foreach (var f in obj.Fields)
        {
            var path = new List<string>(above) { f.Name };
            if (f.Shape is ListShape { Item: not ObjectShape }) yield return path;
            var inner = f.Shape switch
            {
                ObjectShape o => (o, false),
                ChoiceShape c => (c.Object, false),
                ListShape { Item: ObjectShape o } => (o, true),
                ListShape { Item: ChoiceShape c } => (c.Object, true),
                _ => ((ObjectShape?)null, false),
            };
            if (inner.Item1 is { } next)
                foreach (var p in ListPaths(next, inner.Item2 ? new List<string>(path) { "[]" } : path, depth + 1)) yield return p;
        }
    }

    /// <summary>The document for a path of keys ("events/[]/places"), the caret after the last key's colon.</summary>
    private static string DocumentAt(string[] path)
    {
        var sb = new System.Text.StringBuilder();
        int indent = 0;
        for (int i = 0; i < path.Length; i++)
        {
            if (path[i] == "[]") continue;
            bool item = i > 0 && path[i - 1] == "[]";
            sb.Append(' ', indent).Append(item ? "- " : "").Append(path[i]).Append(':');
            if (i == path.Length - 1) { sb.Append(' ').Append(Caret); break; }
            sb.Append('\n');
            indent += (item ? 2 : 0) + 2;
        }
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(ListKeys))]
    public void A_key_that_holds_a_list_is_completed_with_a_list(string file, string keys)
    {
        string raw = DocumentAt(keys.Split('/'));
        int caret = raw.IndexOf(Caret);
        var (ws, path) = Open(file, raw.Remove(caret, 1), "builtin:levant, builtin:syria-actors");
        var model = ws.Document(path)!.Model;
        var result = CompletionService.Complete(model, ws.Analyze(path).Result.Symbols, caret, new DateOnly(2026, 11, 21));
        // What is offered, if anything, is a list: accepted, it is never "expects a list".
        Assert.All(result.Items, i => Assert.True(i.InsertText.StartsWith('[') && i.InsertText.EndsWith(']'),
            $"{file} {keys}: '{i.InsertText}' would be a single value where a list is expected"));
    }

    private static IEnumerable<string> List(Dictionary<string, string> h, string key) =>
        h.TryGetValue(key, out var v)
            ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : Enumerable.Empty<string>();
}
