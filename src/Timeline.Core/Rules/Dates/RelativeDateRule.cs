using Timeline.Core.Dates;
using Timeline.Core.Model;

namespace Timeline.Core.Checks;

/// <summary>
/// TL103 relative-date: "Friday", "yesterday" instead of a date. An event's and a claim's dates
/// are resolved here against the publication dates of the sources they cite; a source's own
/// published date has no source to resolve it and is reported by the reader.
/// </summary>
public sealed class RelativeDateRule : EventRule
{
    public static readonly Rule Rule = new("TL103", "relative-date", Severity.Error,
        "A weekday or relative word instead of a date.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "\"Friday\" means a different day in every report; once the report is old, nobody can tell which.";

    public override string HowToFix =>
        "Apply the fix: it writes the day the word means against the cited sources' publication dates. " +
        "When the sources disagree, the fix offers each candidate.";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (ev.Date?.Reading.Relative is { } rel)
        {
            var own = check.Resolve(ev.Citations);
            Report(check, ev.Date, rel, own.Count > 0 ? own : check.CitedSources, $"Reported as {rel.Kept}.");
        }
        foreach (var claim in ev.Claims)
        {
            if (claim.Date?.Reading.Relative is not { } claimRel) continue;
            var sources = claim.Source is { } cs && check.SourceOf(cs) is { } src
                ? new List<SourceDef> { src }
                : check.Resolve(ev.Citations);
            string whose = claim.By is { } by ? $" by {by.Id}" : "";
            Report(check, claim.Date, claimRel, sources, $"The claim{whose} reported as {claimRel.Kept}.");
        }
    }

    private static void Report(EventCheck check, DateValue date, RelativeDate rel, IReadOnlyList<SourceDef> sources, string keptSentence)
    {
        var candidates = sources.Where(s => s.PublishedDay is not null)
            .GroupBy(s => rel.Resolve(s.PublishedDay!.Value))
            .Select(g => (Value: g.Key, Sources: g.ToList()))
            .ToList();
        var span = date.Node.Span;
        string baseMessage = $"'{date.Text}' is {rel.Meaning}, not a date";
        if (candidates.Count == 0)
        {
            check.Report(Rule, span,
                $"{baseMessage}; cite a source with a published date to resolve it, or write the date (such as 2024-11-29)");
            return;
        }
        static string From(List<SourceDef> sources) =>
            string.Join(", ", sources.Select(s => $"{s.Id} published {DateReader.Iso(s.PublishedDay!.Value)}"));
        // Words a date cannot hold ("late", "night") go to the event's notes with the same fix: none is dropped.
        var notes = rel.Kept is null || check.Event.Node is not { } node ? null
            : Services.MappingEdits.AppendText(check.File.Source, node, "notes", keptSentence);
        var fixes = candidates.Select((c, i) => new Fix(
            $"Change to '{c.Value}' ({Describe(c.Value)}, from {From(c.Sources)}){(notes is null ? "" : $", keeping '{rel.Kept}' in the notes")}",
            notes is null ? new[] { new TextEdit(span, c.Value) } : new[] { new TextEdit(span, c.Value), notes },
            null, candidates.Count == 1 && i == 0)
        { IsCertain = candidates.Count == 1 }).ToList();
        string kept = notes is null ? "" : $"; the fix keeps '{rel.Kept}' in the event's notes";
        string message = candidates.Count == 1
            ? $"{baseMessage}; against the cited source's publication date it is {candidates[0].Value} ({Describe(candidates[0].Value)}){kept}"
            : $"{baseMessage}; the cited sources disagree: " +
              string.Join(" or ", candidates.Select(c => $"{c.Value} (from {string.Join(", ", c.Sources.Select(s => s.Id))})")) + kept;
        check.Report(Rule, span, message, fixes, candidates.Select(c => c.Value).ToList());
    }

    private static string Describe(string edtf) => Edtf.Parse(edtf, out _) is { } d ? d.Describe() : edtf;
}
