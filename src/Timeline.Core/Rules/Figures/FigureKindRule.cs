namespace Timeline.Core.Checks;

/// <summary>TL403 figure-kind: A figure with none, or more than one, of killed/injured/displaced/detained. Reported by the language schema.</summary>
public sealed class FigureKindRule : ReadingRule
{
    public static readonly Rule Rule = new("TL403", "figure-kind", Severity.Error,
        "A figure with none, or more than one, of killed/injured/displaced/detained.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A figure counts one thing: a figure with two measures cannot be compared with another source's.";

    public override string HowToFix =>
        "Keep one of killed, injured, displaced or detained per figure; write another figure for the other measure.";
}
