namespace Timeline.Core.Names;

public enum MatchLevel { ExactId = 0, ExactName = 1, NamePrefix = 2, WordPrefix = 3, Fuzzy = 4 }

/// <summary>Something that can be found by name: an id, its names, and tie-breakers.</summary>
/// <param name="IdIsName">The id is found as a name too ("new-aleppo"); not an id made from the names themselves.</param>
public sealed record NameEntry<T>(T Item, string Id, IReadOnlyList<string> Names, int KindRank = 0, long Population = 0, bool IdIsName = true);

public sealed record NameMatch<T>(T Item, string Id, string MatchedName, MatchLevel Level, int Distance)
{
    /// <summary>The entry's tie-breakers, to merge the results of several indexes.</summary>
    public int KindRank { get; init; }
    public long Population { get; init; }
}

/// <summary>
/// Searches several name indexes as one: a catalog's, built once and shared while the catalog
/// is unchanged, and the project's own, rebuilt with the project. Results merge in the ranking
/// of <see cref="NameIndex{T}"/>.
/// </summary>
public sealed class NameSearch<T>
{
    private readonly NameIndex<T>[] _parts;

    public NameSearch(params NameIndex<T>?[] parts) => _parts = parts.OfType<NameIndex<T>>().ToArray();

    public int Count => _parts.Sum(p => p.Count);

    /// <summary>The indexes searched, catalogs' first.</summary>
    public IReadOnlyList<NameIndex<T>> Parts => _parts;

    public IReadOnlyList<NameMatch<T>> Search(string query, int limit = 20, bool fuzzy = true, Func<T, bool>? preferred = null)
    {
        if (_parts.Length == 1) return _parts[0].Search(query, limit, fuzzy, preferred);
        var all = _parts.SelectMany(p => p.Search(query, limit, fuzzy, preferred)).ToList();
        all.Sort((a, b) =>
        {
            int c = a.Level.CompareTo(b.Level);
            if (c != 0) return c;
            c = (a.Level == MatchLevel.Fuzzy ? a.Distance : 0).CompareTo(b.Level == MatchLevel.Fuzzy ? b.Distance : 0);
            if (c != 0) return c;
            return Tie(preferred, a.Item, a.KindRank, a.Population, a.Id, b.Item, b.KindRank, b.Population, b.Id);
        });
        return all.Count > limit ? all.GetRange(0, limit) : all;
    }

    public IReadOnlyList<T> Browse(int limit, Func<T, bool>? preferred = null)
    {
        if (_parts.Length == 1) return _parts[0].Browse(limit, preferred);
        var all = _parts.SelectMany(p => p.BrowseEntries(limit, preferred)).Select(e => (e.Item, Entry: e)).ToList();
        all.Sort((a, b) => Tie(preferred, a.Item, a.Entry.KindRank, a.Entry.Population, a.Entry.Id, b.Item,
            b.Entry.KindRank, b.Entry.Population, b.Entry.Id));
        return all.Take(limit).Select(x => x.Item).ToList();
    }

    /// <summary>Entries that match alike: the preferred first, then by kind rank, population (larger first) and id.</summary>
    private static int Tie(Func<T, bool>? preferred, T a, int kindA, long popA, string idA, T b, int kindB, long popB, string idB)
    {
        int c = preferred is null ? 0 : (preferred(a) ? 0 : 1).CompareTo(preferred(b) ? 0 : 1);
        if (c != 0) return c;
        c = kindA.CompareTo(kindB);
        if (c != 0) return c;
        c = popB.CompareTo(popA);
        return c != 0 ? c : string.CompareOrdinal(idA, idB);
    }
}

/// <summary>
/// Finds entries by id, name or alias, tolerant of transliteration. Ranking: exact id,
/// exact name or alias, prefix of a name, prefix of a word in a name, then small edit
/// distance; ties broken by preference (places already used in the file), kind rank (lower
/// first), population, then id.
/// </summary>
/// <remarks>
/// Built once per catalog change. Every name is normalised once (in parallel for big catalogs);
/// the distinct keys are kept sorted for prefix search, with their owners in flat arrays; a
/// bigram index over the keys, ordered by key length, finds the candidates of the fuzzy step.
/// A search works in per-thread scratch arrays and keeps only the best <c>limit</c>.
/// </remarks>
public sealed class NameIndex<T>
{
    private const int GramBuckets = 1 << 16;

    private readonly NameEntry<T>[] _entries;
    private readonly int[] _staticRank;              // entry -> position by (kind rank, population desc, id)
    private readonly int[] _byRank;                  // position -> entry
    private readonly Dictionary<string, int> _byId;

