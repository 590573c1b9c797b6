using System.Text;
using Timeline.Core.Checks;
using Timeline.Core.Import;
using Timeline.Core.Project;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline import csv|timelinejs|acled FILE [-o FILE] [--map COLUMN=KEY ...]</c>.</summary>
public static class ImportCommand
{
    /// <summary>How many of the check's findings the summary lists before it counts the rest.</summary>
    private const int FindingsShown = 10;

    /// <summary>Turns <paramref name="file"/> of the given <paramref name="format"/> into a Timeline project.
    /// <paramref name="maps"/> holds each --map value as given (COLUMN=KEY).</summary>
    /// <remarks>
    /// <paramref name="output"/> names the timeline file to write (a path ending in .timeline.yaml) or the folder to
    /// write it in; by default a new folder named after the input, beside it. The places and actors files go beside the
    /// timeline, and a timeline.config.yaml too unless the folder is already in a project (whose definitions and
    /// catalogs the rows are then matched against). Nothing is overwritten: the import refuses when a file it would
    /// write exists, and without -o when the folder exists. The new files are checked at once.
    /// </remarks>
    public static int Run(
        string format, string file, string? output, IReadOnlyList<string> maps, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (ImportPlan.ParseFormat(format) is not { } kind)
            return Usage(stderr, $"import takes csv, timelinejs or acled, not '{format}'");
        string input = Path.GetFullPath(Path.Combine(cwd, file));
        if (!File.Exists(input)) return Usage(stderr, $"no such file: {file}");
        string timeline = ImportPlan.TimelinePath(input, output is null ? null : Path.Combine(cwd, output));
        string folder = Path.GetDirectoryName(timeline)!;
        if (output is null && Directory.Exists(folder))
            return Usage(stderr, $"{Relative(cwd, folder)} exists already; name another with -o");

        string text;
        try
        {
            // UTF-8 with or without a byte order mark (a UTF-16 file says so by its mark).
            using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"timeline: {file} could not be read: {ex.Message}");
            return CommandLine.UsageError;
        }

        // TIMELINE_TRACE=1 times the stages on stderr, as the check's own trace does.
        var trace = Environment.GetEnvironmentVariable("TIMELINE_TRACE") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
        var plan = ImportPlan.Make(PhysicalFileSystem.Instance, kind, text, timeline, maps, out string? error);
        Trace(stderr, trace, "read, matched and laid out");
        if (plan is null) return Usage(stderr, error ?? "the file could not be imported");
        if (plan.Files.FirstOrDefault(f => File.Exists(f.Path)) is { Path: { } existing })
            return Usage(stderr, $"{Relative(cwd, existing)} exists already; import never overwrites (name another with -o)");
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (path, content) in plan.Files) File.WriteAllText(path, content, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"timeline: the files could not be written: {ex.Message}");
            return CommandLine.UsageError;
        }

        Trace(stderr, trace, "written");
        var s = plan.Summary;
        stdout.WriteLine($"Imported {Relative(cwd, input)} ({format.ToLowerInvariant()}) into {Relative(cwd, folder)}" +
            (plan.ExistingRoot is null ? ", a new project:" : $", in the project at {Relative(cwd, plan.ExistingRoot)}:"));
        foreach (var (path, _) in plan.Files) stdout.WriteLine($"  wrote {Relative(cwd, path)}");
        stdout.WriteLine($"  {Plural(s.Rows, "row")}: {Plural(s.Events, "event")}, {s.Refused.Count} refused");
        stdout.WriteLine($"  places: {s.PlacesMatched} matched, {s.PlacesCreated} created");
        stdout.WriteLine($"  actors: {s.ActorsMatched} matched, {s.ActorsCreated} created");
        stdout.WriteLine($"  sources: {s.Sources}" + (s.CatalogsUsed.Count > 0 ? $"; catalogs: {string.Join(", ", s.CatalogsUsed)}" : ""));
        foreach (var p in s.Refused) stdout.WriteLine($"  refused row {p.Row}: {p.Message}");

        // The check of the new files, as `timeline check` would report them: their texts as written, not read back.
        var files = Checker.Check(new WrittenFiles(PhysicalFileSystem.Instance, plan.Files), plan.Files.Select(f => f.Path).ToList());
        Trace(stderr, trace, "checked");
        var all = files.SelectMany(f => f.Diagnostics.Select(d => (f, d))).ToList();
        int errors = all.Count(x => x.d.Severity == Severity.Error), warnings = all.Count(x => x.d.Severity == Severity.Warning);
        int infos = all.Count - errors - warnings;
        stdout.WriteLine($"Check: {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(infos, "info")}" +
            (all.Count == 0 ? "." : $" (timeline check {Relative(cwd, folder)} lists them all):"));
        foreach (var (f, d) in all.OrderBy(x => x.d.Severity).Take(FindingsShown))
        {
            var at = f.Source.GetPosition(d.Span.Start);
            string severity = d.Severity.ToString().ToLowerInvariant();
            stdout.WriteLine($"  {Relative(cwd, f.Path)}:{at.Line + 1}:{at.Character + 1}: {severity} {d.Code}: {d.Message}");
        }
        if (all.Count > FindingsShown) stdout.WriteLine($"  … and {all.Count - FindingsShown} more");
        stdout.Flush();
        return errors > 0 ? CommandLine.Problems : CommandLine.Ok;
    }

    private static void Trace(TextWriter stderr, System.Diagnostics.Stopwatch? trace, string what)
    {
        if (trace is null) return;
        // The process's CPU time so far beside the wall time: on a loaded machine it is the better guide.
        double cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        stderr.WriteLine($"[timeline] {trace.Elapsed.TotalMilliseconds,8:F1} ms  {what} (CPU {cpu:F0} ms since the start)");
        trace.Restart();
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"timeline: {message}");
        return CommandLine.UsageError;
    }

    private static string Plural(int n, string word) => $"{n:N0} {word}{(n == 1 ? "" : "s")}";

    private static string Relative(string cwd, string path) => Path.GetRelativePath(cwd, path).Replace('\\', '/');
}
