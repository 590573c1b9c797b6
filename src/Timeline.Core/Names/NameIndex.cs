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
    private readonly Dictionary<int, List<int>> _byLength = new();   // compact key length -> indices into _compact

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
        for (int i = 0; i < _compact.Length; i++)
        {
            int len = _compact[i].Key.Length;
            if (!_byLength.TryGetValue(len, out var list)) _byLength[len] = list = new List<int>();
            list.Add(i);
        }
    }

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
                for (int len = key.Length - max; len <= key.Length + max && max > 0; len++)
                {
                    if (!_byLength.TryGetValue(len, out var list)) continue;
                    foreach (int i in list)
                    {
                        var (k, e, n) = _compact[i];
                        if (best.TryGetValue(e, out var have) && have.Level < MatchLevel.Fuzzy) continue;
                        int d = NameNormalizer.EditDistance(key, k, max);
                        if (d <= max) Offer(e, MatchLevel.Fuzzy, d, n);
                    }
                }
            }
        }

        return best
            .OrderBy(p => p.Value.Level)
            .ThenBy(p => p.Value.Level == MatchLevel.Fuzzy ? p.Value.Distance : 0)
            .ThenBy(p => preferred is not null && preferred(_entries[p.Key].Item) ? 0 : 1)
            .ThenBy(p => _entries[p.Key].KindRank)
            .ThenByDescending(p => _entries[p.Key].Population)
            .ThenBy(p => _entries[p.Key].Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new NameMatch<T>(_entries[p.Key].Item, _entries[p.Key].Id,
                p.Value.Name < 0 ? _entries[p.Key].Id : _entries[p.Key].Names[p.Value.Name], p.Value.Level, p.Value.Distance))
            .ToList();
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
