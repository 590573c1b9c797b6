using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>Analysing an edit by reusing the untouched segments of the last version gives exactly what a fresh analysis gives.</summary>
public class IncrementalTests
{
    internal static string Render(FileModel m) => string.Join("\n",
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
        // Versions are made edit by edit, as an editor's are; small pieces put piece boundaries everywhere.
        var model = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text, seed < 3 ? 8192 : 97));
        for (int step = 0; step < 60; step++)
        {
            int pos = rng.Next(text.Length + 1);
            int del = rng.Next(4) == 0 ? Math.Min(rng.Next(1, 40), text.Length - pos) : 0;
            string ins = rng.Next(3) == 0 ? ""
                : new string(Enumerable.Range(0, rng.Next(1, 6)).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray());
            if (rng.Next(10) == 0) ins = "\n  - id: added-" + step + "\n    date: 2024-11-2" + rng.Next(10) + "\n    title: t\n    sources: [x]\n";
            text = text[..pos] + ins + text[(pos + del)..];
            var incremental = FileAnalyzer.Analyze(path, FileKind.Timeline,
                model.Source.WithChange(new TextSpan(pos, pos + del), ins), previous: model);
            Assert.Equal(text, incremental.Source.Text);
            var fresh = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text));
            Assert.True(Render(fresh) == Render(incremental),
                $"seed {seed}, step {step}: the incremental analysis differs from a fresh one\n--- text ---\n{text}");
            model = incremental;
        }
    }
}

/// <summary>A changed timezone reads every event again; the next edit still starts from where each event now stands.</summary>
public class TimezoneEditTests
{
    [Fact]
    public void An_edit_after_the_timezone_changed_matches_a_fresh_analysis()
    {
        string Events(int n) => string.Concat(Enumerable.Range(0, n)
            .Select(i => $"  - id: e{i}\n    date: 2024-11-29T1{i % 10}:00\n    title: t{i}\n    sources: [s]\n"));
        string text = "title: T\ntimezone: +02:00\nevents:\n" + Events(12);
        const string path = "/p/a.timeline.yaml";
        var model = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text));
        foreach (var (from, to) in new[] { ("+02:00", "+03:00"), ("title: t7", "title: t77"), ("+03:00", "x+03:00"), ("title: t2", "title: t") })
        {
            text = text.Replace(from, to);
            model = FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text), previous: model);
            Assert.Equal(IncrementalTests.Render(FileAnalyzer.Analyze(path, FileKind.Timeline, new SourceText(text))),
                IncrementalTests.Render(model));
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
            ["/g/a.timeline.yaml"] = "title: T\nevents:\n  - {id: e, date: 2024-11-29, title: t, places: " +
                "[geonames:2], sources: [s]}\nsources:\n  - {id: s, publisher: P, published: 2024-11-29}\n",
        });
        var ws = new TimelineWorkspace(fs);
        ws.SetFolders(new[] { "/g" });
        Assert.Contains(ws.Analyze("/g/a.timeline.yaml").Result.For("/g/a.timeline.yaml"), d => d.Code == "TL201");
        fs.Set("/g/SY.txt", Row("1", "Saraqib") + Row("2", "Sarmin"));
        ws.FileChangedOnDisk("/g/SY.txt");
        Assert.DoesNotContain(ws.Analyze("/g/a.timeline.yaml").Result.For("/g/a.timeline.yaml"), d => d.Code == "TL201");
    }
}

/// <summary>
/// Checking a project again after an edit, reusing what the last check found in the segments the
/// edit did not touch, gives exactly what a check from scratch gives: diagnostics with their
/// fixes in every file, and every definition the symbol table answers with.
/// </summary>
public class IncrementalProjectTests
{
    private static readonly string[] Names = { "aleppo-2024.timeline.yaml", "aleppo.places.yaml",
        "reports.sources.yaml", "syria.actors.yaml", "timeline.config.yaml" };

