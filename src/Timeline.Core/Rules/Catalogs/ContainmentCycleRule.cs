using Timeline.Core.Language;
using Timeline.Core.Model;

namespace Timeline.Core.Checks;

/// <summary>TL503 containment-cycle: a place's in chain loops.</summary>
public sealed class ContainmentCycleRule : ProjectRule
{
    public static readonly Rule Rule = new("TL503", "containment-cycle", Severity.Error,
        "A place's chain of in: (the place it lies in) loops back to itself.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A place inside itself has no country, no governorate and no chain to show: the cards, the map and the exports cannot place it.";

    public override string HowToFix =>
        "Correct the in: of one place of the loop so that the chain ends at a country.";

    public override void Check(ProjectCheck check)
    {
        foreach (var f in check.Project.Files)
            foreach (var p in f.Places)
            {
                if (p.In is null) continue;
                var seen = new List<string> { p.Id };
                var cur = p;
                while ((cur.In?.Id ?? cur.InId) is { } up && check.Symbols.Find<PlaceDef>(SymbolKind.Place, up) is { } parent)
                {
                    // By the id the project refers to it by: a built-in place whose readable id the project took is another place.
                    if (check.Symbols.ReferenceId(parent) == p.Id)
                    {
                        var loop = p.In;
                        check.Report(f.Path, Rule, () => loop.Span,
                            $"the 'in' chain of '{p.Id}' loops: {string.Join(" › ", seen)} › {p.Id}; a place cannot be inside itself");
                        break;
                    }
                    if (seen.Contains(parent.Id)) break; // a loop further up, reported on its own places
                    seen.Add(parent.Id);
                    cur = parent;
                }
            }
    }
}
