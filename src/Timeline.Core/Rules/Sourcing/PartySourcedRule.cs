namespace Timeline.Core.Checks;

/// <summary>TL303 party-sourced: every citation comes from sources affiliated with one of the event's actors.</summary>
public sealed class PartySourcedRule : EventRule
{
    public static readonly Rule Rule = new("TL303", "party-sourced", Severity.Warning,
        "Every citation comes from sources affiliated with the event's actors.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "What a party's own media says of its deeds is a claim, not a report: a reader must be told.";

    public override string HowToFix =>
        "Set status: claimed (the fix does it), disputed or denied, or cite an independent source.";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (ev.Actors.Count == 0 || ev.Status is "claimed" or "disputed" or "denied") return;
        // Counted with the citations' struct enumerator, and nothing else made: this runs for every event.
        int citations = 0;
        foreach (var _ in ev.AllCitations()) citations++;
        var sources = check.CitedSources;
        // Every citation known and affiliated; an unknown source is another rule's finding.
        if (citations == 0 || sources.Count != citations) return;
        for (int i = 0; i < sources.Count; i++) if (sources[i].Affiliation is null) return;
        CheckAffiliations(check, ev, sources);
    }

    // Apart from Check: its lambdas capture the check, which would cost an object on every event checked.
    private static void CheckAffiliations(EventCheck check, Model.EventDef ev, IReadOnlyList<Model.SourceDef> sources)
    {
        // A source speaks for an actor of the event when its affiliation is that actor, part of it,
        // or part of the same larger body (state media and the army both speak for the government).
        var parties = check.Symbols.ActorClosure(ev.Actors.Select(a => a.Id));
        var affiliations = sources.Select(s => s.Affiliation!.Id).Distinct().ToList();
        if (!affiliations.All(a => check.Symbols.ActorClosure(new[] { a }).Overlaps(parties))) return;
        var fix = StatusFix.Set(check.File, ev, "claimed");
        check.Report(Rule, ev.SourcesEntry?.KeySpan ?? check.Anchor,
            $"every citation of '{ev.Id}' comes from sources affiliated with {string.Join(", ", affiliations.Select(a => $"'{a}'"))}, " +
            "a party to it; set status: claimed (or disputed, denied) or cite an independent source",
            fix is null ? null : new[] { fix });
    }
}
