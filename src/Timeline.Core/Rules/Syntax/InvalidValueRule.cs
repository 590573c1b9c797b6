namespace Timeline.Core.Checks;

/// <summary>TL009 invalid-value: A value outside its set. Reported by the language schema, and the figure groups of the reference checks.</summary>
public sealed class InvalidValueRule : ReadingRule
{
    public static readonly Rule Rule = new("TL009", "invalid-value", Severity.Error,
        "A value outside its set.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A status, kind or reliability outside its set means nothing to the checks and the exports: 'Disputed' or 'cty' is read as no value.";

    public override string HowToFix =>
        "Use one of the values the message lists, spelt as listed; the did-you-mean, offered as a quick fix, is usually the one meant.";
}
