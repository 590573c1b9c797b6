namespace Timeline.Cli.Commands;

/// <summary><c>timeline init [DIR]</c>: a new project, a config and one timeline to edit.</summary>
public static class InitCommand
{
    /// <summary>Writes a new project into <paramref name="dir"/> (default: <paramref name="cwd"/>).</summary>
    public static int Run(string? dir, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("timeline: init is not available in this build");
        return CommandLine.UsageError;
    }
}
