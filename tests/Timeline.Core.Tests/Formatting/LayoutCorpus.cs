using System.Text;
using Timeline.Core.Language;

namespace Timeline.Core.Tests.Formatting;

/// <summary>
/// Seeded files of the language in many layouts: keys in any order, two- or four-space and
/// indentless lists, flow and block lists, every scalar style, block texts, comments on their own
/// lines and after values, blank lines, unknown keys, LF or CRLF, with or without a byte order mark.
/// </summary>
public static class LayoutCorpus
{
    private abstract record Node;
    private sealed record Scalar(string Value, char Style = 'p') : Node; // p plain, s single, d double, | literal, > folded
    private sealed record List(IReadOnlyList<Node> Items) : Node;
    private sealed record Map(IReadOnlyList<(string Key, Node Value)> Entries) : Node;

    private static readonly System.Buffers.SearchValues<char> FlowIndicators = System.Buffers.SearchValues.Create(",[]{}");
    private static readonly string[] Words = { "Aleppo", "حلب", "the city 😀", "Idlib countryside", "north-west", "Kafr Naya" };
    private static readonly string[] Quoted = { "2020", "+03:00", "yes", "a: b", "#hash", "x, y", "it's", "null", "-dash", "" };

    public static (FileKind Kind, string Text) Generate(int seed)
    {
        var rng = new Random(seed);
        var kind = rng.Next(10) switch { 0 => FileKind.Places, 1 => FileKind.Actors, 2 => FileKind.Config, _ => FileKind.Timeline };
        var root = kind switch
        {
            FileKind.Places => new Map(new[] { ("places", (Node)new List(Enumerable.Range(0, rng.Next(1, 4)).Select(i => Place(rng, i)).ToList())) }),
            FileKind.Actors => new Map(new[] { ("actors", (Node)new List(Enumerable.Range(0, rng.Next(1, 4)).Select(i => Actor(rng, i)).ToList())) }),
            FileKind.Config => (Node)Config(rng),
            _ => Timeline(rng),
        };
        var w = new Writer(rng, indent: rng.Next(3) == 0 ? 4 : 2, indentless: rng.Next(3) == 0);
        if (rng.Next(5) == 0) w.Line("# a chronology kept by hand");
        w.Mapping((Map)root, 0);
        string text = w.ToString();
        if (rng.Next(3) == 0) text = text.Replace("\n", "\r\n");
        if (rng.Next(8) == 0) text = "\uFEFF" + text;
        return (kind, text);
    }

    private static Map Timeline(Random rng)
    {
        var entries = new List<(string, Node)>
        {
            ("title", Text(rng)),
            ("events", new List(Enumerable.Range(0, rng.Next(1, 6)).Select(i => Event(rng, i)).ToList())),
        };
        if (rng.Next(2) == 0) entries.Add(("timezone", new Scalar("+03:00", 'd')));
        if (rng.Next(2) == 0) entries.Add(("description", new Scalar("Events as reported\nat the time.\n", rng.Next(2) == 0 ? '|' : '>')));
        if (rng.Next(2) == 0)
            entries.Add(("sources", new List(Enumerable.Range(0, rng.Next(1, 3)).Select(i => (Node)new Map(Shuffle(rng, new List<(string, Node)>
            {
                ("id", new Scalar($"source-{i}")), ("publisher", Text(rng)), ("published", new Scalar("2024-11-29")),
                ("url", new Scalar($"https://example.org/{i}?a=b#top")),
            }))).ToList())));
        if (rng.Next(4) == 0) entries.Add(("x-desk", Text(rng)));
        return new Map(Shuffle(rng, entries));
    }

    private static Map Event(Random rng, int i)
    {
        var e = new List<(string, Node)>
        {
            ("id", new Scalar($"event-{i}")),
            ("date", new Scalar(rng.Next(3) == 0 ? "2024" : $"2024-11-{10 + i}", rng.Next(3) == 0 ? 'd' : 'p')),
            ("title", Text(rng)),
        };
        if (rng.Next(2) == 0) e.Add(("actors", Ids(rng, "actor", rng.Next(1, rng.Next(2) == 0 ? 4 : 14))));
        if (rng.Next(2) == 0) e.Add(("places", new List(new Node[] { new Scalar("aleppo"), new Map(new[] { ("place", (Node)new Scalar("idlib")),
            ("precision", new Scalar("area")) }) }.Take(rng.Next(1, 3)).ToList())));
        if (rng.Next(2) == 0) e.Add(("sources", new List(new Node[] { new Scalar("source-0"), new Map(Shuffle(rng, new List<(string, Node)>
            { ("source", new Scalar("source-1")), ("quote", Text(rng)) })) }.Take(rng.Next(1, 3)).ToList())));
        if (rng.Next(3) == 0) e.Add(("status", new Scalar("claimed")));
        if (rng.Next(3) == 0) e.Add(("summary", new Scalar("Fighters entered the city.\n# not a comment, a line of text\n  indented\n",
            rng.Next(2) == 0 ? '|' : '>')));
        if (rng.Next(3) == 0) e.Add(("notes", new Scalar("a long note that goes on\nover a second line")));
        if (rng.Next(4) == 0) e.Add(("casualties", new List(new Node[] { new Map(Shuffle(rng, new List<(string, Node)>
            { ("killed", new Scalar("at least 27")), ("group", new Scalar("civilians")), ("source", new Map(new[] { ("source", (Node)new Scalar("source-0")) })) })) })));
        if (rng.Next(4) == 0) e.Add(("media", new Map(Shuffle(rng, new List<(string, Node)> { ("url", new Scalar("https://example.org/a.jpg")), ("caption", Text(rng)) }))));
        if (rng.Next(4) == 0) e.Add(("tags", new List(new Node[] { new Scalar("background"), new Scalar(Quoted[rng.Next(Quoted.Length)], 'd') })));
        if (rng.Next(5) == 0) e.Add(("x-" + Words.Length, Text(rng)));
        if (rng.Next(8) == 0) e.Add(("relatd", new Scalar("event-0")));
        return new Map(Shuffle(rng, e));
    }

