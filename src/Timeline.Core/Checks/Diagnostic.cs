using Timeline.Core.Text;

namespace Timeline.Core.Checks;

public enum Severity { Error = 1, Warning = 2, Info = 3 }

/// <summary>What an editor may show of a finding beyond its severity (LSP's diagnostic tags).</summary>
[Flags]
public enum RuleTags { None = 0, Unnecessary = 1, Deprecated = 2 }

/// <summary>A check of the language: a stable code, a rule name, a default severity.</summary>
public sealed record Rule(string Code, string Name, Severity DefaultSeverity, string Description)
{
    public RuleTags Tags { get; init; }
}

/// <summary>A text edit on a file: replace <see cref="Span"/> with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);

/// <summary>A fix for a diagnostic: a title and edits, on this file or on another (by path).</summary>
public sealed record Fix(string Title, IReadOnlyList<TextEdit> Edits, string? Path = null, bool IsPreferred = false)
{
    public static Fix Replace(string title, TextSpan span, string newText, bool preferred = false) =>
        new(title, new[] { new TextEdit(span, newText) }, null, preferred);
}

public sealed record Diagnostic(Rule Rule, Severity Severity, TextSpan Span, string Message)
{
    public string Code => Rule.Code;
    public string Name => Rule.Name;
    /// <summary>Did-you-mean replacements and other certain fixes, for the editor's quick fixes.</summary>
    public IReadOnlyList<Fix> Fixes { get; init; } = Array.Empty<Fix>();
    /// <summary>The candidates a did-you-mean offers (ids, keys or values), best first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = Array.Empty<string>();

    /// <summary>The same diagnostic, with its range and its fixes' edits moved by <paramref name="by"/> characters.</summary>
    public Diagnostic ShiftedBy(int by)
    {
        if (by == 0) return this;
        TextSpan Move(TextSpan s) => new(s.Start + by, s.End + by);
        return this with
        {
            Span = Move(Span),
            Fixes = Fixes.Select(f => f with { Edits = f.Edits.Select(e => e with { Span = Move(e.Span) }).ToList() }).ToList(),
        };
    }
}

