using Timeline.Cli;

namespace Timeline.Core.Tests.Export;

/// <summary>Runs timeline export on a project of tests/exports and returns what it wrote.</summary>
internal static class ExportRun
{
    public static string Text(string project, string format, bool force = false)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var args = new List<string> { "export", Path.Combine("tests", "exports", project), "--format", format };
        if (force) args.Add("--force");
        int code = CommandLine.RunAsync(args.ToArray(), TextReader.Null, o, e, Repo.Root).GetAwaiter().GetResult();
        Assert.True(code == 0, e.ToString());
        return o.ToString();
    }

    /// <summary>Writes an export to a file of the given folder and returns its path.</summary>
    public static string File(string project, string format, string dir, bool force = false)
    {
        string path = Path.Combine(dir, $"{project}.{format}");
        System.IO.File.WriteAllText(path, Text(project, format, force));
        return path;
    }
}
