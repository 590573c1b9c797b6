using Timeline.Core.Catalogs;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;
using Xunit.Abstractions;

namespace Timeline.Core.Tests.Unit;

/// <summary>The built-in catalogs, and the labelled query set of the name search over them.</summary>
public class BuiltinCatalogTests
{
    private readonly ITestOutputHelper _out;
    public BuiltinCatalogTests(ITestOutputHelper output) => _out = output;

    /// <summary>A project that uses both built-ins and has nothing of its own.</summary>
    public static ProjectResult BuiltinsOnly()
    {
        var fs = new MemoryFileSystem(new[] { new KeyValuePair<string, string>("/p/timeline.config.yaml",
            "use: [builtin:levant, builtin:syria-actors]\n") });
        return ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, "/p"));
    }

    [Fact]
    public void The_builtins_read_cleanly_and_hold_what_they_promise()
    {
        var levant = BuiltinCatalogs.Get(BuiltinCatalogs.Levant)!;
        var actors = BuiltinCatalogs.Get(BuiltinCatalogs.SyriaActors)!;
        Assert.All(levant.Concat(actors), c => Assert.Empty(c.Diagnostics));
        var places = levant.SelectMany(c => c.Places).ToList();
        Assert.True(places.Count(IsRow) >= 3900);
        foreach (var country in new[] { "syria", "lebanon", "jordan", "iraq", "turkey", "israel", "palestine" })
            Assert.Contains(places, p => p.Id == country && p.PlaceKind == "country");
        Assert.Equal(14, places.Count(p => p.PlaceKind == "governorate" && p.In?.Id == "syria"));
        Assert.Equal(81, places.Count(p => p.PlaceKind == "governorate" && p.In?.Id == "turkey"));
        Assert.Equal(8 + 12 + 18 + 6, places.Count(p => p.PlaceKind == "governorate" && p.In?.Id is "lebanon" or "jordan" or "iraq" or "israel"));
        Assert.True(actors.Single().Actors.Count >= 60);
        Assert.Null(BuiltinCatalogs.Get("builtin:atlantis"));
    }

    [Fact]
    public void Every_builtin_reference_resolves_and_every_place_lies_in_a_country()
    {
        var result = BuiltinsOnly();
        Assert.All(result.Diagnostics.Values, d => Assert.Empty(d));
        var symbols = result.Symbols;
        foreach (var cat in result.Project.Catalogs)
            foreach (var r in cat.References)
                Assert.True(symbols.Find(r.Kind, r.Id) is not null, $"{cat.Path}: '{r.Id}' is not defined");
        var countries = new HashSet<string> { "syria", "lebanon", "jordan", "iraq", "turkey", "israel", "palestine" };
        foreach (var p in symbols.All(SymbolKind.Place).Cast<PlaceDef>())
        {
            if (p.PlaceKind == "country") continue;
            var chain = symbols.Chain(p);
            Assert.True(chain.Count > 0 && countries.Contains(chain[^1].Id), $"{p.Id} ({p.Name}) is in no country");
        }
        // Syrian GeoNames rows are in their governorate: Saraqib in Idlib, Aleppo in Aleppo.
        Assert.Equal("idlib-governorate", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:164816")!.InId);
        Assert.Equal("aleppo-governorate", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:170063")!.InId);
        Assert.All(symbols.All(SymbolKind.Place).Cast<PlaceDef>()
            .Where(p => IsRow(p) && symbols.Chain(p)[^1].Id == "syria"),
            p => Assert.EndsWith("-governorate", p.InId));
        // The neighbours' rows lie in their first-level division: Gaziantep in its province, Mosul in Nineveh.
        Assert.Equal("gaziantep-province", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:314830")!.InId);
        Assert.Equal("hatay-province", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:302355")!.InId); // Reyhanlı
        Assert.Equal("nineveh-governorate", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:99072")!.InId);
        Assert.Equal("beqaa-governorate", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:266045")!.InId); // Zahlé
        Assert.Equal("amman-governorate", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:250441")!.InId);
        Assert.Equal("gaza-strip", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:281133")!.InId);
        Assert.Equal("west-bank", symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:8199394")!.InId); // Ariel: IL, admin1 WE
        var rows = symbols.All(SymbolKind.Place).Cast<PlaceDef>().Where(IsRow).ToList();
        double inDivision = (double)rows.Count(p =>
            symbols.Find<PlaceDef>(SymbolKind.Place, p.InId!) is { PlaceKind: "governorate" or "region" }) / rows.Count;
        Assert.True(inDivision > 0.98, $"only {inDivision:P1} of the GeoNames rows lie in a division");
    }

    /// <summary>A place of the built-in's GeoNames rows (not a hand-checked one).</summary>
    private static bool IsRow(PlaceDef p) => p.Path.EndsWith(".geonames.tsv", StringComparison.Ordinal);

    [Fact]
    public void A_row_whose_name_is_unique_in_its_country_has_a_readable_id_and_its_geonames_id_refers_to_it_too()
    {
        var symbols = BuiltinsOnly().Symbols;
        var aleppo = symbols.Find<PlaceDef>(SymbolKind.Place, "aleppo-sy")!;
        Assert.Equal(170063, aleppo.GeonamesId);
        Assert.Same(aleppo, symbols.Find(SymbolKind.Place, "geonames:170063"));
        Assert.Equal("aleppo-sy", symbols.ReferenceId(aleppo));
        // The hand-checked countries are found by their GeoNames ids too.
        Assert.Equal("syria", symbols.Find(SymbolKind.Place, "geonames:163843")?.Id);
        var levant = BuiltinCatalogs.Get(BuiltinCatalogs.Levant)!;
        var rows = levant.SelectMany(c => c.Places).Where(IsRow).ToList();
        var handChecked = levant.SelectMany(c => c.Places).Where(p => !IsRow(p)).Select(p => p.Id).ToHashSet();
        // Every id is still one place's; a name two places of a country share keeps its geonames: id.
        Assert.Equal(rows.Count, rows.Select(p => p.Id).Distinct().Count());
        Assert.DoesNotContain(rows, p => handChecked.Contains(p.Id));
        Assert.All(rows.Where(p => !p.IdIsReadable), p => Assert.Equal($"geonames:{p.GeonamesId}", p.Id));
        Assert.All(rows.Where(p => p.IdIsReadable), p => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*-[a-z]{2}$", p.Id));
        double readable = (double)rows.Count(p => p.IdIsReadable) / rows.Count;
        _out.WriteLine($"{rows.Count(p => p.IdIsReadable)} of {rows.Count} rows have a readable id ({readable:P1})");
        Assert.True(readable > 0.85, $"only {readable:P1} of the rows have a readable id");
    }

    [Fact]
    public void A_project_that_defines_a_readable_id_keeps_it_for_its_own_place()
    {
        var fs = new MemoryFileSystem(new[]
        {
            new KeyValuePair<string, string>("/p/timeline.config.yaml", "use: [builtin:levant]\n"),
            new KeyValuePair<string, string>("/p/a.places.yaml",
                "places:\n  - id: aleppo-sy\n    name: Aleppo Sweets\n    kind: site\n    in: geonames:170063\n"),
        });
        var result = ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, "/p"));
        Assert.All(result.Diagnostics.Values, d => Assert.Empty(d));
        var symbols = result.Symbols;
        var own = symbols.Find<PlaceDef>(SymbolKind.Place, "aleppo-sy")!;
        Assert.Equal("Aleppo Sweets", own.Name);
        // The built-in city is still found, by its geonames: id, and completion would write that one.
        var city = symbols.Find<PlaceDef>(SymbolKind.Place, "geonames:170063")!;
        Assert.Equal("Aleppo", city.Name);
        Assert.Equal("geonames:170063", symbols.ReferenceId(city));
        Assert.Equal("Aleppo", symbols.Chain(own)[0].Name);
    }

    public sealed record Query(string Kind, string Category, string Text, string Expected, int Line);

    public static IReadOnlyList<Query> Queries() =>
        File.ReadAllLines(Repo.Path("tests", "names", "queries.tsv"))
            .Select((l, i) => (l, i))
            .Where(x => x.l.Length > 0 && x.l[0] != '#')
            .Select(x => x.l.Split('\t') is var c && c.Length == 4 ? new Query(c[0], c[1], c[2], c[3], x.i + 1)
                : throw new FormatException($"queries.tsv line {x.i + 1}: four tab-separated columns"))
            .ToList();

    [Fact]
    public void The_query_set_finds_the_place_or_actor_meant_in_the_top_five_for_95_percent()
    {
        var queries = Queries();
        Assert.True(queries.Count >= 150);
        var symbols = BuiltinsOnly().Symbols;
        // Every expected id exists: a query set that points nowhere measures nothing.
        foreach (var q in queries)
            Assert.True(symbols.Find(q.Kind == "place" ? SymbolKind.Place : SymbolKind.Actor, q.Expected) is not null,
                $"line {q.Line}: no {q.Kind} '{q.Expected}'");

        var rows = new List<(Query Q, int Rank)>();
        foreach (var q in queries)
        {
            var found = symbols.Index(q.Kind == "place" ? SymbolKind.Place : SymbolKind.Actor).Search(q.Text, 5);
            // The set names GeoNames places by their geonames: ids, which refer to them as their readable ids do.
            string expected = symbols.Find(q.Kind == "place" ? SymbolKind.Place : SymbolKind.Actor, q.Expected)!.Id;
            int rank = found.Select(m => m.Id).ToList().IndexOf(expected);
            rows.Add((q, rank));
            if (rank != 0) _out.WriteLine($"{(rank < 0 ? "missed" : $"rank {rank + 1}")}: {q.Kind} {q.Category} " +
                $"'{q.Text}' → {q.Expected}; got {string.Join(", ", found.Take(3).Select(m => $"{m.Id} ({m.MatchedName})"))}");
        }
        string Rate(IEnumerable<(Query Q, int Rank)> set, int k)
        {
            var list = set.ToList();
            return $"{100.0 * list.Count(r => r.Rank >= 0 && r.Rank < k) / list.Count:F1}%";
        }
        _out.WriteLine($"query set: {rows.Count} queries; top-1 {Rate(rows, 1)}, top-5 {Rate(rows, 5)}");
        foreach (var g in rows.GroupBy(r => $"{r.Q.Kind} {r.Q.Category}").OrderBy(g => g.Key, StringComparer.Ordinal))
            _out.WriteLine($"  {g.Key,-24} {g.Count(),4} queries; top-1 {Rate(g, 1),6}, top-5 {Rate(g, 5),6}");
        double top5 = (double)rows.Count(r => r.Rank >= 0) / rows.Count;
        Assert.True(top5 >= 0.95, $"top-5 accuracy {top5:P1} is below 95%");
    }

    [Fact]
    public void The_catalog_index_is_built_once_and_shared_by_every_check_of_the_project()
    {
        var fs = new MemoryFileSystem(new[]
        {
            new KeyValuePair<string, string>("/p/timeline.config.yaml", "use: [builtin:levant]\n"),
            new KeyValuePair<string, string>("/p/a.places.yaml",
                "places:\n  - id: my-village\n    name: Kafr Saraqeb\n    kind: village\n    in: idlib-governorate\n"),
        });
        var first = ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, "/p")).Symbols.Index(SymbolKind.Place);
        var second = ProjectAnalyzer.Analyze(ProjectLoader.Load(fs, "/p")).Symbols.Index(SymbolKind.Place);
        Assert.Same(first.Parts[0], second.Parts[0]);     // the built-in's places: shared
        Assert.NotSame(first.Parts[1], second.Parts[1]);  // the project's own: rebuilt with the project
        // Both parts answer together, in one ranking: the town before the project's village.
        var found = second.Search("Saraqeb", 5).Select(m => m.Id).ToList();
        Assert.Equal("saraqib-sy", found[0]);
        Assert.Contains("my-village", found);
    }
}
