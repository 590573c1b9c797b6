using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>
/// The editor's view of the projects: documents open in the editor (their text wins over the
/// disk), files read from disk and cached until they change, and each project's checked
/// result, recomputed from cached file models when something changes. Thread-safe: readers
/// take a snapshot (<see cref="Analysis"/>) and never see it change.
/// </summary>
public sealed class TimelineWorkspace
{
    private readonly object _gate = new();
    private readonly IFileSystem _fs;
    private readonly Dictionary<string, OpenDocument> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileModel> _diskModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Catalogs.CatalogFile> _catalogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotFile> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Analysis> _projects = new(StringComparer.Ordinal);
    // What the last check of each project left for the next (kept when the project's result is forgotten).
    private readonly Dictionary<string, ProjectChecks> _lastChecks = new(StringComparer.Ordinal);
    private readonly List<string> _folders = new();

    public TimelineWorkspace(IFileSystem? fs = null, ReaderLimits? limits = null)
    {
        _fs = fs ?? PhysicalFileSystem.Instance;
        Limits = limits ?? ReaderLimits.Default;
    }

    public ReaderLimits Limits { get; }

    /// <summary>Whether a file is on the disk this workspace reads (open documents aside).</summary>
    public bool FileExists(string path) => _fs.FileExists(path);

    /// <summary>Severities the user set in the editor; they apply on top of the project's own.</summary>
    public IReadOnlyDictionary<string, Severity?> UserRuleSeverities { get; private set; } = new Dictionary<string, Severity?>();

    public sealed record OpenDocument(string Path, SourceText Text, int Version, FileModel Model);

    /// <summary>A checked project as it stood at one moment.</summary>
    /// <param name="Complete">
    /// False for what is known before the project is first read: the open documents alone, each
    /// with its own findings (no project-wide check, no catalog), so that they are answered at once.
    /// </param>
    public sealed record Analysis(string Root, ProjectResult Result, long Generation, bool Complete = true)
    {
        public FileModel? File(string path) =>
            Result.Project.Files.FirstOrDefault(f => f.Path == path) ?? (Result.Project.ConfigFile?.Path == path ? Result.Project.ConfigFile : null);
    }

    private long _generation;
    private long _changes; // counts every change to documents, files and settings
    // The projects read whole at least once (until then, requests are answered from the open documents).
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    // One reading of a project at a time: a second reader waits for the first and takes what it left.
    private readonly Dictionary<string, object> _readers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Analysis> _provisional = new(StringComparer.Ordinal);

    public void SetFolders(IEnumerable<string> folders)
    {
        lock (_gate)
        {
            _changes++;
            _folders.Clear();
            _folders.AddRange(folders.Select(f => f.TrimEnd('/', '\\')).Where(f => f.Length > 0));
            _projects.Clear();
            _lastChecks.Clear();
        }
    }

    public void AddRemoveFolders(IEnumerable<string> added, IEnumerable<string> removed)
    {
        lock (_gate)
        {
            _changes++;
            foreach (var r in removed) _folders.Remove(r.TrimEnd('/', '\\'));
            foreach (var a in added) if (!_folders.Contains(a.TrimEnd('/', '\\'))) _folders.Add(a.TrimEnd('/', '\\'));
            _projects.Clear();
        }
    }

    /// <summary>The user's own permission to read gazetteers outside a project's root (never a workspace's).</summary>
    public bool AllowCatalogsOutsideRoot { get; private set; }

    public void SetAllowCatalogsOutsideRoot(bool allow)
    {
        lock (_gate) { AllowCatalogsOutsideRoot = allow; _projects.Clear(); _changes++; }
    }

    public void SetUserRuleSeverities(IReadOnlyDictionary<string, Severity?> severities)
    {
        lock (_gate) { UserRuleSeverities = severities; _projects.Clear(); _changes++; }
    }

    public OpenDocument Open(string path, string text, int version)
    {
        // The file as read from disk (when the workspace was indexed) has the segments to reuse. It is
        // consumed: the open document's edits move those segments, so after a close the file is read again.
        _firstOpening.TrySetResult();
        FileModel? fromDisk;
        lock (_gate) { fromDisk = _diskModels.GetValueOrDefault(path); _diskModels.Remove(path); }
        var doc = MakeDocument(path, new SourceText(text), version, fromDisk);
        lock (_gate) { _open[path] = doc; Invalidate(path); }
        _firstOpen.TrySetResult();
        return doc;
    }

    private readonly TaskCompletionSource _firstOpening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once a document began to be opened.</summary>
    public Task FirstOpening => _firstOpening.Task;

    /// <summary>Done once a document was opened (and read): a reading of the project after it takes the editor's copy.</summary>
    public Task FirstOpen => _firstOpen.Task;

