using Timeline.Core.Checks;
using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>
/// One case of tests/features (the format is in tests/features/README.md): a document with
/// markers, opened in the fixture project, and the expectations written in its first comment lines.
/// </summary>
public sealed class FeatureCase
{
    public const char CaretMark = '‸', SpanOpen = '⟦', SpanClose = '⟧', PointMark = '◊';

    /// <summary>Where the fixture project stands in the in-memory file system.</summary>
    public const string Root = "/project";

    /// <summary>How an expectation names the case's own document.</summary>
    public const string Here = "here";

    public static string Dir => Repo.Path("tests", "features");

    /// <summary>The cases of one feature, each as written and with CRLF line endings.</summary>
    public static IEnumerable<object[]> Cases(string feature) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Dir, feature), "*.yaml").Select(System.IO.Path.GetFileName)
            .Where(f => !f!.Contains(".after."))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => new[] { new object[] { $"{feature}/{f}", false }, new object[] { $"{feature}/{f}", true } });

    /// <summary>The reason a case is known to fail (its <c># known-bug:</c> line), read when the tests are discovered.</summary>
    public static string? KnownBug(string name) =>
        ReadHeader(File.ReadAllText(System.IO.Path.Combine(Dir, name)).Split('\n')).FirstOrDefault(h => h.Key == "known-bug").Value;

    private static readonly string[] CommonKeys = { "file", "known-bug" };

    public required string Name { get; init; }
    public required bool Crlf { get; init; }
    /// <summary>The document as opened: the case without its markers.</summary>
    public required string Text { get; init; }
    /// <summary>The path the document is opened at in the project.</summary>
    public required string Path { get; init; }
    public required int? Caret { get; init; }
    /// <summary>The spans marked ⟦…⟧ in the document, in order.</summary>
    public required IReadOnlyList<TextSpan> Spans { get; init; }
    /// <summary>The offsets marked ◊ in the document, in order.</summary>
    public required IReadOnlyList<int> Points { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Header { get; init; }
    public required TimelineWorkspace.Analysis Analysis { get; init; }
    public required FileModel Model { get; init; }

    public SymbolTable Symbols => Analysis.Result.Symbols;
    public ProjectResult Project => Analysis.Result;
    public int CaretOffset => Caret ?? throw new InvalidOperationException($"{Name}: the case has no caret (‸)");

    /// <summary>Reads a case and opens it in the fixture project; a header key outside <paramref name="keys"/> fails
    /// it (a typo asserts nothing).</summary>
    public static FeatureCase Load(string name, bool crlf, params string[] keys)
    {
        string raw = File.ReadAllText(System.IO.Path.Combine(Dir, name));
        if (crlf) raw = Repo.ToCrlf(raw);
        var lines = raw.Split('\n');
        var header = ReadHeader(lines).Where(h => IsExpectation(h.Key) || keys.Contains(h.Key) || CommonKeys.Contains(h.Key)).ToList();
        foreach (var (key, _) in header)
            Assert.True(keys.Contains(key) || CommonKeys.Contains(key),
                $"{name}: unknown key '{key}' (this feature reads {string.Join(", ", keys)})");
        int bodyStart = lines.TakeWhile(IsComment).Sum(l => l.Length + 1);
        bodyStart = Math.Min(bodyStart, raw.Length);
        var (text, caret, spans, points) = Unmark(name, raw, bodyStart);

        string fileName = header.FirstOrDefault(h => h.Key == "file").Value ?? System.IO.Path.GetFileName(name);
        string path = Root + "/" + fileName;
        var files = Directory.EnumerateFiles(System.IO.Path.Combine(Dir, "project")).ToDictionary(
            f => Root + "/" + System.IO.Path.GetFileName(f),
            f => crlf && f.EndsWith(".yaml", StringComparison.Ordinal) ? Repo.ToCrlf(File.ReadAllText(f)) : File.ReadAllText(f));
        var ws = new TimelineWorkspace(new MemoryFileSystem(files));
        ws.SetFolders(new[] { Root });
        var doc = ws.Open(path, text, 1);
        var analysis = ws.Analyze(path);
        return new FeatureCase
        {
            Name = name, Crlf = crlf, Text = text, Path = path, Caret = caret, Spans = spans, Points = points, Header = header,
            Analysis = analysis, Model = analysis.File(path) ?? doc.Model,
        };
    }

    private static bool IsComment(string line) => line.StartsWith('#');

    /// <summary>An expectation's key: checked against the feature's keys, so that a misspelt one fails instead of asserting nothing.</summary>
    private static bool IsExpectation(string key) => key.StartsWith("expect-", StringComparison.Ordinal)
        || key.StartsWith("reject-", StringComparison.Ordinal);

    /// <summary>
    /// The <c>key: value</c> lines of the leading comment (keys are lower-case words joined by hyphens). Only expectations and the
    /// keys the feature reads count; any other line is prose.
    /// </summary>
    private static List<KeyValuePair<string, string>> ReadHeader(IEnumerable<string> lines)
    {
        var header = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.TakeWhile(IsComment))
        {
            string l = line.TrimEnd('\r').TrimStart('#').Trim();
            int colon = l.IndexOf(':');
            if (colon <= 0 || !l[..colon].All(ch => ch is >= 'a' and <= 'z' or '-')) continue;
            header.Add(new(l[..colon], l[(colon + 1)..].Trim()));
        }
        return header;
    }

    /// <summary>The text without the markers of its body, and where they stood in that text.</summary>
    private static (string Text, int? Caret, List<TextSpan> Spans, List<int> Points) Unmark(string name, string raw, int bodyStart)
    {
        var sb = new System.Text.StringBuilder(raw.Length);
        sb.Append(raw, 0, bodyStart);
        int? caret = null, open = null;
        var spans = new List<TextSpan>();
        var points = new List<int>();
        for (int i = bodyStart; i < raw.Length; i++)
        {
            switch (raw[i])
            {
                case CaretMark:
                    Assert.True(caret is null, $"{name}: more than one caret (‸)");
                    caret = sb.Length;
                    break;
                case SpanOpen:
                    Assert.True(open is null, $"{name}: ⟦ inside ⟦…⟧");
                    open = sb.Length;
                    break;
                case SpanClose:
                    Assert.True(open is not null, $"{name}: ⟧ without ⟦");
                    spans.Add(new TextSpan(open!.Value, sb.Length));
                    open = null;
                    break;
                case PointMark:
                    points.Add(sb.Length);
                    break;
                default:
                    sb.Append(raw[i]);
                    break;
            }
        }
        Assert.True(open is null, $"{name}: ⟦ without ⟧");
        return (sb.ToString(), caret, spans, points);
    }

    public string? Opt(string key) => Header.FirstOrDefault(h => h.Key == key).Value;
    public string One(string key) => Opt(key) ?? throw new InvalidOperationException($"{Name}: the case needs '# {key}:'");
    public IReadOnlyList<string> All(string key) => Header.Where(h => h.Key == key).Select(h => h.Value).ToList();

    /// <summary>The expectations of a list key; a single <c>none</c> means an empty list.</summary>
    public IReadOnlyList<string> List(string key) => All(key) is ["none"] ? Array.Empty<string>() : All(key);

    /// <summary>The one span the case marks, when it marks one.</summary>
    public TextSpan? MarkedSpan
    {
        get
        {
            Assert.True(Spans.Count <= 1, $"{Name}: this feature reads at most one ⟦…⟧, the case has {Spans.Count}");
            return Spans.Count == 1 ? Spans[0] : null;
        }
    }

    /// <summary>The text of a file of the project as the services saw it (the case's own document included).</summary>
    public string TextOf(string path) => TryTextOf(path) ?? throw new InvalidOperationException($"{Name}: no text for {path}");

    /// <summary>The text of a file: the case's document, a file the project read, or a fixture file it does not (a gazetteer).</summary>
    public string? TryTextOf(string path)
    {
        if (path == Path) return Text;
        if (Project.Sources.TryGetValue(path, out var t)) return t.Text;
        string fixture = System.IO.Path.Combine(Dir, "project", Display(path));
        return path.StartsWith(Root + "/", StringComparison.Ordinal) && File.Exists(fixture) ? File.ReadAllText(fixture) : null;
    }

    /// <summary>How an expectation names a file: <c>here</c>, or its path relative to the project.</summary>
    public string Display(string path) => path == Path ? Here : path.StartsWith(Root + "/", StringComparison.Ordinal)
        ? path[(Root.Length + 1)..] : path;

    /// <summary>A span as an expectation writes it: the file, the 1-based line of its start, the text it covers.</summary>
    public string Describe(string path, TextSpan span, bool withLine = true)
    {
        string text = TextOf(path);
        int line = new SourceText(text).LineOf(span.Start) + 1;
        return $"{Display(path)}{(withLine ? ":" + line : "")} ⟦{text[span.Start..span.End]}⟧";
    }

    /// <summary>The text with the edits applied (they must not overlap).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Span.Start).ToList();
        for (int i = 1; i < sorted.Count; i++)
            Assert.True(sorted[i - 1].Span.End <= sorted[i].Span.Start, $"edits overlap: {sorted[i - 1].Span} and {sorted[i].Span}");
        var sb = new System.Text.StringBuilder(text);
        foreach (var e in Enumerable.Reverse(sorted))
        {
            Assert.True(e.Span.Start >= 0 && e.Span.End <= sb.Length, $"edit {e.Span} outside the text of {sb.Length} characters");
            sb.Remove(e.Span.Start, e.Span.Length).Insert(e.Span.Start, e.NewText);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Compares a file after edits with the case's expected file: <c>&lt;case&gt;.after.yaml</c> for its own document,
    /// <c>&lt;case&gt;.after.&lt;file name&gt;</c> for another file of the project; in the CRLF run, in CRLF.
    /// One that is not required is compared when present. TIMELINE_ACCEPT=1 writes a missing required one from what the
    /// code does now (to be read before it is committed).
    /// </summary>
    public void AssertAfter(string path, string actual, bool required = true)
    {
        string stem = System.IO.Path.Combine(Dir, Name[..^".yaml".Length]);
        string expectedFile = path == Path ? stem + ".after.yaml" : stem + ".after." + System.IO.Path.GetFileName(path);
        if (!File.Exists(expectedFile) && Repo.Accepting && !Crlf && required) File.WriteAllText(expectedFile, actual);
        if (!required && !File.Exists(expectedFile)) return;
        Assert.True(File.Exists(expectedFile),
            $"{Name}: {Display(path)} was edited; its expected text belongs in {System.IO.Path.GetFileName(expectedFile)}");
        string expected = File.ReadAllText(expectedFile);
        if (Crlf) expected = Repo.ToCrlf(expected);
        Assert.Equal(expected, actual);
    }
}
