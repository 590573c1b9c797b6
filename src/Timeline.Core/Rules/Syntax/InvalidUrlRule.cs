namespace Timeline.Core.Checks;

/// <summary>TL010 invalid-url: Not an absolute http(s) URL. Reported by the language schema.</summary>
public sealed class InvalidUrlRule : ReadingRule
{
    public static readonly Rule Rule = new("TL010", "invalid-url", Severity.Error,
        "Not a full web address beginning with https:// or http://.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A reader must be able to follow a source's link; only absolute http and https addresses open everywhere, " +
        "and no other scheme is ever linked in an export.";

    public override string HowToFix =>
        "Write the page's full address, beginning with https://.";
}
