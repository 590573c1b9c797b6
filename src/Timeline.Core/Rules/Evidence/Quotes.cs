using Timeline.Core.Model;
using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>The quotes of an event: each with the citation whose source must hold it.</summary>
internal static class Quotes
{
    /// <summary>
    /// A citation's quote (of the event's sources, a claim's source, a figure's source), and a
    /// claim's own quote, checked against the claim's source.
    /// </summary>
    public static IEnumerable<(Citation Citation, ScalarNode Quote)> Of(EventDef ev)
    {
        foreach (var c in ev.AllCitations())
            if (c.QuoteNode is { IsNull: false } q) yield return (c, q);
        foreach (var claim in ev.Claims)
            if (claim.QuoteNode is { IsNull: false } q && claim.Source is { } c) yield return (c, q);
    }
}
