using System.Diagnostics;
using System.Globalization;
using System.Text;
using Timeline.Core.Catalogs;
using Timeline.Core.Import;
using Timeline.Core.Language;
using Timeline.Core.Project;

namespace Timeline.Bench;

/// <summary>
/// The import's benchmark (a generated spreadsheet of N rows imported, written and checked, stage by stage) and the
/// cost of builtin:world (reading its rows, building its name index, the managed memory it holds).
/// </summary>
public static class ImportBench
{
    // Places of several countries with their coordinates, and a few no catalog holds (made stubs, once each).
    private static readonly (string Name, double Lat, double Lon)[] Places =
    {
        ("Aleppo", 36.2021, 37.1343), ("Idlib", 35.9306, 36.6339), ("Kharkiv", 49.9935, 36.2304), ("Omdurman", 15.6445, 32.4777),
        ("Maiduguri", 11.8469, 13.1571), ("Acapulco", 16.8634, -99.8901), ("Lyon", 45.75, 4.85), ("Mosul", 36.335, 43.1189),
        ("Kafr Nowhere", 36.31, 36.99), ("Tal Imaginary", 35.1, 38.2),
    };

    private static readonly string[] Actors =
    {
        "Hayat Tahrir al-Sham", "Russia", "Rapid Support Forces", "Military Forces of Ukraine", "Syrian National Army",
    };

