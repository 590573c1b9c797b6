using System.Reflection;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Catalogs;

/// <summary>
/// The catalogs that ship with Timeline, opted into by <c>use:</c> in timeline.config.yaml:
/// <c>builtin:levant</c> (GeoNames cities500 rows for Syria and its neighbours, with hand-checked
/// countries, governorates and Aleppo districts and sites), <c>builtin:syria-actors</c>, and <c>builtin:world</c>
/// (every country, first-level divisions and the GeoNames cities of 15,000 people or more, derived by derive/world.mjs).
/// A GeoNames place of a built-in has a readable id when its name is unique in its country
/// (<see cref="GeoNames.ReadableId"/>: <c>aleppo-sy</c>), and <c>geonames:&lt;id&gt;</c> refers to it too.
/// Each is read once per process from the assembly's resources.
/// </summary>
public static class BuiltinCatalogs
{
    public const string Prefix = "builtin:";
    public const string Levant = "builtin:levant";
    public const string SyriaActors = "builtin:syria-actors";
    public const string World = "builtin:world";

    private static readonly Lazy<(CatalogFile[] Files, Func<string, string, string?> Division)> LevantRead = new(ReadLevant);

    private static readonly Dictionary<string, Lazy<IReadOnlyList<CatalogFile>>> Catalogs = new(StringComparer.Ordinal)
    {
        [Levant] = new(() => LevantRead.Value.Files),
        [SyriaActors] = new(() => new[] { ReadYaml(SyriaActors, "syria-actors.actors.yaml", FileKind.Actors).File }),
        [World] = new(() => new[]
        {
            GeoNames.Read(World + "/world.geonames.tsv", Resource("world.geonames.tsv"), readableIdsBesides: new HashSet<string>()),
        }),
    };

    /// <summary>The names of the built-ins, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = Catalogs.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The files of a built-in catalog, read on first use; null for an unknown name.</summary>
    public static IReadOnlyList<CatalogFile>? Get(string name) => Catalogs.TryGetValue(name, out var c) ? c.Value : null;

    /// <summary>
    /// The files of a built-in catalog as a project that uses the built-ins <paramref name="used"/> reads them:
    /// builtin:world and builtin:levant together give each place once (<see cref="LevantBesideWorld"/>).
    /// </summary>
    public static IReadOnlyList<CatalogFile>? Get(string name, IEnumerable<string> used)
    {
        if (name is not (World or Levant) || !used.Contains(World) || !used.Contains(Levant)) return Get(name);
        return name == World ? Together.Value.World : Together.Value.Levant;
    }

    private static readonly Lazy<(IReadOnlyList<CatalogFile> Levant, IReadOnlyList<CatalogFile> World)> Together = new(LevantBesideWorld);

    /// <summary>
    /// builtin:levant and builtin:world as one: world leaves out the places levant holds, and levant's places take
    /// world's names for them. World's rows of a GeoNames id levant has (its cities, towns and countries, from the
    /// same GeoNames dump) and its first-level divisions whose codes levant's hand-checked divisions stand for are
    /// left out: a project using both would otherwise have two Aleppos (aleppo-sy twice), two Syrias (syria and
    /// syria-sy) and two of each governorate, every such name ambiguous. The names world gave them stay names of the
    /// same places ("Aleppo" of the governorate, as an ACLED admin1 names it; "Siria" of Syria).
    /// </summary>
    private static (IReadOnlyList<CatalogFile> Levant, IReadOnlyList<CatalogFile> World) LevantBesideWorld()
    {
        var (levantFiles, division) = LevantRead.Value;
        var world = Get(World)![0];
        var byGeonames = new Dictionary<long, string>();
        foreach (var p in levantFiles.SelectMany(f => f.Places))
            if (p.GeonamesId is { } g) byGeonames.TryAdd(g, p.Id);
        var kept = new CatalogFile { Path = world.Path, Source = world.Source, Name = world.Name };
        kept.Diagnostics.AddRange(world.Diagnostics);
        var namesFor = new Dictionary<string, List<string>>(StringComparer.Ordinal); // levant id -> world's names of it
        foreach (var place in world.Places)
        {
            string? same = place.GeonamesId is { } id ? byGeonames.GetValueOrDefault(id) : null;
            // A division row's columns: 7 the feature code, 8 the country code, 10 the admin1 code.
            if (same is null && place.PlaceKind == "governorate"
                && world.Source.Text[place.Span.Start..place.Span.End].Split('\t') is { Length: 19 } cols && cols[7] == "ADM1")
                same = division(cols[8], cols[10]);
            if (same is null) { kept.Places.Add(place); continue; }
            if (!namesFor.TryGetValue(same, out var names)) namesFor[same] = names = new List<string>();
            if (place.Name is { } name) names.Add(name);
            names.AddRange(place.Names);
        }
        var levant = levantFiles.Select(f =>
        {
            var copy = new CatalogFile { Path = f.Path, Source = f.Source, Name = f.Name };
            copy.Diagnostics.AddRange(f.Diagnostics);
            copy.References.AddRange(f.References);
            foreach (var p in f.Places)
                copy.Places.Add(namesFor.TryGetValue(p.Id, out var more) ? WithNames(p, more) : p);
            return copy;
        }).ToArray();
        return (levant, new[] { kept });
    }

