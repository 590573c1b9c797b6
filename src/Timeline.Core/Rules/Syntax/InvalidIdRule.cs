namespace Timeline.Core.Checks;

/// <summary>TL008 invalid-id: An id that breaks the id pattern. Reported by the language schema.</summary>
public sealed class InvalidIdRule : ReadingRule
{
    public static readonly Rule Rule = new("TL008", "invalid-id", Severity.Error,
        "An id that breaks the id pattern.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Ids are written in other files, in URLs of exports and in diffs: one form (lower-case words joined by hyphens) keeps them unambiguous.";

    public override string HowToFix =>
        "Use the id the message suggests: lower-case letters and digits in words joined by hyphens, at most 64 characters.";
}
