using System.Diagnostics;
using Timeline.Core.Catalogs;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;

namespace Timeline.Bench;

/// <summary>The name index on a GeoNames dump (cities500: ~200,000 places): build time, memory, search latency.</summary>
public static class NamesBench
{
    public static int Run(string dump, int queries, int seed)
    {
        var text = File.ReadAllText(dump);
        long before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var catalog = GeoNames.Read(dump, text);
        double read = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var index = new NameIndex<Definition>(catalog.Places.Select(p =>
            new NameEntry<Definition>(p, p.Id, SymbolTable.NamesOf(p), SymbolTable.PlaceRank(p.PlaceKind), p.Population)));
        double build = sw.Elapsed.TotalMilliseconds;
        long after = GC.GetTotalMemory(true);
        // Queries: real names typed the ways writers type them — cut short, one letter off, e for i, k for q, no article.
        var rng = new Random(seed);
        var names = catalog.Places.Where(p => p.Name is { Length: >= 5 }).Select(p => p.Name!).ToList();
        var times = new List<double>(queries);
        int found = 0;
        for (int i = 0; i < queries; i++)
        {
            string name = names[rng.Next(names.Count)];
            string q = (i % 4) switch
            {
                0 => name[..Math.Max(3, name.Length * 2 / 3)],
                1 => name.Remove(rng.Next(1, name.Length - 1), 1),
                2 => name.Replace('i', 'e').Replace('q', 'k'),
                _ => name,
            };
            sw.Restart();
            var r = index.Search(q, Timeline.Core.Services.CompletionService.MaxItems);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (r.Any(m => m.Item.DisplayName == name || ((PlaceDef)m.Item).Names.Contains(name))) found++;
        }
        times.Sort();
        Console.WriteLine($"names: {catalog.Places.Count:N0} places ({index.Count:N0} entries) read in {read:F0} ms, index built in {build:F0} ms, " +
                          $"{(after - before) / 1048576.0:F0} MB for catalog and index; {queries} searches: " +
                          $"p50 {times[queries / 2]:F2} ms, p99 {times[(int)(queries * 0.99)]:F2} ms, max {times[^1]:F1} ms; " +
                          $"the place searched for among the results in {100.0 * found / queries:F1}%");
        return 0;
    }
}
