using System.Globalization;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>
/// Reads one file into a <see cref="FileModel"/>: its tree, its definitions and references, and
/// the checks that need nothing else. A file that splits into segments (each root key, each
/// item of a root list) is analysed segment by segment; given the file's previous model, the
/// segments whose text did not change are reused, moved to where they now stand.
/// </summary>
public static class FileAnalyzer
{
    public static FileModel Analyze(string path, string text, ReaderLimits? limits = null) =>
        Analyze(path, FileKinds.FromPath(path), new SourceText(text), limits);

    /// <param name="keepForEdits">
    /// Whether the model keeps what its next versions reuse (each segment's analysis, in offsets relative to it). An
    /// editor's documents do; a command that reads a project once and checks it does not: that is ~0.4 KB per event.
    /// Without it, <paramref name="previous"/> is not used: the file is read whole.
    /// </param>
    public static FileModel Analyze(string path, FileKind kind, SourceText source, ReaderLimits? limits = null, FileModel? previous = null,
        bool keepForEdits = true)
    {
        limits ??= ReaderLimits.Default;
        // Read to be checked once: the file is read whole (its segments still read on every core), with none of the
        // per-segment models that a next version would reuse (~0.4 KB per event made and dropped).
        if (!keepForEdits) return Whole(path, kind, source, limits, leaveTextInFile: true);
        var shape = LanguageSchema.RootOf(kind);
        // Where the edit from the previous version lies (what the two share at their start and end), found once for the
        // split and for the reuse of segments.
        (int Prefix, int Suffix)? shared = previous?.Layout is not null ? Shared(previous.Source, source) : null;
        var segments = shape is null || kind == FileKind.Config || YamlReader.IsTooLarge(source, limits) ? null
            : (shared is { } edit ? Segmenter.SplitAfterEdit(previous!.Source, previous.Layout!, source, edit.Prefix, edit.Suffix) : null)
                ?? Segmenter.Split(source);
        return segments is null ? Whole(path, kind, source, limits)
            : Segmented(path, kind, shape!, source, limits, segments, previous, shared);
    }

    private static (int Prefix, int Suffix) Shared(SourceText before, SourceText now)
    {
        int prefix = before.CommonPrefixLength(now);
        return (prefix, before.CommonSuffixLength(now, Math.Min(before.Length, now.Length) - prefix));
    }

    /// <summary>
    /// The model of a file known to be over the size limit without its text (judged by its size on disk, or by the
    /// length of a message): no text, and TL901 at its start, as the reader gives for such a text.
    /// </summary>
    public static FileModel TooLarge(string path, ReaderLimits? limits = null)
    {
        var source = new SourceText("");
        var kind = FileKinds.FromPath(path);
        if (kind == FileKind.Unknown)
            return new FileModel { Path = path, Kind = kind, Source = source, Document = new YamlDocument { Source = source } };
        var problem = YamlReader.TooLarge(new TextSpan(0, 0), limits ?? ReaderLimits.Default);
        var document = new YamlDocument { Source = source, Problems = [problem] };
        var model = new FileModel { Path = path, Kind = kind, Source = source, Document = document };
        model.Diagnostics.Add(ToDiagnostic(problem));
        return model;
    }

    /// <param name="leaveTextInFile">Whether long free-text values are read from the text when asked (see <see cref="ValuesFromText"/>).</param>
    private static FileModel Whole(string path, FileKind kind, SourceText source, ReaderLimits limits, bool leaveTextInFile = false)
    {
        // Not a file of the language (a snapshot an editor opened, say): plain text, nothing to report.
        if (kind == FileKind.Unknown)
            return new FileModel { Path = path, Kind = kind, Source = source, Document = new YamlDocument { Source = source } };
        var doc = YamlReader.Read(source, limits, leaveTextInFile ? LanguageSchema.FreeTextKeys : null);
        var model = new FileModel { Path = path, Kind = kind, Source = source, Document = doc };
        foreach (var p in doc.Problems) model.Diagnostics.Add(ToDiagnostic(p));
        model.Suppressions = Suppressions.Read(source);
        var shape = LanguageSchema.RootOf(kind);
        if (shape is null) return model;
        StructureValidator.Validate(doc, shape, model.Diagnostics);
        if (doc.Root is MappingNode root)
        {
            var parts = new ModelParts(path, null, into: model);
            new Builder(parts, kind).BuildRoot(root);
            model.Take(parts);
            model.EventBounds = model.Events.Select(FileModel.BoundsOf).ToArray();
            CheckFile(model);
        }
        return model;
    }

