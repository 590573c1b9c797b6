using System.Globalization;
using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>
/// The editor features at the core boundary, one folder of cases each under tests/features
/// (README.md there describes the format): offsets and spans in, cards, locations and edits out.
/// </summary>
public class FeatureCaseTests
{
    public static IEnumerable<object[]> Cases(string feature) => FeatureCase.Cases(feature);

    [CaseTheory, MemberData(nameof(Cases), "hover")]
    public void Hover(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-hover", "expect-hover-contains");
        var hover = LanguageServices.Hover(c.Model, c.Symbols, c.CaretOffset);
        if (c.Opt("expect-hover") == "none")
        {
            Assert.True(hover is null, $"no hover expected, got: {hover?.Markdown}");
            return;
        }
        Assert.True(hover is not null, "no hover");
        if (c.Opt("expect-hover") is { } first) Assert.Equal(first, hover.Markdown.Split('\n')[0].TrimEnd());
        foreach (var part in c.All("expect-hover-contains")) Assert.Contains(part, hover.Markdown);
        Assert.True(hover.Span.Touches(c.CaretOffset), $"the hover covers {hover.Span}, not the caret at {c.CaretOffset}");
        if (c.MarkedSpan is { } span) Assert.Equal(c.Describe(c.Path, span), c.Describe(c.Path, hover.Span));
    }

    [CaseTheory, MemberData(nameof(Cases), "definition")]
    public void Definition(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-definition");
        var found = LanguageServices.Definition(c.Model, c.Symbols, c.CaretOffset);
        var expected = c.List("expect-definition");
        // An expectation may leave out the line: "aleppo.places.yaml ⟦aleppo⟧".
        var actual = found.Select((l, i) => c.Describe(l.Path, l.Span, withLine: i >= expected.Count || HasLine(expected[i]))).ToList();
        Assert.Equal(expected, actual);
        if (c.MarkedSpan is { } span) Assert.Contains(found, l => l.Path == c.Path && l.Span == span);
    }

    private static bool HasLine(string expectation) => System.Text.RegularExpressions.Regex.IsMatch(expectation, @"^\S+:\d+ ");

    [CaseTheory, MemberData(nameof(Cases), "references")]
    public void References(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-references", "expect-references-in", "expect-references-without-declaration");
        var all = LanguageServices.References(c.Model, c.Symbols, c.CaretOffset, includeDeclaration: true);
        var shown = string.Join(", ", all.Select(l => c.Describe(l.Path, l.Span)));
        Assert.True(int.Parse(c.One("expect-references"), CultureInfo.InvariantCulture) == all.Count,
            $"expected {c.One("expect-references")} references, got {all.Count}: {shown}");
        if (c.Opt("expect-references-in") is { } files)
            Assert.Equal(Split(files).Order(StringComparer.Ordinal), all.Select(l => c.Display(l.Path)).Distinct().Order(StringComparer.Ordinal));
        if (c.Opt("expect-references-without-declaration") is { } n)
            Assert.Equal(int.Parse(n, CultureInfo.InvariantCulture),
                LanguageServices.References(c.Model, c.Symbols, c.CaretOffset, includeDeclaration: false).Count);
        // Every reference covers the same id (a gazetteer row, its number); the case marks every one in its own document.
        string prefix = Timeline.Core.Catalogs.GeoNames.IdPrefix;
        var ids = all.Select(l => c.TextOf(l.Path)[l.Span.Start..l.Span.End].Trim('"', '\''))
            .Select(id => id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id).Distinct().ToList();
        Assert.True(ids.Count <= 1, $"the references cover different texts: {shown}");
        Assert.Equal(c.Spans, all.Where(l => l.Path == c.Path).Select(l => l.Span));
    }

