using System.Text;
using Timeline.Core.Syntax;
using Timeline.Core.Tests.Formatting;
using Timeline.Core.Tests.Samples;
using Timeline.Core.Text;
using Xunit.Abstractions;

namespace Timeline.Core.Tests.Unit;

/// <summary>
/// The fast reader of the common shapes (<see cref="ShapeReader"/>) against the general YAML reader: wherever the fast
/// one reads a segment, the general one reads it without a problem into the same tree (nodes, values, styles, spans,
/// depths, parents). Compared on every sample and the example (LF and CRLF), on mutated files of the robustness runs,
/// on 10,000 generated files and on hand-written edge cases.
/// </summary>
public class ShapeReaderTests(ITestOutputHelper output)
{
    /// <summary>Compares the two readers on every segment of a text (and on the text read whole); returns (read fast, segments).</summary>
    internal static (int Fast, int All) Compare(string text, string context)
    {
        var source = new SourceText(text);
        var limits = ReaderLimits.Default;
        var segments = Segmenter.Split(source)?.ToList() ?? new List<Segment>();
        segments.Add(new Segment(0, source.Length, SegmentRole.Whole, 0));
        int fast = 0;
        foreach (var seg in segments)
        {
            var anchor = new SegmentAnchor { Start = seg.Start };
            var general = YamlReader.ReadSegment(source, seg, anchor, limits, shapesFirst: false);
            bool alone = ShapeReader.TryRead(source.Substring(seg.Start, seg.Length), anchor, seg.DepthOffset, limits, out var root);
            // Read where it lies in the whole text, the segment gives the same answer.
            bool inPlace = ShapeReader.TryRead(text, seg.Start, seg.End, anchor, seg.DepthOffset, limits, out var rootInPlace);
            Assert.True(alone == inPlace && Dump(root) == Dump(rootInPlace), $"{context}, segment at {seg.Start}: read in place differently");
            if (!alone) continue;
            fast++;
            string where = $"{context}, segment at {seg.Start} ({seg.Role})";
            Assert.True(general.Problems.Count == 0, $"{where}: read fast, but the general reader reports " +
                $"'{general.Problems.FirstOrDefault()?.Message}'\n{source.Substring(seg.Start, seg.Length)}");
            Assert.True(Dump(general.Root) == Dump(root),
                $"{where}: the trees differ\n{source.Substring(seg.Start, seg.Length)}\n--- general\n{Dump(general.Root)}\n--- fast\n{Dump(root)}");
        }
        // The file as a whole reads the same either way.
        Assert.Equal(Dump(YamlReader.Read(source).Root), Dump(ReadGenerally(source)));
        return (fast, segments.Count);
    }

    private static YamlNode? ReadGenerally(SourceText source)
    {
        var segments = Segmenter.Split(source);
        if (segments is null)
            return YamlReader.ReadSegment(source, new Segment(0, source.Length, SegmentRole.Whole, 0), SegmentAnchor.Zero,
                ReaderLimits.Default, shapesFirst: false).Root;
        var parts = segments.Select(s => YamlReader.ReadSegment(source, s, new SegmentAnchor { Start = s.Start },
            ReaderLimits.Default, shapesFirst: false)).ToList();
        return YamlReader.Compose(source, segments, parts).Root;
    }

