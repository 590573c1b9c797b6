using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Services;

namespace Timeline.Core.Checks;

/// <summary>
/// TL202 unknown-actor: an actor id that is not defined. A figure's group may also be one of a
/// few words (civilians, combatants, unknown): a near miss of those is a TL009 of the group.
/// </summary>
public sealed class UnknownActorRule : UnknownReferenceRule
{
    public static readonly Rule Rule = new("TL202", "unknown-actor", Severity.Error, "An actor id that is not defined.");

    public override Rule Descriptor => Rule;

    public override SymbolKind Kind => SymbolKind.Actor;

    public override void Check(ReferenceCheck check)
    {
        var r = check.Reference;
        if (IsFigureGroup(check))
        {
            var words = StructureValidator.Closest(r.Id, LanguageSchema.FigureGroups);
            if (words.Count > 0)
            {
                check.Report(InvalidValueRule.Rule, r.Span,
                    $"'{r.Id}' is not a group; expected civilians, combatants, unknown or an actor id (did you mean '{words[0]}'?)",
                    words.Select((w, i) => Fix.Replace($"Change to '{w}'", SyntaxQueries.InnerSpan(check.File.Source, r.Span), w, i == 0)).ToList(),
                    words);
                return;
            }
        }
        base.Check(check);
    }

    protected override string What(ReferenceCheck check) =>
        IsFigureGroup(check) ? "a group (civilians, combatants, unknown) or an actor id" : base.What(check);

    private static bool IsFigureGroup(ReferenceCheck check) =>
        check.Events.Any(e => e.Casualties.Any(c => ReferenceEquals(c.GroupActor, check.Reference)));
}