    // Whole names without spaces ("newaleppo"): distinct keys in ordinal order, each with its owners.
    private readonly string[] _keys;
    private readonly int[] _keyOwnerStart;           // key -> first owner; length keys + 1
    private readonly long[] _keyOwners;              // (entry << 16) | (name + 1)

    // Words of names ("new", "aleppo"), the same way.
    private readonly string[] _words;
    private readonly int[] _wordOwnerStart;
    private readonly long[] _wordOwners;
    private readonly string[] _wordOwnerKeys;        // the whole key of the name each word owner stands for

    // Fuzzy step: keys by length (then order), and for each hashed bigram the keys holding it, in that order.
    private readonly int[] _byLength;                // position -> key
    private readonly int[] _lengthStart;             // length -> first position of keys that long; length maxLen + 2
    private readonly int[] _gramStart;               // bucket -> first posting; length buckets + 1
    private readonly int[] _gramPostings;            // positions in _byLength, ascending

    public NameIndex(IEnumerable<NameEntry<T>> entries)
    {
        _entries = entries.ToArray();
        int n = _entries.Length;
        _byId = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int e = 0; e < n; e++) _byId.TryAdd(_entries[e].Id, e);

        // Independent steps run side by side: the rank order, then the names, then the keys and the words.
        var rank = Task.Run(() =>
        {
            // By kind rank, then population (largest first) in one number; ties by id.
            var order = new int[n];
            var rankKey = new long[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
                rankKey[i] = ((long)_entries[i].KindRank << 48) - Math.Min(_entries[i].Population, (1L << 47) - 1);
            }
            Array.Sort(rankKey, order);
            for (int i = 0; i < n;)
            {
                int j = i + 1;
                while (j < n && rankKey[j] == rankKey[i]) j++;
                if (j - i > 1) Array.Sort(order, i, j - i, Comparer<int>.Create((x, y) => string.CompareOrdinal(_entries[x].Id, _entries[y].Id)));
                i = j;
            }
            return order;
        });
        // Normalise every name once, in chunks of entries (in parallel for big catalogs), into flat lists.
        int chunkSize = Math.Max(1024, n / 64);
        var chunks = new Normalised[(n + chunkSize - 1) / chunkSize];
        void Normalise(int c)
        {
            var chunk = chunks[c] = new Normalised();
            var ws = new List<string>(4);
            for (int e = c * chunkSize; e < Math.Min(n, (c + 1) * chunkSize); e++)
            {
                var names = _entries[e].Names;
                // The id is a name too ("new-aleppo"), unless it is a catalog's number ("geonames:170063") or made
                // from the names ("aleppo-sy": its country's code would make every place of the country match "sy").
                bool idIsName = _entries[e].IdIsName && !_entries[e].Id.Contains(':');
                for (int k = idIsName ? -1 : 0; k < Math.Min(names.Count, 0xFFFE); k++)
                {
                    ws.Clear();
                    NameNormalizer.AddWords(k < 0 ? _entries[e].Id.Replace('-', ' ') : names[k], ws);
                    if (ws.Count == 0) continue;
                    long owner = ((long)e << 16) | (uint)(k + 1);
                    string k1 = ws.Count == 1 ? ws[0] : string.Concat(ws);
                    chunk.Keys.Add((k1, owner, k1));
                    // Words only for names of several words: a one-word name's word is its key.
                    if (ws.Count > 1) { string whole = chunk.Keys[^1].Key; foreach (var w in ws) chunk.Words.Add((w, owner, whole)); }
                }
            }
        }
        if (chunks.Length > 1 && Environment.ProcessorCount > 1) Parallel.For(0, chunks.Length, Normalise);
        else for (int c = 0; c < chunks.Length; c++) Normalise(c);

        var words = Task.Run(() => Group(chunks.Select(c => c.Words)));
        (_keys, _keyOwnerStart, _keyOwners, _) = Group(chunks.Select(c => c.Keys));

        // Keys by length, then the bigram postings in that order.
        int maxLen = 0;
        foreach (var k in _keys) maxLen = Math.Max(maxLen, k.Length);
        _lengthStart = new int[maxLen + 2];
        foreach (var k in _keys) _lengthStart[k.Length + 1]++;
        for (int l = 1; l < _lengthStart.Length; l++) _lengthStart[l] += _lengthStart[l - 1];
        _byLength = new int[_keys.Length];
        var fill = (int[])_lengthStart.Clone();
        for (int i = 0; i < _keys.Length; i++) _byLength[fill[_keys[i].Length]++] = i;

