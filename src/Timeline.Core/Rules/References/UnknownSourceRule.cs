using Timeline.Core.Language;

namespace Timeline.Core.Checks;

/// <summary>TL203 unknown-source: a source id that is not defined.</summary>
public sealed class UnknownSourceRule : UnknownReferenceRule
{
    public static readonly Rule Rule = new("TL203", "unknown-source", Severity.Error, "A source id that is not defined.");

    public override Rule Descriptor => Rule;

    public override SymbolKind Kind => SymbolKind.Source;
}
