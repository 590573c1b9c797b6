namespace Timeline.Cli.Commands;

/// <summary><c>timeline check ... --fix [--dry-run]</c>: applies the fixes that are certain.</summary>
public static class FixCommand
{
    /// <summary>Applies the certain fixes to the projects of <paramref name="fullPaths"/> before the check reports.
    /// Returns null to let the check go on and report what remains, or an exit status to stop there.</summary>
    public static int? Run(
        IReadOnlyList<string> fullPaths, bool dryRun, bool allowCatalogsOutsideRoot, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("timeline: --fix is not available in this build");
        return CommandLine.UsageError;
    }
}
