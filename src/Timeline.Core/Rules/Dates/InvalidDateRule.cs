namespace Timeline.Core.Checks;

/// <summary>TL101 invalid-date: Not a date in the accepted forms. Reported by the date reader (src/Timeline.Core/Dates).</summary>
public sealed class InvalidDateRule : ReadingRule
{
    public static readonly Rule Rule = new("TL101", "invalid-date", Severity.Error,
        "Not a date in the accepted forms.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An event whose date cannot be read cannot be placed in order, on the axis or in the exports.";

    public override string HowToFix =>
        "Write the date in the standard form (EDTF, built on ISO dates): a day 2024-11-29, a month 2024-11, a span " +
        "2024-11-27/2024-11-29, an uncertain year 2016?, an approximate month 2016-12~, an unknown day 2024-11-XX.";
}
