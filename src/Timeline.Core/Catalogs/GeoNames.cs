using System.Globalization;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Text;

namespace Timeline.Core.Catalogs;

/// <summary>A catalog file read into places and actors, with the problems of its rows.</summary>
public sealed class CatalogFile
{
    public required string Path { get; init; }
    public required SourceText Source { get; init; }
    /// <summary>The built-in catalog this file belongs to ("builtin:levant"), or null for a gazetteer of the project.</summary>
    public string? Name { get; init; }
    public bool IsBuiltin => Name is not null;
    public List<PlaceDef> Places { get; } = new();
    public List<ActorDef> Actors { get; } = new();
    /// <summary>The references between the catalog's own entries (a district's "in", an actor's "part-of").</summary>
    public List<Reference> References { get; } = new();
    public List<Diagnostic> Diagnostics { get; } = new();
}

/// <summary>
/// Reads GeoNames dumps (the 19-column tab-separated format shared by the country dumps
/// and the cities500/1000/15000 extracts) as places <c>geonames:&lt;id&gt;</c>.
/// </summary>
public static class GeoNames
{
    public const string IdPrefix = "geonames:";

    /// <param name="enclosing">
    /// The place that holds a row when the file has no administrative rows for it: given the
    /// country code and admin1 code, an id or null. The built-in catalog names its hand-checked
    /// countries and governorates this way.
    /// </param>
    /// <param name="readableIdsBesides">
    /// When given, a place whose name is unique in its country is given a readable id (<see cref="ReadableId"/>),
    /// unless another place already has that id (these ids, or another row's); <c>geonames:&lt;id&gt;</c> stays
    /// its alias. Without it every place is <c>geonames:&lt;id&gt;</c>.
    /// </param>
    public static CatalogFile Read(string path, string text, Func<string, string, string?>? enclosing = null,
        IReadOnlySet<string>? readableIdsBesides = null)
    {
        var source = new SourceText(text);
        var file = new CatalogFile { Path = path, Source = source };
        var rows = new List<(string[] Cols, int Line)>();
        for (int line = 0; line < source.LineCount; line++)
        {
            int start = source.LineStart(line), end = source.LineEnd(line);
            if (end == start || text[start] == '#') continue;
            var cols = text[start..end].Split('\t');
            string? problem = null;
            if (cols.Length != 19) problem = $"a GeoNames row has 19 columns separated by tabs; this one has {cols.Length}, so it is skipped";
            else if (!long.TryParse(cols[0], NumberStyles.None, CultureInfo.InvariantCulture,
                out _)) problem = $"the place's GeoNames id (first column) '{cols[0]}' is not a number, so the row is skipped";
            else if (!double.TryParse(cols[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double lat) || !CoordinatesShape.IsLatitude(lat)
                  || !double.TryParse(cols[5], NumberStyles.Float, CultureInfo.InvariantCulture, out double lon)
                      || !CoordinatesShape.IsLongitude(lon))
                problem = $"the coordinates '{cols[4]}', '{cols[5]}' are not a latitude and longitude";
            else if (cols[1].Length == 0) problem = "the name column is empty";
            if (problem is not null)
            {
                file.Diagnostics.Add(new Diagnostic(CatalogFormatRule.Rule, CatalogFormatRule.Rule.DefaultSeverity,
                    new TextSpan(start, end), problem));
                continue;
            }
            rows.Add((cols, line));
        }

        var idOf = readableIdsBesides is null ? null : ReadableIds(rows.Select(r => r.Cols), readableIdsBesides);
        string IdOf(string[] c) => idOf?.GetValueOrDefault(c[0]) ?? IdPrefix + c[0];

        // Administrative divisions give the "in" chain: country > ADM1 > ADM2.
        var countries = new Dictionary<string, string>();
        var adm1 = new Dictionary<(string, string), string>();
        var adm2 = new Dictionary<(string, string, string), string>();
        foreach (var (c, _) in rows)
        {
            string id = IdOf(c);
            if (IsCountry(c[7])) countries.TryAdd(c[8], id);
            else if (c[7] == "ADM1") adm1.TryAdd((c[8], c[10]), id);
            else if (c[7] == "ADM2") adm2.TryAdd((c[8], c[10], c[11]), id);
        }
        foreach (var (c, line) in rows)
        {
            string id = IdOf(c);
            long.TryParse(c[14], NumberStyles.None, CultureInfo.InvariantCulture, out long population);
            string code = c[7];
            string? inId = IsCountry(code) ? null : code switch
            {
                "ADM1" => countries.GetValueOrDefault(c[8]),
                "ADM2" => adm1.GetValueOrDefault((c[8], c[10])) ?? countries.GetValueOrDefault(c[8]),
                _ => adm2.GetValueOrDefault((c[8], c[10], c[11])) ?? adm1.GetValueOrDefault((c[8], c[10])) ?? countries.GetValueOrDefault(c[8]),
            };
            if (inId is null && enclosing is not null && !IsCountry(code))
                inId = code == "ADM1" ? enclosing(c[8], "") : enclosing(c[8], c[10]);
            if (inId == id) inId = null;
            var names = new List<string>();
            if (c[2].Length > 0 && c[2] != c[1]) names.Add(c[2]);
            foreach (var alt in c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (alt != c[1] && !names.Contains(alt) && !alt.StartsWith("http", StringComparison.Ordinal) && !IsMachineRomanization(alt))
                    names.Add(alt);
            int start = source.LineStart(line);
            file.Places.Add(new PlaceDef
            {
                Id = id, IdSpan = new TextSpan(start, start + c[0].Length), Span = new TextSpan(start, source.LineEnd(line)), Path = path,
                Name = c[1], Names = names, PlaceKind = KindOf(c[6], code, population), InId = inId,
                Latitude = double.Parse(c[4], CultureInfo.InvariantCulture), Longitude = double.Parse(c[5], CultureInfo.InvariantCulture),
                GeonamesId = long.Parse(c[0], CultureInfo.InvariantCulture), Population = population,
                IdIsReadable = id != IdPrefix + c[0],
            });
            file.Places[^1].FromCatalog = true;
        }
        return file;
    }

    /// <summary>
    /// The readable id of a place: its name as an id, then its country's code ("Aleppo", "SY" → "aleppo-sy"),
    /// so that a file and its diffs say which place is meant. Null when the name gives no id.
    /// </summary>
    public static string? ReadableId(string name, string countryCode)
    {
        string slug = StructureValidator.Slug(name);
        string cc = countryCode.ToLowerInvariant();
        if (slug.Length == 0 || cc.Length == 0 || !cc.All(char.IsAsciiLetterLower)) return null;
        string id = slug + "-" + cc;
        return StructureValidator.IsValidId(id) ? id : null;
    }

    /// <summary>The readable id of each row (by geonameid) whose name no other row of its country shares, and not already taken.</summary>
    private static Dictionary<string, string> ReadableIds(IEnumerable<string[]> rows, IReadOnlySet<string> taken)
    {
        var byId = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in rows)
            if (ReadableId(c[1], c[8]) is { } readable)
            {
                if (!byId.TryGetValue(readable, out var owners)) byId[readable] = owners = new List<string>(1);
                owners.Add(c[0]);
            }
        var result = new Dictionary<string, string>(byId.Count, StringComparer.Ordinal);
        foreach (var (readable, owners) in byId)
            if (owners.Count == 1 && !taken.Contains(readable)) result[owners[0]] = readable;
        return result;
    }

    /// <summary>
    /// GeoNames lists, among a place's alternate names, romanizations of its Chinese, Japanese, Korean and
    /// Arabic-script names made by machine and written all in lower case ("a lei", "birejiku", "alswrt alsghry").
    /// No writer types them, and they make unrelated places match ("Alep" would find Ağrı by "a lei"): a name
    /// with Latin letters and not one capital is one of them. Names in scripts without case are kept.
    /// </summary>
    public static bool IsMachineRomanization(string name)
    {
        bool latin = false;
        foreach (char ch in name)
        {
            if (char.IsUpper(ch)) return false;
            if (ch is >= 'a' and <= 'z') latin = true;
        }
        return latin;
    }

    private static bool IsCountry(string code) => code is "PCLI" or "PCLD" or "PCLS" or "PCLF" or "PCL";

    /// <summary>The place kind of a GeoNames feature class and code.</summary>
    public static string KindOf(string featureClass, string code, long population) => IsCountry(code) ? "country" : (featureClass, code) switch
    {
        (_, "ADM1") => "governorate",
        (_, "ADM2") => "district",
        (_, "ADM3") => "subdistrict",
        (_, "PPLC" or "PPLA") => "city",
        (_, "PPLA2") => population >= 50_000 ? "city" : "town",
        (_, "PPLX") => "neighborhood",
        ("P", _) => population >= 100_000 ? "city" : population >= 10_000 ? "town" : "village",
        ("S", _) => "site",
        ("H", _) => "water",
        _ => "region",
    };
}
