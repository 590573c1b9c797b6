using Timeline.Core.Project;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline init [DIR]</c>: a new project, a config and one timeline to edit.</summary>
public static class InitCommand
{
    /// <summary>Writes a new project into <paramref name="dir"/> (default: <paramref name="cwd"/>).</summary>
    public static int Run(string? dir, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string root = Path.GetFullPath(string.IsNullOrEmpty(dir) ? cwd : Path.Combine(cwd, dir));
        var files = ProjectTemplate.Files(DateOnly.FromDateTime(DateTime.Now));
        if (File.Exists(root))
        {
            stderr.WriteLine($"timeline init: {root} is a file, not a folder; nothing was written");
            return CommandLine.UsageError;
        }
        // Nothing is overwritten: a writer's existing config or chronology is worth more than a template.
        var existing = files.Select(f => Path.Combine(root, f.Name)).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (existing.Count > 0)
        {
            foreach (var p in existing) stderr.WriteLine($"timeline init: {p} already exists");
            stderr.WriteLine("timeline init: nothing was written; choose an empty folder (timeline init DIR)");
            return CommandLine.UsageError;
        }
        try
        {
            Directory.CreateDirectory(root);
            foreach (var f in files)
            {
                // CreateNew: a file that appeared since the check above is still not overwritten.
                using var stream = new FileStream(Path.Combine(root, f.Name), FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(f.Text);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"timeline init: cannot write in {root}: {e.Message}");
            return CommandLine.UsageError;
        }
        foreach (var f in files) stdout.WriteLine($"created {Path.Combine(root, f.Name)}");
        stdout.WriteLine($"Open {ProjectTemplate.TimelineName}, replace the example source and event with your own, " +
            $"then run: timeline check {(string.IsNullOrEmpty(dir) ? "." : dir)}");
        return CommandLine.Ok;
    }
}