    private static Diagnostic ToDiagnostic(SyntaxProblem p) => new(p.Rule, p.Rule.DefaultSeverity, p.Span, p.Message);

    /// <summary>One segment, read and analysed, with everything relative to its anchor.</summary>
    internal sealed class SegmentAnalysis
    {
        public required SegmentAnchor Anchor { get; init; }
        public required Segment Segment { get; set; }
        public TimeSpan? Timezone { get; init; }
        public YamlNode? Root { get; init; }
        public required List<SyntaxProblem> Problems { get; init; }   // relative
        public required List<int> Skipped { get; init; }              // lines relative to the segment's first line
        public required SegmentParts Parts { get; init; }             // diagnostics relative; definitions anchored
        /// <summary>A list's key line: the node its items are gathered under in every version that keeps this segment.</summary>
        public SequenceNode? List;
        /// <summary>What the project checks found in this segment, and under which outline of the project.</summary>
        public ProjectAnalyzer.SegmentFindings? Checked;
    }

    private static FileModel Segmented(string path, FileKind kind, ObjectShape shape, SourceText source,
        ReaderLimits limits, IReadOnlyList<Segment> segments, FileModel? previous, (int Prefix, int Suffix)? shared)
    {
        // Reuse: the segments at the start and at the end that the edit did not touch lie wholly in the
        // text the two versions share at their start and at their end; the few in between are looked up by their text.
        var prev = previous?.Kind == kind ? previous.Segments : null;
        // The segments reused below are moved to where they now stand: the previous version's positions go with them.
        if (prev is not null) previous!.MoveOn();
        var prevLayout = previous?.Layout;
        int n = segments.Count, pn = prev?.Count ?? 0;
        var analyses = new SegmentAnalysis?[n];
        var reusedPrev = new bool[pn];
        int head = 0, tail = 0;
        if (prev is not null && prevLayout is not null && shared is { } edit)
        {
            SourceText before = previous!.Source, now = source;
            var (prefix, suffix) = edit;
            while (head < n && head < pn && prevLayout[head] == segments[head] && segments[head].End <= prefix) head++;
            while (tail < n - head && tail < pn - head)
            {
                Segment was = prevLayout[pn - 1 - tail], seg = segments[n - 1 - tail];
                // The same segment moved by the edit, lying wholly in the shared end.
                if (was with { Start = seg.Start } != seg || seg.Start < now.Length - suffix
                    || before.Length - was.End != now.Length - seg.End) break;
                // A syntax error's message can name a line (where a flow collection opened): read again where it now stands.
                if (prev[pn - 1 - tail].Problems.Count > 0 && before.LineOf(was.Start) != now.LineOf(seg.Start)) break;
                tail++;
            }
            for (int i = 0; i < head; i++) Take(i, i);
            for (int i = 0; i < tail; i++) Take(pn - 1 - i, n - 1 - i);
        }
        void Take(int p, int i)
        {
            var a = prev![p];
            reusedPrev[p] = true;
            a.Anchor.Start = segments[i].Start;
            a.Segment = segments[i];
            analyses[i] = a;
        }
        // Only the previous segments between the reused ends can still be reused: index those alone
        // (one or two for a keystroke; many for a paste or a sort).
        Dictionary<string, List<int>>? middle = null;
        if (prev is not null && prevLayout is not null && head + tail < n && head + tail < pn)
        {
            middle = new Dictionary<string, List<int>>(pn - head - tail, StringComparer.Ordinal);
            for (int p = head; p < pn - tail; p++)
            {
                string text = previous!.Source.Substring(prevLayout![p].Start, prevLayout[p].Length);
                if (!middle.TryGetValue(text, out var list)) middle[text] = list = new List<int>(1);
                list.Add(p);
            }
        }

        SegmentAnalysis? Reuse(int i, TimeSpan? tz)
        {
            if (analyses[i] is { } done) return done.Timezone == tz ? done : null;
            var seg = segments[i];
            if (middle is null || !middle.TryGetValue(source.Substring(seg.Start, seg.Length), out var found)) return null;
            foreach (int p in found)
            {
                var a = prev![p];
                if (reusedPrev[p] || a.Segment.Role != seg.Role || a.Segment.ListKey != seg.ListKey || a.Timezone != tz) continue;
                if (a.Problems.Count > 0 && previous!.Source.LineOf(prevLayout![p].Start) != source.LineOf(seg.Start)) continue;
                Take(p, i);
                return a;
            }
            return null;
        }

        // Root keys first: the timezone they set is how the events' times are read.
        TimeSpan? timezone = null;
        string? title = null;
        bool rootKeysReused = true;
        for (int i = 0; i < n; i++)
        {
            if (segments[i].Role == SegmentRole.Item) continue;
            if (Reuse(i, null) is not { } again)
            {
                rootKeysReused = false;
                again = AnalyzeSegment(path, kind, shape, source, segments[i], null, limits);
            }
            analyses[i] = again;
            timezone ??= again.Parts.Timezone;
            if (again.Parts.Title is not null) title = again.Parts.Title;
        }
        var fresh = new List<int>();
        for (int i = head; i < n - tail; i++)
        {
            if (segments[i].Role != SegmentRole.Item) continue;
            var tz = segments[i].ListKey == "events" ? timezone : null;
            analyses[i] = Reuse(i, tz);
            if (analyses[i] is null) fresh.Add(i);
        }
        // The reused ends were read with the timezone of the last version: their events are read again if it changed.
        // The model's lists are then gathered from every segment, not copied for the ends.
        if (prev is not null && timezone != previous!.Timezone)
        {
            foreach (int i in Enumerable.Range(0, head).Concat(Enumerable.Range(n - tail, tail)))
                if (segments[i].Role == SegmentRole.Item && analyses[i]!.Timezone != (segments[i].ListKey == "events" ? timezone : null))
                {
                    analyses[i] = null;
                    fresh.Add(i);
                }
            head = tail = 0;
        }
        void Fresh(int i)
        {
            Project.Parallelism.GiveWay();
            analyses[i] = AnalyzeSegment(path, kind, shape, source, segments[i], segments[i].ListKey == "events" ? timezone : null, limits);
        }
        // One thread per core: more only take turns on them (an editor's first document, read on a cold thread pool that
        // may start eight, came ~10 ms later).
        if (fresh.Count > 64 && Environment.ProcessorCount > 1)
            Parallel.ForEach(fresh, Project.Parallelism.OfCaller(Environment.ProcessorCount), Fresh);
        else foreach (int i in fresh) Fresh(i);

        // Put the file together, every offset where it now stands.
        var reads = new List<YamlReader.SegmentResult>(n);
        foreach (var a in analyses)
        {
            var list = a!.Segment.Role == SegmentRole.ListHeader ? a.List ??= new SequenceNode() : null;
            if (a.Problems.Count == 0 && a.Skipped.Count == 0)
            {
                reads.Add(new YamlReader.SegmentResult(a.Root, YamlReader.NoProblems, YamlReader.NoLines, list));
                continue;
            }
            int firstLine = source.LineOf(a.Anchor.Start);
            reads.Add(new YamlReader.SegmentResult(a.Root,
                a.Problems.Select(p => p with { Span = Shift(p.Span, a.Anchor.Start) }).ToList(),
                a.Skipped.Select(l => l + firstLine).ToList(), list));
        }
        var doc = YamlReader.Compose(source, segments, reads);
        bool sameOutline = previous?.Kind == kind && prev is not null && rootKeysReused
            && SameOutline(Enumerable.Range(head, Math.Max(0, pn - tail - head)).Where(p => !reusedPrev[p])
                .Select(p => prev[p]), fresh.Order().Select(i => analyses[i]!));
        var model = new FileModel
        {
            Path = path, Kind = kind, Source = source, Document = doc, Segments = analyses!, Layout = segments,
            Outline = sameOutline ? previous!.Outline : new object(), Timezone = timezone, Title = title,
        };
        foreach (var p in doc.Problems) model.Diagnostics.Add(ToDiagnostic(p));
        model.Suppressions = Suppressions.Read(source);
        if (doc.Root is MappingNode root) StructureValidator.ValidateRootKeys(doc, root, shape, model.Diagnostics);
        // The model's lists: what the reused ends held, taken from the last version as it stands; what lies between, from its segments.
        model.Gather(analyses!, head, tail, previous, source.Length - (previous?.Source.Length ?? 0));
        model.Diagnostics.AddRange(model.SegmentDiagnostics);
        CheckFile(model);
        return model;
    }