        // Each key's distinct bigrams once, side by side; then counted and laid out by bigram.
        var keyGramStart = new int[_byLength.Length + 1];
        var flat = new List<int>(_keys.Length * 8);
        Span<int> grams = stackalloc int[256];
        _gramStart = new int[GramBuckets + 1];
        for (int p = 0; p < _byLength.Length; p++)
        {
            foreach (int g in DistinctGrams(_keys[_byLength[p]], grams)) { flat.Add(g); _gramStart[g + 1]++; }
            keyGramStart[p + 1] = flat.Count;
        }
        for (int g = 1; g <= GramBuckets; g++) _gramStart[g] += _gramStart[g - 1];
        _gramPostings = new int[_gramStart[GramBuckets]];
        var at = (int[])_gramStart.Clone();
        var flatGrams = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(flat);
        for (int p = 0; p < _byLength.Length; p++)
            foreach (int g in flatGrams[keyGramStart[p]..keyGramStart[p + 1]]) _gramPostings[at[g]++] = p;
        (_words, _wordOwnerStart, _wordOwners, _wordOwnerKeys) = words.Result;
        _byRank = rank.Result;
        _staticRank = new int[n];
        for (int i = 0; i < n; i++) _staticRank[_byRank[i]] = i;
    }

    private sealed class Normalised
    {
        public readonly List<(string Key, long Owner, string Whole)> Keys = new();
        public readonly List<(string Word, long Owner, string Whole)> Words = new();
    }

    /// <summary>Distinct strings in ordinal order with their owners ((entry &lt;&lt; 16) | (name + 1)), in flat arrays.</summary>
    private static (string[], int[], long[], string[]) Group(IEnumerable<List<(string, long, string)>> parts)
    {
        int total = 0;
        foreach (var p in parts) total += p.Count;
        var ids = new Dictionary<string, int>(total, StringComparer.Ordinal);
        var pairs = new (int Str, long Owner, string Whole)[total];
        int count = 0;
        foreach (var p in parts)
            foreach (var (str, owner, whole) in p)
            {
                ref int id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, str, out bool found);
                if (!found) id = ids.Count - 1;
                pairs[count++] = (id, owner, whole);
            }
        var keys = new string[ids.Count];
        var sortedIds = new int[keys.Length];
        foreach (var (str, id) in ids) { keys[id] = str; sortedIds[id] = id; }
        Array.Sort(keys, sortedIds, StringComparer.Ordinal);
        var rankOf = new int[keys.Length];
        for (int i = 0; i < sortedIds.Length; i++) rankOf[sortedIds[i]] = i;
        var start = new int[keys.Length + 1];
        foreach (var (str, _, _) in pairs) start[rankOf[str] + 1]++;
        for (int i = 1; i < start.Length; i++) start[i] += start[i - 1];
        var owners = new long[pairs.Length];
        var wholes = new string[pairs.Length];
        var at = (int[])start.Clone();
        foreach (var (str, o, whole) in pairs) // owners keep entry order: deterministic
        {
            int to = at[rankOf[str]]++;
            owners[to] = o;
            wholes[to] = whole;
        }
        return (keys, start, owners, wholes);
    }

    /// <summary>The distinct hashed bigrams of a key, in the given buffer (a key longer than the buffer is cut).</summary>
    private static Span<int> DistinctGrams(string key, Span<int> buffer)
    {
        int count = 0;
        for (int j = 0; j + 1 < key.Length && count < buffer.Length; j++)
        {
            int g = Gram(key, j);
            if (!buffer[..count].Contains(g)) buffer[count++] = g;
        }
        return buffer[..count];
    }

    private static int Gram(string s, int i) => ((s[i] * 31) ^ (s[i + 1] * 7919)) & (GramBuckets - 1);

    public int Count => _entries.Length;
    public IReadOnlyList<NameEntry<T>> Entries => _entries;

    public NameEntry<T>? FindId(string id) => _byId.TryGetValue(id, out int e) ? _entries[e] : null;

    /// <summary>The first entries by rank alone (preferred first), for a caret with nothing typed yet.</summary>
    public IReadOnlyList<T> Browse(int limit, Func<T, bool>? preferred = null) => BrowseEntries(limit, preferred).Select(e => e.Item).ToList();

    internal List<NameEntry<T>> BrowseEntries(int limit, Func<T, bool>? preferred)
    {
        var result = new List<NameEntry<T>>(Math.Min(limit, _entries.Length));
        if (preferred is not null)
            foreach (var e in _byRank) { if (result.Count >= limit) break; if (preferred(_entries[e].Item)) result.Add(_entries[e]); }
        foreach (var e in _byRank)
        {
            if (result.Count >= limit) break;
            if (preferred is null || !preferred(_entries[e].Item)) result.Add(_entries[e]);
        }
        return result;
    }

    // Per-thread scratch: the best match of each entry touched by a search, and the fuzzy step's bigram counts.
    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public int[] Best = Array.Empty<int>();       // entry -> (level << 8 | distance) + 1; 0 = untouched
        public int[] Name = Array.Empty<int>();       // entry -> the name that matched (-1 = the id)
        public ushort[] Counts = Array.Empty<ushort>(); // position in _byLength -> bigrams shared with the query
        public readonly List<int> Touched = new();
        public readonly List<int> Counted = new();
    }

    /// <summary>The best entries for a query, at most <paramref name="limit"/>, best first.</summary>
    public IReadOnlyList<NameMatch<T>> Search(string query, int limit = 20, bool fuzzy = true, Func<T, bool>? preferred = null)
    {
        var s = _scratch ??= new Scratch();
        if (s.Best.Length < _entries.Length) { s.Best = new int[_entries.Length]; s.Name = new int[_entries.Length]; }
        if (s.Counts.Length < _keys.Length) s.Counts = new ushort[_keys.Length];
        try { return SearchIn(s, query, limit, fuzzy, preferred); }
        finally
        {
            foreach (int e in s.Touched) s.Best[e] = 0;
            s.Touched.Clear();
            foreach (int p in s.Counted) s.Counts[p] = 0;
            s.Counted.Clear();
        }
    }

    private NameMatch<T>[] SearchIn(Scratch s, string query, int limit, bool fuzzy, Func<T, bool>? preferred)
    {
        string q = query.Trim();
        string? folded = null; // the query folded, to show the alias the writer typed when several tie
        void Offer(int entry, MatchLevel level, int distance, int name)
        {
            int code = ((int)level << 8 | Math.Min(distance, 255)) + 1;
            int cur = s.Best[entry];
            if (cur == 0) { s.Touched.Add(entry); s.Best[entry] = code; s.Name[entry] = name; return; }
            if (code < cur) { s.Best[entry] = code; s.Name[entry] = name; return; }
            if (code == cur && level == MatchLevel.ExactName && name != s.Name[entry] && name >= 0)
            {
                // Of several names that match alike, the one written as the writer wrote it.
                folded ??= NameNormalizer.Fold(q);
                if (Closeness(_entries[entry].Names[name]) > (s.Name[entry] < 0 ? -1
                    : Closeness(_entries[entry].Names[s.Name[entry]]))) s.Name[entry] = name;
            }
        }
        int Closeness(string name) =>
            string.Equals(name, q, StringComparison.OrdinalIgnoreCase) ? 2 : NameNormalizer.Fold(name) == folded ? 1 : 0;

        if (_byId.TryGetValue(q, out int exact)) Offer(exact, MatchLevel.ExactId, 0, -1);
        var words = NameNormalizer.QueryWords(q);
        string key = words.Count == 1 ? words[0] : string.Concat(words);
        if (key.Length > 0)
        {
            var (from, to) = PrefixRange(_keys, key);
            for (int i = from; i < to; i++)
            {
                var level = _keys[i].Length == key.Length ? MatchLevel.ExactName : MatchLevel.NamePrefix;
                for (int o = _keyOwnerStart[i]; o < _keyOwnerStart[i + 1]; o++)
                    Offer((int)(_keyOwners[o] >> 16), level, _keys[i].Length - key.Length, (int)(_keyOwners[o] & 0xFFFF) - 1);
            }
            if (words.Count == 1)
            {
                (from, to) = PrefixRange(_words, key);
                for (int i = from; i < to; i++)
                    for (int o = _wordOwnerStart[i]; o < _wordOwnerStart[i + 1]; o++)
                        Offer((int)(_wordOwners[o] >> 16), MatchLevel.WordPrefix, _words[i].Length - key.Length, (int)(_wordOwners[o] & 0xFFFF) - 1);
            }
            else
            {
                // Words inside a name, in order, the last one begun: "Red Cres" finds "Syrian Arab Red Crescent".
                (from, to) = PrefixRange(_words, words[0]);
                for (int i = from; i < to && _words[i].Length == words[0].Length; i++)
                    for (int o = _wordOwnerStart[i]; o < _wordOwnerStart[i + 1]; o++)
                    {
                        int entry = (int)(_wordOwners[o] >> 16), name = (int)(_wordOwners[o] & 0xFFFF) - 1;
                        if (s.Best[entry] != 0 && (s.Best[entry] - 1) >> 8 <= (int)MatchLevel.WordPrefix) continue;
                        if (_wordOwnerKeys[o].Contains(key, StringComparison.Ordinal)) Offer(entry, MatchLevel.WordPrefix, 0, name);
                    }
            }
            if (fuzzy && s.Touched.Count < limit) Fuzzy(s, key, Offer);
        }
        return Top(s, limit, preferred);
    }

    /// <summary>The keys within a few edits of the query's key: a bigram count filter, then the edit distance.</summary>
    private void Fuzzy(Scratch s, string key, Action<int, MatchLevel, int, int> offer)
    {
        int max = key.Length <= 3 ? 0 : key.Length <= 7 ? 1 : key.Length <= 11 ? 2 : 3;
        if (max == 0) return;
        int lo = Math.Max(0, key.Length - max), hi = Math.Min(_lengthStart.Length - 2, key.Length + max);
        if (lo > hi) return;
        int posFrom = _lengthStart[lo], posTo = _lengthStart[hi + 1];
        var grams = DistinctGrams(key, stackalloc int[256]);
        foreach (int g in grams)
        {
            var postings = _gramPostings.AsSpan(_gramStart[g], _gramStart[g + 1] - _gramStart[g]);
            // Postings are in length order: only the keys of a near length are counted.
            int a = LowerBound(postings, posFrom), b = LowerBound(postings, posTo);
            foreach (int p in postings[a..b])
            {
                if (s.Counts[p]++ == 0) s.Counted.Add(p);
            }
        }
        // An edit changes at most two of the query's bigrams.
        int need = Math.Max(1, grams.Length - 2 * max);
        foreach (int p in s.Counted)
        {
            if (s.Counts[p] < need) continue;
            int k = _byLength[p];
            // Entries already matched better need no edit distance.
            int d = -1;
            for (int o = _keyOwnerStart[k]; o < _keyOwnerStart[k + 1]; o++)
            {
                int entry = (int)(_keyOwners[o] >> 16);
                int cur = s.Best[entry];
                if (cur != 0 && (cur - 1) >> 8 < (int)MatchLevel.Fuzzy) continue;
                if (d < 0) d = NameNormalizer.EditDistance(key, _keys[k], max);
                if (d > max) break;
                offer(entry, MatchLevel.Fuzzy, d, (int)(_keyOwners[o] & 0xFFFF) - 1);
            }
        }
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The best <paramref name="limit"/> touched entries by level, distance (fuzzy only), preference, then rank.</summary>
    private NameMatch<T>[] Top(Scratch s, int limit, Func<T, bool>? preferred)
    {
        if (s.Touched.Count == 0 || limit <= 0) return Array.Empty<NameMatch<T>>();
        long Score(int e)
        {
            int code = s.Best[e] - 1, level = code >> 8;
            long distance = level == (int)MatchLevel.Fuzzy ? code & 0xFF : 0;
            long pref = preferred is null || preferred(_entries[e].Item) ? 0 : 1;
            return ((long)level << 56) | (distance << 48) | (pref << 40) | (uint)_staticRank[e];
        }
        var heap = new PriorityQueue<int, long>(limit + 1, Comparer<long>.Create((x, y) => y.CompareTo(x))); // the worst kept on top
        foreach (int e in s.Touched)
        {
            long score = Score(e);
            if (heap.Count < limit) heap.Enqueue(e, score);
            else if (heap.TryPeek(out _, out long worst) && score < worst) heap.EnqueueDequeue(e, score);
        }
        var top = new (int Entry, long Score)[heap.Count];
        for (int i = top.Length - 1; i >= 0; i--) { heap.TryDequeue(out int e, out long sc); top[i] = (e, sc); }
        var result = new NameMatch<T>[top.Length];
        for (int i = 0; i < top.Length; i++)
        {
            int e = top[i].Entry, code = s.Best[e] - 1, name = s.Name[e];
            string matched = name < 0 ? _entries[e].Id : _entries[e].Names[name];
            result[i] = new NameMatch<T>(_entries[e].Item, _entries[e].Id, matched, (MatchLevel)(code >> 8), code & 0xFF)
            {
                KindRank = _entries[e].KindRank,
                Population = _entries[e].Population,
            };
        }
        return result;
    }

    private static (int From, int To) PrefixRange(string[] sorted, string prefix)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], prefix) < 0) lo = mid + 1; else hi = mid;
        }
        int from = lo;
        // The end of the range: the first key that does not start with the prefix.
        hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].StartsWith(prefix, StringComparison.Ordinal)) lo = mid + 1; else hi = mid;
        }
        return (from, lo);
    }
}
