namespace Timeline.Core.Checks;

/// <summary>TL304 undisputed-conflict: claims both assert and deny, and the status is not disputed.</summary>
public sealed class UndisputedConflictRule : EventRule
{
    public static readonly Rule Rule = new("TL304", "undisputed-conflict", Severity.Warning,
        "Claims both assert and deny, and the status is not disputed.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An event one side asserts and the other denies must not read as settled: the exports show both sides only for disputed events.";

    public override string HowToFix =>
        "Set status: disputed (the fix does it).";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (ev.Claims.Count < 2 || ev.Status == "disputed") return;
        if (!ev.Claims.Any(c => c.Stance == "asserts") || !ev.Claims.Any(c => c.Stance == "denies")) return;
        var span = ev.StatusNode?.Span ?? ev.Node?.Find("claims")?.KeySpan ?? check.Anchor;
        var fix = StatusFix.Set(check.File, ev, "disputed");
        check.Report(Rule, span, $"claims about '{ev.Id}' both assert and deny it, but its status is {ev.Status}; set status: disputed",
            fix is null ? null : new[] { fix });
    }
}