    /// <summary>
    /// Whether the segments an edit replaced and the segments it made are all events with the same
    /// ids and the same references, in the same order: what the project checks see of the file beyond each event is then unchanged.
    /// </summary>
    private static bool SameOutline(IEnumerable<SegmentAnalysis> dropped, IEnumerable<SegmentAnalysis> made)
    {
        static bool IsEvents(SegmentAnalysis a) => a.Segment.Role == SegmentRole.Item && a.Segment.ListKey == "events";
        var was = dropped.ToList();
        var now = made.ToList();
        if (!was.All(IsEvents) || !now.All(IsEvents)) return false;
        static IEnumerable<(SymbolKind, string)> Outline(List<SegmentAnalysis> segs) =>
            segs.SelectMany(a => a.Parts.Events.Select(e => (SymbolKind.Event, e.Id)).Concat(a.Parts.References.Select(r => (r.Kind, r.Id))));
        return Outline(was).SequenceEqual(Outline(now));
    }


    private static TextSpan Shift(TextSpan s, int by) => new(s.Start + by, s.End + by);

    /// <summary>Reads and analyses one segment alone.</summary>
    private static SegmentAnalysis AnalyzeSegment(string path, FileKind kind, ObjectShape shape, SourceText source,
        Segment seg, TimeSpan? timezone, ReaderLimits limits)
    {
        var anchor = new SegmentAnchor { Start = seg.Start };
        var read = YamlReader.ReadSegment(source, seg, anchor, limits);
        YamlNode.TrimLists(read.Root);
        var parts = ModelParts.ForSegment(path, timezone);
        var segDoc = new YamlDocument { Source = source, Root = read.Root, Problems = read.Problems, SkippedLines = read.Skipped };
        var builder = new Builder(parts, kind);
        if (read.Root is not null && read.MayHaveProperties) StructureValidator.ReportProperties(segDoc, read.Root, parts.Diagnostics);
        if (seg.Role == SegmentRole.Item && read.Root is SequenceNode items)
        {
            var itemShape = (shape[seg.ListKey!]?.Shape as ListShape)?.Item;
            foreach (var item in items.Items)
            {
                if (itemShape is not null) StructureValidator.ValidateValue(segDoc, item, itemShape, null, parts.Diagnostics);
                builder.BuildItem(seg.ListKey!, item);
            }
        }
        else if (read.Root is MappingNode m)
        {
            foreach (var e in m.Entries)
                if (e.KeyText is { } k && shape[k] is { } field && !(seg.Role == SegmentRole.ListHeader && e.Value is ScalarNode { IsEmpty: true }))
                    StructureValidator.ValidateValue(segDoc, e.Value, field.Shape, e, parts.Diagnostics);
            builder.BuildRoot(m);
        }
        int firstLine = source.LineOf(seg.Start);
        return new SegmentAnalysis
        {
            Anchor = anchor,
            Segment = seg,
            Timezone = timezone,
            Root = read.Root,
            Problems = read.Problems.Count == 0 ? YamlReader.NoProblems
                : read.Problems.Select(p => p with { Span = Shift(p.Span, -seg.Start) }).ToList(),
            Skipped = read.Skipped.Count == 0 ? YamlReader.NoLines : read.Skipped.Select(l => l - firstLine).ToList(),
            Parts = parts.Freeze(anchor),
        };
    }

