namespace Timeline.Core.Checks;

/// <summary>TL502 catalog-format: A GeoNames row that cannot be read. Reported by the GeoNames reader
/// (src/Timeline.Core/Catalogs/GeoNames.cs).</summary>
public sealed class CatalogFormatRule : ReadingRule
{
    public static readonly Rule Rule = new("TL502", "catalog-format", Severity.Error,
        "A GeoNames row that cannot be read.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A row that cannot be read is a place that silently goes missing.";

    public override string HowToFix =>
        "Keep the 19 columns of the GeoNames format, separated by tabs, in every row; a number in the first (the place's GeoNames id).";
}
