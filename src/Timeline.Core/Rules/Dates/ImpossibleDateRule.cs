namespace Timeline.Core.Checks;

/// <summary>TL102 impossible-date: A date that cannot exist. Reported by the date reader.</summary>
public sealed class ImpossibleDateRule : ReadingRule
{
    public static readonly Rule Rule = new("TL102", "impossible-date", Severity.Error,
        "A date that cannot exist.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A day that does not exist (30 February, month 13) is a typing mistake that would otherwise pass as a date.";

    public override string HowToFix =>
        "Correct the day, month or hour the message names; a day-first date mistyped as month-first is a common cause.";
}