public static class Rules
{
    public static readonly Rule Syntax = new("TL001", "syntax", Severity.Error, "The YAML does not parse.");
    public static readonly Rule UnknownField = new("TL002", "unknown-field", Severity.Error, "A key the language does not know.");
    public static readonly Rule MissingField = new("TL003", "missing-field", Severity.Error, "A required key is absent.");
    public static readonly Rule WrongType = new("TL004", "wrong-type", Severity.Error, "A value of the wrong kind: a list where text is expected, and the like.");
    public static readonly Rule DuplicateKey = new("TL005", "duplicate-key", Severity.Error, "A key written twice in one mapping.");
    public static readonly Rule YamlAlias = new("TL006", "yaml-alias", Severity.Error, "An anchor or alias: these hide content from reviewers.");
    public static readonly Rule YamlTag = new("TL007", "yaml-tag", Severity.Error, "A custom tag.");
    public static readonly Rule InvalidId = new("TL008", "invalid-id", Severity.Error, "An id that breaks the id pattern.");
    public static readonly Rule InvalidValue = new("TL009", "invalid-value", Severity.Error, "A value outside its set.");
    public static readonly Rule InvalidUrl = new("TL010", "invalid-url", Severity.Error, "Not an absolute http(s) URL.");
    public static readonly Rule InvalidDate = new("TL101", "invalid-date", Severity.Error, "Not a date in the accepted forms.");
    public static readonly Rule ImpossibleDate = new("TL102", "impossible-date", Severity.Error, "A date that cannot exist.");
    public static readonly Rule RelativeDate = new("TL103", "relative-date", Severity.Error, "A weekday or relative word instead of a date.");
    public static readonly Rule NonIsoDate = new("TL104", "non-iso-date", Severity.Error, "A day-first, month-first or spelled-out date.");
    public static readonly Rule ReversedInterval = new("TL105", "reversed-interval", Severity.Error, "An interval whose end is before its start.");
    public static readonly Rule DateAfterSource = new("TL106", "date-after-source", Severity.Error, "Every cited source was published before the event's earliest possible date.");
    public static readonly Rule OutOfOrder = new("TL107", "out-of-order", Severity.Info, "An event sorts before the one above it in the same file.");
    public static readonly Rule DeprecatedDate = new("TL108", "deprecated-date", Severity.Warning, "A pre-2019 EDTF draft form.");
    public static readonly Rule UnknownPlace = new("TL201", "unknown-place", Severity.Error, "A place id that is not defined.");
    public static readonly Rule UnknownActor = new("TL202", "unknown-actor", Severity.Error, "An actor id that is not defined.");
    public static readonly Rule UnknownSource = new("TL203", "unknown-source", Severity.Error, "A source id that is not defined.");
    public static readonly Rule UnknownEvent = new("TL204", "unknown-event", Severity.Error, "An event id that is not defined.");
    public static readonly Rule DuplicateId = new("TL205", "duplicate-id", Severity.Error, "The same id twice for one kind in the project.");
    public static readonly Rule UnusedSource = new("TL206", "unused-source", Severity.Warning, "A source that no event, claim or figure cites.") { Tags = RuleTags.Unnecessary };
    public static readonly Rule MissingSource = new("TL301", "missing-source", Severity.Error, "An event with no citation.");
    public static readonly Rule WeakConfirmation = new("TL302", "weak-confirmation", Severity.Warning, "status: confirmed with fewer than two independent origins.");
    public static readonly Rule PartySourced = new("TL303", "party-sourced", Severity.Warning, "Every citation comes from sources affiliated with the event's actors.");
    public static readonly Rule UndisputedConflict = new("TL304", "undisputed-conflict", Severity.Warning, "Claims both assert and deny, and the status is not disputed.");
    public static readonly Rule DuplicateUrl = new("TL305", "duplicate-url", Severity.Warning, "Two sources with the same URL.");
    public static readonly Rule SnapshotMissing = new("TL306", "snapshot-missing", Severity.Error, "A source's snapshot file does not exist, is outside the project, or cannot be read.");
    public static readonly Rule SnapshotAltered = new("TL307", "snapshot-altered", Severity.Error, "The snapshot's SHA-256 is not the recorded sha256.");
    public static readonly Rule QuoteNotFound = new("TL308", "quote-not-found", Severity.Error, "A quote is not in the cited source's snapshot.");
    public static readonly Rule FigureMisread = new("TL309", "figure-misread", Severity.Warning, "A figure's count disagrees with the count in its citation's quote.");
    public static readonly Rule SharedText = new("TL310", "shared-text", Severity.Warning, "Two sources with different declared origins share a passage of 40 words or more.");
    public static readonly Rule UnverifiableQuote = new("TL311", "unverifiable-quote", Severity.Info, "A quote whose source has no snapshot to check it against.");
    public static readonly Rule InvalidCount = new("TL401", "invalid-count", Severity.Error, "A count that is not one of the accepted forms.");
    public static readonly Rule ReversedRange = new("TL402", "reversed-range", Severity.Error, "low above high, or best outside low..high.");
    public static readonly Rule FigureKind = new("TL403", "figure-kind", Severity.Error, "A figure with none, or more than one, of killed/injured/displaced/detained.");
    public static readonly Rule CatalogNotFound = new("TL501", "catalog-not-found", Severity.Error, "A configured gazetteer or catalog is missing or unreadable.");
    public static readonly Rule CatalogFormat = new("TL502", "catalog-format", Severity.Error, "A GeoNames row that cannot be read.");
    public static readonly Rule ContainmentCycle = new("TL503", "containment-cycle", Severity.Error, "A place's in chain loops.");
    public static readonly Rule InvalidCoordinates = new("TL504", "invalid-coordinates", Severity.Error, "Coordinates out of range, or not two numbers.");
    public static readonly Rule TooLarge = new("TL901", "too-large", Severity.Error, "A file over the size limit.");
    public static readonly Rule TooDeep = new("TL902", "too-deep", Severity.Error, "Nesting deeper than the limit.");

    public static IReadOnlyList<Rule> All { get; } = typeof(Rules).GetFields()
        .Where(f => f.FieldType == typeof(Rule)).Select(f => (Rule)f.GetValue(null)!).OrderBy(r => r.Code, StringComparer.Ordinal).ToArray();

    private static readonly Dictionary<string, Rule> ByKey = All.SelectMany(r => new[] { (r.Code, r), (r.Name, r) })
        .ToDictionary(p => p.Item1, p => p.r, StringComparer.Ordinal);

    /// <summary>Finds a rule by its code (TL201) or its name (unknown-place).</summary>
    public static Rule? Find(string codeOrName) => ByKey.GetValueOrDefault(codeOrName.Trim());
}
