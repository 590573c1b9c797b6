using Timeline.LanguageServer;

namespace Timeline.Cli;

/// <summary><c>timeline lsp [--stdio]</c>: the language server on stdin and stdout.</summary>
public static class LanguageServerCommand
{
    /// <summary>Whether every option is one the server reads or editors' clients add (the rest is a usage error).</summary>
    public static bool Understands(IEnumerable<string> args) => args.All(IsKnown);

    private static bool IsKnown(string option) =>
        option is "--stdio" or "--node-ipc=false" || option.StartsWith("--clientProcessId", StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        if (args.FirstOrDefault(a => !IsKnown(a)) is { } unknown)
        {
            stderr.WriteLine($"timeline lsp: unknown option '{unknown}' (the server speaks on stdin and stdout)");
            return CommandLine.UsageError;
        }
        Warmup.Start();
        var stdin = Console.OpenStandardInput();
        var stdout = Console.OpenStandardOutput();
        // Nothing but protocol goes to stdout: the process's ordinary text output is sent to stderr instead.
        Console.SetOut(stderr);
        // Reading a workspace keeps every pool thread busy for seconds: the editor's requests and the open
        // document's diagnostics get threads of their own at once instead of waiting for the pool to grow.
        System.Threading.ThreadPool.GetMinThreads(out int workers, out int io);
        System.Threading.ThreadPool.SetMinThreads(Math.Max(workers, 8), io);
        // An editor waits on every answer: full collections run in the background rather than stop the server.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        var server = new TimelineLanguageServer(stdin, stdout, new ServerOptions
        {
            Log = stderr, TrimMemoryWhenIdle = TimeSpan.FromSeconds(2), AnswerWhileReading = true,
        });
        return await server.RunAsync().ConfigureAwait(false);
    }
}
