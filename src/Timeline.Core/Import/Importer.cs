using System.Globalization;
using Timeline.Core.Capture;
using Timeline.Core.Checks;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;

namespace Timeline.Core.Import;

/// <summary>What an import makes: the files' texts (null when there is nothing to write) and what it counted.</summary>
public sealed class ImportResult
{
    /// <summary>The timeline files: one, or parts of at most <see cref="Importer.EventsPerFile"/> events in date order.</summary>
    public required IReadOnlyList<string> Timelines { get; init; }
    /// <summary>The sources, in a file of their own when the events are in several parts.</summary>
    public string? Sources { get; init; }
    public string? Places { get; init; }
    public string? Actors { get; init; }
    public required ImportSummary Summary { get; init; }
}

public sealed record ImportSummary(int Rows, int Events, int PlacesMatched, int PlacesCreated, int ActorsMatched, int ActorsCreated,
    int Sources, IReadOnlyList<ImportProblem> Refused, IReadOnlyList<string> CatalogsUsed);

/// <summary>
/// Turns records into a timeline: places and actors matched by the name index (transliteration-tolerant) against
/// the project's definitions and catalogs, an unmatched name made a stub in a places or actors file; dates read by
/// the date reader (non-ISO forms converted, relative words kept with a TODO comment); one source per distinct URL
/// (else per publisher). Every record is an event or a refused row with its reason.
/// </summary>
public sealed class Importer
{
    /// <summary>The most events one timeline file gets (about 3 MB of YAML).</summary>
    public const int EventsPerFile = 10_000;

    /// <summary>Where the events list of a timeline file is: a key of the root mapping.</summary>
    private const int EventsIndent = 0;

    /// <summary>How far (km) a row's coordinates may be from a place of the same name for the two to be one place.</summary>
    private const double SamePlaceKm = 30;

    private readonly SymbolTable _symbols;
    private readonly ImportFormat _format;
    private readonly HashSet<string>[] _taken = Enumerable.Range(0, 4).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
    private readonly Dictionary<string, string?> _placeCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stubPlaces = new(StringComparer.Ordinal);   // name key + in -> id
    private readonly Dictionary<string, string?> _actorCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceStub> _sources = new(StringComparer.Ordinal);   // url or publisher key -> source
    private readonly Dictionary<string, SourceStub> _sourcesById = new(StringComparer.Ordinal);
    private readonly List<YamlMap> _newPlaces = new();
    private readonly List<YamlMap> _newActors = new();
    private readonly HashSet<string> _matchedPlaces = new(StringComparer.Ordinal), _matchedActors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _catalogsUsed = new(StringComparer.Ordinal);

    private sealed class SourceStub
    {
        public required string Id { get; init; }
        public string? Url { get; init; }
        public required string Publisher { get; init; }
        public DateTime? Latest { get; set; }
    }

    /// <param name="symbols">The project's definitions and catalogs the rows are matched against.</param>
    public Importer(SymbolTable symbols, ImportFormat format)
    {
        _symbols = symbols;
        _format = format;
    }

    /// <summary>The date of each record, as <see cref="Run"/> reads it: a record's date is its own, so they are read side by side
    /// (before the catalogs the rows are matched against are ready, when the caller is waiting for them).</summary>
    public static ImportDate[] ReadDates(IReadOnlyList<ImportRecord> records)
    {
        var dates = new ImportDate[records.Count];
        Parallel.For(0, records.Count, i => dates[i] = ReadDate(records[i]));
        return dates;
    }