    /// <summary>The rules that look at one file model (<see cref="RulePass.File"/>), on every version of the file.</summary>
    private static void CheckFile(FileModel model)
    {
        foreach (var rule in Rules.FileRules) rule.Check(model, model.Diagnostics);
    }

    private sealed class Builder
    {
        private readonly ModelParts _m;
        private readonly FileKind _kind;
        public Builder(ModelParts m, FileKind kind) { _m = m; _kind = kind; }

        private void Add(Rule rule, TextSpan span, string message, IReadOnlyList<Fix>? fixes = null) =>
            _m.Diagnostics.Add(new Diagnostic(rule, rule.DefaultSeverity, span, message) { Fixes = fixes ?? Array.Empty<Fix>() });

        private static ScalarNode? Scalar(MappingNode m, string key) => m[key] is ScalarNode { IsNull: false } s ? s : null;
        private static string? Text(MappingNode m, string key) => Scalar(m, key)?.Value;

        private Reference? Ref(YamlNode? node, SymbolKind kind)
        {
            if (node is not ScalarNode { IsNull: false } s || s.Style is ScalarStyle.Literal or ScalarStyle.Folded) return null;
            var r = new Reference(kind, s, _m.Path);
            _m.References.Add(r);
            return r;
        }

        private Reference[] Refs(MappingNode m, string key, SymbolKind kind)
        {
            var node = m[key];
            if (node is not SequenceNode seq) return Ref(node, kind) is { } one ? [one] : Array.Empty<Reference>();
            var refs = Room<Reference>(seq.Items);
            int n = 0;
            foreach (var i in seq.Items) if (Ref(i, kind) is { } r) refs[n++] = r;
            return Used(refs, n);
        }