    /// <summary>A new version of an open document: what the edit did not touch is reused from the last version.</summary>
    public OpenDocument Change(string path, string text, int version) => Change(path, new SourceText(text), version);

    public OpenDocument Change(string path, SourceText text, int version)
    {
        FileModel? previous;
        lock (_gate) previous = _open.GetValueOrDefault(path)?.Model;
        var doc = MakeDocument(path, text, version, previous);
        lock (_gate) { _open[path] = doc; Invalidate(path); }
        return doc;
    }

    public void Close(string path)
    {
        lock (_gate) { if (_open.Remove(path)) Invalidate(path); }
    }

    public OpenDocument? Document(string path)
    {
        lock (_gate) return _open.GetValueOrDefault(path);
    }

    public IReadOnlyList<OpenDocument> OpenDocuments
    {
        get { lock (_gate) return _open.Values.ToList(); }
    }

    /// <summary>A file changed, appeared or went away on disk.</summary>
    public void FileChangedOnDisk(string path)
    {
        lock (_gate)
        {
            _changes++;
            _diskModels.Remove(path);
            _catalogs.Remove(path);
            _snapshots.Remove(path);
            // A config change can change which files a project holds: forget every project.
            if (Path.GetFileName(path) == FileKinds.ConfigFileName || FileKinds.FromPath(path) == FileKind.Unknown) _projects.Clear();
            else Invalidate(path);
        }
    }

    private void Invalidate(string path)
    {
        _changes++;
        foreach (var root in _projects.Keys.ToList())
            if (Checker.IsUnder(path, root)) _projects.Remove(root);
        if (FileKinds.FromPath(path) == FileKind.Config) _projects.Clear();
    }

    private OpenDocument MakeDocument(string path, SourceText text, int version, FileModel? previous) =>
        new(path, text, version, FileAnalyzer.Analyze(path, FileKinds.FromPath(path), text, Limits, previous));

    /// <summary>Reads and checks the projects of the workspace folders ahead of time, so that opening a file is quick.</summary>
    public void Index()
    {
        List<string> folders;
        lock (_gate) folders = _folders.ToList();
        foreach (var f in folders)
        {
            Read(f);
            foreach (var nested in ProjectLoader.FindRoots(_fs, new[] { f }).Where(r => r != f).Take(20)) Read(nested);
        }
    }

    /// <summary>
    /// Reads and checks the project of a path, then builds its catalogs' name indexes (a big
    /// gazetteer takes a second or two), so that completion finds every place without waiting.
    /// </summary>
    public Analysis Read(string path)
    {
        var a = Analyze(path);
        a.Result.Symbols.Index(Language.SymbolKind.Place);
        a.Result.Symbols.Index(Language.SymbolKind.Actor);
        return a;
    }

    /// <summary>
    /// What is known of a path's project without waiting to read it: its checked result once it was
    /// read whole (checked again now if something changed), before that the open documents alone
    /// (<see cref="Analysis.Complete"/> false), each with its own findings.
    /// </summary>
    public Analysis Known(string path)
    {
        string root = RootOf(path);
        lock (_gate)
        {
            if (_projects.TryGetValue(root, out var cached)) return cached;
            if (!_read.Contains(root) && _provisional.TryGetValue(root, out var known) && known.Generation == -_changes) return known;
            if (!_read.Contains(root)) return OpenDocumentsOnlyOf(root);
        }
        return Analyze(path);
    }

    /// <summary>The open documents of a path's project alone, each with its own findings (see <see cref="Known"/>).</summary>
    public Analysis OpenDocumentsOnly(string path)
    {
        string root = RootOf(path);
        lock (_gate)
            return _provisional.TryGetValue(root, out var known) && known.Generation == -_changes ? known : OpenDocumentsOnlyOf(root);
    }

    // Called under the gate: the documents are taken at one moment (the check itself is quick: no project-wide rule runs).
    private Analysis OpenDocumentsOnlyOf(string root)
    {
        var open = _open.Values.Where(d => Checker.IsUnder(d.Path, root)).OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        long startedAt = _changes;
        string configPath = Path.Combine(root, FileKinds.ConfigFileName);
        // The config is small and sets the rules' severities: read now if no editor holds it.
        var config = open.FirstOrDefault(d => d.Path == configPath)?.Model ?? _diskModels.GetValueOrDefault(configPath);
        if (config is null && _fs.FileExists(configPath) && ProjectLoader.ReadFile(_fs, configPath, Limits) is { } read)
            _diskModels[configPath] = config = read;
        var snapshot = new ProjectSnapshot
        {
            Root = root,
            ConfigFile = config,
            Files = open.Where(d => d.Path != configPath && d.Model.Kind is not FileKind.Unknown and not FileKind.Config)
                .Select(d => d.Model).ToList(),
        };
        // Its generation tells it from a complete check and from another moment's (a negative count of changes).
        var analysis = new Analysis(root, ProjectAnalyzer.FilesAlone(snapshot, UserRuleSeverities), -startedAt, Complete: false);
        _provisional[root] = analysis;
        return analysis;
    }

