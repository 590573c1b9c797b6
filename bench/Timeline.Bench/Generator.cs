using System.Globalization;
using System.Text;

namespace Timeline.Bench;

/// <summary>
/// Generates a project of the shape the language is for: a timeline of N events citing
/// sources, placed in a gazetteer of M places (real names from ../shared/data when present,
/// made-up ones otherwise), with actors, claims and figures. Deterministic for a seed.
/// </summary>
public static class Generator
{
    /// <param name="files">
    /// How many timeline files the events are spread over (each with its own sources and ids: the
    /// first file is generated.timeline.yaml, the others generated-2.timeline.yaml and on).
    /// </param>
    public static void Project(string dir, int events, int places, int seed = 42, string? communitiesTsv = null, int files = 1)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        var names = LoadNames(communitiesTsv, places, rng);
        File.WriteAllText(Path.Combine(dir, "timeline.config.yaml"), "require-sources: true\n");

        var p = new StringBuilder("places:\n  - id: syria\n    name: Syria\n    kind: country\n");
        for (int i = 0; i < names.Count; i++)
        {
            var (name, ar, lat, lon) = names[i];
            p.Append(CultureInfo.InvariantCulture, $"  - id: {Id(name, i)}\n    name: {Quote(name)}\n    names: " +
                $"[{Quote(ar)}]\n    kind: village\n    in: syria\n    coordinates: [{lat:0.#####}, {lon:0.#####}]\n");
        }
        File.WriteAllText(Path.Combine(dir, "gazetteer.places.yaml"), p.ToString());

        var a = new StringBuilder("actors:\n");
        for (int i = 0; i < 50; i++) a.Append(CultureInfo.InvariantCulture, $"  - id: actor-{i}\n    name: Actor {i}\n    kind: armed-group\n");
        File.WriteAllText(Path.Combine(dir, "actors.actors.yaml"), a.ToString());

        files = Math.Max(1, files);
        for (int f = 0; f < files; f++)
        {
            int count = events / files + (f < events % files ? 1 : 0);
            string name = f == 0 ? "generated.timeline.yaml" : $"generated-{f + 1}.timeline.yaml";
            File.WriteAllText(Path.Combine(dir, name), Timeline(count, f == 0 ? "" : $"f{f + 1}-", names, rng));
        }
    }

    /// <summary>One timeline of <paramref name="events"/> events; <paramref name="prefix"/> keeps its ids apart from other files'.</summary>
    private static string Timeline(int events, string prefix, List<(string Name, string Arabic, double Lat, double Lon)> names, Random rng)
    {
        var t = new StringBuilder("title: Generated timeline\ntimezone: \"+03:00\"\nsources:\n");
        int sources = Math.Max(10, events / 20);
        var day0 = new DateOnly(2011, 3, 15);
        for (int i = 0; i < sources; i++)
            t.Append(CultureInfo.InvariantCulture, $"  - id: {prefix}source-{i}\n    publisher: Outlet {i % 37}\n    " +
                $"published: {day0.AddDays(i * 5000 / sources + 30):yyyy-MM-dd}\n    url: https://example.org/{prefix}{i}\n");
        t.Append("events:\n");
        for (int i = 0; i < events; i++)
        {
            var day = day0.AddDays(i * 5000L / events is var d ? (int)d : 0);
            string src = $"{prefix}source-{(int)((long)i * sources / events)}";
            t.Append(CultureInfo.InvariantCulture,
                $"  - id: {prefix}event-{i}\n    date: {day:yyyy-MM-dd}\n    title: Event number {i} near {Quote(names[i % names.Count].Name)}\n");
            t.Append(CultureInfo.InvariantCulture,
                $"    places: [{Id(names[i % names.Count].Name, i % names.Count)}]\n    actors: [actor-{i % 50}, actor-{(i * 7) % 50}]\n");
            t.Append(CultureInfo.InvariantCulture,
                $"    sources:\n      - source: {src}\n        quote: words of the report about event {i}\n");
            if (i % 10 == 0)
                t.Append(CultureInfo.InvariantCulture,
                    $"    claims:\n      - by: actor-{i % 50}\n        stance: asserts\n        source: {src}\n    status: claimed\n");
            if (i % 7 == 0)
                t.Append(CultureInfo.InvariantCulture,
                    $"    casualties:\n      - killed: at least {rng.Next(1, 40)}\n        group: civilians\n        source: {src}\n");
        }
        return t.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Id(string name, int i)
    {
        var sb = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        return $"{sb.ToString().Trim('-')}-{i}";
    }

    public static List<(string Name, string Arabic, double Lat, double Lon)> LoadNames(string? tsv, int count, Random rng)
    {
        var list = new List<(string, string, double, double)>();
        if (tsv is not null && File.Exists(tsv))
            foreach (var line in File.ReadLines(tsv))
            {
                var c = line.Split('\t');
                if (c.Length < 8) continue;
                list.Add((c[1], c[2], double.Parse(c[6], CultureInfo.InvariantCulture), double.Parse(c[7], CultureInfo.InvariantCulture)));
            }
        string[] syl = { "ka", "fr", "tal", "ain", "deir", "jis", "ra", "ma", "sha", "bab", "hal", "zah", "qar", "nub", "sar", "miz" };
        while (list.Count < count)
        {
            string n = string.Concat(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => syl[rng.Next(syl.Length)]));
            list.Add((char.ToUpperInvariant(n[0]) + n[1..], "قرية", 32 + rng.NextDouble() * 5, 35.7 + rng.NextDouble() * 6));
        }
        return list.Take(count).ToList();
    }
}
