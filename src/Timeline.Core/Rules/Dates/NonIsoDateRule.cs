namespace Timeline.Core.Checks;

/// <summary>TL104 non-iso-date: A day-first, month-first or spelled-out date. Reported by the date reader.</summary>
public sealed class NonIsoDateRule : ReadingRule
{
    public static readonly Rule Rule = new("TL104", "non-iso-date", Severity.Error,
        "A day-first, month-first or spelled-out date.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "29/11/2024 and 11/29/2024 mean different days to different readers; one form keeps the chronology unambiguous and sortable.";

    public override string HowToFix =>
        "Apply the fix when the date is unambiguous; otherwise write the ISO date (YYYY-MM-DD) you mean.";
}
