using Timeline.Core.Services;

namespace Timeline.Core.Checks;

/// <summary>TL107 out-of-order: an event sorts before the one above it in the same file.</summary>
public sealed class OutOfOrderRule : FileRule
{
    public static readonly Rule Rule = new("TL107", "out-of-order", Severity.Info,
        "An event sorts before the one above it in the same file.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A chronology read top to bottom should run in time; an event out of place is often a date typed wrong.";

    public override string HowToFix =>
        "Apply \"Sort the events by date\": it moves whole events with their comments, by earliest then latest date.";

    public override void Check(FileModel file, List<Diagnostic> found)
    {
        var events = file.Events;
        var bounds = file.EventBounds;
        int previous = -1;
        for (int i = 0; i < bounds.Length; i++)
        {
            if (bounds[i].Earliest < 0) continue;
            if (previous >= 0 && bounds[i].CompareTo(bounds[previous]) < 0)
            {
                var ev = events[i];
                found.Add(new Diagnostic(Rule, Rule.DefaultSeverity, ev.Date!.Node.Span,
                    $"this event ({ev.Date.Value!.Text}) sorts before the one above it ({events[previous].Date!.Value!.Text}); " +
                    "events are kept in date order"));
            }
            previous = i;
        }
    }

    public override IEnumerable<FixAction> FixesOnRequest(Diagnostic diagnostic, FixRequest request)
    {
        if (CodeActions.SortEvents(request.File) is { } sort)
            yield return new FixAction(sort.Title, sort.Edits.Select(e => (e.Path, e.Edits)).ToList()) { IsCertain = true };
    }
}
