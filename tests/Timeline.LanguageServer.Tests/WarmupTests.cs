namespace Timeline.LanguageServer.Tests;

/// <summary>The warm-up swallows its failures (the server must not fall with it): held here to run through.</summary>
public sealed class WarmupTests
{
    [Fact]
    public void The_warm_up_reads_a_document_checks_it_and_makes_its_findings_into_a_publish()
    {
        Assert.True(Warmup.Run(), "the warm-up failed or found nothing to publish");
    }
}
