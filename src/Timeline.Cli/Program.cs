using Timeline.Cli;

// A command that reads a whole project starts itself again with the checker's collector settings (CheckerCollector): before
// anything else, since what the first process does before it is replaced is done twice (the command line's parsing is most
// of it). TIMELINE_SHOW_COLLECTOR=1 says which collector a command runs with.
if (CheckerCollector.Wants(args)) CheckerCollector.RestartWithCheckerSettings(Console.Error);
if (Environment.GetEnvironmentVariable("TIMELINE_SHOW_COLLECTOR") == "1")
    Console.Error.WriteLine($"timeline: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collector");

// The language server goes straight to its work: an editor waits on its answer to `initialize`, and making the whole
// command line (every command, option and help text) took ~10 ms of a cold start. Anything else (`--help`) goes through it.
if (args is ["lsp", .. var options] && LanguageServerCommand.Understands(options))
    return await LanguageServerCommand.RunAsync(options, Console.Error);

return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
