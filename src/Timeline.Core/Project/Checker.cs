using Timeline.Core.Checks;
using Timeline.Core.Text;

namespace Timeline.Core.Project;

/// <summary>One checked file: its full path, text and final diagnostics.</summary>
public sealed record CheckedFile(string Path, SourceText Source, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Checks the projects that the given files and folders belong to, and returns the files asked for.</summary>
public static class Checker
{
    public static IReadOnlyList<CheckedFile> Check(IFileSystem fs, IEnumerable<string> paths,
        Syntax.ReaderLimits? limits = null, bool allowCatalogsOutsideRoot = false)
    {
        var requested = paths.Select(Path.GetFullPath).ToList();
        var result = new List<CheckedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var trace = Environment.GetEnvironmentVariable("TIMELINE_TRACE") == "1" ? System.Diagnostics.Stopwatch.StartNew() : null;
        foreach (var root in ProjectLoader.FindRoots(fs, requested))
        {
            // Read to be checked once: nothing is kept for a next version of the files.
            var project = ProjectLoader.Load(fs, root, limits: limits, allowCatalogsOutsideRoot: allowCatalogsOutsideRoot, keepForEdits: false);
            trace?.Log($"read and analysed {project.Files.Count} files of {root}");
            var checkedProject = ProjectAnalyzer.Analyze(project);
            trace?.Log("project checks");
            foreach (var (path, diags) in checkedProject.Diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!requested.Any(r => IsUnder(path, r)) || !seen.Add(path)) continue;
                result.Add(new CheckedFile(path, checkedProject.Sources[path], diags));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result;
    }

    private static void Log(this System.Diagnostics.Stopwatch sw, string what)
    {
        Console.Error.WriteLine($"[timeline] {sw.Elapsed.TotalMilliseconds,8:F1} ms  {what} " +
            $"({GC.GetTotalAllocatedBytes() >> 20} MB allocated so far, {GC.CollectionCount(0)} collections)");
        sw.Restart();
    }

    public static bool IsUnder(string path, string folderOrFile) =>
        path == folderOrFile || path.StartsWith(folderOrFile.TrimEnd(Path.DirectorySeparatorChar)
            + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
