using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>TL301 missing-source: an event with no citation. Off with require-sources: false.</summary>
public sealed class MissingSourceRule : EventRule
{
    public static readonly Rule Rule = new("TL301", "missing-source", Severity.Error, "An event with no citation.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A statement with no source cannot be checked by an editor or a reader; it is the writer's word alone.";

    public override string HowToFix =>
        "Add sources: with the id of the report that tells the event (completion lists the project's sources). " +
        "A project of notes may turn the rule off with require-sources: false in timeline.config.yaml.";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (!check.Config.RequireSources || ev.Citations.Count > 0 || ev.Node is null) return;
        // A sources key of the wrong kind is the schema's finding; text lost to a syntax error may hold the sources.
        if (ev.SourcesEntry is { Value: not SequenceNode } || check.File.Document.LostContentNear(ev.Span)) return;
        check.Report(Rule, ev.SourcesEntry?.Key.Span ?? check.Anchor, ev.SourcesEntry is null
            ? $"the event '{ev.Id}' cites no source; add sources: with at least one source id"
            : $"the event '{ev.Id}' has an empty source list; cite at least one source");
    }
}
