using Timeline.Core.Checks;

namespace Timeline.Core.Tests.Samples;

/// <summary>Every check of the spec has a sample where it fires and one where it must not.</summary>
public class CoverageTests
{
    public static IEnumerable<object[]> AllRules() => Rules.All.Select(r => new object[] { r.Code });

    [Theory]
    [MemberData(nameof(AllRules))]
    public void Rule_has_a_firing_and_a_passing_sample(string code)
    {
        var rule = Rules.Find(code)!;
        string group = $"{rule.Code}-{rule.Name}";
        Assert.True(Directory.Exists(Path.Combine(SampleTests.SamplesDir, group)), $"no sample folder tests/samples/{group}");
        var fires = SampleTests.ReadSample($"{group}/fires");
        var passes = SampleTests.ReadSample($"{group}/passes");
        Assert.Contains(fires.Values.SelectMany(Annotations.Read), e => e.Code == code);
        Assert.DoesNotContain(passes.Values.SelectMany(Annotations.Read), e => e.Code == code);
    }

    [Fact]
    public void Every_rule_has_its_own_code_and_name()
    {
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Code).Distinct().Count());
        Assert.All(Rules.All, r => Assert.Matches(@"^TL\d{3}$", r.Code));
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Name).Distinct().Count());
    }
}
