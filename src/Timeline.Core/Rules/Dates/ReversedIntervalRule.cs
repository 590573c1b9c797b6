namespace Timeline.Core.Checks;

/// <summary>TL105 reversed-interval: An interval whose end is before its start. Reported by the date reader.</summary>
public sealed class ReversedIntervalRule : ReadingRule
{
    public static readonly Rule Rule = new("TL105", "reversed-interval", Severity.Error,
        "An interval whose end is before its start.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An interval that ends before it starts has no day in it: the event cannot be placed.";

    public override string HowToFix =>
        "Swap the two dates so that the earlier comes first (the quick fix does it).";
}