    /// <param name="dates">The records' dates from <see cref="ReadDates"/>, if they were read already.</param>
    public ImportResult Run(ImportInput input, string defaultTitle, IReadOnlyList<ImportDate>? dates = null)
    {
        if (dates is not null && dates.Count != input.Records.Count) throw new ArgumentException("one date for each record", nameof(dates));
        var refused = new List<ImportProblem>(input.Problems);
        // Each event is laid out as soon as it is made, and only its text is kept: 100,000 events held as values until
        // their file is written would be millions of objects for the collector to carry.
        var events = new List<(YamlLaidOut Item, EdtfDate? Date)>(input.Records.Count);
        for (int i = 0; i < input.Records.Count; i++)
        {
            var r = input.Records[i];
            if (Event(r, dates?[i] ?? ReadDate(r), out string? why) is not var (map, sourceIds, date))
            {
                refused.Add(new ImportProblem(r.Row, why!));
                continue;
            }
            events.Add((CanonicalYaml.Item(map, EventsIndent), date));
            // A source's publication date is not in the input: the latest day of the events it is cited for stands in.
            if (date is null) continue;
            var latest = date.Latest == DateTime.MaxValue ? date.Earliest : date.Latest;
            if (latest == DateTime.MinValue) continue;
            foreach (var id in sourceIds)
            {
                var s = _sourcesById[id];
                if (s.Latest is null || latest > s.Latest) s.Latest = latest;
            }
        }
        // Events in date order (TL107), rows of one date as the input had them; a relative date, which has no value yet, last.
        var order = new int[events.Count];
        var keys = new (bool NoDate, DateTime Earliest, DateTime Latest)[events.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = events[i].Date is { } d ? (false, d.Earliest, d.Latest) : (true, default, default);
        }
        Array.Sort(order, (a, b) => keys[a].CompareTo(keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
        // A large import is split into timelines of at most EventsPerFile events, in date order, with the sources in a
        // file of their own: one file of 100,000 events would pass the reader's 16 MiB limit, and no editor wants it.
        int parts = Math.Max(1, (events.Count + EventsPerFile - 1) / EventsPerFile);
        string baseTitle = input.Title ?? defaultTitle;
        var timelines = new List<string>(parts);
        var sources = _sources.Values.Select(s => (YamlValue)SourceMap(s)).ToList();
        for (int part = 0; part < parts; part++)
        {
            var chunk = order.Skip(part * EventsPerFile).Take(EventsPerFile).Select(i => (YamlValue)events[i].Item).ToList();
            var timeline = new List<(string, YamlValue)>
            {
                ("title", new YamlText(parts == 1 ? baseTitle : $"{baseTitle} ({part + 1} of {parts})")),
            };
            if (input.Description is { } d) timeline.Add(("description", new YamlText(d)));
            if (parts == 1 && sources.Count > 0) timeline.Add(("sources", new YamlList(sources)));
            timeline.Add(("events", new YamlList(chunk)));
            string header = $"Imported by timeline import {FormatName(_format)}: {chunk.Count} event{(chunk.Count == 1 ? "" : "s")}" +
                (parts == 1 ? "." : $", part {part + 1} of {parts}.");
            timelines.Add(CanonicalYaml.Write(new YamlMap(LanguageSchema.TimelineFile, timeline), header));
        }
        refused.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ImportResult
        {
            Timelines = timelines,
            Sources = parts > 1 && sources.Count > 0 ? CanonicalYaml.Write(new YamlMap(LanguageSchema.SourcesFile,
                new (string, YamlValue)[] { ("sources", new YamlList(sources)) }), "The sources of the imported timelines.") : null,
            Places = _newPlaces.Count == 0 ? null : CanonicalYaml.Write(new YamlMap(LanguageSchema.PlacesFile,
                new (string, YamlValue)[] { ("places", new YamlList(_newPlaces)) }),
                "Places the import found in no catalog: check each, and add what is missing (kind, in, coordinates, geonames)."),
            Actors = _newActors.Count == 0 ? null : CanonicalYaml.Write(new YamlMap(LanguageSchema.ActorsFile,
                new (string, YamlValue)[] { ("actors", new YamlList(_newActors)) }),
                "Actors the import found in no catalog: check each, and add what is missing (kind, names, part-of)."),
            Summary = new ImportSummary(input.Records.Count + input.Problems.Count, events.Count, _matchedPlaces.Count, _newPlaces.Count,
                _matchedActors.Count, _newActors.Count, _sources.Count, refused, _catalogsUsed.Order(StringComparer.Ordinal).ToList()),
        };
    }

    public static string FormatName(ImportFormat f) => f switch
    {
        ImportFormat.TimelineJs => "timelinejs",
        ImportFormat.Acled => "acled",
        _ => "csv",
    };

    private static YamlMap SourceMap(SourceStub s)
    {
        var entries = new List<(string, YamlValue)> { ("id", new YamlText(s.Id)), ("publisher", new YamlText(s.Publisher)) };
        entries.Add(("published", new YamlText(s.Latest is { } t ? DateReader.Iso(DateOnly.FromDateTime(t)) : "..",
            "TODO: not in the input; the last day of the events citing it stands in. Write the publication date")));
        if (s.Url is not null) entries.Add(("url", new YamlText(s.Url)));
        return new YamlMap(LanguageSchema.Source, entries);
    }

    private (YamlMap, List<string>, EdtfDate?)? Event(ImportRecord r, ImportDate reading, out string? why)
    {
        why = null;
        var (date, dateValue, dateComment, problem) = reading;
        if (problem is not null) { why = problem; return null; }
        string? title = r.Title ?? FirstSentence(r.Summary);
        if (title is null) { why = "the row has no title, headline or description to make one from"; return null; }

        var e = new List<(string, YamlValue)>(16);
        string id = UniqueId(SymbolKind.Event, Slug(r.Id) ?? Slug(Shorten(title, 48)) ?? "event");
        e.Add(("id", new YamlText(id)));
        e.Add(("date", new YamlText(date!, dateComment)));
        e.Add(("title", new YamlText(title)));
        if (r.Summary is { } summary && summary != title) e.Add(("summary", new YamlText(summary)));

        var places = new List<YamlValue>();
        var placeIds = PlacesOf(r);
        for (int i = 0; i < r.Places.Count; i++)
        {
            var p = r.Places[i];
            string placeId = placeIds[i];
            if (places.Any(x => x is YamlText t && t.Text == placeId)) continue;
            places.Add(p.Precision is null ? new YamlText(placeId) : new YamlMap(LanguageSchema.PlaceDetail,
                new (string, YamlValue)[] { ("place", new YamlText(placeId)), ("precision", new YamlText(p.Precision)) }));
        }
        if (places.Count > 0) e.Add(("places", new YamlList(places)));
        // A row names a few actors and sources: a list's Contains is all the distinctness they need.
        var actorIds = new List<string>(r.Actors.Count);
        foreach (var a in r.Actors) if (Actor(a) is var actorId && !actorIds.Contains(actorId)) actorIds.Add(actorId);
        if (actorIds.Count > 0) e.Add(("actors", Flow(actorIds)));
        var sourceIds = new List<string>(r.Sources.Count);
        foreach (var cell in r.Sources) if (Source(cell) is { } sourceId && !sourceIds.Contains(sourceId)) sourceIds.Add(sourceId);
        if (sourceIds.Count > 0) e.Add(("sources", Flow(sourceIds)));

        var notes = r.Notes.Select(n => $"{n.Column}: {n.Value}").ToList();
        if (r.Status is { } status)
        {
            if (LanguageSchema.EventStatuses.Contains(status.ToLowerInvariant())) e.Add(("status", new YamlText(status.ToLowerInvariant())));
            else notes.Add($"status: {status}");
        }
        if (r.Fatalities is { } f)
        {
            if (long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out long killed) && killed > 0 && sourceIds.Count > 0)
                e.Add(("casualties", new YamlList(new YamlValue[] { new YamlMap(LanguageSchema.Figure, new (string, YamlValue)[]
                {
                    ("killed", new YamlText(killed.ToString(CultureInfo.InvariantCulture), Verbatim: true)), ("source", new YamlText(sourceIds[0])),
                }) })));
            else if (f != "0" || _format != ImportFormat.Acled) notes.Add($"fatalities: {f}");
        }
        if (r.Tags.Count > 0) e.Add(("tags", new YamlList(r.Tags.Distinct().Select(t => (YamlValue)new YamlText(t)).ToList())));
        if (r.MediaUrl is { } media)
        {
            if (SpreadsheetImport.IsUrl(media))
            {
                var m = new List<(string, YamlValue)> { ("url", new YamlText(media)) };
                if (r.MediaCaption is { } caption) m.Add(("caption", new YamlText(caption)));
                if (r.MediaCredit is { } credit) m.Add(("credit", new YamlText(credit)));
                e.Add(("media", new YamlMap(LanguageSchema.Media, m)));
            }
            else notes.Add($"media: {media}" + (r.MediaCaption is { } c ? $" ({c})" : "") + (r.MediaCredit is { } cr ? $", {cr}" : ""));
        }
        if (notes.Count > 0) e.Add(("notes", new YamlText(string.Join("\n", notes))));
        return (new YamlMap(LanguageSchema.Event, e), sourceIds, dateValue);
    }

    private static YamlList Flow(List<string> ids)
    {
        var items = new YamlValue[ids.Count];
        for (int i = 0; i < items.Length; i++) items[i] = new YamlText(ids[i]);
        return new YamlList(items);
    }

    // ---- dates ----

    private static ImportDate ReadDate(ImportRecord r)
    {
        string? raw = r.Date ?? r.DisplayDate;
        if (raw is null) return new(null, null, null, "the row has no date");
        var (start, startValue, relative, problem) = One(raw);
        if (problem is not null) return new(null, null, null, problem);
        string? comment = r.DisplayDate is { } shown && shown != start ? $"\"{shown}\"" : null;
        if (relative)
            return new(start, null, $"TODO: \"{raw}\" is relative; write the date it means", null);
        if (start != raw.Trim() && comment is null) comment = $"\"{raw.Trim()}\" in the input";
        if (r.EndDate is { } endRaw)
        {
            var (end, _, endRelative, endProblem) = One(endRaw);
            if (endProblem is not null || endRelative) return new(null, null, null, $"the end date: {endProblem ?? $"'{endRaw}' is relative"}");
            if (end != start)
            {
                string interval = $"{start}/{end}";
                var value = Edtf.Parse(interval, out var p);
                if (value is null) return new(null, null, null, $"'{start}' to '{end}' is not a period: {p?.Message}");
                return new(interval, value, comment, null);
            }
        }
        if (r.TimePrecision is { } tp && startValue is { IsDayPrecisionOrFiner: true } && startValue.Start!.Year is > 1 and < 9999)
        {
            var day = DateOnly.FromDateTime(startValue.Start.Earliest);
            switch (tp.Trim())
            {
                case "2":
                    string week = $"{DateReader.Iso(day.AddDays(-3))}/{DateReader.Iso(day.AddDays(3))}";
                    return new(week, Edtf.Parse(week, out _), $"ACLED time precision 2: the week around {DateReader.Iso(day)}", null);
                case "3":
                    string month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    return new(month, Edtf.Parse(month, out _), $"ACLED time precision 3: the month of {DateReader.Iso(day)}", null);
            }
        }
        return new(start, startValue, comment, null);
    }

    /// <summary>One date's text as EDTF: as written when it is, converted when the reader can, else why not.</summary>
    private static (string? Text, EdtfDate? Value, bool Relative, string? Problem) One(string raw)
    {
        string t = raw.Trim();
        // Spreadsheets write a time after an ISO day with a space ("2024-11-29 14:30"), and midnight when only the day is meant.
        if (t.Length > 10 && t[10] == ' ' && DateReader.Read(t[..10]).IsValid)
            t = t[11..].Trim() is "00:00" or "00:00:00" or "0:00" ? t[..10] : t[..10] + "T" + t[11..].Trim();
        var reading = DateReader.Read(t);
        if (reading.IsValid) return (t, reading.Value, false, null);
        if (reading.Relative is not null) return (raw.Trim(), null, true, null);
        if (reading.Problem is { Fixes.Count: > 0 } fixable)
        {
            string fixedText = fixable.Fixes[0].Replacement;
            if (Edtf.Parse(fixedText, out _) is { } v) return (fixedText, v, false, null);
        }
        return (null, null, false, $"the date '{t}' cannot be read: {reading.Problem?.Message ?? "not a date"}");
    }

    // ---- places ----

    /// <summary>
    /// The ids of a row's places. A name that several places bear, given with neither coordinates nor divisions, is
    /// taken for the one nearest the row's other places ("Hamdaniyah" beside "Aleppo" is Aleppo's district), so the
    /// names that are not in doubt are matched first.
    /// </summary>
    private string[] PlacesOf(ImportRecord r)
    {
        var ids = new string?[r.Places.Count];
        var anchors = new List<(double Lat, double Lon)>();
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < ids.Length; i++)
            {
                var cell = r.Places[i];
                if (ids[i] is not null) continue;
                bool inDoubt = cell.Latitude is null && cell.Within.Count == 0 && Candidates(SymbolKind.Place, cell.Name).Count > 1;
                if (pass == 0 && inDoubt && ids.Length > 1) continue;
                ids[i] = Place(cell, inDoubt ? anchors : null);
                if (ids.Length > 1 && _symbols.Find<PlaceDef>(SymbolKind.Place, ids[i]!) is { } found && Located(found) is { } point)
                    anchors.Add(point);
            }
        return ids!;
    }

