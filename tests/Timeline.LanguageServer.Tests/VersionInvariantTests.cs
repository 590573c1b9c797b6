using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// The version invariant from outside (<see cref="VersionInvariant"/>), on the built <c>timeline lsp</c> process:
/// a seeded subset of what <c>bench/robustness.sh</c> runs by the thousand.
/// </summary>
public class VersionInvariantTests
{
    private static readonly string Repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static string Read(string path) => File.ReadAllText(Path.Combine(Repo, path));

    [Fact]
    public Task Every_publish_is_true_of_the_exact_text_of_the_version_it_names() => RunAsync(
    [
        Read("tests/samples/TL001-syntax/fires/a.timeline.yaml"),
        Read("tests/samples/misc/unicode-positions/a.timeline.yaml"),
        Read("tests/samples/TL304-undisputed-conflict/fires/a.timeline.yaml"),
    ], sequences: 60);

    [Fact]
    public Task Every_publish_of_the_example_is_true_of_its_version() =>
        RunAsync([Read("examples/aleppo-2024/aleppo-2024.timeline.yaml")], sequences: 100);

    private static async Task RunAsync(string[] corpus, int sequences)
    {
        using var process = VersionInvariant.StartServer(Path.Combine(AppContext.BaseDirectory, "timeline.dll"));
        await using var c = LspClient.OverStreams(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await c.InitializeAsync(null);
        var r = await VersionInvariant.RunAsync(c, corpus, sequences, seed: 5);
        await c.CallAsync("shutdown", null);
        await c.NotifyAsync("exit", null);
        Assert.True(process.WaitForExit(10_000));
        Assert.Equal(0, process.ExitCode);
        Assert.True(r.FailureCount == 0, $"{r.FailureCount} failures:\n{string.Join("\n", r.Failures)}");
        Assert.True(r.Publishes >= sequences, $"only {r.Publishes} publishes");
        Assert.True(r.FullChanges > 0 && r.Cancellations > 0 && r.Requests > 0);
    }
}