    /// <summary>A spreadsheet with the usual headers: N rows, one quoted line break in every hundredth description.</summary>
    public static string Spreadsheet(int rows)
    {
        var sb = new StringBuilder("Date,Headline,Description,Location,Latitude,Longitude,Actors,Source URL,Killed,Desk note\n");
        var start = new DateOnly(2020, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            var (name, lat, lon) = Places[i % Places.Length];
            var day = start.AddDays(i % 1800);
            string description = i % 100 == 0 ? "\"First line,\nsecond line\"" : $"Report {i} from {name}";
            sb.Append(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd},Event {i} in {name},{description},{name},{lat},{lon}," +
                $"{Actors[i % Actors.Length]}; {Actors[(i + 2) % Actors.Length]}," +
                $"https://news.example.org/{i % 500}/report,{i % 9},row {i}\n");
        }
        return sb.ToString();
    }

    /// <summary>timeline-bench import ROWS DIR: writes DIR/sheet.csv, imports it into DIR/sheet, and prints each stage's time.</summary>
    public static int Import(int rows, string dir)
    {
        Directory.CreateDirectory(dir);
        string csv = Path.Combine(dir, "sheet.csv");
        File.WriteAllText(csv, Spreadsheet(rows));
        string folder = Path.Combine(dir, "sheet");
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        string text = File.ReadAllText(csv);
        string? stages = Environment.GetEnvironmentVariable("IMPORT_STAGES");
        if (stages is "1" or "make")
        {
            // Each stage by itself, with the collector's pauses in it (GC.GetTotalPauseDuration) and its CPU time.
            var process = Process.GetCurrentProcess();
            double cpu = process.TotalProcessorTime.TotalMilliseconds, paused = GC.GetTotalPauseDuration().TotalMilliseconds;
            long allocated = GC.GetTotalAllocatedBytes();
            void Stage(string name)
            {
                process.Refresh();
                double cpuNow = process.TotalProcessorTime.TotalMilliseconds, pausedNow = GC.GetTotalPauseDuration().TotalMilliseconds;
                long allocatedNow = GC.GetTotalAllocatedBytes();
                Console.WriteLine($"{name} {sw.ElapsedMilliseconds} ms (CPU {cpuNow - cpu:F0} ms, GC pauses {pausedNow - paused:F0} ms, " +
                    $"{(allocatedNow - allocated) / 1048576.0:F0} MB allocated, {GC.GetTotalMemory(false) / 1048576.0:F0} MB on the heap; " +
                    $"collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");
                (cpu, paused, allocated) = (cpuNow, pausedNow, allocatedNow);
                sw.Restart();
            }
            var t = Table.Read(text);
            Stage("table");
            var input = SpreadsheetImport.Read(t, Array.Empty<string>(), false, out _);
            Stage("records");
            var cats = BuiltinCatalogs.Names.SelectMany(n => BuiltinCatalogs.Get(n, BuiltinCatalogs.Names)!).ToList();
            var symbols = new SymbolTable(new ProjectSnapshot { Root = dir, Files = Array.Empty<Timeline.Core.Checks.FileModel>(), Catalogs = cats });
            symbols.Index(SymbolKind.Place);
            symbols.Index(SymbolKind.Actor);
            Stage("catalogs and indexes");
            new Importer(symbols, ImportFormat.Csv).Run(input, "x");
            Stage("importer");
            // IMPORT_STAGES=make stops here, so a profile of the import is not drowned by the check's.
            if (stages == "make") return 0;
        }
        var plan = ImportPlan.Make(PhysicalFileSystem.Instance, ImportFormat.Csv, text, ImportPlan.TimelinePath(csv, null),
            Array.Empty<string>(), out string? error) ?? throw new InvalidOperationException(error);
        long make = sw.ElapsedMilliseconds;
        double cpuMake = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        sw.Restart();
        Directory.CreateDirectory(plan.Folder);
        foreach (var (path, content) in plan.Files) File.WriteAllText(path, content);
        long write = sw.ElapsedMilliseconds;
        sw.Restart();
        var files = Checker.Check(new WrittenFiles(PhysicalFileSystem.Instance, plan.Files), plan.Files.Select(f => f.Path).ToList());
        long check = sw.ElapsedMilliseconds;
        double cpuAll = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        int errors = files.Sum(f => f.Diagnostics.Count(d => d.Severity == Timeline.Core.Checks.Severity.Error));
        Console.WriteLine($"{rows:N0} rows → {plan.Summary.Events:N0} events, {plan.Summary.Refused.Count} refused, " +
            $"places {plan.Summary.PlacesMatched} matched / {plan.Summary.PlacesCreated} created, {plan.Summary.Sources} sources, {errors} errors");
        Console.WriteLine($"read, match and lay out {make} ms, write {write} ms, check {check} ms; total {total.ElapsedMilliseconds} ms " +
            $"(CPU: {cpuMake:F0} ms to the files' texts, {cpuAll:F0} ms in all)");
        return 0;
    }

    /// <summary>timeline-bench world: the time to read builtin:world and to build its name index, and the managed memory they hold.</summary>
    public static int World()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        var files = BuiltinCatalogs.Get(BuiltinCatalogs.World)!;
        long read = sw.ElapsedMilliseconds;
        long afterRead = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        var project = new ProjectSnapshot { Root = Path.GetTempPath(), Files = Array.Empty<Timeline.Core.Checks.FileModel>(), Catalogs = files };
        var index = new SymbolTable(project).Index(SymbolKind.Place);
        long indexed = sw.ElapsedMilliseconds;
        long afterIndex = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        int found = 0;
        string[] queries = { "Lyon", "Kharkiv", "Aleppo", "Halab", "Sao Paulo", "Mumbai", "Ciudad de Mexico", "Maiduguri" };
        for (int i = 0; i < 1000; i++) found += index.Search(queries[i % queries.Length], 10).Count > 0 ? 1 : 0;
        double perQuery = sw.Elapsed.TotalMilliseconds / 1000;
        Console.WriteLine($"builtin:world: {files.Sum(f => f.Places.Count):N0} places; read {read} ms, " +
            $"{(afterRead - before) / 1048576.0:F0} MB held; name index {indexed} ms, {(afterIndex - afterRead) / 1048576.0:F0} MB more; " +
            $"a search {perQuery:F2} ms ({found} of 1000 found)");
        GC.KeepAlive(index);
        return 0;
    }
}
