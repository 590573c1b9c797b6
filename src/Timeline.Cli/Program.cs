using Timeline.Cli;

// A whole project's check starts itself again with the checker's collector settings (CheckerCollector): before anything
// else, since what the first process does before it is replaced is done twice (the command line's parsing is most of it).
if (args is ["check", ..] or ["export", ..]) CheckerCollector.RestartWithCheckerSettings(Console.Error);

// The language server goes straight to its work: an editor waits on its answer to `initialize`, and making the whole
// command line (every command, option and help text) took ~10 ms of a cold start. Anything else (`--help`) goes through it.
if (args is ["lsp", .. var options] && LanguageServerCommand.Understands(options))
    return await LanguageServerCommand.RunAsync(options, Console.Error);

return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
