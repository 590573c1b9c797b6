namespace Timeline.Core.Checks;

/// <summary>TL901 too-large: A file over the size limit. Reported by the YAML reader.</summary>
public sealed class TooLargeRule : ReadingRule
{
    public static readonly Rule Rule = new("TL901", "too-large", Severity.Error,
        "A file over the size limit.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A file that large is not hand-written chronology; reading it would stall the editor.";

    public override string HowToFix =>
        "Split the file into several timelines, or keep generated data out of the project (exclude:).";
}
