using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Text;

// The rule classes share the Checks namespace with the diagnostics they make, so that a rule
// reads the same everywhere (UnknownPlaceRule.Rule) and no namespace hides another.
namespace Timeline.Core.Checks;

/// <summary>When a rule runs, and so for how long what it finds is kept.</summary>
public enum RulePass
{
    /// <summary>
    /// Found while a file is read, by the YAML reader, the language schema, the date and count
    /// readers or the GeoNames reader. The rule's file declares and documents it; the reader reports it.
    /// </summary>
    Reading,
    /// <summary>Once per file model, on every version of the file.</summary>
    File,
    /// <summary>
    /// Once per event. What it finds is kept with the event's segment for as long as the segment's
    /// text, the project's outline and the project's snapshots are unchanged.
    /// </summary>
    Event,
    /// <summary>Once per reference that no definition answers, on every check (suggestions depend on names).</summary>
    Reference,
    /// <summary>Once per project outline and set of snapshots; the findings are placed anew on every check.</summary>
    Project,
}

/// <summary>
/// A rule of the language: its descriptor (code, name, default severity, tags), the pass it
/// runs in, what its documentation page says, and the fixes an editor can ask of it. One class
/// per rule, one file per class, under <c>src/Timeline.Core/Rules</c>; <see cref="Rules"/>
/// finds them all.
/// </summary>
public abstract class LanguageRule
{
    /// <summary>The code, name, default severity, one-line description and tags.</summary>
    public abstract Rule Descriptor { get; }

    public abstract RulePass Pass { get; }

    /// <summary>Why the rule exists: what goes wrong for a reader when it is broken (for its page).</summary>
    public abstract string Why { get; }

    /// <summary>How to fix what it reports (for its page).</summary>
    public abstract string HowToFix { get; }

    /// <summary>
    /// Fixes made when an editor asks, from the whole project (a stub in another file, the events
    /// sorted): work too large to do for every finding on every keystroke.
    /// </summary>
    public virtual IEnumerable<FixAction> FixesOnRequest(Diagnostic diagnostic, FixRequest request) => Array.Empty<FixAction>();

    /// <summary>The severity in a project before its rules: settings (a setting such as require-snapshots may raise it).</summary>
    public virtual Severity SeverityIn(ProjectConfig config) => Descriptor.DefaultSeverity;
}

/// <summary>A rule the readers report: declared and documented here, found while a file is read.</summary>
public abstract class ReadingRule : LanguageRule
{
    public override RulePass Pass => RulePass.Reading;
}

/// <summary>A rule that looks at one file model at a time.</summary>
public abstract class FileRule : LanguageRule
{
    public override RulePass Pass => RulePass.File;
    public abstract void Check(FileModel file, List<Diagnostic> found);
}

/// <summary>A rule that looks at one event at a time, with the project's symbols and evidence.</summary>
public abstract class EventRule : LanguageRule
{
    public override RulePass Pass => RulePass.Event;

    /// <summary>
    /// Checks <see cref="EventCheck.Event"/>, reporting as it goes, and keeps nothing of the check (nor of its cited
    /// sources, nor a lazy sequence over them): the same check then moves on to the next event.
    /// </summary>
    public abstract void Check(EventCheck check);
}

/// <summary>A rule that states what is wrong with a reference that no definition answers.</summary>
public abstract class ReferenceRule : LanguageRule
{
    public override RulePass Pass => RulePass.Reference;
    /// <summary>The kind of reference the rule reports.</summary>
    public abstract SymbolKind Kind { get; }
    public abstract void Check(ReferenceCheck check);
}

/// <summary>A rule that looks at the whole project once per outline.</summary>
public abstract class ProjectRule : LanguageRule
{
    public override RulePass Pass => RulePass.Project;

    /// <summary>
    /// Whether the rule runs on every check rather than once per outline: a rule that reports on
    /// events must, since an edited event is made anew (its findings would point at the old one).
    /// </summary>
    public virtual bool EveryCheck => false;
    public abstract void Check(ProjectCheck check);
}

/// <summary>What a rule reports: the descriptor it carries is the rule's own, never a string.</summary>
public delegate void Report(Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes = null, IReadOnlyList<string>? suggestions = null);

/// <summary>One event to check, with what every event rule needs of the project.</summary>
public sealed class EventCheck
{
    private SourceDef[]? _cited;

    internal EventCheck(FileModel file, EventDef ev, SymbolTable symbols, ProjectEvidence evidence, ProjectConfig config, Report report)
    {
        File = file;
        Event = ev;
        Symbols = symbols;
        Evidence = evidence;
        Config = config;
        Report = report;
    }

