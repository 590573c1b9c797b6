namespace Timeline.Core.Checks;

/// <summary>TL006 yaml-alias: An anchor or alias: these hide content from reviewers. Reported by the YAML reader.</summary>
public sealed class YamlAliasRule : ReadingRule
{
    public static readonly Rule Rule = new("TL006", "yaml-alias", Severity.Error,
        "A YAML anchor (&name) or alias (*name): a value repeated from elsewhere, hidden from reviewers.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An alias repeats content that a reviewer does not see where it is used, and aliases of aliases can blow up in size (\"billion laughs\").";

    public override string HowToFix =>
        "Remove the &name and *name marks and write the value out in full wherever it is used.";
}
