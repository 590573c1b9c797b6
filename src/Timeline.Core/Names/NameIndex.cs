namespace Timeline.Core.Names;

public enum MatchLevel { ExactId = 0, ExactName = 1, NamePrefix = 2, WordPrefix = 3, Fuzzy = 4 }

/// <summary>Something that can be found by name: an id, its names, and tie-breakers.</summary>
public sealed record NameEntry<T>(T Item, string Id, IReadOnlyList<string> Names, int KindRank = 0, long Population = 0);

public sealed record NameMatch<T>(T Item, string Id, string MatchedName, MatchLevel Level, int Distance);

/// <summary>
/// Finds entries by id, name or alias, tolerant of transliteration. Ranking: exact id,
/// exact name or alias, prefix of a name, prefix of a word in a name, then small edit
/// distance; ties broken by kind rank (lower first), population, then id.
/// </summary>
public sealed class NameIndex<T>
{
    private readonly NameEntry<T>[] _entries;
    private readonly (string Key, int Entry, int Name)[] _compact; // sorted by key
    private readonly (string Key, int Entry, int Name)[] _words;   // sorted by key
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<int, int[]> _grams = new();          // bigram -> indices into _compact that hold it (each once)

    public NameIndex(IEnumerable<NameEntry<T>> entries)
    {
        _entries = entries.ToArray();
        _byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var compact = new List<(string, int, int)>();
        var words = new List<(string, int, int)>();
        for (int e = 0; e < _entries.Length; e++)
        {
            _byId.TryAdd(_entries[e].Id, e);
            var names = _entries[e].Names;
            for (int n = -1; n < names.Count; n++)
            {
                string name = n < 0 ? _entries[e].Id.Replace('-', ' ') : names[n];
                var ws = NameNormalizer.Words(name);
                if (ws.Count == 0) continue;
                compact.Add((string.Concat(ws), e, n));
                foreach (var w in ws) words.Add((w, e, n));
            }
        }
        compact.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        words.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        _compact = compact.ToArray();
        _words = words.ToArray();
        // A bigram index for the fuzzy step: two keys within k edits share most of their bigrams.
        var grams = new Dictionary<int, List<int>>();
        for (int i = 0; i < _compact.Length; i++)
        {
            string k = _compact[i].Key;
            int last = -1;
            for (int j = 0; j + 1 < k.Length; j++)
            {
                int g = Gram(k, j);
                if (g == last) continue;
                last = g;
                if (!grams.TryGetValue(g, out var list)) grams[g] = list = new List<int>();
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        foreach (var (g, list) in grams) _grams[g] = list.ToArray();
    }

    private static int Gram(string s, int i) => (s[i] << 16) | s[i + 1];

    public int Count => _entries.Length;
    public IReadOnlyList<NameEntry<T>> Entries => _entries;

    public NameEntry<T>? FindId(string id) => _byId.TryGetValue(id, out int e) ? _entries[e] : null;

    /// <summary>The best entries for a query, at most <paramref name="limit"/>, best first.</summary>
    public IReadOnlyList<NameMatch<T>> Search(string query, int limit = 20, bool fuzzy = true, Func<T, bool>? preferred = null)
    {
        var best = new Dictionary<int, (MatchLevel Level, int Distance, int Name)>();
        void Offer(int entry, MatchLevel level, int distance, int name)
        {
            if (!best.TryGetValue(entry, out var cur) || (level, distance).CompareTo((cur.Level, cur.Distance)) < 0)
                best[entry] = (level, distance, name);
        }

        string q = query.Trim();
        if (_byId.TryGetValue(q, out int exact)) Offer(exact, MatchLevel.ExactId, 0, -1);
        var words = NameNormalizer.Words(q);
        string key = string.Concat(words);
        if (key.Length > 0)
        {
            foreach (int i in PrefixRange(_compact, key))
            {
                var (k, e, n) = _compact[i];
                Offer(e, k.Length == key.Length ? MatchLevel.ExactName : MatchLevel.NamePrefix, k.Length - key.Length, n);
            }
            if (words.Count == 1)
                foreach (int i in PrefixRange(_words, key))
                    Offer(_words[i].Entry, MatchLevel.WordPrefix, _words[i].Key.Length - key.Length, _words[i].Name);
            if (fuzzy && best.Count < limit)
            {
                int max = key.Length <= 3 ? 0 : key.Length <= 5 ? 1 : key.Length <= 9 ? 2 : 3;
                if (max > 0 && key.Length >= 2)
                {
                    // q-gram filter: a key within `max` edits shares at least (bigrams - 2·max) of the query's bigrams.
                    var counts = new Dictionary<int, int>();
                    var seen = new HashSet<int>();
                    for (int j = 0; j + 1 < key.Length; j++)
                    {
                        int g = Gram(key, j);
                        if (!seen.Add(g) || !_grams.TryGetValue(g, out var postings)) continue;
                        foreach (int i in postings)
                        {
                            int len = _compact[i].Key.Length;
                            if (len < key.Length - max || len > key.Length + max) continue;
                            counts[i] = counts.GetValueOrDefault(i) + 1;
                        }
                    }
                    // Each edit removes at most two of the query's distinct bigrams.
                    int need = Math.Max(1, seen.Count - 2 * max);
                    foreach (var (i, n) in counts)
                    {
                        if (n < need) continue;
                        var (k, e, nameIdx) = _compact[i];
                        if (best.TryGetValue(e, out var have) && have.Level < MatchLevel.Fuzzy) continue;
                        int d = NameNormalizer.EditDistance(key, k, max);
                        if (d <= max) Offer(e, MatchLevel.Fuzzy, d, nameIdx);
                    }
                }
            }
        }

        // The best `limit` by level, edit distance (fuzzy only), preference, kind rank, population, id.
        var order = Comparer<int>.Create((x, y) =>
        {
            var (a, b) = (best[x], best[y]);
            int c = a.Level.CompareTo(b.Level);
            if (c != 0) return c;
            c = (a.Level == MatchLevel.Fuzzy ? a.Distance : 0).CompareTo(b.Level == MatchLevel.Fuzzy ? b.Distance : 0);
            if (c != 0) return c;
            if (preferred is not null)
            {
                c = (preferred(_entries[x].Item) ? 0 : 1).CompareTo(preferred(_entries[y].Item) ? 0 : 1);
                if (c != 0) return c;
            }
            c = _entries[x].KindRank.CompareTo(_entries[y].KindRank);
            if (c != 0) return c;
            c = _entries[y].Population.CompareTo(_entries[x].Population);
            return c != 0 ? c : string.CompareOrdinal(_entries[x].Id, _entries[y].Id);
        });
        IEnumerable<int> top;
        if (best.Count <= limit) top = best.Keys.Order(order);
        else
        {
            // A bounded heap keeps the `limit` best without sorting every match.
            var heap = new PriorityQueue<int, int>(Comparer<int>.Create((x, y) => order.Compare(y, x)));
            foreach (int e in best.Keys)
            {
                if (heap.Count < limit) heap.Enqueue(e, e);
                else if (order.Compare(e, heap.Peek()) < 0) heap.EnqueueDequeue(e, e);
            }
            var list = new List<int>(heap.Count);
            while (heap.Count > 0) list.Add(heap.Dequeue());
            list.Sort(order);
            top = list;
        }
        return top.Select(e => new NameMatch<T>(_entries[e].Item, _entries[e].Id,
                best[e].Name < 0 ? _entries[e].Id : _entries[e].Names[best[e].Name], best[e].Level, best[e].Distance)).ToList();
    }

    private static IEnumerable<int> PrefixRange((string Key, int Entry, int Name)[] sorted, string prefix)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid].Key, prefix) < 0) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < sorted.Length && sorted[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return i;
    }
}
