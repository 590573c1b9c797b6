namespace Timeline.Cli;

/// <summary><c>timeline lsp</c>: the language server on stdin and stdout.</summary>
public static class LanguageServerCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        stderr.WriteLine("timeline: the language server is not part of this build yet");
        return Task.FromResult(CommandLine.UsageError);
    }
}
