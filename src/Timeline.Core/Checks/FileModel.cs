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

    /// <summary>Makes room for what the segments hold, so that taking them does not grow the lists step by step.</summary>
    internal void Reserve(IReadOnlyList<FileAnalyzer.SegmentAnalysis> segments)
    {
        int s = 0, e = 0, p = 0, a = 0, r = 0;
        foreach (var seg in segments)
        {
            s += seg.Parts.Sources.Count; e += seg.Parts.Events.Count; p += seg.Parts.Places.Count;
            a += seg.Parts.Actors.Count; r += seg.Parts.References.Count;
        }
        Sources.Capacity = s; Events.Capacity = e; Places.Capacity = p; Actors.Capacity = a; References.Capacity = r;
    }

    /// <summary>Adds what a builder found to this model.</summary>
    internal void Take(ModelParts parts, bool copyDiagnostics = true)
    {
        if (copyDiagnostics) Diagnostics.AddRange(parts.Diagnostics);
        if (parts.Sources.Count > 0) Sources.AddRange(parts.Sources);
        if (parts.Events.Count > 0) Events.AddRange(parts.Events);
        if (parts.Places.Count > 0) Places.AddRange(parts.Places);
        if (parts.Actors.Count > 0) Actors.AddRange(parts.Actors);
        if (parts.References.Count > 0) References.AddRange(parts.References);
        if (parts.Title is not null) Title = parts.Title;
        if (parts.Timezone is not null) Timezone = parts.Timezone;
        if (parts.Config is not null) Config = parts.Config;
    }
}

/// <summary>What a builder finds in a file or in one segment of it.</summary>
internal sealed class ModelParts(string path, TimeSpan? timezone)
{
    public string Path { get; } = path;
    /// <summary>The file's timezone: given (to read an event's times), or found (in the timezone key).</summary>
    public TimeSpan? Timezone { get; set; } = timezone;
    public string? Title { get; set; }
    public ProjectConfig? Config { get; set; }
    public List<Diagnostic> Diagnostics { get; } = new();
    public List<SourceDef> Sources { get; } = new();
    public List<EventDef> Events { get; } = new();
    public List<PlaceDef> Places { get; } = new();
    public List<ActorDef> Actors { get; } = new();
    public List<Reference> References { get; } = new();

    public static IEnumerable<Definition> DefinitionsOf(List<SourceDef> sources, List<EventDef> events, List<PlaceDef> places, List<ActorDef> actors) =>
        sources.Cast<Definition>().Concat(events).Concat(places).Concat(actors);

    /// <summary>Ties what was found to a segment's anchor: definitions move with it, diagnostics become relative to it.</summary>
    public void Attach(Timeline.Core.Syntax.SegmentAnchor anchor)
    {
        foreach (var d in DefinitionsOf(Sources, Events, Places, Actors)) d.Attach(anchor);
        for (int i = 0; i < Diagnostics.Count; i++) Diagnostics[i] = Diagnostics[i].ShiftedBy(-anchor.Start);
    }
}

/// <summary>The lines a <c># timeline-ignore CODE</c> comment silences: its own and the next.</summary>
public sealed class Suppressions
{
    public static readonly Suppressions None = new(new Dictionary<int, HashSet<string>>());
    private readonly Dictionary<int, HashSet<string>> _byLine;
    private Suppressions(Dictionary<int, HashSet<string>> byLine) => _byLine = byLine;

    public bool IsSuppressed(int line, string code) =>
        (_byLine.TryGetValue(line, out var a) && a.Contains(code)) || (_byLine.TryGetValue(line - 1, out var b) && b.Contains(code));

    public static Suppressions Read(SourceText source)
    {
        const string marker = "timeline-ignore";
        var text = source.Text;
        if (!text.Contains(marker, StringComparison.Ordinal)) return None;
        var map = new Dictionary<int, HashSet<string>>();
        for (int line = 0; line < source.LineCount; line++)
        {
            string l = source.LineText(line);
            int hash = l.IndexOf('#');
            if (hash < 0) continue;
            int m = l.IndexOf(marker, hash, StringComparison.Ordinal);
            if (m < 0 || l[(hash + 1)..m].Trim().Length != 0) continue;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in l[(m + marker.Length)..].Split(new[] { ' ', ',', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.StartsWith('#')) break;
                if (Rules.Find(word) is { } rule) codes.Add(rule.Code);
            }
            if (codes.Count > 0) map[line] = codes;
        }
        return map.Count == 0 ? None : new Suppressions(map);
    }
}
