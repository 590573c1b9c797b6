namespace Timeline.Core.Checks;

/// <summary>TL501 catalog-not-found: A configured gazetteer or catalog is missing or unreadable. Reported by the
/// project loader (src/Timeline.Core/Project/ProjectLoader.cs).</summary>
public sealed class CatalogNotFoundRule : ReadingRule
{
    public static readonly Rule Rule = new("TL501", "catalog-not-found", Severity.Error,
        "A configured gazetteer or catalog is missing or unreadable.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "Without the catalog, every place it defines is unknown, and the checks report each use.";

    public override string HowToFix =>
        "Correct the path under gazetteers: (relative to the project root) or the name under use: " +
        "(builtin:levant, builtin:syria-actors, builtin:world).";
}
