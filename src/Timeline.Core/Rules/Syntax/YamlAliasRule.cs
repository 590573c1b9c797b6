namespace Timeline.Core.Checks;

/// <summary>TL006 yaml-alias: An anchor or alias: these hide content from reviewers. Reported by the YAML reader.</summary>
public sealed class YamlAliasRule : ReadingRule
{
    public static readonly Rule Rule = new("TL006", "yaml-alias", Severity.Error,
        "An anchor or alias: these hide content from reviewers.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An alias repeats content that a reviewer does not see where it is used, and aliases of aliases can blow up in size (\"billion laughs\").";

    public override string HowToFix =>
        "Write the value out where it is used.";
}
