namespace Timeline.Core.Checks;

/// <summary>TL002 unknown-field: A key the language does not know. Reported by the language schema
/// (src/Timeline.Core/Checks/StructureValidator.cs).</summary>
public sealed class UnknownFieldRule : ReadingRule
{
    public static readonly Rule Rule = new("TL002", "unknown-field", Severity.Error,
        "A key the language does not know.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A misspelt key is silently ignored by every tool that reads the file: the date, place or source it was meant to carry is lost.";

    public override string HowToFix =>
        "Use the key the message suggests, or prefix a key of your own with x- (x-notes) so that no tool reports it.";
}
