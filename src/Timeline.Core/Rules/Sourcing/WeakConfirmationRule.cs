using Timeline.Core.Project;

namespace Timeline.Core.Checks;

/// <summary>TL302 weak-confirmation: status confirmed with fewer than two independent origins.</summary>
public sealed class WeakConfirmationRule : EventRule
{
    public static readonly Rule Rule = new("TL302", "weak-confirmation", Severity.Warning,
        "status: confirmed with fewer than two independent origins.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Two reports of one wire story, or two pages that copy each other, are one witness, not two. " +
        "Origins are the sources' via (else publisher); an unknown publisher never merges two sources, and two " +
        "snapshots that share 40 words or more are one origin whatever they declare.";

    public override string HowToFix =>
        "Cite a second source of another origin, or set the status to reported.";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (ev.Status != "confirmed" || ev.StatusNode is not { } statusNode) return;
        var sources = check.CitedSources;
        var origins = sources.Select(check.Evidence.OriginOf).Distinct().Count();
        if (origins >= 2) return;
        check.Report(Rule, statusNode.Span, origins == 0
            ? "status: confirmed, but the event cites no known source; confirmation needs two independent origins"
            : $"status: confirmed, but every citation comes from one origin ({ProjectEvidence.DescribeOrigin(sources[0])}); " +
              "confirmation needs two independent origins");
    }
}