    [CaseTheory, MemberData(nameof(Cases), "rename")]
    public void Rename(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "rename-to", "expect-rename", "expect-rename-error");
        string newId = c.One("rename-to");
        var result = LanguageServices.Rename(c.Model, c.Project, c.CaretOffset, newId);
        if (c.Opt("expect-rename-error") is { } error)
        {
            Assert.True(result.Error is not null, "the rename was expected to be refused");
            Assert.Contains(error, result.Error);
            Assert.Empty(result.Files);
            return;
        }
        Assert.True(result.Error is null, result.Error);
        var prepared = LanguageServices.PrepareRename(c.Model, c.Symbols, c.CaretOffset, out _);
        Assert.True(prepared is not null, "prepare rename refused what rename accepts");
        var (at, oldId) = prepared.Value;
        if (c.MarkedSpan is { } span) Assert.Equal(c.Describe(c.Path, span), c.Describe(c.Path, at));
        Assert.Equal(c.One("expect-rename"), $"{result.Files.Sum(f => f.Edits.Count)} edits in {result.Files.Count} files");
        foreach (var f in result.Files)
        {
            string text = c.TextOf(f.Path);
            // Ids only: every edit replaces exactly the old id, so comments and names are left as they were.
            foreach (var e in f.Edits)
            {
                Assert.Equal(oldId, text[e.Span.Start..e.Span.End]);
                Assert.Equal(newId, e.NewText);
            }
            // The case's own document is always compared; another file when the case gives its expected text.
            c.AssertAfter(f.Path, FeatureCase.Apply(text, f.Edits), required: f.Path == c.Path);
        }
    }

    [CaseTheory, MemberData(nameof(Cases), "code-actions")]
    public void Code_actions(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-action", "reject-action", "expect-action-count", "expect-preferred", "apply",
            "expect-selection");
        var range = c.Caret is { } caret ? new TextSpan(caret, caret)
            : c.MarkedSpan ?? throw new InvalidOperationException($"{name}: no caret or range");
        var actions = CodeActions.For(c.Model, c.Project, range);
        var titles = actions.Select(a => a.Title).ToList();
        string shown = string.Join(" | ", titles);
        CodeAction? Find(string title) =>
            actions.FirstOrDefault(a => title.EndsWith('…') ? a.Title.StartsWith(title[..^1], StringComparison.Ordinal) : a.Title == title);
        foreach (var t in c.All("expect-action")) Assert.True(Find(t) is not null, $"expected '{t}' among [{shown}]");
        foreach (var t in c.All("reject-action")) Assert.True(Find(t) is null, $"'{t}' should not be offered: [{shown}]");
        if (c.Opt("expect-action-count") is { } n)
            Assert.True(int.Parse(n, CultureInfo.InvariantCulture) == actions.Count, $"expected {n} actions, got [{shown}]");
        var preferred = actions.Where(a => a.IsPreferred).ToList();
        if (c.Opt("expect-preferred") is { } p)
        {
            if (p == "none") Assert.Empty(preferred);
            else
                Assert.True(preferred.Count == 1 && Find(p) == preferred[0],
                    $"expected '{p}' alone preferred; preferred: [{string.Join(" | ", preferred.Select(a => a.Title))}]");
        }
        var applied = c.Opt("apply") is { } title
            ? Find(title) ?? throw new Xunit.Sdk.XunitException($"no '{title}' among [{shown}]")
            : preferred.FirstOrDefault();
        if (applied is null) return;
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in applied.Edits.GroupBy(f => f.Path))
        {
            string text = f.Key == applied.CreateFile ? c.TryTextOf(f.Key) ?? "" : c.TextOf(f.Key);
            after[f.Key] = FeatureCase.Apply(text, f.SelectMany(x => x.Edits));
            c.AssertAfter(f.Key, after[f.Key]);
        }
        // What the editor shows and selects once the edits are made: named in the case whenever there is one.
        string selected = applied.Select is not { } select ? "none"
            : after.TryGetValue(select.Path, out var text2) && select.Span.End <= text2.Length
                ? $"{c.Display(select.Path)}:{new SourceText(text2).LineOf(select.Span.Start) + 1} ⟦{text2[select.Span.Start..select.Span.End]}⟧"
                : $"{c.Display(select.Path)} {select.Span}, outside the text the edits leave";
        Assert.True((c.Opt("expect-selection") ?? "none") == selected,
            $"expected the selection {c.Opt("expect-selection") ?? "none"}, got {selected}");
    }

    [CaseTheory, MemberData(nameof(Cases), "document-symbols")]
    public void Document_symbols(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-symbol");
        var symbols = LanguageServices.DocumentSymbols(c.Model);
        Assert.Equal(c.List("expect-symbol"), symbols.Select(s => $"{s.Kind.ToString().ToLowerInvariant()} {s.Name} — {s.Detail}"));
        foreach (var s in symbols)
            Assert.True(s.Span.Start <= s.SelectionSpan.Start && s.SelectionSpan.End <= s.Span.End,
                $"{s.Name}: its id {s.SelectionSpan} is outside {s.Span}");
        // When the case marks ids, they are the symbols' selection ranges.
        if (c.Spans.Count > 0) Assert.Equal(c.Spans, symbols.Select(s => s.SelectionSpan).OrderBy(s => s.Start));
    }

    [CaseTheory, MemberData(nameof(Cases), "workspace-symbols")]
    public void Workspace_symbols(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "query", "expect-workspace-symbol", "reject-workspace-symbol", "expect-workspace-symbol-count");
        var found = LanguageServices.WorkspaceSymbols(c.Symbols, c.Opt("query") ?? "");
        var rendered = found.Select(w => $"{w.Kind.ToString().ToLowerInvariant()} {w.Name} — {w.Detail} in {c.Display(w.Location.Path)}").ToList();
        var expected = c.List("expect-workspace-symbol");
        Assert.Equal(expected, rendered.Take(expected.Count));
        foreach (var id in c.All("reject-workspace-symbol")) Assert.DoesNotContain(found, w => w.Detail == id);
        if (c.Opt("expect-workspace-symbol-count") is { } n)
            Assert.True(int.Parse(n, CultureInfo.InvariantCulture) == found.Count, $"expected {n}, got [{string.Join(" | ", rendered)}]");
        // A symbol's location is its id (a gazetteer row's number, for geonames:<number>).
        foreach (var w in found)
            if (c.TryTextOf(w.Location.Path) is { } text)
                Assert.EndsWith(text[w.Location.Span.Start..w.Location.Span.End].Trim('"', '\''), w.Detail);
    }

    [CaseTheory, MemberData(nameof(Cases), "inlay-hints")]
    public void Inlay_hints(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-hint");
        var hints = LanguageServices.InlayHints(c.Model, c.Symbols, c.MarkedSpan ?? new TextSpan(0, c.Text.Length));
        var expected = c.List("expect-hint");
        // "Friday — Friday 29 November 2024" asserts the tooltip too; "Friday" the label only.
        Assert.Equal(expected, hints.Select((h, i) => i < expected.Count && !expected[i].Contains(" — ") ? h.Label : $"{h.Label} — {h.Tooltip}"));
        Assert.Equal(c.Points, hints.Select(h => h.Offset));
    }

    [CaseTheory, MemberData(nameof(Cases), "folding")]
    public void Folding(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-folding");
        var ranges = LanguageServices.Folding(c.Model);
        string expected = c.One("expect-folding");
        // Lines are counted from 1, as an editor shows them.
        Assert.Equal(expected, ranges.Count == 0 ? "none" : string.Join(", ", ranges.Select(r => $"{r.StartLine + 1}-{r.EndLine + 1}")));
    }

    [CaseTheory, MemberData(nameof(Cases), "links")]
    public void Links(string name, bool crlf)
    {
        var c = FeatureCase.Load(name, crlf, "expect-link");
        var links = LanguageServices.Links(c.Model, c.Analysis.Root);
        string root = new Uri(FeatureCase.Root).AbsoluteUri;
        Assert.Equal(c.List("expect-link").Select(t => t.Replace("<root>", root)), links.Select(l => l.Target));
        Assert.Equal(c.Spans.Select(s => c.Describe(c.Path, s)), links.Select(l => c.Describe(c.Path, l.Span)));
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
