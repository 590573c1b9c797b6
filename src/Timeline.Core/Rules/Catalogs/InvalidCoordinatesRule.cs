namespace Timeline.Core.Checks;

/// <summary>TL504 invalid-coordinates: Coordinates out of range, or not two numbers. Reported by the language schema.</summary>
public sealed class InvalidCoordinatesRule : ReadingRule
{
    public static readonly Rule Rule = new("TL504", "invalid-coordinates", Severity.Error,
        "Coordinates out of range, or not two numbers.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A place drawn at the wrong spot misleads every reader of the map.";

    public override string HowToFix =>
        "Write [latitude, longitude] in degrees, latitude first, WGS 84.";
}
