namespace Timeline.Core.Checks;

/// <summary>TL004 wrong-type: A value of the wrong kind: a list where text is expected, and the like. Reported by the
/// language schema (src/Timeline.Core/Checks/StructureValidator.cs).</summary>
public sealed class WrongTypeRule : ReadingRule
{
    public static readonly Rule Rule = new("TL004", "wrong-type", Severity.Error,
        "A value of the wrong kind: a list where text is expected, and the like.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A value of the wrong kind is read as nothing: a list where a title is expected leaves the event untitled.";

    public override string HowToFix =>
        "Write the kind of value the message expects: text, a number, a list ([a, b], or one '- item' a line), " +
        "or keys with values ('key: value' lines indented under the key). Where one value stands for a list, the fix wraps it.";
}
