namespace Timeline.LanguageServer.Tests;

/// <summary>The server gives memory back when it rests, and only then.</summary>
public class MemoryTrimmerTests
{
    [Fact]
    public void A_trim_collects_and_says_what_it_returned()
    {
        var log = new List<string>();
        using var trimmer = new MemoryTrimmer(TimeSpan.FromMinutes(1), m => { lock (log) log.Add(m); });
        int before = GC.CollectionCount(2);
        trimmer.Trim("test");
        Assert.True(GC.CollectionCount(2) > before);
        Assert.Contains(log, m => m.StartsWith("memory trimmed (test)", StringComparison.Ordinal) && m.Contains("live", StringComparison.Ordinal));
    }
}
