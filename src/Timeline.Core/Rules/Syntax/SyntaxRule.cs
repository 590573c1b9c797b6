namespace Timeline.Core.Checks;

/// <summary>TL001 syntax: The YAML does not parse. Reported by the YAML reader (src/Timeline.Core/Syntax/YamlReader.cs).</summary>
public sealed class SyntaxRule : ReadingRule
{
    public static readonly Rule Rule = new("TL001", "syntax", Severity.Error,
        "The YAML does not parse.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A file that does not parse cannot be read whole: what follows the error may be missing from the checks, the " +
        "exports and the editor's features.";

    public override string HowToFix =>
        "Read the message: it says what the reader expected and where. Close the list or quote that was opened, " +
        "indent with spaces, and write one key per line.";
}
