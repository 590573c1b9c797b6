namespace Timeline.Core.Checks;

/// <summary>TL108 deprecated-date: A pre-2019 EDTF draft form. Reported by the date reader.</summary>
public sealed class DeprecatedDateRule : ReadingRule
{
    public static readonly Rule Rule = new("TL108", "deprecated-date", Severity.Warning,
        "A pre-2019 EDTF draft form.")
    {
        Tags = RuleTags.Deprecated,
    };

    public override Rule Descriptor => Rule;

    public override string Why =>
        "The draft forms (2016-uu, unknown, open) are read differently by today's EDTF tools.";

    public override string HowToFix =>
        "Apply the fix: it writes the standard form.";
}
