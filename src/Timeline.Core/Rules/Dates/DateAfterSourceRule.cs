using Timeline.Core.Dates;

namespace Timeline.Core.Checks;

/// <summary>TL106 date-after-source: the event starts after every cited source was published.</summary>
public sealed class DateAfterSourceRule : EventRule
{
    public static readonly Rule Rule = new("TL106", "date-after-source", Severity.Error,
        "Every cited source was published before the event's earliest possible date.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A source cannot report what had not happened when it was published: either the date or the citation is wrong.";

    public override string HowToFix =>
        "Check the event's date against the report (a weekday resolved to the wrong week is the usual cause), " +
        "or cite the later report that tells it.";

    public override void Check(EventCheck check)
    {
        if (check.Event.Date is not { Value: { StartKind: IntervalEnd.Point } date } written) return;
        DateTime latest = DateTime.MinValue;
        bool dated = false;
        // Indexed: an enumerator of the list would be made for every event.
        var cited = check.CitedSources;
        for (int i = 0; i < cited.Count; i++)
            if (cited[i].Published?.Value is { } pub) { dated = true; if (pub.Latest > latest) latest = pub.Latest; }
        if (!dated || latest >= date.Earliest) return;
        check.Report(Rule, written.Node.Span,
            $"the event's earliest possible date ({DateWords.Bound(date.Earliest)}) is after every cited source was published " +
            $"(the latest on {DateWords.Bound(latest)}); a source cannot report what had not happened");
    }
}
