using Timeline.Core.Language;

namespace Timeline.Core.Checks;

/// <summary>TL201 unknown-place: a place id that is not defined.</summary>
public sealed class UnknownPlaceRule : UnknownReferenceRule
{
    public static readonly Rule Rule = new("TL201", "unknown-place", Severity.Error, "A place id that is not defined.");

    public override Rule Descriptor => Rule;

    public override SymbolKind Kind => SymbolKind.Place;
}
