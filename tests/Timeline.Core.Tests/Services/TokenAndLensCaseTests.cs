using Timeline.Core.Project;
using Timeline.Core.Services;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>
/// Semantic token and code lens cases from tests/features/semantic-tokens and tests/features/code-lens:
/// a document with its expectations in its first comment lines, opened in a workspace over the
/// feature's fixture project, as written and with CRLF line endings.
/// </summary>
public class TokenAndLensCaseTests
{
    private const char Caret = '‸';

    public static IEnumerable<object[]> TokenCases() => Cases("semantic-tokens");
    public static IEnumerable<object[]> LensCases() => Cases("code-lens");

    private static IEnumerable<object[]> Cases(string feature) =>
        Directory.EnumerateFiles(Repo.Path("tests", "features", feature), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => new[] { new object[] { Path.GetFileName(f), false }, new object[] { Path.GetFileName(f), true } });

    [Theory]
    [MemberData(nameof(TokenCases))]
    public void Semantic_token_case(string file, bool crlf)
    {
        var c = Case.Read("semantic-tokens", file, crlf);
        TextSpan? range = c.Carets.Count switch
        {
            0 => null,
            2 => new TextSpan(c.Carets[0], c.Carets[1]),
            _ => throw new InvalidOperationException($"{file}: a range needs two carets, not {c.Carets.Count}"),
        };
        var (ws, path) = c.Open();
        var model = ws.Document(path)!.Model;
        var tokens = SemanticTokens.Of(model, ws.Analyze(path).Result.Symbols, range);
        var got = tokens.Select(t => Describe(Fold(c.Text.Substring(t.Span.Start, t.Span.Length)), t.Kind, t.Modifiers)).ToList();
        var expected = c.Values("token").Select(Expected).ToList();
        Assert.True(expected.SequenceEqual(got),
            $"{file}{(crlf ? " (CRLF)" : "")}: expected\n  {string.Join("\n  ", expected)}\ngot\n  {string.Join("\n  ", got)}");
        // In document order, never overlapping, never over a line break unless the scalar spans lines.
        for (int i = 1; i < tokens.Count; i++) Assert.True(tokens[i - 1].Span.End <= tokens[i].Span.Start, $"{file}: tokens {i - 1} and {i} overlap");
    }

    [Theory]
    [MemberData(nameof(LensCases))]
    public void Code_lens_case(string file, bool crlf)
    {
        var c = Case.Read("code-lens", file, crlf);
        var (ws, path) = c.Open();
        var model = ws.Document(path)!.Model;
        var lenses = CodeLenses.Of(model, ws.Analyze(path).Result.Symbols);
        // Each lens stands on its event's id: the lenses of one event share a span, which is the id.
        var got = lenses.GroupBy(l => l.Span)
            .Select(g => $"{c.Text.Substring(g.Key.Start, g.Key.Length)}: {string.Join(" | ", g.Select(l => l.Title))}")
            .ToList();
        var expected = c.Values("lens").ToList();
        Assert.True(expected.SequenceEqual(got),
            $"{file}{(crlf ? " (CRLF)" : "")}: expected\n  {string.Join("\n  ", expected)}\ngot\n  {string.Join("\n  ", got)}");
        foreach (var l in lenses)
            Assert.Contains(model.Events, e => e.IdSpan == l.Span);
    }

    private static string Describe(string text, SemanticTokenKind kind, SemanticTokenModifiers modifiers)
    {
        var words = new List<string> { text.Contains(' ') ? $"\"{text}\"" : text, KindWord(kind) };
        if (modifiers.HasFlag(SemanticTokenModifiers.Declaration)) words.Add("declaration");
        if (modifiers.HasFlag(SemanticTokenModifiers.Catalog)) words.Add("catalog");
        return string.Join(' ', words);
    }

    private static string KindWord(SemanticTokenKind kind) => kind switch
    {
        SemanticTokenKind.RuleCode => "rule-code",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>An expectation as written, spaced as <see cref="Describe"/> writes it.</summary>
    private static string Expected(string line)
    {
        string text, rest;
        if (line.StartsWith('"'))
        {
            int close = line.IndexOf('"', 1);
            text = line[1..close];
            rest = line[(close + 1)..];
        }
        else
        {
            int space = line.IndexOf(' ');
            text = line[..space];
            rest = line[space..];
        }
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', new[] { text.Contains(' ') ? $"\"{text}\"" : text }.Concat(words));
    }

    private static string Fold(string s) => string.Join(' ', s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A case file: its text without carets, where the carets were, its header.</summary>
    private sealed record Case(string Feature, string Name, string Text, List<int> Carets, List<(string Key, string Value)> Header)
    {
        public static Case Read(string feature, string file, bool crlf)
        {
            string raw = File.ReadAllText(Repo.Path("tests", "features", feature, file));
            var header = raw.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim().TrimEnd('\r'))
                .Where(l => l.Contains(':')).Select(l => (l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim())).ToList();
            if (crlf) raw = Repo.ToCrlf(raw);
            var carets = new List<int>();
            var text = new System.Text.StringBuilder(raw.Length);
            foreach (char ch in raw)
                if (ch == Caret) carets.Add(text.Length);
                else text.Append(ch);
            string name = header.Where(h => h.Item1 == "file").Select(h => h.Item2).FirstOrDefault() ?? file;
            return new Case(feature, name, text.ToString(), carets, header);
        }

        public IEnumerable<string> Values(string key) => Header.Where(h => h.Key == key).Select(h => h.Value);

        /// <summary>A workspace over the feature's fixture project, in memory, with the case open.</summary>
        public (TimelineWorkspace Ws, string Path) Open()
        {
            var files = Directory.EnumerateFiles(Repo.Path("tests", "features", Feature, "project"))
                .ToDictionary(f => "/fproj/" + System.IO.Path.GetFileName(f), File.ReadAllText);
            var ws = new TimelineWorkspace(new MemoryFileSystem(files));
            ws.SetFolders(["/fproj"]);
            string path = "/fproj/" + Name;
            ws.Open(path, Text, 1);
            return (ws, path);
        }
    }
}
