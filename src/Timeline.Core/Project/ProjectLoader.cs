using System.Text.RegularExpressions;
using Timeline.Core.Catalogs;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Project;

/// <summary>A project as read: its root, config, files and catalogs.</summary>
public sealed record ProjectSnapshot
{
    public required string Root { get; init; }
    public FileModel? ConfigFile { get; init; }
    public ProjectConfig Config => ConfigFile?.Config ?? ProjectConfig.Default;
    public required IReadOnlyList<FileModel> Files { get; init; }
    public IReadOnlyList<CatalogFile> Catalogs { get; init; } = Array.Empty<CatalogFile>();
    /// <summary>Problems with the catalogs themselves (TL501), reported on the config file.</summary>
    public IReadOnlyList<Diagnostic> ConfigDiagnostics { get; init; } = Array.Empty<Diagnostic>();
    /// <summary>The snapshots the sources name, and what is known of them.</summary>
    public ProjectEvidence Evidence { get; init; } = ProjectEvidence.None;
}

public static class ProjectLoader
{
    /// <summary>The project root of a file or folder: the nearest folder upwards with timeline.config.yaml, else null.</summary>
    public static string? FindConfigRoot(IFileSystem fs, string path)
    {
        string? dir = fs.DirectoryExists(path) ? path : Path.GetDirectoryName(path);
        while (!string.IsNullOrEmpty(dir))
        {
            if (fs.FileExists(Path.Combine(dir, FileKinds.ConfigFileName))) return dir;
            dir = Path.GetDirectoryName(dir);
        }
        return null;
    }