        // An event's lists are kept for the life of the file: each is made at its exact size (the list's items
        // bound it), with no list to grow and copy, and the one shared empty array for the lists left empty.
        private static T[] Room<T>(NodeList<YamlNode> items) => items.Count == 0 ? Array.Empty<T>() : new T[items.Count];

        private static T[] Used<T>(T[] room, int used)
        {
            if (used == room.Length) return room;
            if (used == 0) return Array.Empty<T>();
            Array.Resize(ref room, used);
            return room;
        }

        private Citation? Cite(YamlNode? node)
        {
            if (node is MappingNode cm)
            {
                var src = Ref(cm["source"], SymbolKind.Source);
                if (src is null) return null;
                int? cred = Scalar(cm, "credibility") is { } cs && StructureValidator.IsInteger(cs, out long c) ? (int)c : null;
                return new Citation { Source = src, QuoteNode = Scalar(cm, "quote"), At = Text(cm, "at"), Credibility = cred };
            }
            return Ref(node, SymbolKind.Source) is { } r ? new Citation { Source = r } : null;
        }

        private static (string Id, TextSpan Span)? Id(MappingNode m)
        {
            var s = Scalar(m, "id");
            return s is null ? null : (s.Value, s.Span);
        }

        // What a date text reads as, shared by the dates written alike (events come a few to a day): a reading is
        // immutable, and ~200 bytes each. A bounded table without locks, as the string pool (segments are read on every
        // core, and a dictionary's locks cost more than the readings they saved): each slot keeps the last date read
        // that fell into it.
        private sealed record KnownReading(string Text, TimeSpan? Timezone, DateReading Reading);
        private static readonly KnownReading?[] Readings = new KnownReading?[8192];

        private static DateReading Read(string text, TimeSpan? timezone)
        {
            int slot = (string.GetHashCode(text.AsSpan()) ^ timezone.GetHashCode()) & (Readings.Length - 1);
            var known = Volatile.Read(ref Readings[slot]);
            if (known is not null && known.Timezone == timezone && string.Equals(known.Text, text, StringComparison.Ordinal))
                return known.Reading;
            var reading = DateReader.Read(text, timezone);
            Volatile.Write(ref Readings[slot], new KnownReading(text, timezone, reading));
            return reading;
        }

        private DateValue? Date(MappingNode m, string key)
        {
            var s = Scalar(m, key);
            if (s is null) return null;
            var reading = Read(s.Value, _m.Timezone);
            var dv = new DateValue(s, reading);
            // A relative date is resolved against the cited sources, by its rule.
            if (reading.Problem is { } p && p.Rule != RelativeDateRule.Rule) AddDateProblem(p, s);
            return dv;
        }

        // Apart from Date: its lambda captures the scalar, which would cost an object on every date read.
        private void AddDateProblem(DateProblem p, ScalarNode s) => Add(p.Rule, s.Span, p.Message,
            p.Fixes.Select((f, i) => Fix.Replace(f.Title, s.Span, f.Replacement, i == 0) with { IsCertain = f.IsCertain }).ToList());

        /// <summary>The mappings among the items of every list under a root key, in order: a key written twice keeps both.</summary>
        private static IEnumerable<MappingNode> Every(MappingNode root, string key)
        {
            foreach (var e in root.Entries)
                if (e.KeyText == key && e.Value is SequenceNode list)
                    foreach (var item in list.Items)
                        if (item is MappingNode m) yield return m;
        }

