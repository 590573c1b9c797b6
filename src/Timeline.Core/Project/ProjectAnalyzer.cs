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
/// What one check of a project leaves for the next: the outline of the project it saw, the
/// findings that hold for as long as that outline does, and its symbol table (whose sources,
/// places and actors a check of the same outline shares).
/// </summary>
public sealed class ProjectChecks
{
    internal ProjectChecks(ProjectSnapshot project)
    {
        Catalogs = project.Catalogs.ToArray();
        Files = project.Files.Select(f => (f.Path, f.Outline)).ToArray();
    }

    internal CatalogFile[] Catalogs { get; }
    internal (string Path, object Outline)[] Files { get; }
    /// <summary>The latest check's table (null before the first).</summary>
    internal SymbolTable? Symbols { get; private set; }

    /// <summary>Unused sources, repeated URLs, containment loops: found once per outline, placed anew each time.</summary>
    internal List<(string Path, Rule Rule, Func<TextSpan> Span, string Message)>? Standing;

    /// <summary>The same outline as this project's: the same catalogs, files, and in each file the same outline.</summary>
    internal bool Fits(ProjectSnapshot project)
    {
        if (Catalogs.Length != project.Catalogs.Count || Files.Length != project.Files.Count) return false;
        for (int i = 0; i < Catalogs.Length; i++) if (!ReferenceEquals(Catalogs[i], project.Catalogs[i])) return false;
        for (int i = 0; i < Files.Length; i++)
            if (Files[i].Path != project.Files[i].Path || !ReferenceEquals(Files[i].Outline, project.Files[i].Outline)) return false;
        return true;
    }

    internal void Follow(SymbolTable symbols) => Symbols = symbols;
}

/// <summary>The checks that need the whole project: references, duplicates, sourcing, dates against sources.</summary>
public static class ProjectAnalyzer
{
    public static ProjectResult Analyze(ProjectSnapshot project) => Analyze(project, null);

    /// <param name="userSeverities">Rule severities set by the user in the editor, applied after the project's.</param>
    /// <param name="previous">
    /// What the last check of this project left. When the project's outline is the same (an edit
    /// changed the text of events, not their ids or references), the checks of the segments the
    /// edit did not touch are not run again: what they found is moved to where the segments now stand.
    /// </param>
    public static ProjectResult Analyze(ProjectSnapshot project, IReadOnlyDictionary<string, Severity?>? userSeverities, ProjectChecks? previous = null) =>
        Analyze(project, userSeverities, previous, bySegment: true);

