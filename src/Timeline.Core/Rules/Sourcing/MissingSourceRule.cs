using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Services;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>TL301 missing-source: an event with no citation. Off with require-sources: false.</summary>
public sealed class MissingSourceRule : EventRule
{
    public static readonly Rule Rule = new("TL301", "missing-source", Severity.Error, "An event with no citation.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A statement with no source cannot be checked by an editor or a reader; it is the writer's word alone.";

    public override string HowToFix =>
        "Add sources: with the id of the report that tells the event: the quick fix offers the project's most recent sources, " +
        "and completion lists them all. " +
        "A project of notes may turn the rule off with require-sources: false in timeline.config.yaml.";

    public override void Check(EventCheck check)
    {
        var ev = check.Event;
        if (!check.Config.RequireSources || ev.Citations.Count > 0 || ev.Node is null) return;
        // A sources key of the wrong kind is the schema's finding; text lost to a syntax error may hold the sources.
        if (ev.SourcesEntry is { Value: not SequenceNode } || check.File.Document.LostContentNear(ev.Span)) return;
        check.Report(Rule, ev.SourcesEntry?.KeySpan ?? check.Anchor, ev.SourcesEntry is null
            ? $"the event '{ev.Id}' cites no source; add sources: with the id of the report that tells it (such as sources: [{Example(check)}])"
            : $"the event '{ev.Id}' has an empty source list; cite at least one source (such as [{Example(check)}])");
    }

    private static string Example(EventCheck check) =>
        check.Symbols.Own(SymbolKind.Source).FirstOrDefault()?.Id ?? "a-source-id";

    /// <summary>How many of the project's sources the fixes offer: a few, the most recent first.</summary>
    private const int Offered = 3;

    public override IEnumerable<FixAction> FixesOnRequest(Diagnostic diagnostic, FixRequest request)
    {
        var file = request.File;
        if (file.Events.FirstOrDefault(e => e.Span.Contains(diagnostic.Span.Start)) is not { Node: { } node }) yield break;
        // The most recent first; sources of this file before others of the same day (the ones the writer is working from).
        var sources = request.Project.Symbols.Own(SymbolKind.Source).OfType<SourceDef>()
            .OrderByDescending(s => s.Published?.Value?.Latest ?? DateTime.MinValue)
            .ThenBy(s => s.Path == file.Path ? 0 : 1)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(Offered).ToList();
        foreach (var (source, i) in sources.Select((s, i) => (s, i)))
        {
            if (AddCitation(file, node, source.Id) is not { } edit) continue;
            string when = source.PublishedDay is { } day ? $", {DateReader.Iso(day)}" : "";
            yield return new FixAction($"Add source '{source.Id}' ({source.DisplayName}{when})",
                new[] { (file.Path, (IReadOnlyList<TextEdit>)new[] { edit }) }, IsPreferred: i == 0 && sources.Count == 1);
        }
    }

    /// <summary>The event's sources: list with the id in it ("sources: [id]" added, or "[]" and an empty value filled).</summary>
    private static TextEdit? AddCitation(FileModel file, MappingNode node, string id)
    {
        var src = file.Source;
        if (node.Find("sources") is not { } entry) return MappingEdits.AddEntry(src, node, "sources", $"[{id}]");
        return entry.Value switch
        {
            // Between the brackets of "[]" (the reader's span of an empty flow list may stop short of its "]").
            SequenceNode { IsFlow: true, Items.Count: 0 } empty when src[empty.Span.Start] == '[' =>
                new TextEdit(new TextSpan(empty.Span.Start + 1, empty.Span.Start + 1), id),
            ScalarNode { IsNull: true, Span.Length: > 0 } nothing => new TextEdit(nothing.Span, $"[{id}]"),
            ScalarNode { IsEmpty: true } when entry.KeySpan.End < src.Length && src[entry.KeySpan.End] == ':' =>
                new TextEdit(new TextSpan(entry.KeySpan.End + 1, entry.KeySpan.End + 1), $" [{id}]"),
            _ => null,
        };
    }
}
