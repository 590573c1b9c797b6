using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>Everything known about one file on its own: its tree, its definitions and references, and the diagnostics it earns alone.</summary>
public sealed class FileModel
{
    public required string Path { get; init; }
    public required FileKind Kind { get; init; }
    public required SourceText Source { get; init; }
    public required YamlDocument Document { get; init; }
    public List<Diagnostic> Diagnostics { get; } = new();
    public string? Title { get; set; }
    public TimeSpan? Timezone { get; set; }
    public List<SourceDef> Sources { get; } = new();
    public List<EventDef> Events { get; } = new();
    public List<PlaceDef> Places { get; } = new();
    public List<ActorDef> Actors { get; } = new();
    public List<Reference> References { get; } = new();
    public ProjectConfig? Config { get; set; }
    public Suppressions Suppressions { get; set; } = Suppressions.None;

    public IEnumerable<Definition> Definitions =>
        Sources.Cast<Definition>().Concat(Events).Concat(Places).Concat(Actors);
}

/// <summary>The lines a <c># timeline-ignore CODE</c> comment silences: its own and the next.</summary>
public sealed class Suppressions
{
    public static readonly Suppressions None = new(new Dictionary<int, HashSet<string>>());
    private readonly Dictionary<int, HashSet<string>> _byLine;
    private Suppressions(Dictionary<int, HashSet<string>> byLine) => _byLine = byLine;

    public bool IsSuppressed(int line, string code) =>
        (_byLine.TryGetValue(line, out var a) && a.Contains(code)) || (_byLine.TryGetValue(line - 1, out var b) && b.Contains(code));

    public static Suppressions Read(SourceText source)
    {
        const string marker = "timeline-ignore";
        var text = source.Text;
        if (!text.Contains(marker, StringComparison.Ordinal)) return None;
        var map = new Dictionary<int, HashSet<string>>();
        for (int line = 0; line < source.LineCount; line++)
        {
            string l = source.LineText(line);
            int hash = l.IndexOf('#');
            if (hash < 0) continue;
            int m = l.IndexOf(marker, hash, StringComparison.Ordinal);
            if (m < 0 || l[(hash + 1)..m].Trim().Length != 0) continue;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in l[(m + marker.Length)..].Split(new[] { ' ', ',', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.StartsWith('#')) break;
                if (Rules.Find(word) is { } rule) codes.Add(rule.Code);
            }
            if (codes.Count > 0) map[line] = codes;
        }
        return map.Count == 0 ? None : new Suppressions(map);
    }
}
