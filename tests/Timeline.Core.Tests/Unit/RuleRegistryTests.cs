using Timeline.Core.Checks;

namespace Timeline.Core.Tests.Unit;

/// <summary>The rules are listed by hand (for a quick start): the list holds every rule class, once.</summary>
public class RuleRegistryTests
{
    [Fact]
    public void Every_rule_class_is_listed_once()
    {
        var written = typeof(LanguageRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LanguageRule)) && !t.IsAbstract)
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var listed = Rules.Implementations.Select(r => r.GetType().FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written, listed);
    }

    [Fact]
    public void The_rules_are_in_the_order_of_their_codes()
    {
        var codes = Rules.All.Select(r => r.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(Rules.All, Rules.Implementations.Select(r => r.Descriptor));
    }
}
