using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>Everything known about one file on its own: its tree, its definitions and references, and the diagnostics it earns alone.</summary>
public sealed class FileModel
{
    public required string Path { get; init; }
    public required FileKind Kind { get; init; }
    public required SourceText Source { get; init; }
    public required YamlDocument Document { get; init; }
    public List<Diagnostic> Diagnostics { get; } = new();
    public string? Title { get; set; }
    public TimeSpan? Timezone { get; set; }
    public List<SourceDef> Sources { get; } = new();
    public List<EventDef> Events { get; } = new();
    public List<PlaceDef> Places { get; } = new();
    public List<ActorDef> Actors { get; } = new();
    public List<Reference> References { get; } = new();
    public ProjectConfig? Config { get; set; }
    public Suppressions Suppressions { get; set; } = Suppressions.None;

    public IEnumerable<Definition> Definitions => ModelParts.DefinitionsOf(Sources, Events, Places, Actors);

    private readonly HashSet<string>?[] _referenced = new HashSet<string>?[4];

    /// <summary>The ids of a kind this file refers to, computed once per version (completion ranks them first).</summary>
    public IReadOnlySet<string> ReferencedIds(SymbolKind kind)
    {
        var set = Volatile.Read(ref _referenced[(int)kind]);
        if (set is not null) return set;
        set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in References) if (r.Kind == kind) set.Add(r.Id);
        return Interlocked.CompareExchange(ref _referenced[(int)kind], set, null) ?? set;
    }

    /// <summary>The analysed segments, when the file was read by segments (for reuse by its next version).</summary>
    internal IReadOnlyList<FileAnalyzer.SegmentAnalysis>? Segments { get; init; }

    /// <summary>The segments as they were split in this version (the segments' anchors move on with later versions).</summary>
    internal IReadOnlyList<Segment>? Layout { get; init; }

    private int _movedOn;

    /// <summary>
    /// Whether a later version was made from this one. Its segments are then shared with that version, and their
    /// anchors, so this version's positions are no longer its own: what was read of them since (a check, a
    /// publish) may be placed for the later text, and must be dropped, not kept or reported under this version.
    /// It is set before any anchor moves: what was read before it is seen unset is of this version.
    /// </summary>
    public bool MovedOn
    {
        get
        {
            Interlocked.MemoryBarrier(); // the positions read before are read before the mark
            return Volatile.Read(ref _movedOn) != 0;
        }
    }

    internal void MoveOn() => Interlocked.Exchange(ref _movedOn, 1);

    /// <summary>
    /// Stands for what the project checks see of this file beyond each event: its sources, places
    /// and actors, and the kinds and ids of its definitions and references. A new version keeps
    /// its predecessor's when the edit changed only event items and no id in them; the project's
    /// checks then reuse what they found in the segments the edit did not touch.
    /// </summary>
    internal object Outline { get; init; } = new();

    /// <summary>The diagnostics of the segments on their own, in order, placed in this version.</summary>
    internal List<Diagnostic> SegmentDiagnostics { get; } = new();

    /// <summary>Each event's date as ticks (earliest, latest), or (-1, -1) when it has none: what the order check compares.</summary>
    internal (long Earliest, long Latest)[] EventBounds { get; set; } = Array.Empty<(long, long)>();

    internal static (long Earliest, long Latest) BoundsOf(EventDef ev) =>
        ev.Date?.Value is { } d ? (d.Earliest.Ticks, d.Latest.Ticks) : (-1, -1);

    // How many sources, events, places, actors, references and diagnostics the segments before each segment hold.
    private const int Lists = 6;
    private int[] _counts = Array.Empty<int>();

    /// <summary>
    /// Fills the lists from the segments. The first <paramref name="head"/> and the last
    /// <paramref name="tail"/> segments are the previous version's, unmoved and moved by
    /// <paramref name="shift"/>: what they hold is copied from its lists without visiting them
    /// (with none of either, <paramref name="previous"/> is not read).
    /// </summary>
    internal void Gather(IReadOnlyList<FileAnalyzer.SegmentAnalysis> segments, int head, int tail, FileModel? previous, int shift)
    {
        int n = segments.Count;
        int pn = previous?.Segments?.Count ?? 0;
        var was = previous?._counts;
        var counts = new int[(n + 1) * Lists];
        if (head > 0) Array.Copy(was!, counts, (head + 1) * Lists);
        for (int i = head; i < n; i++)
        {
            int at = (i + 1) * Lists, before = i * Lists;
            if (i < n - tail)
            {
                var p = segments[i].Parts;
                counts[at] = counts[before] + p.Sources.Length;
                counts[at + 1] = counts[before + 1] + p.Events.Length;
                counts[at + 2] = counts[before + 2] + p.Places.Length;
                counts[at + 3] = counts[before + 3] + p.Actors.Length;
                counts[at + 4] = counts[before + 4] + p.References.Length;
                counts[at + 5] = counts[before + 5] + p.Diagnostics.Length;
            }
            else
            {
                int q = (i - n + pn) * Lists;
                for (int k = 0; k < Lists; k++) counts[at + k] = counts[before + k] + was![q + Lists + k] - was[q + k];
            }
        }
        _counts = counts;

        void Fill<T>(List<T> into, int k, Func<SegmentParts, T[]> part, List<T>? old, Func<T, int, T>? move)
        {
            into.Capacity = counts[n * Lists + k];
            if (head > 0) into.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(old!)[..was![head * Lists + k]]);
            for (int i = head; i < n - tail; i++)
            {
                var items = part(segments[i].Parts);
                if (items.Length == 0) continue;
                if (move is null) into.AddRange(items);
                else foreach (var x in items) into.Add(move(x, segments[i].Anchor.Start));
            }
            if (tail > 0)
            {
                var rest = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(old!)[was![(pn - tail) * Lists + k]..was[pn * Lists + k]];
                if (move is null || shift == 0) into.AddRange(rest);
                else foreach (var x in rest) into.Add(move(x, shift));
            }
        }
        Fill(Sources, 0, p => p.Sources, previous?.Sources, null);
        Fill(Events, 1, p => p.Events, previous?.Events, null);
        Fill(Places, 2, p => p.Places, previous?.Places, null);
        Fill(Actors, 3, p => p.Actors, previous?.Actors, null);
        Fill(References, 4, p => p.References, previous?.References, null);
        Fill(SegmentDiagnostics, 5, p => p.Diagnostics, previous?.SegmentDiagnostics, (d, by) => d.ShiftedBy(by));

        // The events' dates, for the order check: copied for the reused ends, read for the rest.
        var bounds = new (long, long)[Events.Count];
        int headEvents = head > 0 ? was![head * Lists + 1] : 0;
        int tailEvents = tail > 0 ? was![pn * Lists + 1] - was[(pn - tail) * Lists + 1] : 0;
        if (headEvents > 0) Array.Copy(previous!.EventBounds, bounds, headEvents);
        for (int i = headEvents; i < bounds.Length - tailEvents; i++) bounds[i] = BoundsOf(Events[i]);
        if (tailEvents > 0) Array.Copy(previous!.EventBounds, previous.EventBounds.Length - tailEvents, bounds,
            bounds.Length - tailEvents, tailEvents);
        EventBounds = bounds;
    }

    /// <summary>Adds what a builder found to this model.</summary>
    internal void Take(ModelParts parts)
    {
        // Parts built into this model's own lists (a file read whole) are already here.
        if (!ReferenceEquals(parts.Events, Events))
        {
            Diagnostics.AddRange(parts.Diagnostics);
            if (parts.Sources.Count > 0) Sources.AddRange(parts.Sources);
            if (parts.Events.Count > 0) Events.AddRange(parts.Events);
            if (parts.Places.Count > 0) Places.AddRange(parts.Places);
            if (parts.Actors.Count > 0) Actors.AddRange(parts.Actors);
            if (parts.References.Count > 0) References.AddRange(parts.References);
        }
        if (parts.Title is not null) Title = parts.Title;
        if (parts.Timezone is not null) Timezone = parts.Timezone;
        if (parts.Config is not null) Config = parts.Config;
    }
}