    /// <summary>How far (km) a place of a name in doubt may be from the row's other places to be taken for the one they mean.</summary>
    private const double NearbyKm = 100;

    private string Place(PlaceCell cell, List<(double Lat, double Lon)>? anchors)
    {
        // Keyed by the cells as written: rows repeat their places, and the same text is the same place.
        string key = $"{cell.Name}|{Round(cell.Latitude)}|{Round(cell.Longitude)}|{string.Join("|", cell.Within)}|{cell.Precision}";
        bool cacheable = anchors is not { Count: > 0 };
        if (cacheable && _placeCache.TryGetValue(key, out var known) && known is not null) return known;
        var found = Match(cell.Name, cell.Latitude, cell.Longitude, cell.Within, anchors);
        if (found is not null)
        {
            if (cacheable) _placeCache[key] = found.Id;
            if (found.FromCatalog && Catalogs.BuiltinCatalogs.NameOf(found.Path) is { } builtin) _catalogsUsed.Add(builtin);
            _matchedPlaces.Add(found.Id);
            return found.Id;
        }
        // A stub: in the first division that matches, with the row's coordinates.
        string? inId = null;
        for (int i = 0; i < cell.Within.Count && inId is null; i++)
            if (Match(cell.Within[i], null, null, cell.Within.Skip(i + 1).ToList(), null, division: true) is { } division)
            {
                inId = division.Id;
                if (division.FromCatalog && Catalogs.BuiltinCatalogs.NameOf(division.Path) is { } b) _catalogsUsed.Add(b);
            }
        string stubKey = NameNormalizer.Key(cell.Name) + "|" + inId;
        if (!_stubPlaces.TryGetValue(stubKey, out var id))
        {
            id = UniqueId(SymbolKind.Place, Slug(cell.Name) ?? "place");
            _stubPlaces[stubKey] = id;
            var p = new List<(string, YamlValue)> { ("id", new YamlText(id)), ("name", new YamlText(cell.Name)) };
            if (cell.Precision == "area") p.Add(("kind", new YamlText("region")));
            if (inId is not null) p.Add(("in", new YamlText(inId)));
            if (cell.Latitude is { } lat && cell.Longitude is { } lon && CoordinatesShape.IsLatitude(lat) && CoordinatesShape.IsLongitude(lon))
                p.Add(("coordinates", new YamlList(new YamlValue[]
                {
                    new YamlText(Coordinate(lat), Verbatim: true), new YamlText(Coordinate(lon), Verbatim: true),
                })));
            _newPlaces.Add(new YamlMap(LanguageSchema.Place, p));
        }
        _placeCache[key] = id;
        return id;
    }