    /// <param name="bySegment">False: every file is checked whole, as if it had no segments (what the checks by segment are tested against).</param>
    internal static ProjectResult Analyze(ProjectSnapshot project, IReadOnlyDictionary<string, Severity?>? userSeverities, ProjectChecks? previous, bool bySegment)
    {
        // A syntax error can hide an event's sources from the check next to it: such files are checked whole, every time.
        bool BySegment(FileModel f) => bySegment && f.Segments is not null && f.Document.SkippedLines.Count == 0;
        var checks = previous is not null && previous.Fits(project) ? previous : new ProjectChecks(project);
        var symbols = new SymbolTable(project, checks.Symbols);
        checks.Follow(symbols);
        var extra = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        void Add(string path, Diagnostic d)
        {
            if (!extra.TryGetValue(path, out var l)) extra[path] = l = new List<Diagnostic>();
            l.Add(d);
        }
        void Report(string path, Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes = null, IReadOnlyList<string>? suggestions = null) =>
            Add(path, Make(rule, span, message, fixes, suggestions));

        CheckDuplicates(project, symbols, Report);
        if (checks.Standing is null)
        {
            var standing = new List<(string, Rule, Func<TextSpan>, string)>();
            CheckSources(project, (path, rule, span, message) => standing.Add((path, rule, span, message)));
            CheckCycles(project, symbols, (path, rule, span, message) => standing.Add((path, rule, span, message)));
            checks.Standing = standing;
        }
        foreach (var (path, rule, span, message) in checks.Standing) Report(path, rule, span(), message);

        // References and events: each segment's findings are kept with it for as long as the outline
        // holds; what is not known yet is found on every core, in chunks merged in order.
        var work = new List<Action<Reporter>>();
        var segmentsToCheck = new List<(FileModel File, FileAnalyzer.SegmentAnalysis Segment)>();
        foreach (var f in project.Files)
        {
            var file = f;
            if (BySegment(f))
            {
                foreach (var seg in f.Segments!) if (seg.Checked?.Outline != checks) segmentsToCheck.Add((f, seg));
                continue;
            }
            for (int i = 0; i < f.References.Count; i += ChunkSize) { int from = i; work.Add(r => CheckReferences(file, file.Events, file.References, from, Math.Min(file.References.Count, from + ChunkSize), symbols, r)); }
            for (int i = 0; i < f.Events.Count; i += ChunkSize / 4) { int from = i; work.Add(r => { for (int k = from; k < Math.Min(file.Events.Count, from + ChunkSize / 4); k++) CheckEvent(file, file.Events[k], symbols, r); }); }
        }
        for (int i = 0; i < segmentsToCheck.Count; i += SegmentChunk)
        {
            int from = i;
            work.Add(_ => { for (int k = from; k < Math.Min(segmentsToCheck.Count, from + SegmentChunk); k++) CheckSegment(segmentsToCheck[k].File, segmentsToCheck[k].Segment, symbols, checks); });
        }
        var found = new List<(string Path, Diagnostic D)>[work.Count];
        void Run(int i)
        {
            var local = new List<(string, Diagnostic)>();
            work[i]((path, rule, span, message, fixes, suggestions) => local.Add((path, Make(rule, span, message, fixes, suggestions))));
            found[i] = local;
        }
        if (work.Count > 2 && Environment.ProcessorCount > 1) Parallel.For(0, work.Count, Run);
        else for (int i = 0; i < work.Count; i++) Run(i);
        foreach (var list in found) foreach (var (path, d) in list) Add(path, d);
        foreach (var f in project.Files)
        {
            if (!BySegment(f)) continue;
            foreach (var seg in f.Segments!)
            {
                // Checked under another outline meanwhile (another check of this project ran at the same time): checked again.
                var c = seg.Checked is { } done && done.Outline == checks ? done : CheckSegment(f, seg, symbols, checks);
                foreach (var d in c.Found) Add(f.Path, d.ShiftedBy(seg.Anchor.Start));
                if (c.Unresolved.Length > 0) CheckReferences(f, seg.Parts.Events, c.Unresolved, 0, c.Unresolved.Length, symbols, Report);
            }
        }

        // Assemble, then apply the project's rule settings and the files' suppression comments.
        var cfg = project.Config;
        var final = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        IEnumerable<(string Path, SourceText Source, Suppressions Supp, IEnumerable<Diagnostic> Diags)> All()
        {
            if (project.ConfigFile is { } c)
                yield return (c.Path, c.Source, c.Suppressions, c.Diagnostics.Concat(project.ConfigDiagnostics));
            foreach (var f in project.Files) yield return (f.Path, f.Source, f.Suppressions, f.Diagnostics);
            foreach (var cat in project.Catalogs) if (!cat.IsBuiltin) yield return (cat.Path, cat.Source, Suppressions.None, cat.Diagnostics);
        }
        // The built-ins are not the project's files: nothing is reported in them, but their text locates their entries.
        foreach (var cat in project.Catalogs) if (cat.IsBuiltin) sources[cat.Path] = cat.Source;
        foreach (var (path, source, supp, diags) in All())
        {
            var list = new List<Diagnostic>();
            foreach (var d in diags.Concat(extra.GetValueOrDefault(path) ?? Enumerable.Empty<Diagnostic>()))
            {
                var sev = d.Severity;
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
                if (d.Rule == Rules.MissingSource && !cfg.RequireSources) continue;
                if (supp.IsSuppressed(source.LineOf(d.Span.Start), d.Code)) continue;
                list.Add(sev == d.Severity ? d : d with { Severity = sev });
            }
            list.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Code, b.Code));
            final[path] = list;
            sources[path] = source;
        }
        return new ProjectResult { Project = project, Symbols = symbols, Diagnostics = final, Sources = sources, Checks = checks };
    }

    private static Diagnostic Make(Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes, IReadOnlyList<string>? suggestions) =>
        new(rule, rule.DefaultSeverity, span, message) { Fixes = fixes ?? Array.Empty<Fix>(), Suggestions = suggestions ?? Array.Empty<string>() };

    private delegate void Reporter(string path, Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes = null, IReadOnlyList<string>? suggestions = null);

    private static string KindWord(SymbolKind k) => k.ToString().ToLowerInvariant();

    private static void CheckDuplicates(ProjectSnapshot project, SymbolTable symbols, Reporter report)
    {
        var texts = project.Files.ToDictionary(f => f.Path, f => f.Source, StringComparer.Ordinal);
        int LineOf(Definition d) => texts.TryGetValue(d.Path, out var t) ? t.LineOf(d.IdSpan.Start) + 1 : 0;
        foreach (SymbolKind kind in Enum.GetValues<SymbolKind>())
            foreach (var group in symbols.Duplicates(kind))
                for (int i = 0; i < group.Count; i++)
                {
                    var d = group[i];
                    // Reported on the project's own definitions: a catalog is not the writer's to edit.
                    if (d.FromCatalog) continue;
                    var other = group[i == 0 ? 1 : 0];
                    string where = other.FromCatalog
                        ? (BuiltinCatalogs.NameOf(other.Path) is { } builtin ? $"in the built-in catalog {builtin}" : $"in the catalog {Path.GetFileName(other.Path)}")
                        : other.Path == d.Path ? $"on line {LineOf(other)} of this file" : $"in {Path.GetFileName(other.Path)}, line {LineOf(other)}";
                    report(d.Path, Rules.DuplicateId, d.IdSpan, $"the {KindWord(kind)} id '{d.Id}' is defined {group.Count} times; it is also defined {where}. Ids are unique for each kind in a project");
                }
    }

    private const int ChunkSize = 8192;

    private const int SegmentChunk = 512;

    /// <summary>What the project checks found in one segment: the events' findings, relative to the segment, and the references no definition answers.</summary>
    internal sealed record SegmentFindings(ProjectChecks Outline, Diagnostic[] Found, Reference[] Unresolved);

    private static SegmentFindings CheckSegment(FileModel f, FileAnalyzer.SegmentAnalysis seg, SymbolTable symbols, ProjectChecks outline)
    {
        var found = new List<Diagnostic>();
        foreach (var ev in seg.Parts.Events)
            CheckEvent(f, ev, symbols, (path, rule, span, message, fixes, suggestions) => found.Add(Make(rule, span, message, fixes, suggestions).ShiftedBy(-seg.Anchor.Start)));
        var unresolved = new List<Reference>();
        foreach (var r in seg.Parts.References) if (symbols.Find(r.Kind, r.Id) is null) unresolved.Add(r);
        var findings = new SegmentFindings(outline, found.ToArray(), unresolved.ToArray());
        seg.Checked = findings;
        return findings;
    }

    private static void CheckReferences(FileModel f, IReadOnlyList<EventDef> events, IReadOnlyList<Reference> references, int from, int to, SymbolTable symbols, Reporter report)
    {
        for (int i = from; i < to; i++)
            {
                var r = references[i];
                if (symbols.Find(r.Kind, r.Id) is not null) continue;
                var rule = r.Kind switch
                {
                    SymbolKind.Place => Rules.UnknownPlace,
                    SymbolKind.Actor => Rules.UnknownActor,
                    SymbolKind.Source => Rules.UnknownSource,
                    _ => Rules.UnknownEvent,
                };
                // A figure's group may also be one of a few words.
                bool isGroup = r.Kind == SymbolKind.Actor && IsFigureGroup(events, r);
                if (isGroup)
                {
                    var words = StructureValidator.Closest(r.Id, LanguageSchema.FigureGroups);
                    if (words.Count > 0)
                    {
                        report(f.Path, Rules.InvalidValue, r.Span, $"'{r.Id}' is not a group; expected civilians, combatants, unknown or an actor id (did you mean '{words[0]}'?)",
                            words.Select((w, i) => Fix.Replace($"Change to '{w}'", r.Span, w, i == 0)).ToList(), words);
                        continue;
                    }
                }
                var matches = symbols.Index(r.Kind).Search(r.Id, 3);
                var ids = matches.Select(m => m.Id).ToList();
                string hint = matches.Count == 0 ? "" : $"; did you mean {string.Join(" or ", matches.Select(m => m.MatchedName == m.Id || m.MatchedName == m.Item.DisplayName ? $"'{m.Id}' ({m.Item.DisplayName})" : $"'{m.Id}' ({m.Item.DisplayName}, also '{m.MatchedName}')"))}?";
                string what = isGroup ? "a group (civilians, combatants, unknown) or an actor id" : $"{ScalarShape.Article(r.Kind)} id";
                string defined = symbols.Count(r.Kind) == 0 ? $" (the project defines no {KindWord(r.Kind)}s yet)" : "";
                report(f.Path, rule, r.Span, $"unknown {KindWord(r.Kind)} '{r.Id}'; expected {what} defined in the project{defined}{hint}",
                    // A catalog number says nothing by itself: its name goes with it ("Change to 'geonames:164816' (Sarāqib)").
                    matches.Select((m, i) => Fix.Replace(m.Id.Contains(':') ? $"Change to '{m.Id}' ({m.Item.DisplayName})" : $"Change to '{m.Id}'", r.Span, m.Id, i == 0)).ToList(), ids);
            }
    }

    private static bool IsFigureGroup(IReadOnlyList<EventDef> events, Reference r) =>
        events.Any(e => e.Casualties.Any(c => ReferenceEquals(c.GroupActor, r)));

    /// <summary>A finding whose place is read when it is reported (the definitions move with their segments).</summary>
    private delegate void Standing(string path, Rule rule, Func<TextSpan> span, string message);

    private static void CheckSources(ProjectSnapshot project, Standing report)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in project.Files) foreach (var r in f.References) if (r.Kind == SymbolKind.Source) cited.Add(r.Id);
        var byUrl = new Dictionary<string, SourceDef>(StringComparer.Ordinal);
        foreach (var f in project.Files)
            foreach (var s in f.Sources)
            {
                if (!cited.Contains(s.Id))
                    report(f.Path, Rules.UnusedSource, () => s.IdSpan, $"the source '{s.Id}' is not cited by any event, claim or figure; cite it or remove it");
                if (s.Url is { } url && s.UrlNode is { } node && StructureValidator.IsHttpUrl(url))
                {
                    string key = UrlKey(url);
                    if (byUrl.TryGetValue(key, out var first))
                        report(f.Path, Rules.DuplicateUrl, () => node.Span, $"the source '{s.Id}' has the same URL as '{first.Id}'; one page is one source");
                    else byUrl[key] = s;
                }
            }
    }

    private static string UrlKey(string url)
    {
        var u = new Uri(url);
        string path = u.AbsolutePath.TrimEnd('/');
        return $"{u.Host.ToLowerInvariant().Replace("www.", "")}{path}{u.Query}";
    }

    private static void CheckEvent(FileModel f, EventDef ev, SymbolTable symbols, Reporter report)
    {
        TextSpan anchor = ev.IdSpan.Length > 0 ? ev.IdSpan : ev.Node?.Entries.FirstOrDefault()?.Key.Span ?? ev.Span;

        // TL301: no citation.
        if (ev.Citations.Count == 0 && ev.Node is not null)
        {
            bool sourcesWrongType = ev.SourcesEntry is { Value: not Syntax.SequenceNode };
            if (!sourcesWrongType && !f.Document.LostContentNear(ev.Span))
                report(f.Path, Rules.MissingSource, ev.SourcesEntry?.Key.Span ?? anchor,
                    ev.SourcesEntry is null ? $"the event '{ev.Id}' cites no source; add sources: with at least one source id" : $"the event '{ev.Id}' has an empty source list; cite at least one source");
        }

        // One pass over every citation (sources, claims, figures): what the checks below need.
        int citations = 0, unresolved = 0, unaffiliated = 0;
        DateTime latestPublished = DateTime.MinValue;
        int dated = 0;
        foreach (var c in ev.AllCitations())
        {
            citations++;
            if (symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id) is not { } src) { unresolved++; continue; }
            if (src.Affiliation is null) unaffiliated++;
            if (src.Published?.Value is { } pub) { dated++; if (pub.Latest > latestPublished) latestPublished = pub.Latest; }
        }

        // TL103: relative dates, resolved from the cited sources' publication dates.
        if (ev.Date?.Reading.Relative is { } rel)
        {
            var resolved = Resolve(ev.Citations, symbols);
            ReportRelative(f, ev.Date, rel, resolved.Count > 0 ? resolved : Resolve(ev.AllCitations(), symbols), report);
        }
        foreach (var claim in ev.Claims)
            if (claim.Date?.Reading.Relative is { } crel)
            {
                var own = claim.Source is { } cs && symbols.Find<SourceDef>(SymbolKind.Source, cs.Source.Id) is { } src ? new List<SourceDef> { src } : Resolve(ev.Citations, symbols);
                ReportRelative(f, claim.Date, crel, own, report);
            }

        // TL106: the event starts after every cited source was published.
        if (dated > 0 && ev.Date?.Value is { StartKind: IntervalEnd.Point } date && latestPublished < date.Earliest)
            report(f.Path, Rules.DateAfterSource, ev.Date.Node.Span,
                $"the event's earliest possible date ({DateWords.Bound(date.Earliest)}) is after every cited source was published (the latest on {DateWords.Bound(latestPublished)}); a source cannot report what had not happened");

        // TL302: confirmed needs two independent origins.
        if (ev.Status == "confirmed" && ev.StatusNode is { } statusNode)
        {
            var all = Resolve(ev.AllCitations(), symbols);
            var origins = all.Select(s => s.Origin).Distinct().ToList();
            if (origins.Count < 2)
                report(f.Path, Rules.WeakConfirmation, statusNode.Span,
                    origins.Count == 0 ? "status: confirmed, but the event cites no known source; confirmation needs two independent origins"
                    : $"status: confirmed, but every citation comes from one origin ({all[0].Via ?? all[0].Publisher ?? all[0].Id}); confirmation needs two independent origins");
        }

        // TL303: every citation comes from a party to the event.
        if (citations > 0 && unresolved == 0 && unaffiliated == 0 && ev.Actors.Count > 0 && ev.Status is not ("claimed" or "disputed" or "denied"))
        {
            // A source speaks for an actor of the event when its affiliation is that actor, part of it,
            // or part of the same larger body (state media and the army both speak for the government).
            var parties = symbols.ActorClosure(ev.Actors.Select(a => a.Id));
            var affiliations = Resolve(ev.AllCitations(), symbols).Select(s => s.Affiliation!.Id).Distinct().ToList();
            if (affiliations.All(a => symbols.ActorClosure(new[] { a }).Overlaps(parties)))
                report(f.Path, Rules.PartySourced, ev.SourcesEntry?.Key.Span ?? anchor,
                    $"every citation of '{ev.Id}' comes from sources affiliated with {string.Join(", ", affiliations.Select(a => $"'{a}'"))}, a party to it; set status: claimed (or disputed, denied) or cite an independent source",
                    ev.StatusNode is { } sn ? new[] { Fix.Replace("Set status: claimed", sn.Span, "claimed", true) } : new[] { InsertStatus(f, ev, "claimed") }.OfType<Fix>().ToList());
        }

        // TL304: claims assert and deny, but the event is not disputed.
        if (ev.Claims.Count > 1 && ev.Status != "disputed" && ev.Claims.Any(c => c.Stance == "asserts") && ev.Claims.Any(c => c.Stance == "denies"))
        {
            var span = ev.StatusNode?.Span ?? ev.Node?.Find("claims")?.Key.Span ?? anchor;
            var fix = ev.StatusNode is { } sn ? Fix.Replace("Set status: disputed", sn.Span, "disputed", true) : InsertStatus(f, ev, "disputed");
            report(f.Path, Rules.UndisputedConflict, span,
                $"claims about '{ev.Id}' both assert and deny it, but its status is {ev.Status}; set status: disputed",
                fix is null ? null : new[] { fix });
        }
    }

    private static List<SourceDef> Resolve(IEnumerable<Citation> citations, SymbolTable symbols)
    {
        var list = new List<SourceDef>();
        foreach (var c in citations) if (symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id) is { } s) list.Add(s);
        return list;
    }

    /// <summary>A fix that adds "status: VALUE" to an event, on a line of its own before the event's second key.</summary>
    public static Fix? InsertStatus(FileModel f, EventDef ev, string value)
    {
        if (ev.Node is not { Entries.Count: > 0 } m || m.IsFlow) return null;
        var after = m.Find("title") ?? m.Find("date") ?? m.Entries[0];
        var src = f.Source;
        int line = src.LineOf(after.Value.Span.End) + 1;
        int keyCol = after.Key.Span.Start - src.LineStart(src.LineOf(after.Key.Span.Start));
        string indent = new(' ', keyCol);
        int at = line < src.LineCount ? src.LineStart(line) : src.Length;
        string nl = src.NewLine;
        string text = at == src.Length && src.Length > 0 && src[src.Length - 1] != '\n' ? nl + indent + $"status: {value}" : indent + $"status: {value}" + nl;
        return new Fix($"Set status: {value}", new[] { new TextEdit(new TextSpan(at, at), text) }, null, true);
    }

    private static void ReportRelative(FileModel f, DateValue date, RelativeDate rel, IReadOnlyList<SourceDef> sources, Reporter report)
    {
        var candidates = sources.Where(s => s.PublishedDay is not null)
            .GroupBy(s => rel.Resolve(s.PublishedDay!.Value))
            .Select(g => (Value: g.Key, Sources: g.ToList()))
            .ToList();
        string baseMessage = $"'{date.Text}' is {rel.Meaning}, not a date";
        if (candidates.Count == 0)
        {
            report(f.Path, Rules.RelativeDate, date.Node.Span, $"{baseMessage}; cite a source with a published date to resolve it, or write the date (such as 2024-11-29)");
            return;
        }
        var fixes = candidates.Select((c, i) => Fix.Replace(
            $"Change to '{c.Value}' ({Describe(c.Value)}, from {string.Join(", ", c.Sources.Select(s => $"{s.Id} published {DateReader.Iso(s.PublishedDay!.Value)}"))})",
            date.Node.Span, c.Value, candidates.Count == 1 && i == 0)).ToList();
        string message = candidates.Count == 1
            ? $"{baseMessage}; against the cited source's publication date it is {candidates[0].Value} ({Describe(candidates[0].Value)})"
            : $"{baseMessage}; the cited sources disagree: {string.Join(" or ", candidates.Select(c => $"{c.Value} (from {string.Join(", ", c.Sources.Select(s => s.Id))})"))}";
        report(f.Path, Rules.RelativeDate, date.Node.Span, message, fixes, candidates.Select(c => c.Value).ToList());
    }

    private static string Describe(string edtf) => Edtf.Parse(edtf, out _) is { } d ? d.Describe() : edtf;

    private static void CheckCycles(ProjectSnapshot project, SymbolTable symbols, Standing report)
    {
        foreach (var f in project.Files)
            foreach (var p in f.Places)
            {
                if (p.In is null) continue;
                var seen = new List<string> { p.Id };
                var cur = p;
                while ((cur.In?.Id ?? cur.InId) is { } up && symbols.Find<PlaceDef>(SymbolKind.Place, up) is { } parent)
                {
                    if (parent.Id == p.Id)
                    {
                        var loop = p.In;
                        report(f.Path, Rules.ContainmentCycle, () => loop.Span, $"the 'in' chain of '{p.Id}' loops: {string.Join(" › ", seen)} › {p.Id}; a place cannot be inside itself");
                        break;
                    }
                    if (seen.Contains(parent.Id)) break; // a loop further up, reported on its own places
                    seen.Add(parent.Id);
                    cur = parent;
                }
            }
    }
}
