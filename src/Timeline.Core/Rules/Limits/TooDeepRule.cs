namespace Timeline.Core.Checks;

/// <summary>TL902 too-deep: Nesting deeper than the limit. Reported by the YAML reader.</summary>
public sealed class TooDeepRule : ReadingRule
{
    public static readonly Rule Rule = new("TL902", "too-deep", Severity.Error,
        "Lists and keys nested deeper than the limit.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Nesting that deep is no chronology a person wrote; reading it would exhaust the reader.";

    public override string HowToFix =>
        "Nest lists and keys less deeply: a chronology needs a few levels at most (events, an event's keys, a list).";
}
