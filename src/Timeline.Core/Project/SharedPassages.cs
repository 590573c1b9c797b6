using Timeline.Core.Evidence;
using Timeline.Core.Model;
using Timeline.Core.Text;

namespace Timeline.Core.Project;

/// <summary>The readable text of one snapshot and what the evidence checks search in it, each made once, on first use.</summary>
public sealed class SnapshotReading
{
    private readonly Lazy<QuoteMatcher> _matcher;
    private readonly Lazy<TextFingerprint> _fingerprint;

    private readonly Lazy<IReadOnlyList<(string Sentence, IReadOnlyList<string> Words)>> _sentences;

    private SnapshotReading(string path, byte[] bytes)
    {
        // Decoded once: the readable text and the editor's positions come from the same string.
        string decoded = TextDecoding.Decode(bytes);
        Text = SnapshotText.Read(path, decoded);
        Original = new SourceText(decoded);
        _sentences = new Lazy<IReadOnlyList<(string, IReadOnlyList<string>)>>(
            () => Text.Sentences().Select(s => (s, Names.NameNormalizer.Words(s))).ToList(),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _matcher = new Lazy<QuoteMatcher>(() => new QuoteMatcher(Text), LazyThreadSafetyMode.ExecutionAndPublication);
        _fingerprint = new Lazy<TextFingerprint>(() => TextFingerprint.Of(Text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The snapshot as paragraphs of visible text.</summary>
    public SnapshotText Text { get; }

    /// <summary>The file's text as decoded (what <see cref="SnapshotText.ToOriginal"/> points into).</summary>
    public SourceText Original { get; }

    /// <summary>The sentences of the text with their normalised words, for completion inside a quote (made once).</summary>
    public IReadOnlyList<(string Sentence, IReadOnlyList<string> Words)> Sentences => _sentences.Value;

    /// <summary>Finds quotes in the text.</summary>
    public QuoteMatcher Matcher => _matcher.Value;

    /// <summary>The winnowed fingerprints that find passages shared with other snapshots.</summary>
    public TextFingerprint Fingerprint => _fingerprint.Value;

    public static SnapshotReading Of(string path, byte[] bytes) => new(path, bytes);
}

/// <summary>A passage of 40 words or more that the snapshots of two sources share.</summary>
public sealed record SourcesSharing(SourceDef First, SourceDef Second, SharedPassage Passage);

/// <summary>
/// The passages the project's snapshots share, and the origins the independence checks count:
/// sources of one declared origin are one origin, and so are sources whose snapshots share a
/// passage (one copies the other, or both copy a wire), whatever they declare.
/// </summary>
public sealed class SharedPassages
{
    private readonly Dictionary<SourceDef, string> _origin;

    private SharedPassages(IReadOnlyList<SourcesSharing> pairs, Dictionary<SourceDef, string> origin)
    {
        Pairs = pairs;
        _origin = origin;
    }

    /// <summary>Each pair of sources whose snapshots share a passage, with the longest such passage.</summary>
    public IReadOnlyList<SourcesSharing> Pairs { get; }

    public string OriginOf(SourceDef source) => _origin.GetValueOrDefault(source) ?? ProjectEvidence.DeclaredOrigin(source);

    public static SharedPassages Find(ProjectEvidence evidence, IReadOnlyList<SourceDef> sources)
    {
        // The readable snapshots, each once, with the sources that name it.
        var files = new List<SnapshotFile>();
        var sourcesOf = new Dictionary<SnapshotFile, List<SourceDef>>();
        foreach (var s in sources)
        {
            if (evidence.SnapshotOf(s) is not { Problem: SnapshotProblem.None } snap) continue;
            if (!sourcesOf.TryGetValue(snap, out var list)) { sourcesOf[snap] = list = new List<SourceDef>(); files.Add(snap); }
            list.Add(s);
        }
        var pairs = new List<SourcesSharing>();
        if (files.Count > 1)
            foreach (var p in SharedText.Find(files.Select(f => f.Text.Fingerprint).ToList()))
                foreach (var a in sourcesOf[files[p.First]])
                    foreach (var b in sourcesOf[files[p.Second]])
                        pairs.Add(new SourcesSharing(a, b, p));

        // One origin: the same declared origin, the same snapshot file, or a shared passage.
        var parent = sources.Distinct().ToDictionary(s => s, s => s);
        SourceDef Root(SourceDef s)
        {
            while (parent[s] != s) s = parent[s] = parent[parent[s]];
            return s;
        }
        void Join(SourceDef a, SourceDef b) { if (Root(a) is var ra && Root(b) is var rb && ra != rb) parent[rb] = ra; }
        foreach (var group in parent.Keys.GroupBy(ProjectEvidence.DeclaredOrigin).ToList())
            foreach (var s in group.Skip(1)) Join(group.First(), s);
        foreach (var group in sourcesOf.Values) foreach (var s in group.Skip(1)) Join(group[0], s);
        foreach (var p in pairs) Join(p.First, p.Second);
        var origin = parent.Keys.ToDictionary(s => s, s => ProjectEvidence.DeclaredOrigin(Root(s)));
        return new SharedPassages(pairs, origin);
    }
}
