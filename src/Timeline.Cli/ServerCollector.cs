using System.Runtime;
using System.Runtime.InteropServices;

namespace Timeline.Cli;

/// <summary>
/// The language server wants another garbage collector than the checker. `timeline check` runs
/// once over a whole project and is quickest with server GC (its runtimeconfig). The server lives
/// for hours and makes a new version of a file on every keystroke: with workstation GC,
/// background collections and a small young generation, each version's few megabytes die young,
/// keystrokes do not wait on full collections, and the server stays near its live data instead
/// of growing by the collector's budget. The runtime reads these settings only when it starts,
/// so on Linux and macOS `timeline lsp` starts itself again with them (execve: the same process,
/// its standard streams untouched). Settings the user gave (any DOTNET_gc… variable) are left
/// alone; on Windows, or if the restart fails, the server runs with the checker's settings. A
/// variable the user set before comes first in the new environment, so it is the one the runtime reads.
/// </summary>
internal static class ServerCollector
{
    private const string Marker = "TIMELINE_LSP_RESTARTED";

    /// <summary>What the server's process is given (hexadecimal, as the runtime reads them).</summary>
    internal static readonly (string Name, string Value)[] Settings =
    {
        ("DOTNET_gcServer", "0"),
        ("DOTNET_gcConcurrent", "1"),
        // An 8 MB young generation: a keystroke in a 10,000-event file makes ~4 MB, of which the
        // version it replaces is garbage by the next; a larger one only holds more of them.
        ("DOTNET_GCgen0size", "800000"),
        // The precompiled (ReadyToRun) code as it is, not compiled again when hot: 10 MB less
        // resident memory for ~2 ms more per keystroke on a 10,000-event file.
        ("DOTNET_TieredCompilation", "0"),
        // Compacts the old generation rather than let it hold free space: 10,000 events cold, the highest
        // resident memory 184 MB instead of 235–256 MB, and 172 MB instead of 216–236 MB after the burst.
        ("DOTNET_GCConserveMemory", "7"),
    };

    /// <summary>Returns only if the process was not replaced (already restarted, not possible here, or the restart failed).</summary>
    public static void RestartWithServerSettings(TextWriter log)
    {
        if (OperatingSystem.IsWindows() || !GCSettings.IsServerGC) return;
        var env = Environment.GetEnvironmentVariables();
        if (env.Contains(Marker)) return;
        foreach (string key in env.Keys)
            if (key.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("COMPlus_gc", StringComparison.OrdinalIgnoreCase)) return;
        string? exe = Environment.ProcessPath;
        if (exe is null) return;
        var argv = new List<string?> { exe };
        // Run as `dotnet timeline.dll lsp`: the host needs the application's path again.
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
        log.WriteLine("timeline lsp: could not restart with the server's collector settings " +
            $"(errno {Marshal.GetLastPInvokeError()}); running with the checker's");
    }

    // LPStr is UTF-8 on Linux and macOS, the only systems that restart (string arrays take no LPUTF8Str).
    [DllImport("libc", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int execve(
        [MarshalAs(UnmanagedType.LPStr)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
