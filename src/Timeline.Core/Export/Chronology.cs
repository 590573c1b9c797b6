using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Export;

/// <summary>An event ready to be written out: everything its ids point to, resolved.</summary>
public sealed record ChronologyEvent(
    EventDef Event, EdtfDate? Date, IReadOnlyList<(PlaceDef? Place, string Id, string? Precision)> Places,
    IReadOnlyList<(ActorDef? Actor, string Id)> Actors, IReadOnlyList<(SourceDef? Source, Citation Citation)> Sources,
    IReadOnlyList<(Claim Claim, ActorDef? By, SourceDef? Source)> Claims, IReadOnlyList<(Figure Figure, SourceDef? Source)> Figures)
{
    public string Title => Event.Title ?? Event.Id;
    public string DisplayDate => Date?.Describe() ?? Event.Date?.Text ?? "undated";
}

/// <summary>The chronology of a project (or of one timeline file), in date order, ready for the exporters.</summary>
public sealed class Chronology
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<ChronologyEvent> Events { get; init; }
    public required SymbolTable Symbols { get; init; }

    public static Chronology From(ProjectResult project, string? onlyFile = null)
    {
        var symbols = project.Symbols;
        var files = project.Project.Files.Where(f => f.Kind == FileKind.Timeline && (onlyFile is null || f.Path == onlyFile)).ToList();
        var events = new List<ChronologyEvent>();
        foreach (var f in files)
            foreach (var e in f.Events)
            {
                if (e.Id.Length == 0) continue;
                events.Add(new ChronologyEvent(
                    e, e.Date?.Value,
                    e.Places.Select(p => (symbols.Find<PlaceDef>(SymbolKind.Place, p.Place.Id), p.Place.Id, p.Precision)).ToList(),
                    e.Actors.Select(a => (symbols.Find<ActorDef>(SymbolKind.Actor, a.Id), a.Id)).ToList(),
                    e.Citations.Select(c => (symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id), c)).ToList(),
                    e.Claims.Select(c => (c, c.By is null ? null : symbols.Find<ActorDef>(SymbolKind.Actor, c.By.Id), c.Source is null ? null : symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Source.Id))).ToList(),
                    e.Casualties.Select(fg => (fg, fg.Source is null ? null : symbols.Find<SourceDef>(SymbolKind.Source, fg.Source.Source.Id))).ToList()));
            }
        var ordered = events.Select((e, i) => (e, i))
            .OrderBy(p => p.e.Date?.Earliest ?? DateTime.MaxValue).ThenBy(p => p.e.Date?.Latest ?? DateTime.MaxValue).ThenBy(p => p.i)
            .Select(p => p.e).ToList();
        var first = files.FirstOrDefault();
        string? description = null;
        if (first?.Document.Root is Syntax.MappingNode root && root["description"] is Syntax.ScalarNode { IsNull: false } d) description = d.Value;
        return new Chronology
        {
            Title = files.Count == 1 ? first!.Title ?? "Chronology" : first?.Title ?? "Chronology",
            Description = description,
            Events = ordered,
            Symbols = symbols,
        };
    }

    /// <summary>Every source the chronology cites, in order of first citation.</summary>
    public IReadOnlyList<SourceDef> CitedSources()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<SourceDef>();
        foreach (var e in Events)
            foreach (var c in e.Event.AllCitations())
                if (Symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id) is { } s && seen.Add(s.Id)) list.Add(s);
        return list;
    }

    /// <summary>The name of an actor id, or the id.</summary>
    public string ActorName(string id) => Symbols.Find(SymbolKind.Actor, id)?.DisplayName ?? id;

    /// <summary>The lowest number of people killed that the event's figures report, if any ("at least 27" counts as 27).</summary>
    public static long? Fatalities(ChronologyEvent e)
    {
        long? lowest = null;
        foreach (var (f, _) in e.Figures)
            if (f.Measure == "killed" && f.Count is { } c)
                lowest = lowest is null ? c.Lowest : Math.Min(lowest.Value, c.Lowest);
        return lowest;
    }
}
