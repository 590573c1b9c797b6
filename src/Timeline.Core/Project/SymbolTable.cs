using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;

namespace Timeline.Core.Project;

/// <summary>Every definition and reference of a project, by kind and id; name indexes built on demand.</summary>
public sealed class SymbolTable
{
    // By kind (the enum's value): the first definition of each id, and the ids defined more than once.
    // The catalogs' definitions are a layer of their own, made once for as long as the catalogs are
    // the same objects and shared by every table of the project; this table holds the project's files.
    private readonly Dictionary<string, Definition>[] _first = new Dictionary<string, Definition>[4];
    private readonly Dictionary<string, List<Definition>>[] _more = new Dictionary<string, List<Definition>>[4];
    // The events whose first definition was made anew since the events' table was gathered, by id: the table is
    // shared with the tables before, and a keystroke in one of 100,000 events replaces an entry here instead of
    // copying it (3.6 MB of large arrays each time, which only a full collection frees). Null when there are none.
    private Dictionary<string, Definition>? _eventsReplaced;
    private const int MostEventsReplaced = 4096;

    /// <summary>How many events this table keeps beside the shared one (for tests).</summary>
    internal int EventsKeptBeside => _eventsReplaced?.Count ?? 0;

    /// <summary>Whether this table folded the events kept beside the table before into one of its own (for tests).</summary>
    internal bool EventsFolded { get; private set; }
    private readonly CatalogLayer _catalog;
    private readonly Dictionary<SymbolKind, NameSearch<Definition>> _indexes = new();
    private readonly object _gate = new();
    private readonly IReadOnlyList<FileModel> _files;
    private List<Reference>? _references;

    public SymbolTable(ProjectSnapshot project) : this(project, null) => Evidence = project.Evidence;

    /// <summary>The project's snapshots, for the editor's features on quotes.</summary>
    public ProjectEvidence Evidence { get; internal set; } = ProjectEvidence.None;

    /// <param name="sameExceptEvents">
    /// A table of the same project whose sources, places and actors are the very definitions this
    /// one would gather (only event items were edited since, and no id changed): those kinds are
    /// shared with it, with their name indexes; the events are gathered again.
    /// </param>
    internal SymbolTable(ProjectSnapshot project, SymbolTable? sameExceptEvents)
    {
        _catalog = CatalogLayer.For(project.Catalogs);
        _files = project.Files;
        for (int k = 0; k < 4; k++)
        {
            if (sameExceptEvents is not null && k != (int)SymbolKind.Event)
            {
                _first[k] = sameExceptEvents._first[k];
                _more[k] = sameExceptEvents._more[k];
                lock (sameExceptEvents._gate)
                    if (sameExceptEvents._indexes.TryGetValue((SymbolKind)k, out var idx)) _indexes[(SymbolKind)k] = idx;
                continue;
            }
            // A table made whole is made at the size its files need: grown by doubling, a table of 100,000 events
            // left 8 MB behind. (One made from another takes that one's events, in tables of their own.)
            int size = sameExceptEvents is null ? CountOf((SymbolKind)k, project.Files) : 0;
            _first[k] = new Dictionary<string, Definition>(size, StringComparer.Ordinal);
            _more[k] = new Dictionary<string, List<Definition>>(StringComparer.Ordinal);
        }
        if (sameExceptEvents is not null && TakeEvents(sameExceptEvents, project.Files)) return;
        foreach (var f in project.Files)
        {
            if (sameExceptEvents is null)
            {
                foreach (var d in f.Sources) Add(d);
                foreach (var d in f.Places) Add(d);
                foreach (var d in f.Actors) Add(d);
            }
            foreach (var d in f.Events) Add(d);
        }
    }

    private static int CountOf(SymbolKind kind, IReadOnlyList<FileModel> files)
    {
        int n = 0;
        foreach (var f in files)
            n += kind switch
            {
                SymbolKind.Source => f.Sources.Count,
                SymbolKind.Event => f.Events.Count,
                SymbolKind.Place => f.Places.Count,
                _ => f.Actors.Count,
            };
        return n;
    }

