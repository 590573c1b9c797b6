namespace Timeline.Core.Checks;

/// <summary>TL402 reversed-range: low above high, or best outside low..high. Reported by the count reader while the figure is read.</summary>
public sealed class ReversedRangeRule : ReadingRule
{
    public static readonly Rule Rule = new("TL402", "reversed-range", Severity.Error,
        "A range whose low is above its high, or whose best estimate is outside it.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A range whose bounds are reversed says nothing a reader can use.";

    public override string HowToFix =>
        "Write the lower number first (the quick fix does it), or write a best estimate between low and high.";
}
