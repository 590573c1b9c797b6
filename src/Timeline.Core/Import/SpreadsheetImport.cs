using System.Text.RegularExpressions;

namespace Timeline.Core.Import;

/// <summary>
/// Reads a spreadsheet (CSV or TSV) or an ACLED export into records. Columns are recognised by their name in English
/// and its usual variants, or mapped with <c>--map COLUMN=KEY</c>; a column with no key goes into each event's notes.
/// </summary>
public static partial class SpreadsheetImport
{
    /// <summary>The keys a column can be mapped to with --map.</summary>
    public static readonly IReadOnlyList<string> Keys = new[]
    {
        "id", "date", "end-date", "display-date", "time-precision", "title", "summary", "place", "latitude", "longitude",
        "admin1", "admin2", "admin3", "country", "actors", "url", "publisher", "source", "fatalities", "tags", "status",
        "media", "media-caption", "media-credit", "notes", "ignore",
    };

    /// <summary>The language's own names for some keys, accepted by --map too.</summary>
    private static readonly Dictionary<string, string> KeyAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["places"] = "place", ["location"] = "place", ["sources"] = "url", ["actor"] = "actors", ["killed"] = "fatalities",
        ["headline"] = "title", ["description"] = "summary", ["tag"] = "tags", ["enddate"] = "end-date", ["end"] = "end-date",
    };

    // Column names (folded) by key, for any spreadsheet.
    private static readonly Dictionary<string, string> Recognised = Build(new()
    {
        ["id"] = "id eventid uniqueid uid ref reference",
        ["date"] = "date startdate eventdate start datestart from when day",
        ["end-date"] = "enddate end dateend to until",
        ["display-date"] = "displaydate",
        ["time-precision"] = "timeprecision",
        ["title"] = "title headline event name what heading",
        ["summary"] = "description summary text details body",
        ["place"] = "place location locality city town village where placename site",
        ["latitude"] = "latitude lat",
        ["longitude"] = "longitude lon lng long",
        ["admin1"] = "admin1 region governorate province state",
        ["admin2"] = "admin2 district",
        ["admin3"] = "admin3 subdistrict",
        ["country"] = "country",
        ["actors"] = "actors actor actor1 actor2 parties who participants assocactor1 assocactor2 perpetrator perpetrators target",
        ["url"] = "url link sourceurl sourcelink sources links",
        ["source"] = "source",
        ["publisher"] = "publisher outlet sourcename mediaoutlet newspaper",
        ["fatalities"] = "fatalities killed deaths dead deathtoll",
        ["tags"] = "tags tag category categories group type eventtype subeventtype",
        ["status"] = "status",
        ["media"] = "media image imageurl mediaurl photo video",
        ["media-caption"] = "mediacaption caption",
        ["media-credit"] = "mediacredit credit",
        ["notes"] = "notes note comment comments remarks",
    });

    // ACLED's columns (its codebook's names); the others of an ACLED export go into the notes.
    private static readonly Dictionary<string, string> AcledColumns = new(StringComparer.Ordinal)
    {
        ["event_id_cnty"] = "id", ["event_date"] = "date", ["time_precision"] = "time-precision",
        ["actor1"] = "actors", ["assoc_actor_1"] = "actors", ["actor2"] = "actors", ["assoc_actor_2"] = "actors",
        ["country"] = "country", ["admin1"] = "admin1", ["admin2"] = "admin2", ["admin3"] = "admin3", ["location"] = "place",
        ["latitude"] = "latitude", ["longitude"] = "longitude", ["source"] = "publisher", ["notes"] = "summary",
        ["fatalities"] = "fatalities", ["event_type"] = "tags", ["sub_event_type"] = "tags",
    };

    private static Dictionary<string, string> Build(Dictionary<string, string> byKey)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, names) in byKey)
            foreach (var n in names.Split(' ')) d.TryAdd(n, key);
        return d;
    }

    /// <summary>The key of each column: --map first, then the names recognised.
    /// Null for a usage problem (said in <paramref name="error"/>).</summary>
    public static string?[]? MapColumns(IReadOnlyList<string> header, IReadOnlyList<string> maps, bool acled, out string? error)
    {
        error = null;
        var keys = new string?[header.Count];
        foreach (var map in maps)
        {
            int eq = map.LastIndexOf('=');
            if (eq <= 0 || eq == map.Length - 1) { error = $"--map takes COLUMN=KEY, not '{map}'"; return null; }
            string column = map[..eq].Trim(), key = map[(eq + 1)..].Trim();
            key = KeyAliases.GetValueOrDefault(key, key).ToLowerInvariant();
            if (!Keys.Contains(key)) { error = $"--map: '{key}' is not a key; the keys are {string.Join(", ", Keys)}"; return null; }
            int at = IndexOf(header, column);
            if (at < 0) { error = $"--map: there is no column '{column}'; the columns are {string.Join(", ", header)}"; return null; }
            keys[at] = key;
        }
        for (int i = 0; i < header.Count; i++)
        {
            if (keys[i] is not null) continue;
            string? key = acled
                ? AcledColumns.GetValueOrDefault(header[i].ToLowerInvariant())
                : Recognised.GetValueOrDefault(Table.Fold(header[i]));
            keys[i] = key;
        }
        // A description column makes "notes" the writer's notes; without one, the notes are the description.
        if (!acled && !keys.Contains("summary"))
            for (int i = 0; i < keys.Length; i++)
                if (keys[i] == "notes" && Table.Fold(header[i]) is "notes" or "note") { keys[i] = "summary"; break; }
        return keys;
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++) if (header[i] == column) return i;
        for (int i = 0; i < header.Count; i++) if (Table.Fold(header[i]) == Table.Fold(column)) return i;
        return -1;
    }

    public static ImportInput Read(Table table, IReadOnlyList<string> maps, bool acled, out string? error)
    {
        var keys = MapColumns(table.Header, maps, acled, out error);
        if (keys is null) return new ImportInput(Array.Empty<ImportRecord>(), Array.Empty<ImportProblem>());
        var records = new List<ImportRecord>(table.Rows.Count);
        var problems = new List<ImportProblem>();
        foreach (var (line, cells) in table.Rows)
        {
            var r = new ImportRecord { Row = line };
            string? place = null, admin1 = null, admin2 = null, admin3 = null, country = null, lat = null, lon = null;
            string? eventType = null, subEventType = null;
            for (int i = 0; i < cells.Length; i++)
            {
                string v = cells[i].Trim();
                if (v.Length == 0) continue;
                string column = i < table.Header.Count ? table.Header[i] : $"column {i + 1}";
                switch (i < keys.Length ? keys[i] : null)
                {
                    case "ignore": break;
                    case "id": r.Id = v; break;
                    case "date": r.Date = v; break;
                    case "end-date": r.EndDate = v; break;
                    case "display-date": r.DisplayDate = v; break;
                    case "time-precision": r.TimePrecision = v; break;
                    case "title": r.Title = v; break;
                    case "summary": r.Summary = r.Summary is null ? v : r.Summary + "\n\n" + v; break;
                    case "place": place = v; break;
                    case "latitude": lat = v; break;
                    case "longitude": lon = v; break;
                    case "admin1": admin1 = v; break;
                    case "admin2": admin2 = v; break;
                    case "admin3": admin3 = v; break;
                    case "country": country = v; break;
                    case "actors":
                        foreach (var a in SplitList(v)) if (!r.Actors.Contains(a, StringComparer.OrdinalIgnoreCase)) r.Actors.Add(a);
                        break;
                    case "url" when Urls(v) is { Count: > 0 } urls:
                        foreach (var u in urls) r.Sources.Add(new SourceCell(u, null));
                        break;
                    case "url" or "source":
                        foreach (var s in SplitList(v)) r.Sources.Add(IsUrl(s) ? new SourceCell(s, null) : new SourceCell(null, s));
                        break;
                    case "publisher":
                        foreach (var p in SplitList(v)) r.Sources.Add(new SourceCell(null, p));
                        break;
                    case "fatalities": r.Fatalities = v; break;
                    case "tags":
                        if (acled && column == "event_type") eventType = v;
                        if (acled && column == "sub_event_type") subEventType = v;
                        foreach (var t in SplitList(v)) if (!r.Tags.Contains(t)) r.Tags.Add(t);
                        break;
                    case "status": r.Status = v; break;
                    case "media": r.MediaUrl = v; break;
                    case "media-caption": r.MediaCaption = v; break;
                    case "media-credit": r.MediaCredit = v; break;
                    default: r.Notes.Add((column, v)); break;
                }
            }
            if (acled && r.Id is not null) r.Tags.Insert(0, r.Id);
            AddPlace(r, place, lat, lon, admin3, admin2, admin1, country);
            if (acled && r.Title is null && (subEventType ?? eventType) is { } what)
                r.Title = place is null ? what : $"{what} in {place}";
            if (r.IsEmpty) { problems.Add(new ImportProblem(line, "the row is empty")); continue; }
            records.Add(r);
        }
        return new ImportInput(records, problems);
    }

    /// <summary>The row's place: the named location, else its most precise division (somewhere in it).</summary>
    private static void AddPlace(ImportRecord r, string? place, string? lat, string? lon, params string?[] divisions)
    {
        var within = divisions.All(d => d is null) ? (IReadOnlyList<string>)Array.Empty<string>()
            : divisions.OfType<string>().Where(d => !string.Equals(d, place, StringComparison.OrdinalIgnoreCase)).ToList();
        double? latitude = Number(lat), longitude = Number(lon);
        if (place is not null) r.Places.Add(new PlaceCell(place, latitude, longitude, within));
        else if (within.Count > 0) r.Places.Add(new PlaceCell(within[0], null, null, within.Skip(1).ToList(), "area"));
        else if (lat is not null || lon is not null) r.Notes.Add(("coordinates", $"{lat}, {lon}"));
    }

    private static double? Number(string? s) =>
        double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : null;

    /// <summary>The items of a cell listing several: separated by semicolons or line breaks (names may hold commas).</summary>
    private static readonly char[] ListSeparators = { ';', '\n', '|' };

    public static IReadOnlyList<string> SplitList(string cell)
    {
        if (cell.AsSpan().IndexOfAny(ListSeparators) < 0) return cell.Trim() is { Length: > 0 } one ? new[] { one } : Array.Empty<string>();
        var items = cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var distinct = new List<string>(items.Length);
        foreach (var item in items) if (!distinct.Contains(item)) distinct.Add(item);
        return distinct;
    }

    public static bool IsUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"https?://[^\s;,|<>""]+")]
    private static partial Regex UrlPattern();

    private static List<string> Urls(string cell)
    {
        // The usual cell is one address and nothing else: the pattern's one match is the whole cell.
        int scheme = cell.StartsWith("https://", StringComparison.Ordinal) ? 8 : cell.StartsWith("http://", StringComparison.Ordinal) ? 7 : 0;
        if (scheme > 0 && cell.Length > scheme && cell.AsSpan().IndexOfAny(NotInUrl) < 0) return new List<string>(1) { cell.TrimEnd('.', ')') };
        return UrlPattern().Matches(cell).Select(m => m.Value.TrimEnd('.', ')')).Distinct().ToList();
    }

    /// <summary>The characters that end an address in <see cref="UrlPattern"/>: white space and ; , | &lt; &gt; ".</summary>
    private static readonly System.Buffers.SearchValues<char> NotInUrl = System.Buffers.SearchValues.Create(
        ";,|<>\" \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");
}
