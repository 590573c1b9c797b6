using Timeline.Core.Catalogs;
using Timeline.Core.Checks;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Text;

namespace Timeline.Core.Project;

/// <summary>The checked project: final diagnostics per file, after rule settings and suppressions.</summary>
public sealed class ProjectResult
{
    public required ProjectSnapshot Project { get; init; }
    public required SymbolTable Symbols { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Diagnostics { get; init; }
    public required IReadOnlyDictionary<string, SourceText> Sources { get; init; }
    /// <summary>What this check leaves for the next check of the same project.</summary>
    public required ProjectChecks Checks { get; init; }

    public IReadOnlyList<Diagnostic> For(string path) => Diagnostics.TryGetValue(path, out var d) ? d : Array.Empty<Diagnostic>();
}

/// <summary>
/// What one check of a project leaves for the next: the outline of the project it saw (its
/// catalogs, its snapshots, and each file's outline), the findings that hold for as long as that
/// outline does, and its symbol table (whose sources, places and actors a check of the same
/// outline shares).
/// </summary>
public sealed class ProjectChecks
{
    internal ProjectChecks(ProjectSnapshot project)
    {
        Catalogs = project.Catalogs.ToArray();
        Files = project.Files.Select(f => (f.Path, f.Outline)).ToArray();
        Snapshots = project.Evidence.Snapshots.ToArray();
        Evidence = project.Evidence;
        Config = project.ConfigFile;
    }

    /// <summary>The snapshots' evidence, shared by the checks of one outline (the passages they share are found once).</summary>
    internal ProjectEvidence Evidence { get; }

    /// <summary>The config the findings were made under (require-sources, require-snapshots).</summary>
    internal FileModel? Config { get; }

    internal CatalogFile[] Catalogs { get; }
    internal SnapshotFile[] Snapshots { get; }
    internal (string Path, object Outline)[] Files { get; }
    /// <summary>The latest check's table (null before the first).</summary>
    internal SymbolTable? Symbols { get; private set; }

    /// <summary>What the project rules found: once per outline, placed anew each time.</summary>
    internal List<Standing>? Standing;

    // Each file's findings as the latest check of this outline settled them, with what they were settled from.
    private readonly Dictionary<string, SettledFile> _settled = new(StringComparer.Ordinal);

    /// <summary>
    /// A file's findings as a check of this outline settled them, when that check saw the same file model under the
    /// same user settings, and what the rules that run on every check say of the file is what they said then.
    /// </summary>
    internal SettledFile? SettledFor(FileModel file, IReadOnlyDictionary<string, Severity?>? userSeverities,
        List<Diagnostic>? everyCheck)
    {
        SettledFile? s;
        lock (_settled) s = _settled.GetValueOrDefault(file.Path);
        if (s is null || !ReferenceEquals(s.File, file) || !ReferenceEquals(s.UserSeverities, userSeverities) || file.MovedOn) return null;
        return (everyCheck ?? []).SequenceEqual(s.EveryCheck, SameFinding.Instance) ? s : null;
    }

    internal void Settled(SettledFile settled)
    {
        lock (_settled) _settled[settled.File.Path] = settled;
    }

    /// <summary>Two findings that say the same: their fixes and suggestions compared by what they hold, not by their lists.</summary>
    internal sealed class SameFinding : IEqualityComparer<Diagnostic>
    {
        public static readonly SameFinding Instance = new();

        public bool Equals(Diagnostic? a, Diagnostic? b) =>
            a is not null && b is not null
            && (a with { Fixes = b.Fixes, Suggestions = b.Suggestions }) == b
            && a.Suggestions.SequenceEqual(b.Suggestions, StringComparer.Ordinal)
            && a.Fixes.Count == b.Fixes.Count
            && a.Fixes.Zip(b.Fixes).All(p => (p.First with { Edits = p.Second.Edits }) == p.Second && p.First.Edits.SequenceEqual(p.Second.Edits));

        public int GetHashCode(Diagnostic d) => d.Span.GetHashCode();
    }

