namespace Timeline.Core.Checks;

/// <summary>TL005 duplicate-key: A key written twice in one mapping. Reported by the YAML reader.</summary>
public sealed class DuplicateKeyRule : ReadingRule
{
    public static readonly Rule Rule = new("TL005", "duplicate-key", Severity.Error,
        "A key written twice in one event, source, place or other item.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Tools disagree on which of two equal keys wins; a reviewer sees one value and the exports use another.";

    public override string HowToFix =>
        "Keep one of the two keys and merge what they say.";
}
