using Timeline.Core.Language;

namespace Timeline.Core.Checks;

/// <summary>TL204 unknown-event: an event id that is not defined.</summary>
public sealed class UnknownEventRule : UnknownReferenceRule
{
    public static readonly Rule Rule = new("TL204", "unknown-event", Severity.Error, "An event id that is not defined.");

    public override Rule Descriptor => Rule;

    public override SymbolKind Kind => SymbolKind.Event;
}