    private static string Round(double? d) => d is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";
    private static string Coordinate(double d) => d.ToString("0.#####", CultureInfo.InvariantCulture);

    /// <summary>The place a name means: among the places of that name, the one near the coordinates, else the one in the divisions named.</summary>
    /// <param name="division">Whether the name is of a division holding a place (ACLED's admin1): a division of the name
    /// is taken before a town.</param>
    private PlaceDef? Match(string name, double? lat, double? lon, IReadOnlyList<string> within, List<(double Lat, double Lon)>? anchors,
        bool division = false)
    {
        var candidates = Candidates(SymbolKind.Place, name).OfType<PlaceDef>().ToList();
        if (candidates.Count == 0) return null;
        if (division && candidates.Any(c => Divisions.Contains(c.PlaceKind ?? "")))
            candidates = candidates.Where(c => Divisions.Contains(c.PlaceKind ?? "")).ToList();
        if (lat is { } la && lon is { } lo)
        {
            return candidates.Where(c => Located(c) is not null)
                .Select(c => (c, km: Km(la, lo, Located(c)!.Value.Lat, Located(c)!.Value.Lon)))
                .Where(p => p.km <= SamePlaceKm).OrderBy(p => p.km).Select(p => p.c).FirstOrDefault();
        }
        if (within.Count > 0)
        {
            var keys = within.Select(NameNormalizer.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var c in candidates)
                if (_symbols.Chain(c).Any(up => SymbolTable.NamesOf(up).Any(n => keys.Contains(NameNormalizer.Key(n))))) return c;
        }
        if (anchors is { Count: > 0 })
        {
            var near = candidates.Where(c => Located(c) is not null)
                .Select(c => (c, km: anchors.Min(a => Km(a.Lat, a.Lon, Located(c)!.Value.Lat, Located(c)!.Value.Lon))))
                .Where(p => p.km <= NearbyKm).OrderBy(p => p.km).Select(p => p.c).FirstOrDefault();
            if (near is not null) return near;
        }
        return candidates[0];
    }

