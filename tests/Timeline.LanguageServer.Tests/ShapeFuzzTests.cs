using System.Text.RegularExpressions;
using Timeline.TestSupport;

namespace Timeline.LanguageServer.Tests;

/// <summary>
/// The protocol fuzzed by shape (<see cref="ShapeFuzz"/>): a seeded subset of what
/// <c>bench/robustness.sh</c> runs at 100,000 cases.
/// </summary>
public partial class ShapeFuzzTests
{
    [Fact]
    public async Task Five_thousand_mangled_messages_get_well_formed_replies_and_crash_nothing()
    {
        var result = await ShapeFuzz.RunAsync(5_000, seed: 19, sessionSize: 500);
        Assert.True(result.FailureCount == 0, $"{result.FailureCount} failures:\n{string.Join("\n", result.Failures)}");
        Assert.True(result.Cases >= 5_000, $"{result.Cases} cases"); // and the few each session sends after shutdown
        Assert.True(result.Replies.GetValueOrDefault("result") > 100, "most well-formed cases are answered with a result");
        Assert.True(result.Replies.GetValueOrDefault("-32602") > 100, "mangled params are answered InvalidParams");
        Assert.True(result.Replies.GetValueOrDefault("-32002") > 0, "requests before initialize are refused");
        Assert.True(result.Replies.GetValueOrDefault("-32600") > 0, "requests after shutdown and a second initialize are refused");
    }

    [Fact]
    public void Every_method_the_server_handles_is_fuzzed()
    {
        string src = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timeline.LanguageServer"));
        var handled = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Registration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(handled.Count > 20, $"found only {handled.Count} methods in {src}");
        var fuzzed = ShapeFuzz.Requests.Concat(ShapeFuzz.Notifications).Concat(ShapeFuzz.LifeCycle).ToHashSet(StringComparer.Ordinal);
        handled.Add("$/cancelRequest"); // handled by the connection itself
        Assert.Empty(handled.Except(fuzzed));
    }

    [GeneratedRegex("""\b(?:OnRequest|OnRequestAsync|OnDocumentRequest|OnNotification)(?:<[^(]*>)?\(\s*"([^"]+)"\s*,""")]
    private static partial Regex Registration();
}