        /// <summary>One item of a root list, read in its own segment.</summary>
        public void BuildItem(string listKey, YamlNode item)
        {
            if (item is not MappingNode m) return;
            switch (_kind, listKey)
            {
                case (FileKind.Timeline or FileKind.Sources, "sources"): BuildSource(m); break;
                case (FileKind.Timeline, "events"): BuildEvent(m); break;
                case (FileKind.Places, "places"): BuildPlace(m); break;
                case (FileKind.Actors, "actors"): BuildActor(m); break;
            }
        }

        public void BuildRoot(MappingNode root)
        {
            switch (_kind)
            {
                case FileKind.Timeline:
                    // As a file read by segments is read (a root key written twice included): the last title, the first
                    // timezone, every list of a key written twice; the sources' times read as written, the events' in the
                    // timezone (the segments of a sources list are read without it).
                    foreach (var e in root.Entries)
                        if (e.KeyText == "title" && e.Value is ScalarNode { IsNull: false } t) _m.Title = t.Value;
                    foreach (var s in Every(root, "sources")) BuildSource(s);
                    if (Scalar(root, "timezone") is { } tz && StructureValidator.TimezonePattern().IsMatch(tz.Value))
                        _m.Timezone = tz.Value == "Z" ? TimeSpan.Zero
                            : TimeSpan.ParseExact(tz.Value[1..], "hh\\:mm", CultureInfo.InvariantCulture) * (tz.Value[0] == '-' ? -1 : 1);
                    foreach (var e in Every(root, "events")) BuildEvent(e);
                    break;
                case FileKind.Sources:
                    foreach (var s in Every(root, "sources")) BuildSource(s);
                    break;
                case FileKind.Places:
                    foreach (var p in Every(root, "places")) BuildPlace(p);
                    break;
                case FileKind.Actors:
                    foreach (var a in Every(root, "actors")) BuildActor(a);
                    break;
                case FileKind.Config:
                    BuildConfig(root);
                    break;
            }
        }

        private void BuildSource(MappingNode m)
        {
            if (Id(m) is not { } id) return;
            var published = Date(m, "published");
            if (published is { Value: { } v, Reading.Problem: null } && !v.IsDayPrecisionOrFiner)
                Add(InvalidDateRule.Rule, published.Node.Span,
                    $"'{published.Text}' is not precise enough for a publication date; expected a day such as 2024-11-29");
            if (published?.Reading.Relative is not null)
                Add(RelativeDateRule.Rule, published.Node.Span,
                    $"'{published.Text}' is {published.Reading.Relative.Meaning}; a publication date must be written as a date such as 2024-11-29");
            _m.Sources.Add(new SourceDef
            {
                Id = id.Id, IdSpan = id.Span, Span = m.Span, Path = _m.Path,
                Publisher = Text(m, "publisher"), Published = published, Title = Text(m, "title"), Author = Text(m, "author"),
                Url = Text(m, "url"), UrlNode = Scalar(m, "url"), Archived = Text(m, "archived"), Via = Text(m, "via"),
                Affiliation = Ref(m["affiliation"], SymbolKind.Actor), Reliability = Text(m, "reliability"),
                Language = Text(m, "language"), Notes = Text(m, "notes"),
                SnapshotNode = Scalar(m, "snapshot"), Sha256Node = Scalar(m, "sha256"), Captured = Date(m, "captured"),
            });
        }