    /// <summary>The same outline as this project's: the same catalogs, files, and in each file the same outline.</summary>
    internal bool Fits(ProjectSnapshot project)
    {
        if (Catalogs.Length != project.Catalogs.Count || Files.Length != project.Files.Count) return false;
        if (Snapshots.Length != project.Evidence.Snapshots.Count || !ReferenceEquals(Config, project.ConfigFile)) return false;
        for (int i = 0; i < Catalogs.Length; i++) if (!ReferenceEquals(Catalogs[i], project.Catalogs[i])) return false;
        for (int i = 0; i < Snapshots.Length; i++) if (!ReferenceEquals(Snapshots[i], project.Evidence.Snapshots[i])) return false;
        for (int i = 0; i < Files.Length; i++)
            if (Files[i].Path != project.Files[i].Path || !ReferenceEquals(Files[i].Outline, project.Files[i].Outline)) return false;
        return true;
    }

    internal void Follow(SymbolTable symbols) => Symbols = symbols;
}

/// <summary>
/// One file's findings as a check settled them, and what they were made from: the file model, the user's rule
/// settings, what the rules that run on every check found in it, and the references no definition answered (with the
/// events around each) together with what was said of them, which depends on names elsewhere and is asked again.
/// </summary>
internal sealed record SettledFile(FileModel File, IReadOnlyDictionary<string, Severity?>? UserSeverities, Diagnostic[] EveryCheck,
    (IReadOnlyList<EventDef> Events, Reference[] Unresolved)[] Unresolved, Diagnostic[] Stated, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A finding of a project rule, whose range and fixes are read where the definitions now stand.</summary>
internal sealed record Standing(string Path, Rule Rule, Func<TextSpan> Span, string Message, Func<IReadOnlyList<Fix>>? Fixes);

/// <summary>
/// The scheduler of the rules that need the project (see <see cref="RulePass"/>): it runs each
/// rule in its pass, keeps what the event rules found with each segment and what the project
/// rules found with the outline, and applies the project's rule settings and suppressions.
/// The rules themselves are in src/Timeline.Core/Rules, one per file.
/// </summary>
public static class ProjectAnalyzer
{
    public static ProjectResult Analyze(ProjectSnapshot project) => Analyze(project, null);

    /// <param name="userSeverities">Rule severities set by the user in the editor, applied after the project's.</param>
    /// <param name="previous">
    /// What the last check of this project left. When the project's outline is the same (an edit
    /// changed the text of events, not their ids or references), the checks of the segments the
    /// edit did not touch are not run again: what they found is moved to where the segments now stand.
    /// </param>
    public static ProjectResult Analyze(ProjectSnapshot project, IReadOnlyDictionary<string, Severity?>? userSeverities,
        ProjectChecks? previous = null) =>
        Analyze(project, userSeverities, previous, bySegment: true);

    /// <param name="bySegment">False: every file is checked whole, as if it had no segments (what the checks by segment are tested against).</param>
    internal static ProjectResult Analyze(ProjectSnapshot project, IReadOnlyDictionary<string, Severity?>? userSeverities,
        ProjectChecks? previous, bool bySegment)
    {
        // A syntax error can hide an event's sources from the check next to it: such files are checked whole, every time.
        bool BySegment(FileModel f) => bySegment && f.Segments is not null && f.Document.SkippedLines.Count == 0;
        var checks = previous is not null && previous.Fits(project) ? previous : new ProjectChecks(project);
        var symbols = new SymbolTable(project, checks.Symbols) { Evidence = checks.Evidence };
        checks.Follow(symbols);
        var found = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        void Add(string path, Diagnostic d)
        {
            if (!found.TryGetValue(path, out var l)) found[path] = l = new List<Diagnostic>();
            l.Add(d);
        }

        // Project rules: once per outline, except those that must see every check.
        var projectCheck = (List<Standing> into) => new ProjectCheck(project, symbols, checks.Evidence,
            (path, rule, span, message, fixes) => into.Add(new Standing(path, rule, span, message, fixes)));
        if (checks.Standing is null)
        {
            var standing = new List<Standing>();
            foreach (var rule in Rules.ProjectRules) if (!rule.EveryCheck) rule.Check(projectCheck(standing));
            checks.Standing = standing;
        }
        var now = new List<Standing>();
        foreach (var rule in Rules.ProjectRules) if (rule.EveryCheck) rule.Check(projectCheck(now));
        var everyCheck = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var f in now)
        {
            if (!everyCheck.TryGetValue(f.Path, out var list)) everyCheck[f.Path] = list = new List<Diagnostic>();
            list.Add(Make(f.Rule, f.Span(), f.Message, f.Fixes?.Invoke(), null));
        }

        // A file that the last check of this outline saw as it is now keeps what that check settled, if its unresolved
        // references are stated as they were (their suggestions follow names that an edit elsewhere may change):
        // nothing else is placed or settled again in it. A keystroke in one file of a large project costs that file.
        var kept = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        foreach (var f in project.Files)
        {
            if (!BySegment(f) || checks.SettledFor(f, userSeverities, everyCheck.GetValueOrDefault(f.Path)) is not { } settled) continue;
            var stated = new List<Diagnostic>();
            foreach (var (events, unresolved) in settled.Unresolved)
                CheckReferences(f, events, unresolved, symbols, (rule, span, message, fixes, suggestions) =>
                    stated.Add(Make(rule, span, message, fixes, suggestions)));
            if (stated.SequenceEqual(settled.Stated, ProjectChecks.SameFinding.Instance)) kept[f.Path] = settled.Diagnostics;
        }
        foreach (var f in checks.Standing)
            if (!kept.ContainsKey(f.Path)) Add(f.Path, Make(f.Rule, f.Span(), f.Message, f.Fixes?.Invoke(), null));
        foreach (var (path, list) in everyCheck)
            if (!kept.ContainsKey(path)) foreach (var d in list) Add(path, d);

        // Event and reference rules: each segment's findings are kept with it for as long as the
        // outline holds; what is not known yet is found on every core, in chunks merged in order.
        var work = new List<Action<List<(string, Diagnostic)>>>();
        var segmentsToCheck = new List<(FileModel File, FileAnalyzer.SegmentAnalysis Segment)>();
        foreach (var f in project.Files)
        {
            var file = f;
            if (kept.ContainsKey(f.Path)) continue;
            if (BySegment(f))
            {
                foreach (var seg in f.Segments!) if (seg.Checked?.Outline != checks) segmentsToCheck.Add((f, seg));
                continue;
            }
            for (int i = 0; i < f.References.Count; i += ChunkSize)
            {
                int from = i, to = Math.Min(file.References.Count, from + ChunkSize);
                work.Add(into => CheckReferences(file, file.Events, file.References.Skip(from).Take(to - from), symbols, Into(into, file.Path)));
            }
            for (int i = 0; i < f.Events.Count; i += EventChunk)
            {
                int from = i, to = Math.Min(file.Events.Count, from + EventChunk);
                work.Add(into => CheckEvents(file, file.Events, from, to, symbols, project, checks.Evidence, Into(into, file.Path)));
            }
        }
        for (int i = 0; i < segmentsToCheck.Count; i += SegmentChunk)
        {
            int from = i, to = Math.Min(segmentsToCheck.Count, from + SegmentChunk);
            work.Add(_ =>
            {
                for (int k = from; k < to; k++)
                    CheckSegment(segmentsToCheck[k].File, segmentsToCheck[k].Segment, symbols, project, checks);
            });
        }
        var results = new List<(string Path, Diagnostic D)>[work.Count];
        void Run(int i)
        {
            var local = new List<(string, Diagnostic)>();
            Parallelism.GiveWay();
            work[i](local);
            results[i] = local;
        }
        if (work.Count > 2 && Environment.ProcessorCount > 1) Parallel.For(0, work.Count, Parallelism.OfCaller(), Run);
        else for (int i = 0; i < work.Count; i++) Run(i);
        foreach (var list in results) foreach (var (path, d) in list) Add(path, d);
        var settleable = new List<(FileModel File, (IReadOnlyList<EventDef>, Reference[])[] Unresolved, Diagnostic[] Stated)>();
        foreach (var f in project.Files)
        {
            if (!BySegment(f) || kept.ContainsKey(f.Path)) continue;
            var unresolved = new List<(IReadOnlyList<EventDef>, Reference[])>();
            var stated = new List<Diagnostic>();
            foreach (var seg in f.Segments!)
            {
                // Checked under another outline meanwhile (another check of this project ran at the same time): checked again.
                var c = seg.Checked is { } done && done.Outline == checks ? done : CheckSegment(f, seg, symbols, project, checks);
                foreach (var d in c.Found) Add(f.Path, d.ShiftedBy(seg.Anchor.Start));
                if (c.Unresolved.Length == 0) continue;
                unresolved.Add((seg.Parts.Events, c.Unresolved));
                CheckReferences(f, seg.Parts.Events, c.Unresolved, symbols, (rule, span, message, fixes, suggestions) =>
                {
                    var d = Make(rule, span, message, fixes, suggestions);
                    stated.Add(d);
                    Add(f.Path, d);
                });
            }
            settleable.Add((f, unresolved.ToArray(), stated.ToArray()));
        }
        var diagnostics = Settle(project, userSeverities, found, kept, out var sources);
        // Made while a later version moved the file's segments, its findings are not kept for the next check either.
        foreach (var (f, unresolved, stated) in settleable)
            if (!f.MovedOn)
                checks.Settled(new SettledFile(f, userSeverities, everyCheck.GetValueOrDefault(f.Path)?.ToArray() ?? [], unresolved, stated,
                    diagnostics[f.Path]));
        return new ProjectResult
        {
            Project = project, Symbols = symbols, Checks = checks, Diagnostics = diagnostics, Sources = sources,
        };
    }

    /// <summary>
    /// The files' own findings (what each earns alone) under the project's and the user's rule
    /// settings and the files' suppressions, with no project rule run: what an editor shows of a
    /// document while its project is still being read, and answers from meanwhile.
    /// </summary>
    public static ProjectResult FilesAlone(ProjectSnapshot project, IReadOnlyDictionary<string, Severity?>? userSeverities)
    {
        var checks = new ProjectChecks(project);
        var symbols = new SymbolTable(project, null) { Evidence = project.Evidence };
        checks.Follow(symbols);
        var diagnostics = Settle(project, userSeverities, new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal),
            new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal), out var sources);
        return new ProjectResult { Project = project, Symbols = symbols, Checks = checks, Diagnostics = diagnostics, Sources = sources };
    }

    /// <summary>
    /// Every file's findings with the project's rule settings, the user's, and the files' suppression comments applied;
    /// those of the files in <paramref name="kept"/> are taken as they are.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<Diagnostic>> Settle(ProjectSnapshot project,
        IReadOnlyDictionary<string, Severity?>? userSeverities, Dictionary<string, List<Diagnostic>> found,
        Dictionary<string, IReadOnlyList<Diagnostic>> kept, out Dictionary<string, SourceText> sources)
    {
        var cfg = project.Config;
        var final = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        IEnumerable<(string Path, SourceText Source, Suppressions Supp, IEnumerable<Diagnostic> Diags)> All()
        {
            if (project.ConfigFile is { } c)
                yield return (c.Path, c.Source, c.Suppressions, c.Diagnostics.Concat(project.ConfigDiagnostics));
            foreach (var f in project.Files) yield return (f.Path, f.Source, f.Suppressions, f.Diagnostics);
            foreach (var cat in project.Catalogs) if (!cat.IsBuiltin) yield return (cat.Path, cat.Source, Suppressions.None, cat.Diagnostics);
        }
        // The built-ins are not the project's files: nothing is reported in them, but their text locates their entries.
        foreach (var cat in project.Catalogs) if (cat.IsBuiltin) sources[cat.Path] = cat.Source;
        // Nor are the snapshots: their text locates the passages that quotes point to.
        foreach (var snap in project.Evidence.Snapshots) if (snap.Problem == SnapshotProblem.None) sources[snap.Path] = snap.Text.Original;
        foreach (var (path, source, supp, diags) in All())
        {
            sources[path] = source;
            if (kept.TryGetValue(path, out var settled))
            {
                final[path] = settled;
                continue;
            }
            // Sized once for all that may be kept: a file's findings can number tens of thousands.
            var more = found.GetValueOrDefault(path);
            var list = new List<Diagnostic>(((diags as IReadOnlyCollection<Diagnostic>)?.Count ?? 0) + (more?.Count ?? 0));
            foreach (var d in more is null ? diags : diags.Concat(more))
            {
                var sev = Rules.Of(d.Rule).SeverityIn(cfg);
                if (cfg.RuleSeverities.TryGetValue(d.Code, out var configured))
                {
                    if (configured is null) continue;
                    sev = configured.Value;
                }
                if (userSeverities is not null && userSeverities.TryGetValue(d.Code, out var user))
                {
                    if (user is null) continue;
                    sev = user.Value;
                }
                if (supp.IsSuppressed(source.LineOf(d.Span.Start), d.Code)) continue;
                list.Add(sev == d.Severity ? d : d with { Severity = sev });
            }
            list.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Code, b.Code));
            final[path] = list;
        }
        return final;
    }

    private static Diagnostic Make(Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes, IReadOnlyList<string>? suggestions) =>
        new(rule, rule.DefaultSeverity, span, Syntax.StringPool.Message(message))
        {
            Fixes = fixes ?? Array.Empty<Fix>(),
            Suggestions = suggestions ?? Array.Empty<string>(),
        };

    private static Report Into(List<(string, Diagnostic)> into, string path) =>
        (rule, span, message, fixes, suggestions) => into.Add((path, Make(rule, span, message, fixes, suggestions)));

    private const int ChunkSize = 8192;
    private const int EventChunk = ChunkSize / 4;
    private const int SegmentChunk = 512;

    /// <summary>What the project checks found in one segment: the events' findings, relative to the segment, and the
    /// references no definition answers.</summary>
    internal sealed record SegmentFindings(ProjectChecks Outline, Diagnostic[] Found, Reference[] Unresolved);

    private static SegmentFindings CheckSegment(FileModel f, FileAnalyzer.SegmentAnalysis seg, SymbolTable symbols,
        ProjectSnapshot project, ProjectChecks outline)
    {
        var found = new List<Diagnostic>();
        int at = seg.Anchor.Start;
        // A finding without fixes is made where it is kept, relative to its segment (most findings: no copy of each).
        Report report = (rule, span, message, fixes, suggestions) =>
            found.Add(fixes is { Count: > 0 }
                ? Make(rule, span, message, fixes, suggestions).ShiftedBy(-at)
                : Make(rule, new TextSpan(span.Start - at, span.End - at), message, null, suggestions));
        CheckEvents(f, seg.Parts.Events, 0, seg.Parts.Events.Length, symbols, project, outline.Evidence, report);
        var unresolved = new List<Reference>();
        foreach (var r in seg.Parts.References) if (symbols.Find(r.Kind, r.Id) is null) unresolved.Add(r);
        var findings = new SegmentFindings(outline, found.ToArray(), unresolved.ToArray());
        // Made while a later version moved the segment: its findings may be placed for either text, and are not kept.
        if (!f.MovedOn) seg.Checked = findings;
        return findings;
    }

    /// <summary>The event rules on events[from..to] of a file, with one check moved from event to event.</summary>
    private static void CheckEvents(FileModel f, IReadOnlyList<EventDef> events, int from, int to, SymbolTable symbols,
        ProjectSnapshot project, ProjectEvidence evidence, Report report)
    {
        if (from >= to) return;
        var check = new EventCheck(f, events[from], symbols, evidence, project.Config, report);
        // Indexed, not enumerated: an enumerator of the rules would be made for each of 100,000 events.
        var rules = Rules.EventRules;
        for (int k = from; k < to; k++)
        {
            check.MoveTo(events[k]);
            for (int i = 0; i < rules.Count; i++) rules[i].Check(check);
        }
    }

    private static void CheckReferences(FileModel f, IReadOnlyList<EventDef> events, IEnumerable<Reference> references,
        SymbolTable symbols, Report report)
    {
        foreach (var r in references)
            if (symbols.Find(r.Kind, r.Id) is null)
                Rules.ForUnknown(r.Kind).Check(new ReferenceCheck(f, Around(events, r), r, symbols, report));
    }

    /// <summary>
    /// The event a reference is written in, among a segment's or a file's events (in the order they are written), or
    /// none: the rules look there for what the reference is (a figure's group, an event's place). Given all of a file's
    /// events, each unknown reference of a file read whole walked them all.
    /// </summary>
    private static IReadOnlyList<EventDef> Around(IReadOnlyList<EventDef> events, Reference r)
    {
        if (events.Count <= 1) return events;
        int at = r.Span.Start, lo = 0, hi = events.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].Span.Start <= at) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found >= 0 && events[found].Span.Touches(at) ? [events[found]] : Array.Empty<EventDef>();
    }
}
