using Timeline.Cli;

// A whole project's check starts itself again with the checker's collector settings (CheckerCollector): before anything
// else, since what the first process does before it is replaced is done twice (the command line's parsing is most of it).
if (args is ["check", ..] or ["export", ..]) CheckerCollector.RestartWithCheckerSettings(Console.Error);

return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error);
