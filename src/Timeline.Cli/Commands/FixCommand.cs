using System.Text;
using Timeline.Core.Capture;
using Timeline.Core.Checks;
using Timeline.Core.Formatting;
using Timeline.Core.Language;
using Timeline.Core.Project;
using Timeline.Core.Text;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline check ... --fix [--dry-run]</c>: applies the fixes that are certain.</summary>
/// <remarks>
/// A fix is applied only when its rule says it is the one right answer (<see cref="Fix.IsCertain"/>,
/// <see cref="FixAction.IsCertain"/>): a relative date with one candidate, an unambiguous non-ISO date, a
/// draft EDTF form, the events' order, a figure its quote gives as its only count. Never a did-you-mean.
/// Fixes are applied in rounds, the project checked again after each, until none is left (at most
/// <see cref="MaxRounds"/>): a date fixed may show the events out of order, which the next round sorts.
/// </remarks>
public static class FixCommand
{
    public const int MaxRounds = 8;

    /// <summary>Applies the certain fixes to the projects of <paramref name="fullPaths"/> before the check reports.
    /// Returns null to let the check go on and report what remains, or an exit status to stop there.</summary>
    /// <remarks>Each change is written to <paramref name="stderr"/> as <c>path:line: TLxxx what changed</c>, then a line of
    /// what remains (standard output stays the check's report, whatever its format). With <paramref name="dryRun"/>,
    /// nothing is written: the unified diff of every change goes to <paramref name="stdout"/> and the status is returned
    /// (1 when there is something to fix, else 0).</remarks>
    public static int? Run(
        IReadOnlyList<string> fullPaths, bool dryRun, bool allowCatalogsOutsideRoot, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var fs = new PhysicalFileSystem();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);   // the files as fixed so far
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int changes = 0;
        ProjectResult? last = null;
        var results = new List<ProjectResult>();
        foreach (var root in ProjectLoader.FindRoots(fs, fullPaths))
        {
            for (int round = 0; round < MaxRounds; round++)
            {
                var project = ProjectLoader.Load(fs, root, Overlay(texts), allowCatalogsOutsideRoot: allowCatalogsOutsideRoot);
                last = ProjectAnalyzer.Analyze(project);
                int applied = 0;
                foreach (var file in project.Files.Where(f => Wanted(f.Path, fullPaths)))
                {
                    var chosen = Choose(file, last);
                    if (chosen.Count == 0) continue;
                    if (!originals.ContainsKey(file.Path))
                    {
                        try { originals[file.Path] = File.ReadAllBytes(file.Path); }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            stderr.WriteLine($"timeline: {Shown(cwd, file.Path)}: {e.Message}");
                            return CommandLine.UsageError;
                        }
                    }
                    foreach (var (d, title, _) in chosen)
                        stderr.WriteLine($"{Shown(cwd, file.Path)}:{file.Source.GetPosition(d.Span.Start).Line + 1}: {d.Code} {title}");
                    texts[file.Path] = LineDiff.Apply(file.Source.Text, chosen.SelectMany(c => c.Edits));
                    applied += chosen.Count;
                }
                changes += applied;
                if (applied == 0) break;
            }
            if (last is not null) results.Add(last);
        }
        var remaining = results.SelectMany(r => r.Diagnostics.Where(p => Wanted(p.Key, fullPaths)).SelectMany(p => p.Value)).ToList();
        stderr.WriteLine($"--fix: {changes} {(changes == 1 ? "change" : "changes")} in {texts.Count} {(texts.Count == 1 ? "file" : "files")}" +
            $"{(dryRun ? " (dry run: nothing written)" : "")}; {Remaining(remaining)}");
        if (dryRun)
        {
            foreach (var (path, text) in texts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                string before = TextDecoding.Decode(originals[path]);
                string shown = Shown(cwd, path);
                stdout.Write(LineDiff.Unified(before, text, "a/" + shown, "b/" + shown));
            }
            return texts.Count > 0 ? CommandLine.Problems : CommandLine.Ok;
        }
        foreach (var (path, text) in texts)
        {
            try
            {
                bool bom = originals[path].AsSpan().StartsWith(Encoding.UTF8.Preamble);
                byte[] body = new UTF8Encoding(false).GetBytes(text);
                AtomicFile.Write(path, bom ? [.. Encoding.UTF8.Preamble, .. body] : body);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"timeline: {Shown(cwd, path)}: {e.Message}");
                return CommandLine.UsageError;
            }
        }
        return null;
    }

    /// <summary>
    /// The certain fixes of one file that can be applied together: each within this file, none overlapping another.
    /// Fixes of single values come first; the events are sorted in a round of their own, once the values are right.
    /// </summary>
    private static List<(Diagnostic Diagnostic, string Title, IReadOnlyList<TextEdit> Edits)> Choose(FileModel file, ProjectResult project)
    {
        var candidates = new List<(Diagnostic, string, IReadOnlyList<TextEdit>)>();
        var whole = new List<(Diagnostic, string, IReadOnlyList<TextEdit>)>();
        foreach (var d in project.For(file.Path))
        {
            foreach (var f in d.Fixes)
                if (f.IsCertain && (f.Path is null || f.Path == file.Path)) candidates.Add((d, f.Title, f.Edits));
            // A fix of the whole file (sorting the events) moves text the reader could not read: with a syntax error,
            // only the fixes of single values are made, as fmt leaves such a file as it is.
            if (file.Document.Problems.Count > 0) continue;
            foreach (var a in Rules.Of(d.Rule).FixesOnRequest(d, new FixRequest(file, project)))
                if (a.IsCertain && a.CreateFile is null && a.Edits.All(e => e.Path == file.Path))
                    whole.Add((d, a.Title, a.Edits.SelectMany(e => e.Edits).ToList()));
        }
        var chosen = new List<(Diagnostic, string, IReadOnlyList<TextEdit>)>();
        var taken = new List<TextSpan>();
        foreach (var c in candidates.Count > 0 ? candidates : whole.Take(1))
        {
            if (c.Item3.Any(e => taken.Any(t => (e.Span.Start < t.End && t.Start < e.Span.End) || e.Span == t))) continue;
            chosen.Add(c);
            taken.AddRange(c.Item3.Select(e => e.Span));
        }
        return chosen;
    }

    /// <summary>The files as fixed so far stand in for the ones on disk.</summary>
    private static Func<string, FileModel?> Overlay(Dictionary<string, string> texts) => path =>
        texts.TryGetValue(path, out var text) ? FileAnalyzer.Analyze(path, FileKinds.FromPath(path), new SourceText(text)) : null;

    /// <summary>Whether a file is one the command was given, or lies in a folder it was given.</summary>
    private static bool Wanted(string path, IReadOnlyList<string> given) =>
        given.Any(g => path == g || path.StartsWith(Path.TrimEndingDirectorySeparator(g) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string Remaining(List<Diagnostic> left)
    {
        if (left.Count == 0) return "nothing remains";
        int errors = left.Count(d => d.Severity == Severity.Error), warnings = left.Count(d => d.Severity == Severity.Warning);
        int infos = left.Count - errors - warnings;
        return $"{left.Count} {(left.Count == 1 ? "problem remains" : "problems remain")} " +
            $"({errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}, {infos} info)";
    }

    private static string Shown(string cwd, string path) => Path.GetRelativePath(cwd, path).Replace('\\', '/');
}
