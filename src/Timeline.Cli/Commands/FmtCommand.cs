using System.Text;
using Timeline.Core.Capture;
using Timeline.Core.Formatting;
using Timeline.Core.Language;
using Timeline.Core.Project;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline fmt [PATH ...] [--check]</c>: the canonical layout, comments kept.</summary>
public static class FmtCommand
{
    /// <summary>Formats the Timeline files under <paramref name="paths"/> (as given, relative to <paramref name="cwd"/>);
    /// with <paramref name="check"/>, changes nothing and lists the files it would change.</summary>
    /// <returns>0 when every file is (now) formatted; 1 when <paramref name="check"/> finds a file to change or a file
    /// cannot be formatted (a syntax error: reported, left as it is); 2 for a path that does not exist or a file that
    /// cannot be read or written.</returns>
    public static int Run(IReadOnlyList<string> paths, bool check, string cwd, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var fs = new PhysicalFileSystem();
        var files = new List<string>();
        foreach (var given in paths.Count == 0 ? new[] { "." } : paths)
        {
            string full = Path.GetFullPath(given, cwd);
            if (File.Exists(full)) files.Add(full);
            else if (Directory.Exists(full)) files.AddRange(FilesUnder(fs, full));
            else
            {
                stderr.WriteLine($"timeline: {given}: no such file or folder");
                return CommandLine.UsageError;
            }
        }
        int status = CommandLine.Ok;
        foreach (var path in files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string shown = Path.GetRelativePath(cwd, path).Replace('\\', '/');
            byte[] bytes;
            try { bytes = File.ReadAllBytes(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"timeline: {shown}: {e.Message}");
                return CommandLine.UsageError;
            }
            bool bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            string text;
            try { text = new UTF8Encoding(false, true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)); }
            catch (DecoderFallbackException)
            {
                stderr.WriteLine($"{shown}: not formatted: the file is not valid UTF-8");
                status = CommandLine.Problems;
                continue;
            }
            var result = Formatter.Format(text, FileKinds.FromPath(path));
            if (result.Refusal is { } why)
            {
                stderr.WriteLine($"{shown}: not formatted: {why}");
                status = CommandLine.Problems;
                continue;
            }
            if (!result.Changed) continue;
            if (check)
            {
                stdout.WriteLine(shown);
                status = CommandLine.Problems;
                continue;
            }
            try
            {
                byte[] body = new UTF8Encoding(false).GetBytes(result.Text);
                AtomicFile.Write(path, bom ? [.. Encoding.UTF8.Preamble, .. body] : body);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"timeline: {shown}: {e.Message}");
                return CommandLine.UsageError;
            }
            stdout.WriteLine($"formatted {shown}");
        }
        return status;
    }

    /// <summary>The files of the projects a folder holds or belongs to (as <c>check</c> finds them), that lie under it.</summary>
    private static IEnumerable<string> FilesUnder(PhysicalFileSystem fs, string folder)
    {
        string under = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        foreach (var root in ProjectLoader.FindRoots(fs, new[] { folder }))
        {
            string configPath = Path.Combine(root, FileKinds.ConfigFileName);
            var exclude = fs.FileExists(configPath) && ProjectLoader.ReadFile(fs, configPath)?.Config is { } config
                ? config.Exclude : new List<string>();
            foreach (var file in ProjectLoader.EnumerateProjectFiles(fs, root, exclude))
                if (file.StartsWith(under, StringComparison.Ordinal)) yield return file;
        }
    }
}