    /// <summary>The root of the project a file belongs to.</summary>
    public string RootOf(string path)
    {
        if (ProjectLoader.FindConfigRoot(_fs, path) is { } r) return r;
        string? folder;
        lock (_gate) folder = _folders.Where(f => Checker.IsUnder(path, f)).OrderByDescending(f => f.Length).FirstOrDefault();
        return folder ?? Path.GetDirectoryName(path) ?? "/";
    }

    /// <summary>The checked project of a file, computed now if anything changed since the last time.</summary>
    public Analysis Analyze(string path)
    {
        string root = RootOf(path);
        object reader;
        lock (_gate)
        {
            if (_projects.TryGetValue(root, out var cached)) return cached;
            if (!_readers.TryGetValue(root, out reader!)) _readers[root] = reader = new object();
        }
        // Two readers of one project would each hold a copy of it: the second waits, then finds the result (or checks what changed since).
        // The first may be a reading that gives way to the editor (Parallelism.GiveWay): it does not while the second waits.
        if (!Monitor.TryEnter(reader))
            using (Project.Parallelism.WaitingForWork()) Monitor.Enter(reader);
        try
        {
            var analysis = Check(root);
            lock (_gate) { _read.Add(root); _provisional.Remove(root); }
            return analysis;
        }
        finally { Monitor.Exit(reader); }
    }

    private Analysis Check(string root)
    {
        Dictionary<string, OpenDocument> open;
        long startedAt;
        lock (_gate)
        {
            if (_projects.TryGetValue(root, out var cached)) return cached;
            open = new Dictionary<string, OpenDocument>(_open, StringComparer.Ordinal);
            startedAt = _changes;
        }
        FileModel? Overlay(string p)
        {
            if (open.TryGetValue(p, out var d)) return d.Model;
            lock (_gate) if (_diskModels.TryGetValue(p, out var m)) return m;
            var model = ProjectLoader.ReadFile(_fs, p, Limits);
            // Not kept if the editor opened the file meanwhile: its copy is the one that counts, and would be a second.
            if (model is not null) lock (_gate) if (!_open.ContainsKey(p)) _diskModels[p] = model;
            return model;
        }
        // Gazetteers are read once and kept until they change on disk: not on every keystroke.
        Catalogs.CatalogFile? Catalog(string p) { lock (_gate) return _catalogs.GetValueOrDefault(p); }
        // Snapshots too: read once, and again only when they change on disk (a new reading re-checks the quotes).
        SnapshotFile? Snapshot(string p) { lock (_gate) return _snapshots.GetValueOrDefault(p); }
        var snapshot = ProjectLoader.Load(_fs, root, Overlay, Limits, AllowCatalogsOutsideRoot, Catalog, Snapshot);
        lock (_gate) foreach (var c in snapshot.Catalogs) if (!c.IsBuiltin) _catalogs.TryAdd(c.Path, c);
        // Open documents under the root that the disk does not have yet (unsaved new files).
        var extra = open.Values.Where(d => Checker.IsUnder(d.Path, root) && d.Model.Kind is not FileKind.Unknown and not FileKind.Config
                                           && !snapshot.Files.Any(f => f.Path == d.Path)
                                               && ProjectLoader.FindConfigRoot(_fs, d.Path) is var r && (r is null || r == root))
            .Select(d => d.Model).ToList();
        if (extra.Count > 0)
        {
            var files = snapshot.Files.Concat(extra).ToList();
            snapshot = snapshot with { Files = files, Evidence = ProjectLoader.LoadEvidence(_fs, root, files, Snapshot) };
        }
        if (snapshot.ConfigFile is null && open.TryGetValue(Path.Combine(root, FileKinds.ConfigFileName), out var cfgDoc))
            snapshot = snapshot with { ConfigFile = cfgDoc.Model };
        ProjectChecks? last;
        lock (_gate) last = _lastChecks.GetValueOrDefault(root);
        var result = ProjectAnalyzer.Analyze(snapshot, UserRuleSeverities, last);
        var analysis = new Analysis(root, result, Interlocked.Increment(ref _generation));
        // Kept for the next caller only if nothing changed meanwhile: otherwise it already describes the past.
        lock (_gate)
        {
            // Snapshots read meanwhile are kept only if no change came in since: a notice that one
            // changed on disk must not be undone by a reading older than it.
            if (_changes == startedAt) foreach (var s in snapshot.Evidence.Snapshots) _snapshots.TryAdd(s.Path, s);
            if (_changes == startedAt) _projects[root] = analysis;
            _lastChecks[root] = result.Checks;
        }
        return analysis;
    }
}