    private static string Render(Timeline.Core.Project.ProjectResult a) => string.Join("\n",
        a.Diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .Select(d => $"D {System.IO.Path.GetFileName(p.Key)} {d.Code} {d.Severity} {d.Span} {d.Message} " +
                string.Join("|", d.Fixes.SelectMany(f => f.Edits).Select(e => $"{e.Span}>{e.NewText}")))))
        + "\n" + string.Join("\n", Enum.GetValues<SymbolKind>().SelectMany(k => a.Symbols.Own(k)
            .Select(d => $"S {k} {d.Id} {d.IdSpan} {d.Span} {d.DisplayName} {System.IO.Path.GetFileName(d.Path)}").Order(StringComparer.Ordinal)))
        + "\n" + string.Join("\n", a.Symbols.References.Select(r => $"R {r.Kind} {r.Id} {r.Span} {System.IO.Path.GetFileName(r.Path)}"));

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 4).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Edits_checked_with_the_last_checks_findings_match_a_check_from_scratch(int seed)
    {
        var rng = new Random(seed);
        // The example, and a timeline with findings of every project check.
        var originals = Names.ToDictionary(n => "/w/" + n, n => File.ReadAllText(Repo.Path("examples", "aleppo-2024", n)));
        originals["/w/problems.timeline.yaml"] = File.ReadAllText(Repo.Path("tests", "incremental", "problems.timeline.yaml"));
        if (seed % 2 == 1) foreach (var k in originals.Keys.ToList()) originals[k] = Repo.ToCrlf(originals[k]);
        var texts = new Dictionary<string, string>(originals);
        var ws = new TimelineWorkspace(new Timeline.Core.Project.MemoryFileSystem(texts));
        ws.SetFolders(new[] { "/w" });
        ws.Index();
        string[] edited = { "/w/aleppo-2024.timeline.yaml", "/w/aleppo.places.yaml", "/w/problems.timeline.yaml" };
        foreach (var p in edited) ws.Open(p, texts[p], 1);
        var lastResult = ws.Analyze(edited[0]).Result;
        var last = lastResult.Checks;
        int reused = 0, kept = 0;
        for (int step = 0; step < 80; step++)
        {
            string path = rng.Next(6) == 0 ? edited[1] : edited[rng.Next(2) * 2];
            // Random edits pile up into text that no longer splits into segments: start again now and then.
            bool restart = step % 20 == 19;
            string text = restart ? originals[path] : texts[path];
            int pos, del = 0;
            string ins;
            int kind = rng.Next(10);
            if (kind < 6)
            {
                // Typing in a title or a summary: the project's outline stays the same.
                var at = System.Text.RegularExpressions.Regex.Matches(text, @"(title|summary|name|says): ").Select(m => m.Index + m.Length).ToList();
                pos = at.Count == 0 ? rng.Next(text.Length + 1) : at[rng.Next(at.Count)] + rng.Next(3);
                ins = new string(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => "abcé "[rng.Next(5)]).ToArray());
                if (rng.Next(4) == 0 && pos < text.Length) { del = 1; ins = ""; }
            }
            else if (kind < 8)
            {
                // An id or a reference changed, or a date.
                var at = System.Text.RegularExpressions.Regex.Matches(text,
                    @"(id|places|actors|sources|source|date|in|published|affiliation): \[?").Select(m => m.Index + m.Length).ToList();
                pos = at.Count == 0 ? rng.Next(text.Length + 1) : at[rng.Next(at.Count)];
                ins = rng.Next(2) == 0 ? "x" : "";
                del = ins.Length == 0 && pos < text.Length ? 1 : 0;
            }
            else
            {
                pos = rng.Next(text.Length + 1);
                del = rng.Next(3) == 0 ? Math.Min(rng.Next(1, 30), text.Length - pos) : 0;
                ins = new string(Enumerable.Range(0, rng.Next(0, 5)).Select(_ => "ab -:[]#\n\"'0123"[rng.Next(15)]).ToArray());
            }
            del = Math.Min(del, text.Length - pos);
            text = text[..pos] + ins + text[(pos + del)..];
            texts[path] = text;
            // An edit as an editor sends it: the last version with one change (the restart replaces it whole).
            var source = restart ? new SourceText(text) : ws.Document(path)!.Text.WithChange(new TextSpan(pos, pos + del), ins);
            ws.Change(path, source, step + 2);
            // The file on its own first: its model is what a fresh reading gives.
            string freshFile = IncrementalTests.Render(FileAnalyzer.Analyze(path, FileKinds.FromPath(path), new SourceText(text)));
            string editedFile = IncrementalTests.Render(ws.Document(path)!.Model);
            Assert.True(freshFile == editedFile,
                $"seed {seed}, step {step}: the file's incremental analysis differs from a fresh one\n{FirstDifference(freshFile, editedFile)}");
            var incremental = ws.Analyze(edited[0]);
            if (ReferenceEquals(incremental.Result.Checks, last)) reused++;
            // The timelines the edit did not touch keep the findings the last check settled, as they were.
            foreach (var other in new[] { edited[0], edited[2] })
                if (other != path && ReferenceEquals(incremental.Result.For(other), lastResult.For(other))) kept++;
            last = incremental.Result.Checks;
            lastResult = incremental.Result;

            // Against every file read afresh and checked whole.
            var fs = new Timeline.Core.Project.MemoryFileSystem(texts);
            var fresh = Timeline.Core.Project.ProjectAnalyzer.Analyze(Timeline.Core.Project.ProjectLoader.Load(fs,
                "/w"), null, null, bySegment: false);
            string expected = Render(fresh), actual = Render(incremental.Result);
            Assert.True(expected == actual,
                $"seed {seed}, step {step}: the incremental check differs from a fresh one\n{FirstDifference(expected, actual)}");
        }
        // Most edits here keep the project's outline: the findings of the untouched segments were reused.
        Assert.True(reused >= 20, $"the last check's findings were reused {reused} times in 80 edits");
        Assert.True(kept >= 5, $"an untouched timeline kept its settled findings {kept} times in 80 edits");
    }

    [Theory]
    [InlineData("  - id: p2\n", "  - id: p2x\n")]                                          // the event p7 is part of renamed
    [InlineData("[north-press-claims-entry, cited-once]", "[north-press-claims-entry, cited-on]")] // a source's one citation changed
    [InlineData("    title: Party-sourced\n", "    title: Party-sourced\n    status: claimed\n")] // a finding goes away
    [InlineData("    title: Relative\n", "    title: Relative again\n")]                      // typing: the outline stays
    public void One_edit_checked_with_the_last_checks_findings_matches_a_check_from_scratch(string before, string after)
    {
        var texts = Names.ToDictionary(n => "/w/" + n, n => File.ReadAllText(Repo.Path("examples", "aleppo-2024", n)));
        texts["/w/problems.timeline.yaml"] = File.ReadAllText(Repo.Path("tests", "incremental", "problems.timeline.yaml"));
        var ws = new TimelineWorkspace(new Timeline.Core.Project.MemoryFileSystem(texts));
        ws.SetFolders(new[] { "/w" });
        const string path = "/w/problems.timeline.yaml";
        ws.Open(path, texts[path], 1);
        ws.Analyze(path);
        Assert.Contains(before, texts[path]);
        texts[path] = texts[path].Replace(before, after);
        ws.Change(path, texts[path], 2);
        var loaded = Timeline.Core.Project.ProjectLoader.Load(new Timeline.Core.Project.MemoryFileSystem(texts), "/w");
        var fresh = Timeline.Core.Project.ProjectAnalyzer.Analyze(loaded, null, null, bySegment: false);
        string expected = Render(fresh), actual = Render(ws.Analyze(path).Result);
        Assert.True(expected == actual, FirstDifference(expected, actual));
    }

    [Fact]
    public void Typing_in_one_timeline_keeps_the_other_files_findings_as_they_were()
    {
        var texts = Names.ToDictionary(n => "/w/" + n, n => File.ReadAllText(Repo.Path("examples", "aleppo-2024", n)));
        texts["/w/problems.timeline.yaml"] = File.ReadAllText(Repo.Path("tests", "incremental", "problems.timeline.yaml"));
        var ws = new TimelineWorkspace(new Timeline.Core.Project.MemoryFileSystem(texts));
        ws.SetFolders(new[] { "/w" });
        const string path = "/w/problems.timeline.yaml", other = "/w/aleppo-2024.timeline.yaml";
        ws.Open(path, texts[path], 1);
        var before = ws.Analyze(path).Result;
        for (int version = 2; version < 5; version++)
        {
            texts[path] = texts[path].Replace("    title: Relative", "    title: Relativ", StringComparison.Ordinal)
                .Replace("    title: Relativ", "    title: Relative x", StringComparison.Ordinal);
            ws.Change(path, texts[path], version);
            var after = ws.Analyze(path).Result;
            // The edited file has unresolved references, stated again; the other file's findings are the very same list.
            Assert.Same(before.Checks, after.Checks);
            Assert.Same(before.For(other), after.For(other));
            var fresh = Timeline.Core.Project.ProjectAnalyzer.Analyze(
                Timeline.Core.Project.ProjectLoader.Load(new Timeline.Core.Project.MemoryFileSystem(texts), "/w"), null, null, bySegment: false);
            string expected = Render(fresh), actual = Render(after);
            Assert.True(expected == actual, FirstDifference(expected, actual));
            before = after;
        }
    }

    private static string FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (int i = 0; i < Math.Max(x.Length, y.Length); i++)
            if (i >= x.Length || i >= y.Length
                || x[i] != y[i]) return $"fresh:       {(i < x.Length ? x[i] : "(none)")}\nincremental: {(i < y.Length ? y[i] : "(none)")}";
        return "";
    }
}

