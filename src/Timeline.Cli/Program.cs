using Timeline.Cli;

// The language server starts itself again with its own collector settings (ServerCollector): before anything else,
// since what the first process does before it is replaced is done twice (the command line's parsing is most of it).
if (args is ["lsp", ..]) ServerCollector.RestartWithServerSettings(Console.Error);

return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