    private static Map Place(Random rng, int i) => new Map(Shuffle(rng, new List<(string, Node)>
    {
        ("id", new Scalar($"place-{i}")), ("name", Text(rng)), ("names", new List(new Node[] { Text(rng), new Scalar("Halab") })),
        ("kind", new Scalar("city")), ("coordinates", new List(new Node[] { new Scalar("36.2"), new Scalar("37.15") })),
        ("geonames", new Scalar("170063")),
    }.Take(rng.Next(2, 7)).ToList()));

    private static Map Actor(Random rng, int i) => new Map(Shuffle(rng, new List<(string, Node)>
    {
        ("id", new Scalar($"actor-{i}")), ("name", Text(rng)), ("kind", new Scalar("armed-group")),
        ("backed-by", Ids(rng, "actor", rng.Next(1, 4))), ("part-of", new Scalar("actor-9")),
    }.Take(rng.Next(2, 6)).ToList()));

    private static Map Config(Random rng) => new Map(Shuffle(rng, new List<(string, Node)>
    {
        ("use", new List(new Node[] { new Scalar("builtin:levant") })), ("require-sources", new Scalar("true")),
        ("rules", new Map(new[] { ("TL206", (Node)new Scalar("off")), ("unused-source", new Scalar("warning")) })),
        ("exclude", new List(new Node[] { new Scalar("drafts/**", 'd') })),
    }.Take(rng.Next(1, 5)).ToList()));

    private static List Ids(Random rng, string prefix, int n) => new List(Enumerable.Range(0, n).Select(i => (Node)new Scalar($"{prefix}-{rng.Next(100)}")).ToList());

    private static Scalar Text(Random rng) => rng.Next(4) switch
    {
        0 => new Scalar(Quoted[rng.Next(Quoted.Length)], rng.Next(2) == 0 ? 's' : 'd'),
        1 => new Scalar(Words[rng.Next(Words.Length)], rng.Next(2) == 0 ? 's' : 'd'),
        _ => new Scalar(Words[rng.Next(Words.Length)] + " " + Words[rng.Next(Words.Length)]),
    };

    private static List<(string, Node)> Shuffle(Random rng, List<(string, Node)> entries) => entries.OrderBy(_ => rng.Next()).ToList();

    private sealed class Writer(Random rng, int indent, bool indentless)
    {
        private readonly StringBuilder _sb = new();

        public void Line(string text) => _sb.Append(text).Append('\n');

        public override string ToString() => _sb.ToString();

        private string Comment() => rng.Next(8) == 0 ? "  # note " + rng.Next(100) : "";

        private void Trivia(int column)
        {
            if (rng.Next(8) == 0) Line("");
            if (rng.Next(8) == 0) Line(new string(' ', column) + "# about what follows");
        }

        public void Mapping(Map map, int column, string? firstPrefix = null)
        {
            foreach (var (key, value) in map.Entries)
            {
                string pad = firstPrefix ?? new string(' ', column);
                if (firstPrefix is null) Trivia(column);
                firstPrefix = null;
                Entry(pad + key + ":", value, column);
            }
        }

        private void Entry(string lead, Node value, int column)
        {
            switch (value)
            {
                case Scalar s:
                    ScalarAfter(lead, s, column + indent);
                    break;
                case List l when rng.Next(2) == 0 && l.Items.All(i => i is Scalar { Style: 'p' } s && s.Value.AsSpan().IndexOfAny(FlowIndicators) < 0):
                    Line(lead + " [" + string.Join(rng.Next(2) == 0 ? ", " : ",", l.Items.Select(i => ((Scalar)i).Value)) + "]" + Comment());
                    break;
                case List l:
                    Line(lead + Comment());
                    int dash = indentless ? column : column + indent;
                    foreach (var item in l.Items)
                    {
                        Trivia(dash);
                        if (item is Map m) Mapping(m, dash + 2, new string(' ', dash) + "- ");
                        else if (item is Scalar s) ScalarAfter(new string(' ', dash) + "-", s, dash + 2);
                    }
                    break;
                case Map m when rng.Next(4) == 0 && m.Entries.All(e => e.Value is Scalar { Style: 'p' }):
                    Line(lead + " {" + string.Join(", ", m.Entries.Select(e => e.Key + ": " + ((Scalar)e.Value).Value)) + "}");
                    break;
                case Map m:
                    Line(lead + Comment());
                    Mapping(m, column + indent);
                    break;
            }
        }

        private void ScalarAfter(string lead, Scalar s, int column)
        {
            string pad = new(' ', column);
            switch (s.Style)
            {
                case '|' or '>':
                    Line(lead + " " + s.Style + (rng.Next(2) == 0 ? "-" : "") + Comment());
                    foreach (var l in s.Value.TrimEnd('\n').Split('\n')) Line(l.Length == 0 ? "" : pad + l);
                    break;
                case 's':
                    Line(lead + " '" + s.Value.Replace("'", "''") + "'" + Comment());
                    break;
                case 'd':
                    Line(lead + " \"" + s.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" + Comment());
                    break;
                default:
                    var parts = s.Value.Split('\n');
                    if (parts.Length > 1 && rng.Next(2) == 0)
                    {
                        Line(lead);
                        foreach (var p in parts) Line(pad + p);
                        break;
                    }
                    Line(lead + " " + parts[0]);
                    foreach (var p in parts.Skip(1)) Line(pad + p);
                    break;
            }
        }
    }
}