    private static readonly HashSet<string> Divisions = new(StringComparer.Ordinal)
    {
        "country", "governorate", "district", "subdistrict", "region",
    };

    /// <summary>A place's point: its own, else its enclosing place's.</summary>
    private (double Lat, double Lon)? Located(PlaceDef p)
    {
        if (p.Latitude is { } a && p.Longitude is { } b) return (a, b);
        foreach (var up in _symbols.Chain(p)) if (up.Latitude is { } c && up.Longitude is { } d) return (c, d);
        return null;
    }

    private static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The definitions a name is exactly (up to the normaliser's folding), best first; one letter off for a long name.</summary>
    /// <remarks>Asked once per kind and name as written: the index does not change during an import, and rows repeat their names.</remarks>
    private IReadOnlyList<Definition> Candidates(SymbolKind kind, string name)
    {
        var memo = _candidates[(int)kind];
        if (memo.TryGetValue(name, out var known)) return known;
        var index = _symbols.Index(kind);
        var found = index.Search(name, 20, fuzzy: false).Where(m => m.Level <= MatchLevel.ExactName).Select(m => m.Item).ToArray();
        if (found.Length == 0 && NameNormalizer.Compact(name).Length >= 7)
            found = index.Search(name, 5, fuzzy: true).Where(m => m.Level == MatchLevel.Fuzzy && m.Distance <= 1)
                .Select(m => m.Item).Take(1).ToArray();
        return memo[name] = found;
    }

    private readonly Dictionary<string, IReadOnlyList<Definition>>[] _candidates =
        Enumerable.Range(0, 4).Select(_ => new Dictionary<string, IReadOnlyList<Definition>>(StringComparer.Ordinal)).ToArray();

    // ---- actors ----

    private string Actor(string name)
    {
        if (_actorCache.TryGetValue(name, out var asWritten) && asWritten is not null) return asWritten;
        string key = NameNormalizer.Key(name);
        if (_actorCache.TryGetValue(key, out var known) && known is not null) return _actorCache[name] = known;
        if (Candidates(SymbolKind.Actor, name) is [var found, ..])
        {
            _actorCache[key] = _actorCache[name] = found.Id;
            _matchedActors.Add(found.Id);
            if (found.FromCatalog && Catalogs.BuiltinCatalogs.NameOf(found.Path) is { } builtin) _catalogsUsed.Add(builtin);
            return found.Id;
        }
        string id = UniqueId(SymbolKind.Actor, Slug(name) ?? "actor");
        _actorCache[key] = _actorCache[name] = id;
        _newActors.Add(new YamlMap(LanguageSchema.Actor, new (string, YamlValue)[] { ("id", new YamlText(id)), ("name", new YamlText(name)) }));
        return id;
    }

    // ---- sources ----

    private string? Source(SourceCell cell)
    {
        if (_sourceCache.TryGetValue((cell.Url, cell.Publisher), out var known)) return known;
        return _sourceCache[(cell.Url, cell.Publisher)] = NewSource(cell);
    }

    /// <summary>The source of each citation as written (address, publisher).</summary>
    private readonly Dictionary<(string?, string?), string?> _sourceCache = new();

    private string? NewSource(SourceCell cell)
    {
        Uri? url = cell.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : null;
        string? publisher = cell.Publisher ?? (url is null ? null : url.Host.StartsWith("www.", StringComparison.Ordinal) ? url.Host[4..] : url.Host);
        if (publisher is null) return null;
        string key = url is not null ? "url " + url.AbsoluteUri : "publisher " + NameNormalizer.Key(publisher);
        if (!_sources.TryGetValue(key, out var s))
        {
            string id = UniqueId(SymbolKind.Source, url is not null ? SourceIds.Make(url, null) : Slug(publisher) ?? "source");
            _sources[key] = _sourcesById[id] = s = new SourceStub { Id = id, Url = url?.AbsoluteUri, Publisher = publisher };
        }
        return s.Id;
    }

    // ---- ids and text ----

    private string UniqueId(SymbolKind kind, string wanted)
    {
        string id = wanted;
        for (int n = 2; _symbols.Find(kind, id) is not null || !_taken[(int)kind].Add(id); n++)
        {
            string suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            id = (wanted.Length + suffix.Length > StructureValidator.MaxIdLength ? wanted[..(StructureValidator.MaxIdLength - suffix.Length)]
                .TrimEnd('-') : wanted) + suffix;
        }
        return id;
    }

    private static string? Slug(string? text) => text is null ? null : StructureValidator.Slug(text) is { Length: > 0 } s ? s : null;

    /// <summary>Whole words of the text, at most about <paramref name="max"/> characters.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max);
        return cut > 0 ? text[..cut] : text[..max];
    }

    /// <summary>A title made from a description: its first sentence, shortened to whole words.</summary>
    private static string? FirstSentence(string? text)
    {
        if (text is null) return null;
        string first = text.Split('\n')[0].Trim();
        int stop = first.IndexOf(". ", StringComparison.Ordinal);
        int dash = first.IndexOf(" — ", StringComparison.Ordinal);
        if (dash > 0 && (stop < 0 || dash < stop)) stop = dash;
        if (stop > 0) first = first[..stop];
        first = first.TrimEnd('.');
        if (first.Length > 120) first = Shorten(first, 120) + "…";
        return first.Length == 0 ? null : first;
    }
}
