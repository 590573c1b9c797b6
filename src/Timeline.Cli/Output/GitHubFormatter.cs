using System.Globalization;
using Timeline.Core.Checks;

namespace Timeline.Cli.Output;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…::message</c>.</summary>
/// <remarks>Written piece by piece, as the text format is: a string per finding was ~90 MB more at 100,000 findings.</remarks>
public static class GitHubFormatter
{
    public static void Write(TextWriter w, IReadOnlyList<ReportFile> files)
    {
        Span<char> digits = stackalloc char[12];
        foreach (var f in files)
        {
            string path = Property(f.DisplayPath);
            foreach (var d in f.File.Diagnostics)
            {
                var s = f.File.Source.GetPosition(d.Span.Start);
                var e = f.File.Source.GetPosition(d.Span.End);
                w.Write("::");
                w.Write(d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" });
                w.Write(" file=");
                w.Write(path);
                w.Write(",line=");
                WriteNumber(w, s.Line + 1, digits);
                w.Write(",col=");
                WriteNumber(w, s.Character + 1, digits);
                w.Write(",endLine=");
                WriteNumber(w, e.Line + 1, digits);
                w.Write(",endColumn=");
                WriteNumber(w, e.Character + 1, digits);
                w.Write(",title=");
                w.Write(Property(d.Code));
                w.Write(' ');
                w.Write(Property(d.Name));
                w.Write("::");
                w.WriteLine(Data(d.Message));
            }
        }
    }

    private static void WriteNumber(TextWriter w, int n, Span<char> digits)
    {
        n.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        w.Write(digits[..written]);
    }

    // Each returns its text itself when there is nothing to escape, as nearly always.
    private static string Data(string s) =>
        s.AsSpan().IndexOfAny('%', '\r', '\n') < 0 ? s : s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string s) =>
        s.AsSpan().IndexOfAny(PropertyEscapes) < 0 ? s : Data(s).Replace(":", "%3A").Replace(",", "%2C");

    private static readonly System.Buffers.SearchValues<char> PropertyEscapes = System.Buffers.SearchValues.Create("%\r\n:,");
}