    /// <summary>
    /// The events of a table of the same outline, with those of the files made anew since replaced by their new
    /// definitions (the same ids in the same order): a keystroke in one file does not gather every file's events
    /// again. False, with nothing taken, when a file's events do not pair up one for one.
    /// </summary>
    private bool TakeEvents(SymbolTable last, IReadOnlyList<FileModel> files)
    {
        if (last._files.Count != files.Count) return false;
        var replaced = new Dictionary<Definition, Definition>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < files.Count; i++)
        {
            FileModel was = last._files[i], now = files[i];
            if (ReferenceEquals(was, now)) continue;
            if (was.Path != now.Path || was.Events.Count != now.Events.Count) return false;
            for (int e = 0; e < now.Events.Count; e++)
            {
                if (!string.Equals(was.Events[e].Id, now.Events[e].Id, StringComparison.Ordinal)) return false;
                // A segment an edit did not touch keeps its events: only those made anew are replaced.
                if (!ReferenceEquals(was.Events[e], now.Events[e])) replaced[was.Events[e]] = now.Events[e];
            }
        }
        int k = (int)SymbolKind.Event;
        var first = last._first[k];
        var overlay = last._eventsReplaced is { } before
            ? new Dictionary<string, Definition>(before, StringComparer.Ordinal) : new Dictionary<string, Definition>(StringComparer.Ordinal);
        foreach (var (was, now) in replaced)
            if (ReferenceEquals(last.FirstOwn(k, was.Id), was)) overlay[was.Id] = now;
        if (overlay.Count > MostEventsReplaced)
        {
            first = new Dictionary<string, Definition>(first, StringComparer.Ordinal);
            foreach (var (id, now) in overlay) first[id] = now;
            overlay.Clear();
            EventsFolded = true;
        }
        _eventsReplaced = overlay.Count > 0 ? overlay : null;
        var more = new Dictionary<string, List<Definition>>(last._more[k].Count, StringComparer.Ordinal);
        foreach (var (id, list) in last._more[k])
            more[id] = list.Exists(replaced.ContainsKey) ? list.ConvertAll(d => replaced.GetValueOrDefault(d) ?? d) : list;
        _first[k] = first;
        _more[k] = more;
        return true;
    }

    /// <summary>Every reference of the project's files, in file order (gathered on first use).</summary>
    public IReadOnlyList<Reference> References
    {
        get
        {
            if (Volatile.Read(ref _references) is { } done) return done;
            var all = new List<Reference>(_files.Sum(f => f.References.Count));
            foreach (var f in _files) all.AddRange(f.References);
            return Interlocked.CompareExchange(ref _references, all, null) ?? all;
        }
    }

    /// <summary>The definitions of a set of catalogs by kind and id, made once per set.</summary>
    private sealed class CatalogLayer
    {
        public static readonly CatalogLayer Empty = new(Array.Empty<Catalogs.CatalogFile>());
        public readonly Dictionary<string, Definition>[] First = new Dictionary<string, Definition>[4];
        public readonly Dictionary<string, List<Definition>>[] More = new Dictionary<string, List<Definition>>[4];
        /// <summary>The <c>geonames:</c> ids of the catalogs' places known by another id ("aleppo-sy", "syria").</summary>
        public readonly Dictionary<string, Definition> PlaceAliases = new(StringComparer.Ordinal);
        /// <summary>By kind, the catalogs that define some: a built-in's name, a gazetteer's file name.</summary>
        public readonly List<string>[] Names = { new(), new(), new(), new() };

        private CatalogLayer(IReadOnlyList<Catalogs.CatalogFile> catalogs)
        {
            for (int k = 0; k < 4; k++)
            {
                First[k] = new Dictionary<string, Definition>(StringComparer.Ordinal);
                More[k] = new Dictionary<string, List<Definition>>(StringComparer.Ordinal);
            }
            foreach (var cat in catalogs)
            {
                foreach (var p in cat.Places) AddTo(First, More, p);
                foreach (var a in cat.Actors) AddTo(First, More, a);
                string name = cat.Name ?? Catalogs.BuiltinCatalogs.NameOf(cat.Path) ?? System.IO.Path.GetFileName(cat.Path);
                if (cat.Places.Count > 0 && !Names[(int)SymbolKind.Place].Contains(name)) Names[(int)SymbolKind.Place].Add(name);
                if (cat.Actors.Count > 0 && !Names[(int)SymbolKind.Actor].Contains(name)) Names[(int)SymbolKind.Actor].Add(name);
            }
            var places = First[(int)SymbolKind.Place];
            foreach (var cat in catalogs)
                foreach (var p in cat.Places)
                    if (GeonamesAlias(p) is { } alias && !places.ContainsKey(alias)) PlaceAliases.TryAdd(alias, p);
        }

        private readonly NameIndex<Definition>?[] _indexes = new NameIndex<Definition>?[4];
        private readonly bool[] _indexed = new bool[4];

        /// <summary>Whether the name index of a kind is made (or there is nothing to index): asking for it would not wait.</summary>
        public bool IsIndexed(SymbolKind kind) => First[(int)kind].Count == 0 || Volatile.Read(ref _indexed[(int)kind]);

        /// <summary>The name index of the catalogs' entries of a kind, built on first use; null if they have none.</summary>
        public NameIndex<Definition>? Index(SymbolKind kind)
        {
            lock (_indexes)
            {
                int k = (int)kind;
                if (!_indexed[k])
                {
                    _indexes[k] = First[k].Count == 0 ? null : new NameIndex<Definition>(First[k].Values.Select(Entry));
                    Volatile.Write(ref _indexed[k], true);
                }
                return _indexes[k];
            }
        }

        // Held by the catalog read last (a gazetteer of the project when there is one): dropped with it.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
            Catalogs.CatalogFile, List<(Catalogs.CatalogFile[] Catalogs, CatalogLayer Layer)>> Layers = new();

        public static CatalogLayer For(IReadOnlyList<Catalogs.CatalogFile> catalogs)
        {
            if (catalogs.Count == 0) return Empty;
            var cache = Layers.GetValue(catalogs[^1], _ => new());
            lock (cache)
            {
                foreach (var (cats, layer) in cache)
                    if (cats.Length == catalogs.Count && cats.Zip(catalogs).All(p => ReferenceEquals(p.First, p.Second))) return layer;
                var made = new CatalogLayer(catalogs);
                cache.Add((catalogs.ToArray(), made));
                if (cache.Count > 8) cache.RemoveAt(0);
                return made;
            }
        }
    }

    private static void AddTo(Dictionary<string, Definition>[] first, Dictionary<string, List<Definition>>[] more, Definition d)
    {
        if (d.Id.Length == 0) return;
        int k = (int)d.Kind;
        if (first[k].TryAdd(d.Id, d)) return;
        if (!more[k].TryGetValue(d.Id, out var list)) more[k][d.Id] = list = new List<Definition> { first[k][d.Id] };
        list.Add(d);
    }

    private void Add(Definition d)
    {
        if (d.Id.Length == 0) return;
        int k = (int)d.Kind;
        // A project id that a catalog defines too: a duplicate (the catalog's definition stays the one found);
        // but a built-in's readable id yields to the project's own, its place still found by its geonames: id.
        if (_catalog.First[k].TryGetValue(d.Id, out var cat) && cat is not PlaceDef { IdIsReadable: true })
        {
            if (!_more[k].TryGetValue(d.Id, out var list))
                _more[k][d.Id] = list = new List<Definition>(_catalog.More[k].TryGetValue(d.Id, out var inCatalogs)
                    ? inCatalogs : new List<Definition> { cat });
            list.Add(d);
            return;
        }
        AddTo(_first, _more, d);
    }

    /// <summary>The definition an id refers to: a catalog's (unless a readable id the project defines for itself), the
    /// project's, or a catalog place by its <c>geonames:</c> id.</summary>
    public Definition? Find(SymbolKind kind, string id)
    {
        int k = (int)kind;
        if (_catalog.First[k].TryGetValue(id, out var cat) && cat is not PlaceDef { IdIsReadable: true }) return cat;
        return FirstOwn(k, id) ?? cat
            ?? (kind == SymbolKind.Place ? _catalog.PlaceAliases.GetValueOrDefault(id) : null);
    }

    /// <summary>The first definition of an id in the project's own files, or null.</summary>
    private Definition? FirstOwn(int k, string id) =>
        k == (int)SymbolKind.Event && _eventsReplaced is { } replaced && replaced.TryGetValue(id, out var d)
            ? d : _first[k].GetValueOrDefault(id);

    /// <summary>The first definition of each id of the project's own files.</summary>
    private IEnumerable<(string Id, Definition First)> FirstsOwn(int k)
    {
        var replaced = k == (int)SymbolKind.Event ? _eventsReplaced : null;
        foreach (var (id, d) in _first[k]) yield return (id, replaced is not null && replaced.TryGetValue(id, out var now) ? now : d);
    }

    /// <summary>The id a file writes to refer to a definition: its own id, or its <c>geonames:</c> id when the project
    /// has taken its readable id for a place of its own.</summary>
    public string ReferenceId(Definition d) =>
        ReferenceEquals(Find(d.Kind, d.Id), d) || GeonamesAlias(d) is not { } alias ? d.Id : alias;

    /// <summary>The <c>geonames:</c> id of a catalog place known by another id, or null.</summary>
    private static string? GeonamesAlias(Definition d) =>
        d is PlaceDef { FromCatalog: true, GeonamesId: { } g } p && p.Id != Catalogs.GeoNames.IdPrefix + g
            ? Catalogs.GeoNames.IdPrefix + g.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    public T? Find<T>(SymbolKind kind, string id) where T : Definition => Find(kind, id) as T;
    public IEnumerable<Definition> All(SymbolKind kind)
    {
        int k = (int)kind;
        foreach (var (id, d) in _catalog.First[k])
        {
            if (_more[k].TryGetValue(id, out var list) || _catalog.More[k].TryGetValue(id, out list)) { foreach (var x in list) yield return x; }
            else yield return d;
        }
        foreach (var d in ProjectIds(kind)) yield return d;
    }

    /// <summary>The definitions of the project's own files (not the catalogs'), duplicates included.</summary>
    public IEnumerable<Definition> Own(SymbolKind kind)
    {
        int k = (int)kind;
        foreach (var d in ProjectIds(kind)) yield return d;
        // And those that repeat a catalog's id.
        foreach (var (id, list) in _more[k])
            if (_catalog.First[k].ContainsKey(id))
                foreach (var x in list) if (!x.FromCatalog) yield return x;
    }

    /// <summary>The definitions of the ids only the project's files define.</summary>
    private IEnumerable<Definition> ProjectIds(SymbolKind kind)
    {
        int k = (int)kind;
        foreach (var (id, d) in FirstsOwn(k))
        {
            if (_more[k].TryGetValue(id, out var list)) { foreach (var x in list) yield return x; }
            else yield return d;
        }
    }

    public IEnumerable<List<Definition>> Duplicates(SymbolKind kind) =>
        _more[(int)kind].Values.Concat(_catalog.More[(int)kind].Where(p => !_more[(int)kind].ContainsKey(p.Key)).Select(p => p.Value));
    /// <summary>Whether the catalogs' name index of a kind is made: a search of that kind would not wait for it.</summary>
    public bool CatalogsIndexed(SymbolKind kind) => _catalog.IsIndexed(kind);
    /// <summary>The catalogs the project uses that define things of a kind ("builtin:levant", "SY.txt"), in the order of the config.</summary>
    public IReadOnlyList<string> CatalogsOf(SymbolKind kind) => _catalog.Names[(int)kind];

    public int Count(SymbolKind kind) => _catalog.First[(int)kind].Count + _first[(int)kind].Count;

    /// <summary>
    /// The name index of a kind: ids, names, aliases and former names, transliteration-tolerant.
    /// The catalogs' part is built once for as long as the catalogs are the same objects (a
    /// keystroke does not rebuild a 200,000-place index); the project's own part with the table.
    /// </summary>
    public NameSearch<Definition> Index(SymbolKind kind)
    {
        lock (_gate)
        {
            if (_indexes.TryGetValue(kind, out var idx)) return idx;
            var own = new NameIndex<Definition>(FirstsOwn((int)kind).Select(p => Entry(p.First)));
            idx = new NameSearch<Definition>(_catalog.Index(kind), own);
            _indexes[kind] = idx;
            return idx;
        }
    }

    private static NameEntry<Definition> Entry(Definition d) => d switch
    {
        PlaceDef p => new NameEntry<Definition>(p, p.Id, NamesOf(p), PlaceRank(p.PlaceKind), p.Population, IdIsName: !p.IdIsReadable),
        ActorDef a => new NameEntry<Definition>(a, a.Id, Prepend(a.Name, a.Names.Concat(a.Formerly).ToList())),
        SourceDef s => new NameEntry<Definition>(s, s.Id, Prepend(s.Publisher, s.Title is null ? new List<string>() : new List<string> { s.Title })),
        EventDef e => new NameEntry<Definition>(e, e.Id, Prepend(e.Title, new List<string>())),
        _ => new NameEntry<Definition>(d, d.Id, Array.Empty<string>()),
    };

    /// <summary>Settlements first, larger before smaller (a city before a village); then the divisions that share their names.</summary>
    public static int PlaceRank(string? kind) => kind switch
    {
        "city" => 0,
        "town" => 1,
        "country" => 2,
        "governorate" => 3,
        "district" => 4,
        "neighborhood" => 5,
        "village" => 6,
        "subdistrict" => 7,
        "site" => 8,
        "region" => 9,
        "water" => 10,
        _ => 11,
    };

    private static IReadOnlyList<string> Prepend(string? first, List<string> rest)
    {
        if (first is null) return rest;
        var all = new string[rest.Count + 1];
        all[0] = first;
        for (int i = 0; i < rest.Count; i++) all[i + 1] = rest[i];
        return all;
    }

    /// <summary>The names a place is found by: its name, then its other names.</summary>
    public static IReadOnlyList<string> NamesOf(PlaceDef p) => Prepend(p.Name, p.Names);

    /// <summary>The chain of enclosing places: "Aleppo › Aleppo Governorate › Syria".</summary>
    public IReadOnlyList<PlaceDef> Chain(PlaceDef place)
    {
        var chain = new List<PlaceDef>();
        // By the places themselves: a project's place may take a built-in's readable id and lie in that built-in place.
        var seen = new HashSet<PlaceDef>(ReferenceEqualityComparer.Instance) { place };
        var cur = place;
        while ((cur.In?.Id ?? cur.InId) is { } up && Find<PlaceDef>(SymbolKind.Place, up) is { } parent && seen.Add(parent))
        {
            chain.Add(parent);
            cur = parent;
        }
        return chain;
    }

    /// <summary>An actor and the actors it is part of or a member of, transitively.</summary>
    public HashSet<string> ActorClosure(IEnumerable<string> ids)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ids);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!result.Add(id)) continue;
            if (Find<ActorDef>(SymbolKind.Actor, id) is { } a)
                foreach (var up in a.PartOf.Concat(a.MemberOf)) stack.Push(up.Id);
        }
        return result;
    }
}