    public FileModel File { get; }
    public EventDef Event { get; private set; }
    public SymbolTable Symbols { get; }
    public ProjectEvidence Evidence { get; }
    public ProjectConfig Config { get; }
    public Report Report { get; }

    /// <summary>
    /// The same check, of the next event of its file: a run of events is checked with one (the rules report as they
    /// go and keep nothing of a check), not with an object for each of 100,000 events.
    /// </summary>
    internal EventCheck MoveTo(EventDef next)
    {
        Event = next;
        _cited = null;
        return this;
    }

    /// <summary>Where a finding about the event as a whole goes: its id, else its first key.</summary>
    public TextSpan Anchor => Event.IdSpan.Length > 0 ? Event.IdSpan : (Event.Node is { Entries.Count: > 0 } m ? m.Entries[0].KeySpan : Event.Span);

    /// <summary>The known sources of every citation of the event (its own, its claims', its figures'), in order.</summary>
    public IReadOnlyList<SourceDef> CitedSources => _cited ??= CitedSourcesOf(Event);

    // An array of the exact size, walked with the citations' struct enumerator: this runs for every event of the
    // project, and a list grown per event was 15 MB of garbage at 100,000 events.
    private SourceDef[] CitedSourcesOf(EventDef ev)
    {
        int citations = 0;
        foreach (var _ in ev.AllCitations()) citations++;
        if (citations == 0) return Array.Empty<SourceDef>();
        var found = new SourceDef[citations];
        int n = 0;
        foreach (var c in ev.AllCitations()) if (SourceOf(c) is { } s) found[n++] = s;
        if (n < found.Length) Array.Resize(ref found, n);
        return found;
    }

    /// <summary>The known sources of some citations, in order.</summary>
    public List<SourceDef> Resolve(IEnumerable<Citation> citations)
    {
        var list = new List<SourceDef>();
        foreach (var c in citations) if (Symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id) is { } s) list.Add(s);
        return list;
    }

    public SourceDef? SourceOf(Citation c) => Symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id);
}

/// <summary>A reference that no definition answers, to be stated with its suggestions.</summary>
public sealed class ReferenceCheck
{
    internal ReferenceCheck(FileModel file, IReadOnlyList<EventDef> events, Reference reference, SymbolTable symbols, Report report)
    {
        File = file;
        Events = events;
        Reference = reference;
        Symbols = symbols;
        Report = report;
    }

    public FileModel File { get; }
    /// <summary>The event the reference is written in (none when it is written outside the events).</summary>
    public IReadOnlyList<EventDef> Events { get; }
    public Reference Reference { get; }
    public SymbolTable Symbols { get; }
    public Report Report { get; }
}

/// <summary>A finding of a project rule, whose range is read when it is reported (definitions move with their segments).</summary>
public delegate void StandingReport(string path, Rule rule, Func<TextSpan> span, string message, Func<IReadOnlyList<Fix>>? fixes = null);

/// <summary>The whole project, for the rules that need all of it.</summary>
public sealed class ProjectCheck
{
    internal ProjectCheck(ProjectSnapshot project, SymbolTable symbols, ProjectEvidence evidence, StandingReport report)
    {
        Project = project;
        Symbols = symbols;
        Evidence = evidence;
        Report = report;
    }

    public ProjectSnapshot Project { get; }
    public SymbolTable Symbols { get; }
    public ProjectEvidence Evidence { get; }
    public StandingReport Report { get; }
}

/// <summary>What a fix made on request can see: the file, the project, the finding's rule.</summary>
public sealed record FixRequest(FileModel File, ProjectResult Project);

/// <summary>A fix made on request: edits in one or more files, and a file to create first when it does not exist.</summary>
public sealed record FixAction(string Title, IReadOnlyList<(string Path, IReadOnlyList<TextEdit> Edits)> Edits, bool IsPreferred = false,
    string? CreateFile = null, string Kind = FixAction.QuickFix)
{
    /// <summary>What the editor runs once the edits are made (a page captured), if anything.</summary>
    public FixCommand? Command { get; init; }

    /// <summary>The new text to show and select once the edits are made (a stub's value to check), if any.</summary>
    public FixSelection? Select { get; init; }

    public const string QuickFix = "quickfix";

    /// <summary>Whether the fix is the one right answer (see <see cref="Fix.IsCertain"/>): <c>check --fix</c> applies it.</summary>
    public bool IsCertain { get; init; }
}
