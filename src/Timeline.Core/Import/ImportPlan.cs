using Timeline.Core.Catalogs;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Import;

/// <summary>
/// Where an import writes and what: the timeline file named (or made from the input's name), a places and an actors
/// file beside it when there are new places or actors, and, when the folder is in no project yet, a
/// timeline.config.yaml naming the built-in catalogs the rows were matched against. Nothing is written here: the
/// caller writes <see cref="Files"/>, after refusing if any of them exists.
/// </summary>
public sealed class ImportPlan
{
    public required string Folder { get; init; }
    /// <summary>The files to write, full path and text, the timeline first.</summary>
    public required IReadOnlyList<(string Path, string Text)> Files { get; init; }
    public required ImportSummary Summary { get; init; }
    /// <summary>The project root the rows were matched against, when the folder was already in one.</summary>
    public string? ExistingRoot { get; init; }

    public static ImportFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "csv" or "tsv" => ImportFormat.Csv,
        "timelinejs" or "tjs" => ImportFormat.TimelineJs,
        "acled" => ImportFormat.Acled,
        _ => null,
    };

    /// <summary>The timeline file an import writes: <paramref name="output"/> when it names a .timeline.yaml file, else a file named
    /// after the input in the folder <paramref name="output"/> names (by default a new folder named after the input).</summary>
    public static string TimelinePath(string inputPath, string? output)
    {
        string stem = StructureValidator.Slug(Path.GetFileNameWithoutExtension(inputPath)) is { Length: > 0 } s ? s : "imported";
        if (output is not null && output.EndsWith(".timeline.yaml", StringComparison.OrdinalIgnoreCase)) return Path.GetFullPath(output);
        string folder = output ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath))!, stem);
        return Path.GetFullPath(Path.Combine(folder, stem + ".timeline.yaml"));
    }

    /// <summary>Reads the input and matches it against the project the timeline would belong to (or the built-ins).</summary>
    public static ImportPlan? Make(IFileSystem fs, ImportFormat format, string inputText, string timelinePath, IReadOnlyList<string> maps,
        out string? error)
    {
        string folder = Path.GetDirectoryName(timelinePath)!;
        string? root = ProjectLoader.FindConfigRoot(fs, folder);
        // The project (or the built-ins) and their name indexes are made while the input is read, on another core:
        // neither needs the other, and reading builtin:world and indexing its names is a good part of an import's time.
        var matching = Task.Run(() => Symbols(fs, root, folder));
        var input = format switch
        {
            ImportFormat.TimelineJs => TimelineJsImport.Read(inputText, out error),
            _ => SpreadsheetImport.Read(Table.Read(inputText), maps, format == ImportFormat.Acled, out error),
        };
        if (error is not null) return null;
        if (format == ImportFormat.TimelineJs && maps.Count > 0) { error = "--map is for csv and acled imports"; return null; }
        var dates = Importer.ReadDates(input.Records);
        var symbols = matching.GetAwaiter().GetResult();
        string stem = Path.GetFileName(timelinePath)[..^".timeline.yaml".Length];
        string title = input.Title ?? Path.GetFileNameWithoutExtension(stem).Replace('-', ' ');
        var result = new Importer(symbols, format).Run(input, title.Length > 0 ? char.ToUpperInvariant(title[0]) + title[1..] : "Imported", dates);

        var files = new List<(string, string)> { (timelinePath, result.Timelines[0]) };
        for (int part = 1; part < result.Timelines.Count; part++)
            files.Add((Path.Combine(folder, $"{stem}-{part + 1}.timeline.yaml"), result.Timelines[part]));
        if (result.Sources is { } sources) files.Add((Path.Combine(folder, stem + ".sources.yaml"), sources));
        if (result.Places is { } places) files.Add((Path.Combine(folder, stem + ".places.yaml"), places));
        if (result.Actors is { } actors) files.Add((Path.Combine(folder, stem + ".actors.yaml"), actors));
        if (root is null) files.Add((Path.Combine(folder, FileKinds.ConfigFileName), Config(result.Summary.CatalogsUsed)));
        return new ImportPlan { Folder = folder, Files = files, Summary = result.Summary, ExistingRoot = root };
    }

    /// <summary>What the rows are matched against: the project at <paramref name="root"/>, else every built-in; with its name indexes made.</summary>
    private static SymbolTable Symbols(IFileSystem fs, string? root, string folder)
    {
        // The built-ins are read side by side (builtin:levant and builtin:world together are made of both).
        if (root is null) Parallel.ForEach(BuiltinCatalogs.Names, name => BuiltinCatalogs.Get(name));
        ProjectSnapshot project = root is not null
            ? ProjectLoader.Load(fs, root, keepForEdits: false)
            : new ProjectSnapshot
            {
                Root = folder, Files = Array.Empty<FileModel>(),
                Catalogs = BuiltinCatalogs.Names.SelectMany(n => BuiltinCatalogs.Get(n, BuiltinCatalogs.Names)!).ToList(),
            };
        var symbols = new SymbolTable(project);
        symbols.Index(SymbolKind.Place);
        symbols.Index(SymbolKind.Actor);
        return symbols;
    }

    private static string Config(IReadOnlyList<string> catalogs)
    {
        var entries = new List<(string, YamlValue)>();
        if (catalogs.Count > 0)
            entries.Add(("use", new YamlList(BuiltinCatalogs.Names.Where(catalogs.Contains).Select(c => (YamlValue)new YamlText(c)).ToList())));
        entries.Add(("require-sources", new YamlText("true", Verbatim: true)));
        return CanonicalYaml.Write(new YamlMap(LanguageSchema.ConfigFile, entries),
            "Marks the project root. The built-in catalogs are those the imported places and actors were found in.");
    }
}
