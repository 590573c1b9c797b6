namespace Timeline.Cli.Commands;

/// <summary><c>timeline fmt [PATH ...] [--check]</c>: the canonical layout, comments kept.</summary>
public static class FmtCommand
{
    /// <summary>Formats the Timeline files under <paramref name="paths"/> (as given, relative to <paramref name="cwd"/>);
    /// with <paramref name="check"/>, changes nothing and lists the files it would change.</summary>
    public static int Run(IReadOnlyList<string> paths, bool check, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("timeline: fmt is not available in this build");
        return CommandLine.UsageError;
    }
}
