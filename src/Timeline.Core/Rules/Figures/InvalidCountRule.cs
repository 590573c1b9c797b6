namespace Timeline.Core.Checks;

/// <summary>TL401 invalid-count: A count that is not one of the accepted forms. Reported by the count reader
/// (src/Timeline.Core/Model/Counts.cs) while the figure is read.</summary>
public sealed class InvalidCountRule : ReadingRule
{
    public static readonly Rule Rule = new("TL401", "invalid-count", Severity.Error,
        "A count that is not one of the accepted forms.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A count that cannot be read is left out of every total and export.";

    public override string HowToFix =>
        "Write a number, a phrase (\"at least 27\", \"about 300\", \"20-30\", \"dozens\") or {low, best, high}.";
}
