using System.Diagnostics;
using System.Globalization;

namespace Timeline.Core.Export;

/// <summary>When a chronology's files last changed, for the line under its title.</summary>
internal static class FileHistory
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The last answer, with the files and their latest write time it was made for: the editor's preview asks
    /// on every edit, and git need not run again while no file was written.
    /// </summary>
    private static Answered? _last;

    /// <summary>An answer and what it was made for (a reference, so that it is read and written whole from any thread).</summary>
    private sealed record Answered(string Key, DateTimeOffset? Answer);

    /// <summary>
    /// The last commit of the files when git holds them unchanged (a checkout's file times say when it was
    /// checked out, not when the chronology changed); otherwise the latest time a file was written; null
    /// when the files are not on disk.
    /// </summary>
    public static DateTimeOffset? LastChanged(string root, IReadOnlyList<string> paths)
    {
        var onDisk = paths.Where(File.Exists).ToList();
        if (onDisk.Count == 0) return null;
        var written = new DateTimeOffset(onDisk.Max(File.GetLastWriteTimeUtc), TimeSpan.Zero);
        if (!Directory.Exists(root)) return written;
        string key = string.Join('\n', onDisk.Prepend(root).Append(written.UtcTicks.ToString(CultureInfo.InvariantCulture)));
        if (_last is { } last && last.Key == key) return last.Answer;
        var answer = FromGit(root, onDisk, written);
        _last = new Answered(key, answer);
        return answer;
    }

    private static DateTimeOffset? FromGit(string root, List<string> files, DateTimeOffset written)
    {
        // Anything uncommitted (or untracked) means the files changed after their last commit.
        if (Git(root, ["status", "--porcelain", "--", .. files]) is not { } status || status.Trim().Length > 0) return written;
        return Git(root, ["log", "-1", "--format=%cI", "--", .. files]) is { } date
            && DateTimeOffset.TryParse(date.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var committed) ? committed : written;
    }

    private static string? Git(string dir, IEnumerable<string> arguments)
    {
        try
        {
            // Each argument passed as it is: no quoting of paths by hand.
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var p = Process.Start(start);
            if (p is null) return null;
            var output = p.StandardOutput.ReadToEndAsync();
            p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(GitTimeout)) { p.Kill(true); return null; }
            return p.ExitCode == 0 ? output.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no git on this machine: the files' own times say it
        }
    }
}
