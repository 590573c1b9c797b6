using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// Seeded random edit sequences through incremental sync leave exactly the text and diagnostics of a fresh open
/// (bench/robustness.sh runs 10,000).
/// </summary>
public class DifferentialTests
{
    public static IEnumerable<object[]> Corpora() => new[]
    {
        new object[] { "examples/aleppo-2024/aleppo-2024.timeline.yaml", false },
        new object[] { "examples/aleppo-2024/aleppo-2024.timeline.yaml", true },
        new object[] { "tests/samples/TL001-syntax/fires/a.timeline.yaml", false },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task Edit_sequences_match_a_fresh_open(string file, bool crlf)
    {
        string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        string text = File.ReadAllText(Path.Combine(root, file));
        if (crlf) text = text.Replace("\r\n", "\n").Replace("\n", "\r\n");
        await using var c = LspClient.InProcess();
        await c.InitializeAsync(null);
        for (int seed = 0; seed < 25; seed++)
        {
            var problem = await DifferentialEdits.RunAsync(c, text, seed + (crlf ? 1000 : 0), steps: 12, scratch: "/tmp/timeline-differential");
            Assert.True(problem is null, problem);
        }
        Assert.Equal(0, await c.ShutdownAsync());
    }
}
