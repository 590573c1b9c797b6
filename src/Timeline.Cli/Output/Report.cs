using Timeline.Core.Checks;
using Timeline.Core.Project;

namespace Timeline.Cli.Output;

/// <summary>A file of the report: the path shown (relative to the current folder, with '/'), its diagnostics and their
/// fingerprints (taken over all the file's findings, before a baseline leaves any out).</summary>
public sealed record ReportFile(string DisplayPath, CheckedFile File)
{
    private IReadOnlyList<string>? _fingerprints;

    /// <summary>
    /// Each finding's fingerprint, made when first asked (a baseline, SARIF): the text report never asks, and making
    /// them for 100,000 findings took half a second of a check.
    /// </summary>
    public IReadOnlyList<string> Fingerprints
    {
        get => _fingerprints ??= Fingerprint.Of(File.Source, File.Diagnostics);
        init => _fingerprints = value;
    }
}

public sealed record Summary(int Files, int Errors, int Warnings, int Infos)
{
    public static Summary Of(IReadOnlyList<ReportFile> files)
    {
        var all = files.SelectMany(f => f.File.Diagnostics).ToList();
        return new Summary(files.Count, all.Count(d => d.Severity == Severity.Error),
            all.Count(d => d.Severity == Severity.Warning), all.Count(d => d.Severity == Severity.Info));
    }
}

public static class SeverityWords
{
    public static string Word(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };
}
