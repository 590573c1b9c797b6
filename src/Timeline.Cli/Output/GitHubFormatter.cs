using Timeline.Core.Checks;

namespace Timeline.Cli.Output;

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…::message</c>.</summary>
public static class GitHubFormatter
{
    public static void Write(TextWriter w, IReadOnlyList<ReportFile> files)
    {
        foreach (var f in files)
            foreach (var d in f.File.Diagnostics)
            {
                var s = f.File.Source.GetPosition(d.Span.Start);
                var e = f.File.Source.GetPosition(d.Span.End);
                string command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
                string where = $"file={Property(f.DisplayPath)},line={s.Line + 1},col={s.Character + 1}," +
                    $"endLine={e.Line + 1},endColumn={e.Character + 1}";
                w.WriteLine($"::{command} {where},title={Property($"{d.Code} {d.Name}")}::{Data(d.Message)}");
            }
    }

    private static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    private static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