    /// <summary>
    /// The projects that the given files and folders belong to. A folder inside a project is
    /// checked as that project; a folder without a config is a project of its own, except for
    /// the folders under it that hold their own config.
    /// </summary>
    public static IReadOnlyList<string> FindRoots(IFileSystem fs, IEnumerable<string> paths)
    {
        var roots = new List<string>();
        foreach (var p in paths)
        {
            string full = Path.GetFullPath(p);
            if (FindConfigRoot(fs, full) is { } r) { roots.Add(r); continue; }
            string dir = fs.DirectoryExists(full) ? full : Path.GetDirectoryName(full)!;
            roots.Add(dir);
            if (fs.DirectoryExists(full)) roots.AddRange(NestedConfigRoots(fs, full));
        }
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> NestedConfigRoots(IFileSystem fs, string dir)
    {
        foreach (var sub in fs.EnumerateDirectories(dir))
        {
            if (Skip(sub)) continue;
            if (fs.FileExists(Path.Combine(sub, FileKinds.ConfigFileName))) { yield return sub; continue; }
            foreach (var r in NestedConfigRoots(fs, sub)) yield return r;
        }
    }

    private static bool Skip(string dir)
    {
        string name = Path.GetFileName(dir);
        return name.StartsWith('.') || name == "node_modules";
    }

    /// <summary>The files of a project: every file of a known kind under the root, less excluded ones and nested projects.</summary>
    public static IReadOnlyList<string> EnumerateProjectFiles(IFileSystem fs, string root, IReadOnlyList<string> exclude)
    {
        var patterns = exclude.Select(GlobToRegex).ToList();
        var result = new List<string>();
        void Walk(string dir, bool isRoot)
        {
            if (!isRoot && fs.FileExists(Path.Combine(dir, FileKinds.ConfigFileName))) return; // a project of its own
            List<string> files, dirs;
            try
            {
                if (!fs.DirectoryExists(dir)) return;
                files = fs.EnumerateFiles(dir).ToList();
                dirs = fs.EnumerateDirectories(dir).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return; } // unreadable: left out
            foreach (var f in files)
            {
                if (FileKinds.FromPath(f) == FileKind.Unknown) continue;
                if (Excluded(Relative(root, f), patterns)) continue;
                result.Add(f);
            }
            foreach (var d in dirs)
                if (!Skip(d) && !Excluded(Relative(root, d), patterns)) Walk(d, false);
        }
        Walk(root, true);
        return result;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static bool Excluded(string relative, List<Regex> patterns) => patterns.Any(p => p.IsMatch(relative));

    /// <summary>A glob (drafts/**, *.draft.timeline.yaml, a?b) as a regex over '/'-separated relative paths.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder("^");
        string g = glob.Replace('\\', '/').TrimStart('/');
        if (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
        for (int i = 0; i < g.Length; i++)
        {
            char c = g[i];
            if (c == '*' && i + 1 < g.Length && g[i + 1] == '*')
            {
                i++;
                if (i + 1 < g.Length && g[i + 1] == '/') { i++; sb.Append("(?:.*/)?"); }
                else sb.Append(".*");
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        sb.Append("(?:/.*)?$");
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Reads a whole project from its root.</summary>
    /// <param name="overlay">A file's model from elsewhere (an editor's open document, a cache), or null to read it.</param>
    /// <param name="catalogs">A gazetteer already read (a cache), or null to read it.</param>
    /// <param name="snapshots">A snapshot already read (a cache), or null to read it.</param>
    /// <param name="keepForEdits">
    /// False when the project is read to be checked once: each file read whole, with nothing kept for its next versions
    /// (see <see cref="FileAnalyzer.Analyze(string, FileKind, SourceText, ReaderLimits?, FileModel?, bool)"/>).
    /// </param>
    public static ProjectSnapshot Load(IFileSystem fs, string root, Func<string, FileModel?>? overlay = null, ReaderLimits? limits = null,
        bool allowCatalogsOutsideRoot = false, Func<string, CatalogFile?>? catalogs = null, Func<string, SnapshotFile?>? snapshots = null,
        bool keepForEdits = true)
    {
        string configPath = Path.Combine(root, FileKinds.ConfigFileName);
        FileModel? config = null;
        if (fs.FileExists(configPath))
            config = overlay?.Invoke(configPath) ?? ReadFile(fs, configPath, limits, keepForEdits);
        var cfg = config?.Config ?? ProjectConfig.Default;
        var paths = EnumerateProjectFiles(fs, root, cfg.Exclude).Where(p => p != configPath).ToList();
        // Files are independent until the project checks: read the large ones on every core (every core the caller's
        // scheduler allows: a language server reads a project ahead of the editor on all cores but one).
        var models = new FileModel?[paths.Count];
        Parallel.For(0, paths.Count, Parallelism.OfCaller(Environment.ProcessorCount),
            i => models[i] = overlay?.Invoke(paths[i]) ?? ReadFile(fs, paths[i], limits, keepForEdits));
        var files = models.OfType<FileModel>().ToList();
        var (catalogFiles, configDiagnostics) = LoadCatalogs(fs, root, cfg, allowCatalogsOutsideRoot, catalogs);
        return new ProjectSnapshot
        {
            Root = root, ConfigFile = config, Files = files, Catalogs = catalogFiles, ConfigDiagnostics = configDiagnostics,
            Evidence = LoadEvidence(fs, root, files, snapshots),
        };
    }

    /// <summary>The snapshots the project's sources name, each read once (or taken from the cache).</summary>
    public static ProjectEvidence LoadEvidence(IFileSystem fs, string root, IEnumerable<FileModel> files, Func<string, SnapshotFile?>? cached = null)
    {
        var sources = files.SelectMany(f => f.Sources).ToList();
        var read = new Dictionary<string, SnapshotFile>(StringComparer.Ordinal);
        var order = new List<SnapshotFile>();
        string fullRoot = Path.GetFullPath(root);
        foreach (var s in sources)
        {
            if (SnapshotFile.PathOf(s) is not { } full) continue;
            if (read.ContainsKey(full)) continue;
            var snap = cached?.Invoke(full) ?? SnapshotFile.Read(fs, full, fullRoot);
            read[full] = snap;
            order.Add(snap);
        }
        return order.Count == 0 ? ProjectEvidence.None : new ProjectEvidence(order, sources);
    }

    public static FileModel? ReadFile(IFileSystem fs, string path, ReaderLimits? limits = null, bool keepForEdits = true)
    {
        string text;
        int invalid;
        // Judged by its size on disk first: a file over the limit is not read at all, so memory stays small.
        if (fs.StoredLength(path) is { } stored && YamlReader.IsTooLarge(stored, limits ?? ReaderLimits.Default))
            return FileAnalyzer.TooLarge(path, limits);
        try { (text, invalid) = fs.ReadText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        var model = FileAnalyzer.Analyze(path, FileKinds.FromPath(path), new SourceText(text), limits, keepForEdits: keepForEdits);
        if (invalid >= 0)
            model.Diagnostics.Insert(0, new Diagnostic(SyntaxRule.Rule, SyntaxRule.Rule.DefaultSeverity, new TextSpan(invalid, invalid + 1),
                "the file is not valid UTF-8: bytes that could not be read show as U+FFFD (�), the first here; save the file as UTF-8"));
        return model;
    }

    /// <param name="allowOutsideRoot">
    /// Whether a gazetteer outside the project root may be read. Off unless the person running
    /// Timeline says so themselves (a command-line flag, a user setting): a project must not make
    /// the editor read files it names elsewhere on the machine.
    /// </param>
    public static (List<CatalogFile>, List<Diagnostic>) LoadCatalogs(IFileSystem fs, string root, ProjectConfig cfg, bool allowOutsideRoot = false,
        Func<string, CatalogFile?>? cached = null)
    {
        var catalogs = new List<CatalogFile>();
        var problems = new List<Diagnostic>();
        var used = cfg.Use.Select(u => u.Name).ToList();
        foreach (var (name, span) in cfg.Use)
        {
            if (BuiltinCatalogs.Get(name, used) is { } builtin)
            {
                foreach (var file in builtin) if (!catalogs.Contains(file)) catalogs.Add(file);
                continue;
            }
            problems.Add(new Diagnostic(CatalogNotFoundRule.Rule, CatalogNotFoundRule.Rule.DefaultSeverity, span,
                $"there is no built-in catalog '{name}'; the built-ins are {string.Join(", ", BuiltinCatalogs.Names)}"));
        }
        string fullRoot = Path.GetFullPath(root);
        foreach (var (rel, span) in cfg.Gazetteers)
        {
            string full = Path.GetFullPath(Path.Combine(fullRoot, rel));
            string relative = Path.GetRelativePath(fullRoot, full);
            if (!allowOutsideRoot && (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)))
            {
                problems.Add(new Diagnostic(CatalogNotFoundRule.Rule, CatalogNotFoundRule.Rule.DefaultSeverity, span,
                    $"the gazetteer '{rel}' is outside the project root, so it is not read; keep catalogs inside the " +
                    "project (or allow it yourself: --allow-catalogs-outside-root, or the editor setting timeline.allowCatalogsOutsideRoot)"));
                continue;
            }
            if (cached?.Invoke(full) is { } known) { catalogs.Add(known); continue; }
            string text;
            try
            {
                if (!fs.FileExists(full)) throw new FileNotFoundException();
                text = fs.ReadAllText(full);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Diagnostic(CatalogNotFoundRule.Rule, CatalogNotFoundRule.Rule.DefaultSeverity, span,
                    ex is FileNotFoundException ? $"the gazetteer '{rel}' was not found (looked " +
                        $"for {relative.Replace('\\', '/')} under the project root); correct the path under gazetteers:"
                        : $"the gazetteer '{rel}' could not be read: {ex.Message}"));
                continue;
            }
            catalogs.Add(GeoNames.Read(full, text));
        }
        return (catalogs, problems);
    }
}
