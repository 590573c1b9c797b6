using Timeline.Core.Checks;
using Timeline.Core.Services;
using Timeline.Core.Tests.Samples;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Services;

/// <summary>Every quick fix and every rename, applied to every sample (LF and CRLF), keeps every comment and every
/// line it does not change, byte for byte.</summary>
public class NothingLostTests
{
    public static IEnumerable<object[]> Cases() =>
        SampleTests.SampleFolders().SelectMany(s => new[] { new object[] { s, false }, new object[] { s, true } });

    /// <summary>Applies non-overlapping edits to a text.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var sorted = edits.OrderBy(e => e.Span.Start).ToList();
        for (int i = 1; i < sorted.Count; i++) Assert.True(sorted[i].Span.Start >= sorted[i - 1].Span.End, "overlapping edits");
        var sb = new System.Text.StringBuilder();
        int at = 0;
        foreach (var e in sorted)
        {
            sb.Append(text, at, e.Span.Start - at).Append(e.NewText);
            at = e.Span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Checks what an edit must not lose.</summary>
    internal static void AssertNothingLost(string before, IReadOnlyList<TextEdit> edits, string context)
    {
        string after = Apply(before, edits);
        var src = new SourceText(before);
        int Shift(int offset) => offset + edits.Where(e => e.Span.End <= offset).Sum(e => e.NewText.Length - e.Span.Length);
        for (int line = 0; line < src.LineCount; line++)
        {
            int s = src.LineStart(line), e = line + 1 < src.LineCount ? src.LineStart(line + 1) : src.Length;
            if (edits.Any(x => x.Span.Start < e && x.Span.End > s)
                || edits.Any(x => x.Span.Length == 0 && x.Span.Start > s && x.Span.Start < e)) continue;
            string original = before[s..e];
            int ns = Shift(s);
            Assert.True(ns + original.Length <= after.Length && after.Substring(ns, original.Length) == original,
                $"{context}: line {line + 1} changed although no edit touches it: '{original.TrimEnd()}'");
        }
        // Comments survive, even inside edited lines (a sort moves them with their event).
        foreach (var comment in before.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.TrimStart().StartsWith('#')))
            Assert.True(after.Split('\n').Select(l => l.TrimEnd('\r')).Count(l => l == comment) >= before.Split('\n')
                .Select(l => l.TrimEnd('\r')).Count(l => l == comment),
                $"{context}: the comment '{comment}' was lost");
        // Line endings: a CRLF file stays CRLF.
        if (before.Contains("\r\n") && !before.Replace("\r\n", "").Contains('\n'))
            Assert.False(after.Replace("\r\n", "").Contains('\n'), $"{context}: a lone LF in a CRLF file");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixes_and_renames_lose_nothing(string sample, bool crlf)
    {
        var files = SampleTests.ReadSample(sample).ToDictionary(p => p.Key, p => crlf ? Repo.ToCrlf(p.Value) : p.Value);
        var result = SampleTests.Check(files, SampleTests.LimitsOf(sample));
        int checkedEdits = 0;
        foreach (var (rel, text) in files)
        {
            string path = $"{SampleTests.Root}/{rel}";
            var model = result.Project.Files.FirstOrDefault(f => f.Path == path)
                ?? (result.Project.ConfigFile?.Path == path ? result.Project.ConfigFile : null);
            if (model is null) continue;
            foreach (var action in CodeActions.For(model, result, new TextSpan(0, text.Length)))
                foreach (var fe in action.Edits)
                {
                    // Edits to this file, or to another file of the project (a stub added to the places file).
                    if (!files.TryGetValue(fe.Path[(SampleTests.Root.Length + 1)..], out var target)) continue; // a file the action creates
                    AssertNothingLost(target, fe.Edits, $"{sample}/{rel}: {action.Title} (in {fe.Path})");
                    checkedEdits++;
                }
            foreach (var def in model.Definitions.Where(d => d.Id.Length > 0).Take(8))
            {
                var rename = LanguageServices.Rename(model, result, def.IdSpan.Start, "renamed-" + def.Kind.ToString().ToLowerInvariant());
                if (rename.Error is not null) continue;
                foreach (var fe in rename.Files)
                {
                    string target = files[fe.Path[(SampleTests.Root.Length + 1)..]];
                    AssertNothingLost(target, fe.Edits, $"{sample}: rename {def.Id} in {fe.Path}");
                    // A rename edits ids only.
                    Assert.All(fe.Edits, e => Assert.Equal(def.Id, target[e.Span.Start..e.Span.End]));
                    checkedEdits++;
                }
            }
        }
        _ = checkedEdits;
    }
}
