namespace Timeline.Cli.Commands;

/// <summary><c>timeline import csv|timelinejs|acled FILE [-o FILE] [--map COLUMN=KEY ...]</c>.</summary>
public static class ImportCommand
{
    /// <summary>Turns <paramref name="file"/> of the given <paramref name="format"/> into a Timeline project.
    /// <paramref name="maps"/> holds each --map value as given (COLUMN=KEY).</summary>
    public static int Run(
        string format, string file, string? output, IReadOnlyList<string> maps, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("timeline: import is not available in this build");
        return CommandLine.UsageError;
    }
}
