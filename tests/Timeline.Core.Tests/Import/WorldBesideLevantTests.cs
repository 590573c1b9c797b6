using Timeline.Core.Catalogs;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Import;

/// <summary>
/// builtin:world and builtin:levant used together: one definition for each place. levant's GeoNames rows come from the
/// same dump as world's, so world's rows of levant's countries are the same places under the same ids ("aleppo-sy"),
/// and its countries and divisions are levant's hand-checked ones under other ids ("syria-sy" beside "syria").
/// </summary>
public class WorldBesideLevantTests
{
    private static readonly string[] Both = { BuiltinCatalogs.Levant, BuiltinCatalogs.World };

    private static SymbolTable Symbols(string use)
    {
        var fs = new MemoryFileSystem(new[] { new KeyValuePair<string, string>("/p/timeline.config.yaml", $"use: [{use}]\n") });
        return new SymbolTable(ProjectLoader.Load(fs, "/p"));
    }

    /// <summary>The places a name is exactly (up to the normaliser's folding), as the import matches a cell.</summary>
    private static List<string> Exactly(SymbolTable symbols, string name) =>
        symbols.Index(SymbolKind.Place).Search(name, 20, fuzzy: false).Where(m => m.Level <= MatchLevel.ExactName)
            .Select(m => m.Id).ToList();

    [Fact]
    public void Used_together_every_place_is_defined_once_and_levant_names_are_not_ambiguous()
    {
        var both = Symbols("builtin:levant, builtin:world");
        Assert.Empty(both.Duplicates(SymbolKind.Place));
        Assert.Equal(new[] { "aleppo-sy" }, Exactly(both, "Aleppo").Where(id => id.StartsWith("aleppo-sy", StringComparison.Ordinal)));
        Assert.Single(Exactly(both, "Syria"));
        Assert.Equal("syria", Exactly(both, "Syria")[0]);
        Assert.Equal(new[] { "aleppo-governorate" }, Exactly(both, "Aleppo Governorate"));
        Assert.Null(both.Find(SymbolKind.Place, "syria-sy"));
        // The names world gave the places it leaves out stay theirs: an ACLED admin1 "Aleppo" is the governorate too.
        Assert.Contains("aleppo-governorate", Exactly(both, "Aleppo"));
        Assert.DoesNotContain("aleppo-governorate", Exactly(Symbols("builtin:levant"), "Aleppo"));
        // The rest of the world is still there, and every place of it still lies in a place the project knows.
        Assert.NotNull(both.Find(SymbolKind.Place, "kharkiv-ua"));
        Assert.All(BuiltinCatalogs.Get(BuiltinCatalogs.World, Both)![0].Places,
            p => Assert.True(p.InId is null || both.Find(SymbolKind.Place, p.InId) is not null, $"{p.Id} lies in {p.InId}"));
    }

    [Fact]
    public void Alone_world_keeps_its_own_syria_and_what_it_leaves_beside_levant_is_exactly_levants_countries()
    {
        var world = Symbols("builtin:world");
        Assert.Equal(new[] { "syria-sy" }, Exactly(world, "Syria"));

        var all = BuiltinCatalogs.Get(BuiltinCatalogs.World)![0].Places;
        var beside = BuiltinCatalogs.Get(BuiltinCatalogs.World, Both)![0].Places.ToHashSet();
        var levantCountryIds = BuiltinCatalogs.Get(BuiltinCatalogs.Levant)!.SelectMany(f => f.Places)
            .Where(p => p.PlaceKind == "country").Select(p => p.GeonamesId).ToHashSet();
        var levantCountries = all.Where(p => p.PlaceKind == "country" && levantCountryIds.Contains(p.GeonamesId)).Select(p => p.Id).ToHashSet();
        Assert.Equal(7, levantCountries.Count);
        string CountryOf(PlaceDef p) => p.PlaceKind == "country" ? p.Id : world.Chain(p) is { Count: > 0 } up ? up[^1].Id : "";
        Assert.All(all, p => Assert.Equal(levantCountries.Contains(CountryOf(p)), !beside.Contains(p)));
        Assert.True(all.Count - beside.Count > 800, $"{all.Count - beside.Count} left out");
    }
}
