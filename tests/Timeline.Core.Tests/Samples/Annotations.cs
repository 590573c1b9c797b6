using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Timeline.Core.Checks;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Samples;

/// <summary>
/// Expected diagnostics written in the samples, as YAML comments under the line they concern:
/// <code>
///     places: [saraqeb]
/// #            ^^^^^^^ error TL201: unknown place 'saraqeb'; …
/// </code>
/// Carets mark the columns of the line above. A range that starts at column 0, is empty or
/// spans lines is written with explicit one-based positions (end column exclusive):
/// <code>#@ 3:1-3:6 error TL002: unknown key …</code>
/// </summary>
public static partial class Annotations
{
    [GeneratedRegex(@"^#( *)(\^+) (error|warning|info) (TL\d{3}): (.*)$")]
    private static partial Regex Caret();

    [GeneratedRegex(@"^#@ (\d+):(\d+)-(\d+):(\d+) (error|warning|info) (TL\d{3}): (.*)$")]
    private static partial Regex Explicit();

    public static bool IsAnnotation(string line)
    {
        string l = line.TrimEnd('\r');
        return Caret().IsMatch(l) || Explicit().IsMatch(l);
    }

    /// <summary>One expected diagnostic, positions zero-based in the annotated file.</summary>
    public sealed record Expected(int StartLine, int StartCol, int EndLine, int EndCol, string Severity, string Code, string Message)
    {
        public override string ToString() => $"{StartLine + 1}:{StartCol + 1}-{EndLine + 1}:{EndCol + 1} {Severity} {Code}: {Message}";
    }

    public static List<Expected> Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<Expected>();
        int target = -1;
        for (int i = 0; i < lines.Length; i++)
        {
            var m = Caret().Match(lines[i]);
            if (m.Success)
            {
                int col = 1 + m.Groups[1].Length;
                result.Add(new Expected(target, col, target, col + m.Groups[2].Length, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value));
                continue;
            }
            m = Explicit().Match(lines[i]);
            if (m.Success)
            {
                int N(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) - 1;
                result.Add(new Expected(N(1), N(2), N(3), N(4), m.Groups[5].Value, m.Groups[6].Value, m.Groups[7].Value));
                continue;
            }
            target = i;
        }
        return result;
    }

    public static string Word(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    public static Expected ToExpected(SourceText source, Diagnostic d)
    {
        var s = source.GetPosition(d.Span.Start);
        var e = source.GetPosition(d.Span.End);
        return new Expected(s.Line, s.Character, e.Line, e.Character, Word(d.Severity), d.Code, d.Message);
    }

    /// <summary>For each line of the text without annotations, its line number in the annotated text.</summary>
    public static int[] LineMap(string annotated)
    {
        var lines = annotated.Replace("\r\n", "\n").Split('\n');
        var map = new List<int>();
        for (int i = 0; i < lines.Length; i++) if (!IsAnnotation(lines[i])) map.Add(i);
        map.Add(lines.Length);
        return map.ToArray();
    }

    public static string Strip(string text)
    {
        var nl = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return string.Join(nl, lines.Where(l => !IsAnnotation(l)));
    }

    /// <summary>Writes the diagnostics of an annotation-free text into it as annotations.</summary>
    public static string Write(string stripped, SourceText source, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = stripped.Replace("\r\n", "\n").Split('\n');
        var byLine = new SortedDictionary<int, List<(Diagnostic D, LinePosition S, LinePosition E)>>();
        foreach (var d in diagnostics)
        {
            var s = source.GetPosition(d.Span.Start);
            var e = source.GetPosition(d.Span.End);
            if (!byLine.TryGetValue(s.Line, out var l)) byLine[s.Line] = l = new();
            l.Add((d, s, e));
        }
        // Where each original line lands once annotations are inserted.
        var newLine = new int[lines.Length + 1];
        int shift = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            newLine[i] = i + shift;
            if (byLine.TryGetValue(i, out var l)) shift += l.Count;
        }
        newLine[lines.Length] = lines.Length + shift;
        var sb = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]);
            if (i < lines.Length - 1 || byLine.ContainsKey(i)) sb.Append('\n');
            if (!byLine.TryGetValue(i, out var list)) continue;
            foreach (var (d, s, e) in list.OrderBy(x => x.S.Character).ThenBy(x => x.D.Code, StringComparer.Ordinal))
            {
                string msg = d.Message.Replace("\r", "").Replace("\n", " ");
                if (s.Line == e.Line && s.Character >= 1 && e.Character > s.Character)
                    sb.Append('#').Append(' ', s.Character - 1).Append('^', e.Character - s.Character)
                        .Append(CultureInfo.InvariantCulture, $" {Word(d.Severity)} {d.Code}: {msg}");
                else
                    sb.Append(CultureInfo.InvariantCulture,
                        $"#@ {newLine[s.Line] + 1}:{s.Character + 1}-{newLine[e.Line] + 1}:{e.Character + 1} {Word(d.Severity)} {d.Code}: {msg}");
                sb.Append('\n');
            }
        }
        string result = sb.ToString();
        if (!stripped.EndsWith('\n') && result.EndsWith('\n') && !byLine.ContainsKey(lines.Length - 1)) result = result[..^1];
        return stripped.Contains("\r\n") ? result.Replace("\n", "\r\n") : result;
    }
}
