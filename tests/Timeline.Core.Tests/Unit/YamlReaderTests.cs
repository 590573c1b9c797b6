using System.Globalization;
using Timeline.Core.Syntax;

namespace Timeline.Core.Tests.Unit;

public class YamlReaderTests
{
    [Fact]
    public void Spans_are_exact_utf16_offsets()
    {
        string text = "a: 😀x\r\nb: 'q'\r\n";
        var doc = YamlReader.Read(text);
        var root = Assert.IsType<MappingNode>(doc.Root);
        var a = Assert.IsType<ScalarNode>(root["a"]);
        Assert.Equal("😀x", text.Substring(a.Span.Start, a.Span.Length));
        var b = Assert.IsType<ScalarNode>(root["b"]);
        Assert.Equal("'q'", text.Substring(b.Span.Start, b.Span.Length));
        Assert.Equal(ScalarStyle.SingleQuoted, b.Style);
    }

    [Fact]
    public void Reads_past_errors()
    {
        var doc = YamlReader.Read("a: 1\nb: [1, 2\nc: 3\nd: \"open\ne: 5\n");
        var root = Assert.IsType<MappingNode>(doc.Root);
        Assert.NotNull(root["a"]);
        Assert.NotNull(root["c"]);
        Assert.NotNull(root["e"]);
        Assert.Contains(doc.Problems, p => p.Rule.Code == "TL001");
    }

    [Fact]
    public void An_alias_bomb_costs_nothing()
    {
        var sb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 40; i++) sb.Append(CultureInfo.InvariantCulture,
            $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var doc = YamlReader.Read(sb.ToString());
        // Aliases are nodes of their own, never expanded: the tree is as large as the text.
        Assert.True(doc.AllNodes().Count() < 1000);
        Assert.Contains(doc.AllNodes(), n => n is AliasNode);
    }

    [Fact]
    public void Tags_are_recorded_never_instantiated()
    {
        var doc = YamlReader.Read("a: !!python/object:os.system rm\nb: !custom {x: 1}\n");
        var root = Assert.IsType<MappingNode>(doc.Root);
        Assert.Equal("tag:yaml.org,2002:python/object:os.system", root["a"]!.Tag);
        Assert.Equal("!custom", root["b"]!.Tag);
    }

    [Fact]
    public void Nesting_past_the_limit_is_reported_not_read()
    {
        var doc = YamlReader.Read("a: " + new string('[', 200) + new string(']', 200) + "\n");
        Assert.Contains(doc.Problems, p => p.Rule.Code == "TL902");
        Assert.True(doc.AllNodes().Max(n => n.Depth) <= 65);
    }

    [Fact]
    public void One_document_per_file()
    {
        var doc = YamlReader.Read("a: 1\n---\nb: 2\n");
        Assert.Contains(doc.Problems, p => p.Rule.Code == "TL001" && p.Message.Contains("second YAML document"));
    }

    [Fact]
    public void Plain_scalars_keep_their_text()
    {
        var root = (MappingNode)YamlReader.Read("d: 2024-11-29\nn: no\nt: 010\n").Root!;
        Assert.Equal("2024-11-29", ((ScalarNode)root["d"]!).Value);
        Assert.Equal("no", ((ScalarNode)root["n"]!).Value);
        Assert.Equal("010", ((ScalarNode)root["t"]!).Value);
    }
}