    /// <summary>A catalog place with more names, those it has not already.</summary>
    private static PlaceDef WithNames(PlaceDef p, IEnumerable<string> more)
    {
        var names = new List<string>(p.Names);
        foreach (var n in more) if (n != p.Name && !names.Contains(n)) names.Add(n);
        return new PlaceDef
        {
            Id = p.Id, IdSpan = p.IdSpan, Span = p.Span, Path = p.Path, Name = p.Name, Names = names, PlaceKind = p.PlaceKind,
            In = p.In, InId = p.InId, Latitude = p.Latitude, Longitude = p.Longitude, GeonamesId = p.GeonamesId,
            IdIsReadable = p.IdIsReadable, Pcode = p.Pcode, Population = p.Population, FromCatalog = true,
        };
    }

    /// <summary>The built-in catalog a path belongs to ("builtin:levant" for "builtin:levant/levant.places.yaml"), or null.</summary>
    public static string? NameOf(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        int slash = path.IndexOf('/');
        return slash < 0 ? path : path[..slash];
    }

    /// <summary>The text of a built-in file by its path ("builtin:levant/levant.places.yaml"), as read; null if there is none.</summary>
    public static SourceText? TextOf(string path) =>
        NameOf(path) is { } name ? Get(name)?.FirstOrDefault(c => c.Path == path)?.Source : null;

    /// <summary>The text of a built-in resource ("levant.places.yaml").</summary>
    private static string Resource(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Timeline.Core.Catalogs.Builtin." + file)
            ?? throw new InvalidOperationException($"the built-in resource {file} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>builtin:levant's files, and the hand-checked division (or null) that a GeoNames country and admin1 code stand for.</summary>
    private static (CatalogFile[] Files, Func<string, string, string?> Division) ReadLevant()
    {
        var (places, model) = ReadYaml(Levant, "levant.places.yaml", FileKind.Places);
        // The hand-checked countries and governorates say which GeoNames codes they stand for.
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        var admin1 = new Dictionary<(string, string), string>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal); // place id -> its country code
        var items = (model.Document.Root as MappingNode)?.ObjectsOf("places").ToList() ?? new List<MappingNode>();
        foreach (var item in items)
        {
            if (item["id"] is not ScalarNode { Value: var id }) continue;
            if (item["x-geonames-country"] is ScalarNode { Value: var cc }) { countries[cc] = id; byId[id] = cc; }
        }
        foreach (var item in items)
        {
            if (item["id"] is not ScalarNode { Value: var id }) continue;
            switch (item["x-geonames-admin1"])
            {
                case ScalarNode { Value: var code }: // a code of the place's own country
                    if (item["in"] is ScalarNode { Value: var up } && byId.GetValueOrDefault(up) is { } country) admin1[(country, code)] = id;
                    break;
                case SequenceNode pairs:            // "CC.code" pairs, for a division two countries' rows share
                    foreach (var pair in pairs.Items.OfType<ScalarNode>())
                        if (pair.Value.Split('.') is [var cc, var c]) admin1[(cc, c)] = id;
                    break;
            }
        }
        string? Enclosing(string country, string code) =>
            admin1.GetValueOrDefault((country, code)) ?? countries.GetValueOrDefault(country);
        // Its rows get readable ids ("aleppo-sy"), none of them an id the hand-checked places have.
        var handChecked = places.Places.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var rows = GeoNames.Read(Levant + "/levant.geonames.tsv", Resource("levant.geonames.tsv"), Enclosing, handChecked);
        return (new[] { places, rows }, (country, code) => admin1.GetValueOrDefault((country, code)));
    }

    private static (CatalogFile File, FileModel Model) ReadYaml(string catalog, string file, FileKind kind)
    {
        string path = catalog + "/" + file;
        var source = new SourceText(Resource(file));
        var model = FileAnalyzer.Analyze(path, kind, source);
        var result = new CatalogFile { Path = path, Source = source, Name = catalog };
        foreach (var p in model.Places) { p.FromCatalog = true; result.Places.Add(p); }
        foreach (var a in model.Actors) { a.FromCatalog = true; result.Actors.Add(a); }
        // A built-in that does not read cleanly is a fault of this build; its tests say so.
        result.Diagnostics.AddRange(model.Diagnostics);
        result.References.AddRange(model.References);
        return (result, model);
    }
}
