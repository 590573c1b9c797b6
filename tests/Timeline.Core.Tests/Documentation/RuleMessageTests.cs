using System.Text.RegularExpressions;
using Timeline.Core.Checks;
using Timeline.Core.Tests.Samples;

namespace Timeline.Core.Tests.Documentation;

/// <summary>
/// The messages are read by journalists and fact-checkers: every rule explains itself, and no finding any sample makes
/// speaks in a parser's words (scalar, mapping, node) or names the date standard without saying what it is.
/// </summary>
public partial class RuleMessageTests
{
    /// <summary>Words of YAML and of parsers that mean nothing to a writer, matched as whole words.</summary>
    [GeneratedRegex(@"\b(scalars?|mappings?|nodes?|sequences?|flow|token|indicator|deserializ\w*|geonameid)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();

    /// <summary>EDTF is the name of the date standard; a message may use it only where it says so.</summary>
    private static bool NamesEdtfUnexplained(string message) =>
        message.Contains("EDTF", StringComparison.Ordinal) && !message.Contains("date standard", StringComparison.Ordinal);

    public static IEnumerable<object[]> AllRules() => Rules.Implementations.Select(r => new object[] { r.Descriptor.Code });

    [Theory]
    [MemberData(nameof(AllRules))]
    public void A_rule_explains_itself_in_a_writers_words(string code)
    {
        var rule = Rules.Implementations.Single(r => r.Descriptor.Code == code);
        foreach (var (what, text) in new[] { ("description", rule.Descriptor.Description), ("why", rule.Why), ("how to fix", rule.HowToFix) })
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{code} has no {what}");
            Assert.False(Jargon().IsMatch(text), $"{code}'s {what} speaks of '{Jargon().Match(text).Value}': {text}");
        }
    }

    /// <summary>Every message every sample makes: one line, not too long, and without jargon.</summary>
    [Fact]
    public void No_sample_finding_speaks_in_jargon()
    {
        var failures = new List<string>();
        int seen = 0;
        foreach (var sample in SampleTests.SampleFolders())
        {
            var files = SampleTests.ReadSample(sample).ToDictionary(p => p.Key, p => Annotations.Strip(p.Value));
            var result = SampleTests.Check(files, SampleTests.LimitsOf(sample));
            foreach (var rel in files.Keys)
                foreach (var d in result.For($"{SampleTests.Root}/{rel}"))
                {
                    seen++;
                    string where = $"{sample}/{rel}: {d.Code} '{d.Message}'";
                    if (Jargon().Match(d.Message) is { Success: true } m) failures.Add($"{where} says '{m.Value}'");
                    if (NamesEdtfUnexplained(d.Message)) failures.Add($"{where} names EDTF without saying it is the date standard");
                    if (d.Message.Contains('\n')) failures.Add($"{where} is more than one line");
                    if (d.Message.Length > 400) failures.Add($"{where} is {d.Message.Length} characters long");
                }
        }
        Assert.True(seen > 100, $"only {seen} findings were read from the samples");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("a list where text is expected", false)]
    [InlineData("'tags' expects a list, found a mapping", true)]
    [InlineData("a plain scalar", true)]
    [InlineData("nodes", true)]
    [InlineData("a node-free message", true)]
    [InlineData("the Nodes of the tree", true)]
    [InlineData("knotted text", false)]
    public void The_jargon_list_matches_whole_words(string message, bool jargon) => Assert.Equal(jargon, Jargon().IsMatch(message));

    [Theory]
    [InlineData("'2016-uu' is an old draft form of the date standard (EDTF, before 2019)", false)]
    [InlineData("expected EDTF such as 2024-11-29", true)]
    public void Edtf_is_named_only_where_explained(string message, bool unexplained) =>
        Assert.Equal(unexplained, NamesEdtfUnexplained(message));
}
