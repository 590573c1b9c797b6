using Timeline.Core.Language;

namespace Timeline.Core.Checks;

/// <summary>TL206 unused-source: a source that no event, claim or figure cites.</summary>
public sealed class UnusedSourceRule : ProjectRule
{
    public static readonly Rule Rule = new("TL206", "unused-source", Severity.Warning,
        "A source that no event, claim or figure cites.")
    {
        Tags = RuleTags.Unnecessary,
    };

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A source nobody cites is either forgotten evidence or clutter in the list of sources readers see.";

    public override string HowToFix =>
        "Cite it where it supports an event, or remove it.";

    public override void Check(ProjectCheck check)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in check.Project.Files)
            foreach (var r in f.References)
                if (r.Kind == SymbolKind.Source) cited.Add(r.Id);
        foreach (var f in check.Project.Files)
            foreach (var s in f.Sources)
                if (!cited.Contains(s.Id))
                    check.Report(f.Path, Rule, () => s.IdSpan,
                        $"the source '{s.Id}' is not cited by any event, claim or figure; cite it or remove it");
    }
}