        private void BuildEvent(MappingNode m)
        {
            var id = Id(m);
            var statusNode = Scalar(m, "status");
            // Read in the order the event is written in the language's schema, as before: its references come in that order.
            var date = Date(m, "date");
            var partOf = Ref(m["part-of"], SymbolKind.Event);
            var placeItems = m.ItemsOf("places");
            var places = Room<PlaceUse>(placeItems);
            int placeCount = 0;
            foreach (var p in placeItems)
            {
                if (p is MappingNode pm)
                {
                    if (Ref(pm["place"], SymbolKind.Place) is { } r)
                        places[placeCount++] = new PlaceUse { Place = r, Precision = Text(pm, "precision") };
                }
                else if (Ref(p, SymbolKind.Place) is { } r) places[placeCount++] = new PlaceUse { Place = r };
            }
            var actors = Refs(m, "actors", SymbolKind.Actor);
            var sourceItems = m.ItemsOf("sources");
            var citations = Room<Citation>(sourceItems);
            int citationCount = 0;
            foreach (var c in sourceItems) if (Cite(c) is { } cit) citations[citationCount++] = cit;
            var claimItems = m.ItemsOf("claims");
            var claims = Room<Claim>(claimItems);
            int claimCount = 0;
            foreach (var c in m.ObjectsOf("claims"))
                claims[claimCount++] = new Claim
                {
                    Node = c, By = Ref(c["by"], SymbolKind.Actor), Stance = Text(c, "stance"), Says = Text(c, "says"), QuoteNode = Scalar(c, "quote"),
                    Source = Cite(c["source"]), Date = Date(c, "date"),
                };
            var figureItems = m.ItemsOf("casualties");
            var casualties = Room<Figure>(figureItems);
            int figureCount = 0;
            foreach (var f in m.ObjectsOf("casualties")) casualties[figureCount++] = BuildFigure(f);
            var related = Refs(m, "related", SymbolKind.Event);
            var tagItems = m.ItemsOf("tags");
            var tags = Room<string>(tagItems);
            int tagCount = 0;
            foreach (var t in tagItems) if (t is ScalarNode { IsNull: false } ts) tags[tagCount++] = ts.Value;
            var ev = new EventDef
            {
                Id = id?.Id ?? "", IdSpan = id?.Span ?? new TextSpan(m.Span.Start, m.Span.Start), Span = m.Span, Path = _m.Path, Node = m,
                Date = date, TitleNode = Scalar(m, "title"),
                Status = statusNode is not null && LanguageSchema.EventStatuses.Contains(statusNode.Value) ? statusNode.Value : "reported",
                StatusNode = statusNode,
                PartOf = partOf,
                Places = Used(places, placeCount), Actors = actors, Citations = Used(citations, citationCount),
                Claims = Used(claims, claimCount), Casualties = Used(casualties, figureCount), Related = related, Tags = Used(tags, tagCount),
            };
            // An event without an id is kept for its references and checks; the missing id is reported by structure.
            _m.Events.Add(ev);
        }

        private Figure BuildFigure(MappingNode f)
        {
            string? measure = null;
            Count? count = null;
            foreach (var k in LanguageSchema.FigureCounts)
            {
                if (f.Find(k) is not { } entry) continue;
                if (measure is not null) continue;
                measure = k;
                count = ReadCount(entry.Value);
            }
            string? group = Text(f, "group");
            Reference? groupActor = group is not null && !LanguageSchema.FigureGroups.Contains(group) ? Ref(f["group"], SymbolKind.Actor) : null;
            var fig = new Figure
            {
                Node = f, Measure = measure, Count = count, Group = group, GroupActor = groupActor,
                Source = Cite(f["source"]), Includes = Text(f, "includes"), Overlaps = Refs(f, "overlaps", SymbolKind.Event),
            };
            return fig;
        }

        private Count? ReadCount(YamlNode node)
        {
            switch (node)
            {
                case ScalarNode { IsNull: false } s:
                    if (StructureValidator.IsInteger(s, out long n))
                    {
                        if (n < 0)
                        {
                            Add(InvalidCountRule.Rule, s.Span, $"a count cannot be negative; found {n}: write the number without its minus sign");
                            return null;
                        }
                        return new Count(CountForm.Exact, n, n, n, s.Value);
                    }
                    var c = Counts.Parse(s.Value);
                    if (c is null)
                        Add(InvalidCountRule.Rule, s.Span, $"'{YamlDocument.Shorten(s.Value)}' is not a count; " +
                            "expected a number or a phrase such as \"at least 27\", \"at most 30\", \"about 300\", " +
                            "\"20-30\", \"dozens\" or \"hundreds\"");
                    else if (c.Form == CountForm.Range && c.Low > c.High)
                        Add(ReversedRangeRule.Rule, s.Span,
                            $"the range '{s.Value}' runs from {c.Low} down to {c.High}; write the lower number first (the quick fix does it)",
                            new[] { Fix.Replace($"Change to '{c.High}-{c.Low}'", s.Span, $"{c.High}-{c.Low}", true) });
                    return c;
                case MappingNode m:
                    {
                        long? Get(string k) => Scalar(m, k) is { } v && StructureValidator.IsInteger(v, out long x) ? x : null;
                        long? low = Get("low"), best = Get("best"), high = Get("high");
                        if (low is null && best is null && high is null)
                        {
                            if (m.Entries.Count == 0)
                                Add(InvalidCountRule.Rule, m.Span,
                                    "the count is empty; write a number, or at least one of low, best and high ({low: 20, high: 30})");
                            return null;
                        }
                        if (low > high)
                            Add(ReversedRangeRule.Rule, m["low"]!.Span, $"low ({low}) is above high ({high}); swap the two numbers");
                        else if (best is { } b && ((low is { } l && b < l) || (high is { } h && b > h)))
                        {
                            string lowText = low?.ToString(CultureInfo.InvariantCulture) ?? "…";
                            string highText = high?.ToString(CultureInfo.InvariantCulture) ?? "…";
                            Add(ReversedRangeRule.Rule, m["best"]!.Span,
                                $"best ({b}) is outside the range from low to high ({lowText} to {highText}); write a best between them");
                        }
                        return new Count(CountForm.Range, low ?? best, high ?? best, best, $"{low}-{high}");
                    }
                default:
                    return null;
            }
        }

