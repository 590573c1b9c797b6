namespace Timeline.Core.Checks;

/// <summary>TL003 missing-field: A required key is absent. Reported by the language schema
/// (src/Timeline.Core/Checks/StructureValidator.cs).</summary>
public sealed class MissingFieldRule : ReadingRule
{
    public static readonly Rule Rule = new("TL003", "missing-field", Severity.Error,
        "A required key is absent.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "An event without a date or title, a source without a publisher, cannot be placed in the chronology or cited fairly.";

    public override string HowToFix =>
        "Add the key the message names under the item it marks (the item's first key is underlined), as 'key: value' on a line of its own.";
}
