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
    public string Title => Prose.OneLine(Event.Title ?? "Untitled event");
    public string DisplayDate => Date?.Describe() ?? Event.Date?.Text ?? "undated";
}

/// <summary>
/// Where an event's place is drawn: its own coordinates, or those of the nearest enclosing place that has
/// them; with ACLED's geo precision (1 the place itself, 2 near it or a part of a town, 3 a larger area).
/// </summary>
public sealed record Location(string Id, string Name, PlaceDef? Place, PlaceDef? Located, double? Latitude, double? Longitude, int GeoPrecision)
{
    public bool HasCoordinates => Latitude is not null && Longitude is not null;
    /// <summary>Whether the point stands for an area or a nearby place rather than the place itself.</summary>
    public bool Approximate => GeoPrecision > 1;
}

/// <summary>The chronology of a project (or of one timeline file), in date order, ready for the exporters.</summary>
public sealed class Chronology
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<ChronologyEvent> Events { get; init; }
    public required SymbolTable Symbols { get; init; }
    /// <summary>The project's UTC offset (the timeline's timezone key): date bounds are written in it.</summary>
    public TimeSpan? Timezone { get; init; }
    /// <summary>When the timeline's files last changed: their last commit when they are committed as they are, else their files' time.</summary>
    public DateTimeOffset? LastChanged { get; init; }
    /// <summary>Who compiled the chronology (the timeline's compiled-by), for the byline.</summary>
    public string? CompiledBy { get; init; }

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
                    // A place by the id the project knows it by ("aleppo-sy", written geonames:170063 or not).
                    e.Places.Select(p => symbols.Find<PlaceDef>(SymbolKind.Place, p.Place.Id) is { } def
                        ? (def, symbols.ReferenceId(def), p.Precision) : (null, p.Place.Id, p.Precision)).ToList(),
                    e.Actors.Select(a => (symbols.Find<ActorDef>(SymbolKind.Actor, a.Id), a.Id)).ToList(),
                    e.Citations.Select(c => (symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id), c)).ToList(),
                    e.Claims.Select(c => (c, c.By is null ? null : symbols.Find<ActorDef>(SymbolKind.Actor, c.By.Id),
                        c.Source is null ? null : symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Source.Id))).ToList(),
                    e.Casualties.Select(fg =>
                        (fg, fg.Source is null ? null : symbols.Find<SourceDef>(SymbolKind.Source, fg.Source.Source.Id))).ToList()));
            }
        var ordered = events.Select((e, i) => (e, i))
            .OrderBy(p => p.e.Date?.Earliest ?? DateTime.MaxValue).ThenBy(p => p.e.Date?.Latest ?? DateTime.MaxValue).ThenBy(p => p.i)
            .Select(p => p.e).ToList();
        var first = files.FirstOrDefault();
        string? description = null, compiledBy = null;
        if (first?.Document.Root is Syntax.MappingNode root)
        {
            if (root["description"] is Syntax.ScalarNode { IsNull: false } d) description = Prose.WithoutFileNames(d.Value);
            if (root["compiled-by"] is Syntax.ScalarNode { IsNull: false } by) compiledBy = by.Value;
        }
        return new Chronology
        {
            Title = Prose.OneLine(first?.Title ?? "Chronology"),
            Description = description,
            CompiledBy = compiledBy,
            Events = ordered,
            Symbols = symbols,
            Timezone = first?.Timezone,
            LastChanged = FileHistory.LastChanged(project.Project.Root, files.Select(f => f.Path).ToList()),
        };
    }

    /// <summary>The offset date bounds are written in: the project's, else UTC.</summary>
    public TimeSpan Zone => Timezone ?? TimeSpan.Zero;

    private Dictionary<string, string>? _sourceLabels;

    /// <summary>The name of a source in reader text, told apart from every other cited source.</summary>
    public string SourceLabel(SourceDef s)
    {
        _sourceLabels ??= Prose.SourceLabels(CitedSources(), FirstQuote);
        return _sourceLabels.TryGetValue(s.Id, out var label) ? label : Prose.Outlet(s);
    }

    /// <summary>What tells an untitled source apart in the list of sources ("untitled report quoted as …"), or null.</summary>
    public string? UntitledLabel(SourceDef s)
    {
        string label = SourceLabel(s), prefix = Prose.Outlet(s) + ", ";
        return s.Title is null && label.StartsWith(prefix, StringComparison.Ordinal) ? label[prefix.Length..] : null;
    }

    private Dictionary<string, string>? _firstQuotes;

    /// <summary>The first quote the chronology cites a source by, to name an untitled report.</summary>
    private string? FirstQuote(SourceDef s)
    {
        // Found for every source in one pass over the events: asked of each source, a pass each was 127 s at 100,000 events.
        if (_firstQuotes is null)
        {
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in Events)
                foreach (var c in e.Event.AllCitations())
                    if (!first.ContainsKey(c.Source.Id) && c.Quote is { Length: > 0 } q) first[c.Source.Id] = q;
            _firstQuotes = first;
        }
        return _firstQuotes.GetValueOrDefault(s.Id);
    }

    /// <summary>An event's title by its id, for text that refers to another event.</summary>
    public string? EventTitle(string id) =>
        Symbols.Find<EventDef>(SymbolKind.Event, id)?.Title is { } title && Prose.OneLine(title) is { Length: > 0 } t ? t : null;

    /// <summary>An actor's name for reader text (an unknown id reads as "an unknown actor", never as the id).</summary>
    public static string ActorText(ActorDef? a) =>
        a is null ? "an unknown actor" : Prose.OneLine(a.Name ?? a.Names.FirstOrDefault() ?? "an unnamed actor");

    /// <summary>A place's name for reader text.</summary>
    public static string PlaceText(PlaceDef? p) =>
        p is null ? "an unknown place" : Prose.OneLine(p.Name ?? p.Names.FirstOrDefault() ?? "an unnamed place");

    private static readonly HashSet<string> AreaKinds = new(StringComparer.Ordinal) { "country", "governorate", "district", "subdistrict", "region" };

    /// <summary>Where each of an event's places is drawn (see <see cref="Location"/>).</summary>
    public IReadOnlyList<Location> Locate(ChronologyEvent e)
    {
        var list = new List<Location>(e.Places.Count);
        foreach (var (place, id, precision) in e.Places)
        {
            int own = precision switch { "near" => 2, "area" => 3, _ => place?.PlaceKind is { } k && AreaKinds.Contains(k) ? 3 : 1 };
            if (place is null) { list.Add(new Location(id, PlaceText(null), null, null, null, null, own)); continue; }
            if (place is { Latitude: { } lat, Longitude: { } lon })
            {
                list.Add(new Location(id, PlaceText(place), place, place, lat, lon, own));
                continue;
            }
            var around = Symbols.Chain(place).FirstOrDefault(p => p.Latitude is not null && p.Longitude is not null);
            int geo = around is null ? own : Math.Max(own, around.PlaceKind is { } ak && AreaKinds.Contains(ak) ? 3 : 2);
            list.Add(new Location(id, PlaceText(place), place, around, around?.Latitude, around?.Longitude, geo));
        }
        return list;
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

    /// <summary>
    /// The lowest number of people killed that the event's figures report, coded as ACLED codes counts
    /// ("at least 27" is 27, "dozens" 12); null when no figure of the dead was reported.
    /// </summary>
    public static long? Fatalities(ChronologyEvent e)
    {
        long? lowest = null;
        foreach (var (f, _) in e.Figures)
            if (f.Measure == "killed" && f.Count is { } c)
                lowest = lowest is null ? Prose.AcledCount(c) : Math.Min(lowest.Value, Prose.AcledCount(c));
        return lowest;
    }
}
