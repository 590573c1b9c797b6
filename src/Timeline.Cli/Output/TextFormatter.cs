using System.Globalization;
using System.Text;
using Timeline.Core.Checks;

namespace Timeline.Cli.Output;

/// <summary>Compiler-style text: <c>path:line:column: severity CODE name: message</c>, the source line and a caret underline.</summary>
public static class TextFormatter
{
    public static void Write(TextWriter w, IReadOnlyList<ReportFile> files, bool color)
    {
        string C(string code, string s) => color ? $"\u001b[{code}m{s}\u001b[0m" : s;
        foreach (var f in files)
        {
            var src = f.File.Source;
            foreach (var d in f.File.Diagnostics)
            {
                var start = src.GetPosition(d.Span.Start);
                var end = src.GetPosition(d.Span.End);
                string sev = SeverityWords.Word(d.Severity);
                string sevColored = d.Severity switch { Severity.Error => C("1;31", sev), Severity.Warning => C("1;33", sev), _ => C("1;36", sev) };
                w.WriteLine($"{C("1", $"{f.DisplayPath}:{start.Line + 1}:{start.Character + 1}:")} {sevColored} {d.Code} {d.Name}: {d.Message}");
                var (line, column) = Window(src, start.Line, start.Character);
                string gutter = (start.Line + 1).ToString(CultureInfo.InvariantCulture);
                string pad = new(' ', gutter.Length);
                w.WriteLine($" {C("34", gutter + " |")} {Printable(line)}");
                int width = end.Line == start.Line ? Math.Max(1, end.Character - start.Character) : Math.Max(1, line.Length - column);
                string carets = new('^', DisplayWidth(line, column, width));
                w.WriteLine($" {C("34", pad + " |")} {Indent(line, column)}{C(d.Severity == Severity.Error ? "31" : "33", carets)}");
            }
        }
        var s = Summary.Of(files);
        string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
        w.WriteLine(s.Errors + s.Warnings + s.Infos == 0
            ? $"No problems in {Plural(s.Files, "file")}."
            : $"{Plural(s.Errors, "error")}, {Plural(s.Warnings, "warning")}, {Plural(s.Infos, "info")} in {Plural(s.Files, "file")}.");
    }

    private static string Printable(string line) => line.Replace('\t', ' ');

    private const int WindowBefore = 60, WindowWidth = 160;

    /// <summary>
    /// The part of a long line shown around a finding, and the finding's column in it: a line of a hundred
    /// thousand items, quoted whole under each of its findings, would print gigabytes.
    /// </summary>
    /// (Only the part shown is copied out of the text: copying the whole line for each finding is as slow.)
    private static (string Text, int Column) Window(Core.Text.SourceText src, int lineNumber, int column)
    {
        int start = src.LineStart(lineNumber), length = src.LineEnd(lineNumber) - start;
        if (length <= WindowWidth) return (src.Substring(start, length), column);
        int from = Math.Max(0, Math.Min(column - WindowBefore, length - WindowWidth));
        if (from > 0 && char.IsLowSurrogate(src[start + from])) from--;
        int to = Math.Min(length, from + WindowWidth);
        if (to < length && char.IsLowSurrogate(src[start + to])) to++;
        string head = from > 0 ? "…" : "", tail = to < length ? "…" : "";
        return (head + src.Substring(start + from, to - from) + tail, column - from + head.Length);
    }

    /// <summary>Spaces under the text before the caret, keeping tabs so the caret lines up.</summary>
    private static string Indent(string line, int column)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < column && i < line.Length; i++)
        {
            if (char.IsLowSurrogate(line[i])) continue;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    private static int DisplayWidth(string line, int start, int length)
    {
        int n = 0;
        for (int i = start; i < start + length && i < line.Length; i++) if (!char.IsLowSurrogate(line[i])) n++;
        return Math.Max(1, n);
    }
}