    /// <summary>Every property of every node, one line each, and whether each node's parent is the node above it.</summary>
    internal static string Dump(YamlNode? root)
    {
        var sb = new StringBuilder();
        void Walk(YamlNode node, YamlNode? parent, string indent)
        {
            sb.Append(indent).Append(node.GetType().Name).Append(' ').Append(node.Span).Append(" depth ").Append(node.Depth);
            if (!ReferenceEquals(node.Parent, parent)) sb.Append(" (parent is not the node above)");
            if (node.Tag is not null || node.Anchor is not null) sb.Append(" tag/anchor");
            switch (node)
            {
                case ScalarNode s:
                    sb.Append(' ').Append(s.Style).Append(" '").Append(s.Value.Replace("\n", "\\n", StringComparison.Ordinal)
                        .Replace("\r", "\\r", StringComparison.Ordinal)).Append('\'').AppendLine();
                    break;
                case MappingNode m:
                    sb.Append(m.IsFlow ? " flow" : "").AppendLine();
                    foreach (var e in m.Entries)
                    {
                        Walk(e.Key, m, indent + "  ? ");
                        Walk(e.Value, m, indent + "  : ");
                    }
                    break;
                case SequenceNode q:
                    sb.Append(q.IsFlow ? " flow" : "").AppendLine();
                    foreach (var item in q.Items) Walk(item, q, indent + "  - ");
                    break;
                default:
                    sb.AppendLine();
                    break;
            }
        }
        if (root is null) return "(nothing)";
        Walk(root, root.Parent, "");
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(SampleTests.Cases), MemberType = typeof(SampleTests))]
    public void Every_sample_reads_alike(string sample, bool crlf)
    {
        foreach (var (path, raw) in SampleTests.ReadSample(sample).Where(p => p.Key.EndsWith(".yaml", StringComparison.Ordinal)))
            Compare(crlf ? Repo.ToCrlf(raw) : raw, $"{sample}/{path}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_example_is_read_by_the_fast_reader_throughout(bool crlf)
    {
        foreach (var path in Directory.EnumerateFiles(Repo.Path("examples"), "*.yaml", SearchOption.AllDirectories))
        {
            string raw = File.ReadAllText(path);
            var (fast, all) = Compare(crlf ? Repo.ToCrlf(raw) : raw, path);
            output.WriteLine($"{Path.GetFileName(path)}: {fast} of {all} segments read fast");
            // Hand-written chronologies are in the common shapes; a file of the example that is not shows a gap worth closing.
            Assert.True(fast == all, $"{path}: only {fast} of {all} segments read fast");
        }
    }

    [Fact]
    public void Mutated_files_read_alike()
    {
        var corpus = Timeline.Bench.Robustness.Corpus(Repo.Root);
        int fast = 0, all = 0;
        const int Cases = 20_000;
        Parallel.For(0, Cases, i =>
        {
            var (f, a) = Compare(Timeline.Bench.Robustness.MutatedCase(corpus, i).Text, $"mutation {i}");
            Interlocked.Add(ref fast, f);
            Interlocked.Add(ref all, a);
        });
        output.WriteLine($"{Cases} mutated files: {fast} of {all} segments read fast");
    }

    [Fact]
    public void Ten_thousand_generated_files_read_alike()
    {
        int fast = 0, all = 0;
        Parallel.For(0, 10_000, seed =>
        {
            var (_, text) = LayoutCorpus.Generate(seed);
            var (f, a) = Compare(text, $"generated file {seed}");
            Interlocked.Add(ref fast, f);
            Interlocked.Add(ref all, a);
        });
        output.WriteLine($"10,000 generated files: {fast} of {all} segments read fast");
        Assert.True(fast > all / 2, $"only {fast} of {all} segments read fast");
    }

    [Theory]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a:")]
    [InlineData("a:  \n  # c\nb: x  # y\n")]
    [InlineData("- \n- a\n")]
    [InlineData("k:\n- a\n- b\nc: 1")]
    [InlineData("- id: x\n  t: [a, b]\n")]
    [InlineData("k: \"a\\\"b\\u00e9\\n\"  \n")]
    [InlineData("k: []\nl: [ ]\nm: [ 'it''s' , \"x\"]  # z\n")]
    [InlineData("a  : b")]
    [InlineData("a: # c\nb: 1")]
    [InlineData("- # c\n  x: 1")]
    [InlineData("-   id: 1\n    t: 2")]
    [InlineData("a: b\r\nc:\r\n  - x\r\n")]
    [InlineData("k:\n  a:\n  b: 1\nc: 2")]
    [InlineData("title: Aleppo: the siege\n")]
    [InlineData("title: a\n  b\n")]
    [InlineData("- a\n  b\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a: [x, [y]]\n")]
    [InlineData("a: [x,\n  y]\n")]
    [InlineData("a: [x, ]\n")]
    [InlineData("a: 'x\n  y'\n")]
    [InlineData("a: \"x\\\n  y\"\n")]
    [InlineData("a: x #c\nb: http://example.org/a#b\nc: a:b\n")]
    [InlineData("a: -5\nb: -\nc: ?x\n")]
    [InlineData("---\na: 1\n...\n")]
    [InlineData("a: &x 1\nb: *x\nc: !t 2\n")]
    [InlineData("a: |\n  x\n")]
    [InlineData("a: |\n  x\n  y\n\n  z\nb: 1")]
    [InlineData("a: >-\n  x\n  y\n\n\n  z\n# c\nb: 1")]
    [InlineData("a: >\n  x\n   more\n")]
    [InlineData("- |\n  x\n- >-\n   y\n  # c\n")]
    [InlineData("a: |-\n  x  \n  \nb: 2\n")]
    [InlineData("a: >\n  x")]
    [InlineData("a: >-\n  x")]
    [InlineData("a: |\n\n  x\n")]
    [InlineData("a: |\n  x\n    y\n")]
    [InlineData("a: >\n  x\n  # not a comment\n")]
    [InlineData("a: | # c\n  x\nb: >+\n  y\n\nc: |2\n   z\n")]
    [InlineData("- a: >-\n    x\n    y\n  b: 1\n")]
    [InlineData("a:\n  b: >-\n    x\n\n   \n    y\n  c: 1\n")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: >\n  x\n    y\n")]
    [InlineData("a: >-\n  x\u00A0\nb: |\n  y\u2003 \nc: z\u00A0\nd: [w\u00A0]\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a: [{p: x, q: 'y'}, {p: z}]\nb: {b: 1 , c: \"d\"}  \nc: {}\nd: [ { p: x } ]\n")]
    [InlineData("a: [{p: x, p: y}]\nb: {p}\nc: {p: }\nd: {p: [x]}\ne: {p: {q: 1}}\nf: {p: x,}\ng: {p:x}\n")]
    [InlineData("a: {p: x\n")]
    [InlineData("a: [{p: x}, y, 'z']  # c\n")]
    [InlineData("u: [builtin:levant, a:b, a:b:c, a::b, http://x.org/a?b=c]\nv: {p: a:b}\n")]
    [InlineData("u: [a:]\nv: [a: b]\nw: [a:, b]\nx: {p: a:}\n")]
    [InlineData("u: [Shi'ite militias, x\"y, it's]\nv: {p: O'Brien}\n")]
    [InlineData("  a: 1\nb: 2\n")]
    [InlineData("a:\n  - x\n  y: 1\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("- - a\n")]
    [InlineData("- a: 1\n   b: 2\n")]
    [InlineData("a: x\u2028b: y\n")]
    [InlineData("a: x\rb: y\n")]
    [InlineData("a: \"\\ud83d\"\n")]
    [InlineData("a: حلب 🕊️\nb: ['دمشق', \"x 🕊\"]\n")]
    [InlineData("a: \"x\" y\n")]
    [InlineData("a: 'x'#y\n")]
    [InlineData("a:\n\n\n")]
    [InlineData("# only a comment\n\n")]
    [InlineData("")]
    [InlineData("a: b: c\n")]
    [InlineData("a b c\n")]
    [InlineData("a: x\n- y\n")]
    [InlineData("\"a\": 1\n")]
    public void Edge_cases_read_alike(string text)
    {
        Compare(text, "edge case");
        Compare(Repo.ToCrlf(text), "edge case (CRLF)");
    }
}
