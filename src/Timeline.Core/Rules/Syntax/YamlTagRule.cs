namespace Timeline.Core.Checks;

/// <summary>TL007 yaml-tag: A custom tag. Reported by the YAML reader.</summary>
public sealed class YamlTagRule : ReadingRule
{
    public static readonly Rule Rule = new("TL007", "yaml-tag", Severity.Error,
        "A YAML tag (!name): a type named before a value.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A tag (!date, !!python/object) asks a YAML tool to build a value of some type: hand-written data files need none, " +
        "and some tools run code for them.";

    public override string HowToFix =>
        "Remove the tag (!something) and write the value plainly.";
}
