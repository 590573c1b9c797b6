using System.Globalization;
using Timeline.Core.Checks;

namespace Timeline.Cli.Output;

/// <summary>Compiler-style text: <c>path:line:column: severity CODE name: message</c>, the source line and a caret underline.</summary>
/// <remarks>
/// Written piece by piece into the writer, with no string made per finding: a check of 100,000 events
/// prints 300,000 lines, and building each of them made a tenth of the process's garbage.
/// </remarks>
public static class TextFormatter
{
    public static void Write(TextWriter w, IReadOnlyList<ReportFile> files, bool color)
    {
        var style = new Style(w, color);
        var window = new char[WindowWidth + 4];
        Span<char> digits = stackalloc char[12];
        foreach (var f in files)
        {
            var src = f.File.Source;
            foreach (var d in f.File.Diagnostics)
            {
                var start = src.GetPosition(d.Span.Start);
                var end = src.GetPosition(d.Span.End);
                style.Open("1");
                w.Write(f.DisplayPath);
                w.Write(':');
                WriteNumber(w, start.Line + 1, digits);
                w.Write(':');
                WriteNumber(w, start.Character + 1, digits);
                w.Write(':');
                style.Close();
                w.Write(' ');
                style.Open(d.Severity switch { Severity.Error => "1;31", Severity.Warning => "1;33", _ => "1;36" });
                w.Write(SeverityWords.Word(d.Severity));
                style.Close();
                w.Write(' ');
                w.Write(d.Code);
                w.Write(' ');
                w.Write(d.Name);
                w.Write(": ");
                w.WriteLine(d.Message);

                int length = Window(src, start.Line, start.Character, window, out int column);
                ReadOnlySpan<char> line = window.AsSpan(0, length);
                int gutter = WriteGutter(w, style, start.Line + 1, digits);
                WritePrintable(w, line);
                w.WriteLine();

                int width = end.Line == start.Line ? Math.Max(1, end.Character - start.Character) : Math.Max(1, line.Length - column);
                w.Write(' ');
                style.Open("34");
                Repeat(w, ' ', gutter);
                w.Write(" |");
                style.Close();
                w.Write(' ');
                Repeat(w, ' ', IndentWidth(line, column));
                style.Open(d.Severity == Severity.Error ? "31" : "33");
                Repeat(w, '^', DisplayWidth(line, column, width));
                style.Close();
                w.WriteLine();
            }
        }
        var s = Summary.Of(files);
        string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
        w.WriteLine(s.Errors + s.Warnings + s.Infos == 0
            ? $"No problems in {Plural(s.Files, "file")}."
            : $"{Plural(s.Errors, "error")}, {Plural(s.Warnings, "warning")}, {Plural(s.Infos, "info")} in {Plural(s.Files, "file")}.");
    }

    /// <summary>Terminal colours around a piece of text, or nothing when the output has none.</summary>
    private readonly struct Style(TextWriter w, bool color)
    {
        public void Open(string code)
        {
            if (!color) return;
            w.Write("\u001b[");
            w.Write(code);
            w.Write('m');
        }

        public void Close()
        {
            if (color) w.Write("\u001b[0m");
        }
    }

    private static void WriteNumber(TextWriter w, int n, Span<char> digits)
    {
        n.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        w.Write(digits[..written]);
    }

    /// <summary>Writes <c> 12 | </c> and returns the width of the number, for the caret line's gutter.</summary>
    private static int WriteGutter(TextWriter w, Style style, int lineNumber, Span<char> digits)
    {
        lineNumber.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        w.Write(' ');
        style.Open("34");
        w.Write(digits[..written]);
        w.Write(" |");
        style.Close();
        w.Write(' ');
        return written;
    }

    private static void WritePrintable(TextWriter w, ReadOnlySpan<char> line)
    {
        while (line.Length > 0)
        {
            int tab = line.IndexOf('\t');
            if (tab < 0) { w.Write(line); return; }
            w.Write(line[..tab]);
            w.Write(' ');
            line = line[(tab + 1)..];
        }
    }

    private static void Repeat(TextWriter w, char c, int count)
    {
        for (int i = 0; i < count; i++) w.Write(c);
    }

    private const int WindowBefore = 60, WindowWidth = 160;

    /// <summary>
    /// Copies into <paramref name="into"/> the part of a long line shown around a finding, and gives the
    /// finding's column in it: a line of a hundred thousand items, quoted whole under each of its findings,
    /// would print gigabytes. Only the part shown is copied out of the text.
    /// </summary>
    private static int Window(Core.Text.SourceText src, int lineNumber, int column, char[] into, out int columnInWindow)
    {
        int start = src.LineStart(lineNumber), length = src.LineEnd(lineNumber) - start;
        if (length <= WindowWidth)
        {
            src.CopyTo(start, into.AsSpan(0, length));
            columnInWindow = column;
            return length;
        }
        int from = Math.Max(0, Math.Min(column - WindowBefore, length - WindowWidth));
        if (from > 0 && char.IsLowSurrogate(src[start + from])) from--;
        int to = Math.Min(length, from + WindowWidth);
        if (to < length && char.IsLowSurrogate(src[start + to])) to++;
        int n = 0;
        if (from > 0) into[n++] = '…';
        src.CopyTo(start + from, into.AsSpan(n, to - from));
        n += to - from;
        if (to < length) into[n++] = '…';
        columnInWindow = column - from + (from > 0 ? 1 : 0);
        return n;
    }

    /// <summary>The spaces under the text before the caret: one per character shown.</summary>
    private static int IndentWidth(ReadOnlySpan<char> line, int column)
    {
        int n = 0;
        for (int i = 0; i < column && i < line.Length; i++) if (!char.IsLowSurrogate(line[i])) n++;
        return n;
    }

    private static int DisplayWidth(ReadOnlySpan<char> line, int start, int length)
    {
        int n = 0;
        for (int i = start; i < start + length && i < line.Length; i++) if (!char.IsLowSurrogate(line[i])) n++;
        return Math.Max(1, n);
    }
}
