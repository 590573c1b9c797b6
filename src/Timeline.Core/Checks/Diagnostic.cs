using Timeline.Core.Text;

namespace Timeline.Core.Checks;

public enum Severity { Error = 1, Warning = 2, Info = 3 }

public static class Severities
{
    /// <summary>
    /// A severity as a person sets it (error, warning, info, off, as the language schema lists them): off is null.
    /// False for any other word, which changes nothing (the schema reports it in a config file).
    /// </summary>
    public static bool TryParse(string word, out Severity? severity)
    {
        (bool known, severity) = word.Trim() switch
        {
            "error" => (true, Severity.Error),
            "warning" => (true, Severity.Warning),
            "info" => (true, Severity.Info),
            "off" => (true, (Severity?)null),
            _ => (false, null),
        };
        return known;
    }
}

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
    /// <summary>
    /// Whether the fix is the one right answer, not a guess: <c>timeline check --fix</c> applies it unasked.
    /// A did-you-mean never is; a date that can mean one day only is.
    /// </summary>
    public bool IsCertain { get; init; }

    public static Fix Replace(string title, TextSpan span, string newText, bool preferred = false) =>
        new(title, new[] { new TextEdit(span, newText) }, null, preferred);
}

/// <summary>
/// A command an editor runs after a fix's edits, by name (timeline.captureSource): work the edits cannot do, such
/// as fetching a page. <see cref="Path"/> is the file it concerns; <see cref="Arguments"/> are its other values.
/// </summary>
public sealed record FixCommand(string Title, string Name, string Path, IReadOnlyDictionary<string, string> Arguments);

/// <summary>
/// The part of a fix's new text the writer should check (a new source's publisher, a new place's name), which the
/// editor shows and selects once the edits are made, wherever it landed. <see cref="Span"/> is in the text of
/// <see cref="Path"/> after the edits.
/// </summary>
public sealed record FixSelection(string Path, TextSpan Span);

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
        // Most findings have no fix: they keep the shared empty list rather than each get a list of their own.
        if (Fixes.Count == 0) return this with { Span = Moved(Span, by) };
        return this with { Span = Moved(Span, by), Fixes = FixesShiftedBy(by) };
    }

    private static TextSpan Moved(TextSpan s, int by) => new(s.Start + by, s.End + by);

    // Apart from ShiftedBy: the lambdas' closure would otherwise be made on every call, fix or none.
    private List<Fix> FixesShiftedBy(int by) =>
        Fixes.Select(f => f with { Edits = f.Edits.Select(e => e with { Span = Moved(e.Span, by) }).ToList() }).ToList();
}

/// <summary>
/// Every rule of the language, one class per file under <c>src/Timeline.Core/Rules</c>, listed here once. The list is
/// written out rather than found by reflection: loading every type of the assembly to find them cost an editor's cold
/// start ~10 ms. A rule class left out of it fails RuleRegistryTests.
/// </summary>
public static class Rules
{
    private static readonly LanguageRule[] Instances = ByCode(
    [
        new CatalogFormatRule(), new CatalogNotFoundRule(), new ContainmentCycleRule(), new DateAfterSourceRule(),
        new DeprecatedDateRule(), new DuplicateIdRule(), new DuplicateKeyRule(), new DuplicateUrlRule(),
        new FigureKindRule(), new FigureMisreadRule(), new ImpossibleDateRule(), new InvalidCoordinatesRule(),
        new InvalidCountRule(), new InvalidDateRule(), new InvalidIdRule(), new InvalidUrlRule(),
        new InvalidValueRule(), new MissingFieldRule(), new MissingSourceRule(), new NonIsoDateRule(),
        new OutOfOrderRule(), new PartySourcedRule(), new QuoteNotFoundRule(), new RelativeDateRule(),
        new ReversedIntervalRule(), new ReversedRangeRule(), new SharedTextRule(), new SnapshotAlteredRule(),
        new SnapshotMissingRule(), new SyntaxRule(), new TooDeepRule(), new TooLargeRule(),
        new UndisputedConflictRule(), new UnknownActorRule(), new UnknownEventRule(), new UnknownFieldRule(),
        new UnknownPlaceRule(), new UnknownSourceRule(), new UnusedSourceRule(), new UnverifiableQuoteRule(),
        new WeakConfirmationRule(), new WrongTypeRule(), new YamlAliasRule(), new YamlTagRule(),
    ]);

    private static LanguageRule[] ByCode(LanguageRule[] rules)
    {
        Array.Sort(rules, (a, b) => string.CompareOrdinal(a.Descriptor.Code, b.Descriptor.Code));
        return rules;
    }

    /// <summary>The rule classes, by code.</summary>
    public static IReadOnlyList<LanguageRule> Implementations => Instances;

    /// <summary>Every rule's descriptor, by code.</summary>
    public static IReadOnlyList<Rule> All { get; } = Instances.Select(r => r.Descriptor).ToArray();

    private static readonly Dictionary<Rule, LanguageRule> ByDescriptor = Instances.ToDictionary(r => r.Descriptor);

    private static readonly Dictionary<string, Rule> ByKey = CodesAndNames();

    private static Dictionary<string, Rule> CodesAndNames()
    {
        var keys = new Dictionary<string, Rule>(2 * All.Count, StringComparer.Ordinal);
        foreach (var r in All)
        {
            keys.Add(r.Code, r);
            keys.Add(r.Name, r);
        }
        return keys;
    }

    /// <summary>Finds a rule by what a person wrote: its code (TL201) or its name (unknown-place), in a config or a comment.</summary>
    public static Rule? Find(string codeOrName) => ByKey.GetValueOrDefault(codeOrName.Trim());

    /// <summary>The class of a rule.</summary>
    public static LanguageRule Of(Rule rule) => ByDescriptor[rule];

    public static IReadOnlyList<FileRule> FileRules { get; } = Instances.OfType<FileRule>().ToArray();
    public static IReadOnlyList<EventRule> EventRules { get; } = Instances.OfType<EventRule>().ToArray();
    public static IReadOnlyList<ProjectRule> ProjectRules { get; } = Instances.OfType<ProjectRule>().ToArray();

    /// <summary>The rule that states a reference of this kind that no definition answers.</summary>
    public static ReferenceRule ForUnknown(Language.SymbolKind kind) => UnknownByKind[(int)kind];

    private static readonly ReferenceRule[] UnknownByKind = Enum.GetValues<Language.SymbolKind>()
        .Select(k => Instances.OfType<ReferenceRule>().Single(r => r.Kind == k)).ToArray();
}
