using System.Runtime;
using System.Runtime.InteropServices;

namespace Timeline.Cli;

/// <summary>
/// The commands that read a whole project (`check`, `export`, `fmt`, `import`) want another garbage collector than the
/// language server. The server is
/// what an editor starts and waits on: it runs with the application's own settings (its runtimeconfig: workstation
/// GC with background collections, memory conserved), so that it starts in one go, and a keystroke's few megabytes
/// die young without a full collection. A check reads a whole project once and keeps nearly all of it: server GC
/// (a heap per core, no background collections, no conserving) reads 100,000 events in 1.6 s instead of 2.3 s.
/// The runtime reads these settings only when it starts, so on Linux and macOS those commands start themselves again
/// with them (execve: the same process, its standard streams untouched). Settings the user gave (any DOTNET_gc…
/// variable) are left alone: no restart then; on Windows, or if the restart fails, the command runs with the server's
/// settings.
/// </summary>
internal static class CheckerCollector
{
    private const string Marker = "TIMELINE_CHECKER_RESTARTED";

    /// <summary>
    /// What the checker's process is given: these win over the runtimeconfig's (not every setting would: the runtimeconfig
    /// sets no young generation's size, nor background collections, which would hold against the environment).
    /// </summary>
    internal static readonly (string Name, string Value)[] Settings =
    {
        ("DOTNET_gcServer", "1"),
        ("DOTNET_gcConcurrent", "0"),
        ("DOTNET_GCConserveMemory", "0"),
    };

    /// <summary>The commands restarted: those that read a whole project, or a large file, and keep what they read.</summary>
    public static bool Wants(string[] args) => args is ["check" or "export" or "fmt" or "import", ..];

    /// <summary>Returns only if the process was not replaced (already restarted, not possible here, or the restart failed).</summary>
    public static void RestartWithCheckerSettings(TextWriter log)
    {
        if (OperatingSystem.IsWindows() || GCSettings.IsServerGC) return;
        var env = Environment.GetEnvironmentVariables();
        if (env.Contains(Marker)) return;
        foreach (string key in env.Keys)
            if (key.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("COMPlus_gc", StringComparison.OrdinalIgnoreCase)) return;
        string? exe = Environment.ProcessPath;
        if (exe is null) return;
        var argv = new List<string?> { exe };
        // Run as `dotnet timeline.dll check`: the host needs the application's path again.
        // (the host gave it as the first of the command line's arguments).
        var args = Environment.GetCommandLineArgs();
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) argv.Add(args[0]);
        argv.AddRange(args.Skip(1));
        argv.Add(null);
        var envp = new List<string?>();
        foreach (System.Collections.DictionaryEntry e in env) envp.Add($"{e.Key}={e.Value}");
        foreach (var (name, value) in Settings) envp.Add($"{name}={value}");
        envp.Add($"{Marker}=1");
        envp.Add(null);
        log.Flush();
        _ = execve(exe, argv.ToArray(), envp.ToArray()); // returns only when it fails
        log.WriteLine("timeline: could not restart with the checker's collector settings " +
            $"(errno {Marshal.GetLastPInvokeError()}); running with the language server's");
    }

    // LPStr is UTF-8 on Linux and macOS, the only systems that restart (string arrays take no LPUTF8Str).
    [DllImport("libc", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int execve(
        [MarshalAs(UnmanagedType.LPStr)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
