namespace Timeline.Core.Checks;

/// <summary>TL108 deprecated-date: A pre-2019 EDTF draft form. Reported by the date reader.</summary>
public sealed class DeprecatedDateRule : ReadingRule
{
    public static readonly Rule Rule = new("TL108", "deprecated-date", Severity.Warning,
        "An old draft form of a date (EDTF before 2019).")
    {
        Tags = RuleTags.Deprecated,
    };

    public override Rule Descriptor => Rule;

    public override string Why =>
        "The draft forms of the date standard (EDTF) from before 2019 (2016-uu, unknown, open) are read differently, or not at all, " +
        "by today's tools.";

    public override string HowToFix =>
        "Apply the quick fix: it writes the standard form (2016-XX, an open end as .., an unknown end left empty).";
}
