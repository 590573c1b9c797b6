using Timeline.LanguageServer.Features;

namespace Timeline.LanguageServer.Tests;

/// <summary>The features are listed by hand (for a quick start): the list holds every feature class, once, by name.</summary>
public sealed class FeatureRegistryTests
{
    [Fact]
    public void Every_feature_class_is_listed_once_in_the_order_of_its_name()
    {
        var written = typeof(IFeature).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeature).IsAssignableFrom(t))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var listed = IFeature.All.Select(f => f.GetType().FullName).ToList();
        Assert.Equal(written, listed);
    }
}