/// <summary>What a builder finds in a file or in one segment of it.</summary>
internal sealed class ModelParts(string path, TimeSpan? timezone, FileModel? into = null)
{
    public string Path { get; private set; } = path;
    /// <summary>The file's timezone: given (to read an event's times), or found (in the timezone key).</summary>
    public TimeSpan? Timezone { get; set; } = timezone;
    public string? Title { get; set; }
    public ProjectConfig? Config { get; set; }

    // A file read whole is built into its model's own lists (see FileModel.Take): they are not copied.
    public List<Diagnostic> Diagnostics { get; } = into?.Diagnostics ?? new();
    public List<SourceDef> Sources { get; } = into?.Sources ?? new();
    public List<EventDef> Events { get; } = into?.Events ?? new();
    public List<PlaceDef> Places { get; } = into?.Places ?? new();
    public List<ActorDef> Actors { get; } = into?.Actors ?? new();
    public List<Reference> References { get; } = into?.References ?? new();

    [ThreadStatic] private static ModelParts? t_forSegments;

    /// <summary>
    /// This thread's parts for one segment, emptied: a segment's parts are frozen into arrays of their own
    /// (<see cref="Freeze"/>), so the lists are scratch, kept for the next segment (a file of 10,000 events has 10,000).
    /// </summary>
    public static ModelParts ForSegment(string path, TimeSpan? timezone)
    {
        var parts = t_forSegments;
        // A segment with thousands of findings or references leaves lists that large: not kept for the life of the thread.
        if (parts is null || parts.Diagnostics.Capacity > 1024 || parts.References.Capacity > 1024)
            parts = t_forSegments = new ModelParts(path, timezone);
        parts.Path = path;
        parts.Timezone = timezone;
        parts.Title = null;
        parts.Config = null;
        parts.Diagnostics.Clear();
        parts.Sources.Clear();
        parts.Events.Clear();
        parts.Places.Clear();
        parts.Actors.Clear();
        parts.References.Clear();
        return parts;
    }