/// <summary>
/// A keystroke, its check and what an editor asks after it (diagnostics, completion, hover,
/// symbols, folding, links, hints, code actions) read the new version through its pieces: the
/// file is never copied whole to answer them.
/// </summary>
public class KeystrokeCopyTests
{
    [Fact]
    public void Nothing_an_editor_asks_after_a_keystroke_copies_the_whole_file()
    {
        var texts = new[] { "aleppo-2024.timeline.yaml", "aleppo.places.yaml", "reports.sources.yaml", "syria.actors.yaml", "timeline.config.yaml" }
            .ToDictionary(n => "/w/" + n, n => File.ReadAllText(Repo.Path("examples", "aleppo-2024", n)));
        var ws = new TimelineWorkspace(new Timeline.Core.Project.MemoryFileSystem(texts));
        ws.SetFolders(new[] { "/w" });
        ws.Index();
        const string path = "/w/aleppo-2024.timeline.yaml";
        // Small pieces, so that the file is many of them.
        ws.Open(path, texts[path], 1);
        ws.Change(path, new SourceText(texts[path], 512), 2);
        var doc = ws.Document(path)!;
        int at = doc.Text.LineStart(doc.Text.LineCount / 2);
        var edited = doc.Text.WithChange(new TextSpan(at, at), "  # a note\n");
        ws.Change(path, edited, 3);
        var model = ws.Document(path)!.Model;
        var result = ws.Analyze(path).Result;
        int line = Enumerable.Range(0, edited.LineCount).First(l => edited.LineSpan(l).TrimStart().StartsWith("places: ["));
        int places = edited.LineStart(line) + edited.LineSpan(line).IndexOf('[') + 1;
        Assert.False(edited.HoldsWholeString, "the test itself read the text whole");
        CompletionService.Complete(model, result.Symbols, places);
        LanguageServices.Hover(model, result.Symbols, places);
        LanguageServices.Definition(model, result.Symbols, places);
        LanguageServices.References(model, result.Symbols, places, true);
        LanguageServices.PrepareRename(model, result.Symbols, places, out _);
        LanguageServices.DocumentSymbols(model);
        LanguageServices.Folding(model);
        LanguageServices.Links(model, "/w");
        LanguageServices.InlayHints(model, result.Symbols, new TextSpan(0, edited.Length));
        CodeActions.For(model, result, new TextSpan(places, places));
        Assert.False(edited.HoldsWholeString, "something read the edited version as one string");
    }
}