        private void BuildPlace(MappingNode m)
        {
            if (Id(m) is not { } id) return;
            double? lat = null, lon = null;
            if (m["coordinates"] is SequenceNode { Items.Count: 2 } c && c.Items[0] is ScalarNode a && c.Items[1] is ScalarNode b
                && StructureValidator.IsNumber(a, out double la) && StructureValidator.IsNumber(b, out double lo)
                && CoordinatesShape.IsLatitude(la) && CoordinatesShape.IsLongitude(lo))
            { lat = la; lon = lo; }
            _m.Places.Add(new PlaceDef
            {
                Id = id.Id, IdSpan = id.Span, Span = m.Span, Path = _m.Path,
                Name = Text(m, "name"), Names = m.ItemsOf("names").OfType<ScalarNode>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
                PlaceKind = Text(m, "kind"), In = Ref(m["in"], SymbolKind.Place), Latitude = lat, Longitude = lon,
                GeonamesId = Scalar(m, "geonames") is { } g && StructureValidator.IsInteger(g, out long gid) ? gid : null,
                Pcode = Text(m, "pcode"),
            });
        }

        private void BuildActor(MappingNode m)
        {
            if (Id(m) is not { } id) return;
            var a = new ActorDef
            {
                Id = id.Id, IdSpan = id.Span, Span = m.Span, Path = _m.Path,
                Name = Text(m, "name"),
                Names = m.ItemsOf("names").OfType<ScalarNode>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
                Formerly = m.ItemsOf("formerly").OfType<ScalarNode>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
                ActorKind = Text(m, "kind"), Role = Text(m, "role"),
            };
            a.PartOf.AddRange(Refs(m, "part-of", SymbolKind.Actor));
            a.MemberOf.AddRange(Refs(m, "member-of", SymbolKind.Actor));
            a.BackedBy.AddRange(Refs(m, "backed-by", SymbolKind.Actor));
            _m.Actors.Add(a);
        }

        private void BuildConfig(MappingNode root)
        {
            var cfg = new ProjectConfig();
            foreach (var s in root.ItemsOf("use").OfType<ScalarNode>().Where(s => !s.IsNull)) cfg.Use.Add((s.Value, s.Span));
            foreach (var s in root.ItemsOf("gazetteers").OfType<ScalarNode>().Where(s => !s.IsNull)) cfg.Gazetteers.Add((s.Value, s.Span));
            foreach (var s in root.ItemsOf("exclude").OfType<ScalarNode>().Where(s => !s.IsNull)) cfg.Exclude.Add(s.Value);
            if (Scalar(root, "require-sources") is { } rs && rs.Value.Equals("false", StringComparison.OrdinalIgnoreCase)) cfg.RequireSources = false;
            if (Scalar(root, "require-snapshots") is { } rsn
                && rsn.Value.Equals("true", StringComparison.OrdinalIgnoreCase)) cfg.RequireSnapshots = true;
            if (root["rules"] is MappingNode rules)
                foreach (var e in rules.Entries)
                    if (e.KeyText is { } k && Rules.Find(k) is { } rule && e.Value is ScalarNode v && Severities.TryParse(v.Value, out var severity))
                        cfg.RuleSeverities[rule.Code] = severity;
            _m.Config = cfg;
        }
    }
}