    public static IEnumerable<Definition> DefinitionsOf(List<SourceDef> sources, List<EventDef> events,
        List<PlaceDef> places, List<ActorDef> actors) =>
        sources.Cast<Definition>().Concat(events).Concat(places).Concat(actors);

    /// <summary>
    /// Ties what was found to a segment's anchor (definitions move with it, diagnostics become relative to it)
    /// and keeps it as the segment's parts, in arrays of their exact size.
    /// </summary>
    public SegmentParts Freeze(Timeline.Core.Syntax.SegmentAnchor anchor)
    {
        // Four loops rather than the definitions chained: this runs once per segment, most segments one event.
        foreach (var d in Sources) d.Attach(anchor);
        foreach (var d in Events) d.Attach(anchor);
        foreach (var d in Places) d.Attach(anchor);
        foreach (var d in Actors) d.Attach(anchor);
        for (int i = 0; i < Diagnostics.Count; i++) Diagnostics[i] = Diagnostics[i].ShiftedBy(-anchor.Start);
        return new SegmentParts
        {
            Timezone = Timezone, Title = Title,
            Diagnostics = [.. Diagnostics], Sources = [.. Sources], Events = [.. Events],
            Places = [.. Places], Actors = [.. Actors], References = [.. References],
        };
    }
}

/// <summary>
/// What one segment holds, as its builder found it: kept with the segment for as long as the file's versions
/// reuse it, so in arrays of their exact size (most segments are one event and its few references).
/// </summary>
internal sealed class SegmentParts
{
    public TimeSpan? Timezone { get; init; }
    public string? Title { get; init; }
    /// <summary>Relative to the segment's anchor.</summary>
    public required Diagnostic[] Diagnostics { get; init; }
    public required SourceDef[] Sources { get; init; }
    public required EventDef[] Events { get; init; }
    public required PlaceDef[] Places { get; init; }
    public required ActorDef[] Actors { get; init; }
    public required Reference[] References { get; init; }
}

/// <summary>The lines a <c># timeline-ignore CODE</c> comment silences: its own and the next.</summary>
public sealed class Suppressions
{
    public static readonly Suppressions None = new(new Dictionary<int, HashSet<string>>());
    private static readonly char[] CodeSeparators = [' ', ',', '\t'];
    private readonly Dictionary<int, HashSet<string>> _byLine;
    private Suppressions(Dictionary<int, HashSet<string>> byLine) => _byLine = byLine;

    public bool IsSuppressed(int line, string code) =>
        (_byLine.TryGetValue(line, out var a) && a.Contains(code)) || (_byLine.TryGetValue(line - 1, out var b) && b.Contains(code));

    /// <summary>The marker of a suppression comment.</summary>
    public const string Marker = "timeline-ignore";

    public static Suppressions Read(SourceText source)
    {
        var map = new Dictionary<int, HashSet<string>>();
        foreach (var (line, _, rule) in Codes(source, 0, source.LineCount - 1))
        {
            if (!map.TryGetValue(line, out var codes)) map[line] = codes = new HashSet<string>(StringComparer.Ordinal);
            codes.Add(rule.Code);
        }
        return map.Count == 0 ? None : new Suppressions(map);
    }

    /// <summary>
    /// Every rule a <c># timeline-ignore</c> comment names on the lines asked for, with where it is written:
    /// after the line's first '#', the marker, then words up to another '#'; only words that name a rule
    /// (by code or name) count.
    /// </summary>
    public static IEnumerable<(int Line, TextSpan Span, Rule Rule)> Codes(SourceText source, int firstLine, int lastLine)
    {
        if (!source.Contains(Marker)) yield break;
        for (int line = Math.Max(0, firstLine); line <= Math.Min(lastLine, source.LineCount - 1); line++)
        {
            var content = source.LineSpan(line);
            int hash = content.IndexOf('#');
            if (hash < 0 || content[hash..].IndexOf(Marker, StringComparison.Ordinal) < 0) continue;
            string l = content.ToString();
            int m = l.IndexOf(Marker, hash, StringComparison.Ordinal);
            if (!l.AsSpan(hash + 1, m - hash - 1).IsWhiteSpace()) continue;
            int lineStart = source.LineStart(line);
            int i = m + Marker.Length;
            while (i < l.Length)
            {
                while (i < l.Length && CodeSeparators.Contains(l[i])) i++;
                int start = i;
                while (i < l.Length && !CodeSeparators.Contains(l[i])) i++;
                if (start == i || l[start] == '#') break;
                if (Rules.Find(l[start..i]) is { } rule) yield return (line, new TextSpan(lineStart + start, lineStart + i), rule);
            }
        }
    }
}
