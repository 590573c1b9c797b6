using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.Core.Language;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>Analysing an edit by reusing the untouched segments of the last version gives exactly what a fresh analysis gives.</summary>
public class IncrementalTests
{
    private static string Render(FileModel m) => string.Join("\n",
        m.Diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .Select(d => $"D {d.Code} {d.Span} {d.Message} {string.Join("|", d.Fixes.SelectMany(f => f.Edits).Select(e => $"{e.Span}>{e.NewText}"))}")
        .Concat(m.Definitions.Select(d => $"DEF {d.Kind} {d.Id} {d.IdSpan} {d.Span}"))
        .Concat(m.References.Select(r => $"REF {r.Kind} {r.Id} {r.Span}"))
        .Concat(m.Document.AllNodes().Select(n => $"N {n.KindName} {n.Span} {n.Depth}"))
        .Append($"T {m.Title} {m.Timezone}"));

    private const string Alphabet = "abc -:[]{}#\n\"'\t0123456789é😀";

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 6).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_edit_sequences_match_a_fresh_analysis(int seed)
    {
        var rng = new Random(seed);
        string text = File.ReadAllText(Repo.Path("examples", "aleppo-2024", "aleppo-2024.timeline.yaml"));
        if (seed % 2 == 1) text = Repo.ToCrlf(text);
        const string path = "/p/a.timeline.yaml";
        var model = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text));
        for (int step = 0; step < 60; step++)
        {
            int pos = rng.Next(text.Length + 1);
            int del = rng.Next(4) == 0 ? Math.Min(rng.Next(1, 40), text.Length - pos) : 0;
            string ins = rng.Next(3) == 0 ? "" : new string(Enumerable.Range(0, rng.Next(1, 6)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray());
            if (rng.Next(10) == 0) ins = "\n  - id: added-" + step + "\n    date: 2024-11-2" + rng.Next(10) + "\n    title: t\n    sources: [x]\n";
            text = text[..pos] + ins + text[(pos + del)..];
            var incremental = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text), previous: model);
            var fresh = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text));
            Assert.True(Render(fresh) == Render(incremental), $"seed {seed}, step {step}: the incremental analysis differs from a fresh one\n--- text ---\n{text}");
            model = incremental;
        }
    }
}

/// <summary>Closing an edited document without saving: the project sees the file as it is on disk, at its true positions.</summary>
public class CloseUnsavedTests
{
    [Fact]
    public void A_closed_unsaved_document_is_read_again_from_disk()
    {
        var fs = new Timeline.Core.Project.MemoryFileSystem(new Dictionary<string, string>
        {
            ["/w/a.timeline.yaml"] = "title: T\nevents:\n  - id: e1\n    date: 2024-11-29\n    title: t\n    places: [nowhere]\n    sources: []\n",
        });
        var ws = new TimelineWorkspace(fs);
        ws.SetFolders(new[] { "/w" });
        ws.Index();
        string text = fs.ReadAllText("/w/a.timeline.yaml");
        ws.Open("/w/a.timeline.yaml", text, 1);
        ws.Change("/w/a.timeline.yaml", "# a long comment that moves everything below it\n" + text, 2);
        ws.Close("/w/a.timeline.yaml");
        var place = ws.Analyze("/w/a.timeline.yaml").Result.For("/w/a.timeline.yaml").Single(d => d.Code == "TL201");
        Assert.Equal(text.IndexOf("nowhere", StringComparison.Ordinal), place.Span.Start);
    }
}

/// <summary>A gazetteer is read once per workspace and read again when it changes on disk.</summary>
public class CatalogCacheTests
{
    private static string Row(string id, string name) =>
        string.Join('\t', new[] { id, name, name, "", "35", "36", "P", "PPL", "SY", "", "07", "", "", "", "0", "", "", "", "" }) + "\n";

    [Fact]
    public void A_changed_gazetteer_is_read_again()
    {
        var fs = new Timeline.Core.Project.MemoryFileSystem(new Dictionary<string, string>
        {
            ["/g/timeline.config.yaml"] = "gazetteers: [SY.txt]\n",
            ["/g/SY.txt"] = Row("1", "Saraqib"),
            ["/g/a.timeline.yaml"] = "title: T\nevents:\n  - {id: e, date: 2024-11-29, title: t, places: [geonames:2], sources: [s]}\nsources:\n  - {id: s, publisher: P, published: 2024-11-29}\n",
        });
        var ws = new TimelineWorkspace(fs);
        ws.SetFolders(new[] { "/g" });
        Assert.Contains(ws.Analyze("/g/a.timeline.yaml").Result.For("/g/a.timeline.yaml"), d => d.Code == "TL201");
        fs.Set("/g/SY.txt", Row("1", "Saraqib") + Row("2", "Sarmin"));
        ws.FileChangedOnDisk("/g/SY.txt");
        Assert.DoesNotContain(ws.Analyze("/g/a.timeline.yaml").Result.For("/g/a.timeline.yaml"), d => d.Code == "TL201");
    }
}
