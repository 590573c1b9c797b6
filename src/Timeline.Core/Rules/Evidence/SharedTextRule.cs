using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Checks;

/// <summary>TL310 shared-text: two sources with different declared origins share a passage of 40 words or more.</summary>
public sealed class SharedTextRule : ProjectRule
{
    public static readonly Rule Rule = new("TL310", "shared-text", Severity.Warning,
        "Two sources with different declared origins share a passage of 40 words or more.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Forty words in common are no coincidence: one page copies the other, or both copy a wire. They are one witness, " +
        "and the independence checks (TL302) already count them as one origin; the chronology should say so.";

    public override string HowToFix =>
        "Write the agency both copy as via: on both sources (via: Reuters), or, if one copies the other, the copier's via: " +
        "names the first; the warning then stops.";

    /// <summary>How much of the shared passage a message shows.</summary>
    private const int ShownCharacters = 120;

    public override void Check(ProjectCheck check)
    {
        var order = check.Project.Files.SelectMany(f => f.Sources).Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        foreach (var pair in check.Evidence.Shared.Pairs)
        {
            if (ProjectEvidence.DeclaredOrigin(pair.First) == ProjectEvidence.DeclaredOrigin(pair.Second)) continue;
            var (earlier, later) = Later(pair.First, pair.Second, order) ? (pair.Second, pair.First) : (pair.First, pair.Second);
            string text = pair.Passage.Text;
            string shown = text.Length <= ShownCharacters ? text : text[..ShownCharacters].TrimEnd() + "…";
            check.Report(later.Path, Rule, () => later.IdSpan,
                $"the snapshot of '{later.Id}' shares a passage of {pair.Passage.Words} words with the snapshot of '{earlier.Id}' " +
                $"(“{shown}”), so the two count as one origin; write the agency both copy as via: on both, or, if this one copies " +
                $"'{earlier.Id}', write that outlet as this one's via:");
        }
    }

    /// <summary>Whether a was published after b (else defined after it).</summary>
    private static bool Later(SourceDef a, SourceDef b, Dictionary<SourceDef, int> order)
    {
        var (pa, pb) = (a.Published?.Value?.Earliest, b.Published?.Value?.Earliest);
        if (pa is { } x && pb is { } y && x != y) return x > y;
        return order.GetValueOrDefault(a) > order.GetValueOrDefault(b);
    }
}
