using Timeline.Core.Model;

namespace Timeline.Core.Checks;

/// <summary>TL305 duplicate-url: two sources with the same URL.</summary>
public sealed class DuplicateUrlRule : ProjectRule
{
    public static readonly Rule Rule = new("TL305", "duplicate-url", Severity.Warning, "Two sources with the same URL.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "One page entered twice counts twice: it can make one report look like two independent ones.";

    public override string HowToFix =>
        "Keep one source for the page and cite it everywhere (rename the other's citations).";

    public override void Check(ProjectCheck check)
    {
        var byUrl = new Dictionary<string, SourceDef>(StringComparer.Ordinal);
        foreach (var f in check.Project.Files)
            foreach (var s in f.Sources)
            {
                if (s.Url is not { } url || s.UrlNode is not { } node || !StructureValidator.IsHttpUrl(url)) continue;
                string key = UrlKey(url);
                if (byUrl.TryGetValue(key, out var first))
                    check.Report(f.Path, Rule, () => node.Span, $"the source '{s.Id}' has the same URL as '{first.Id}'; one page is one source");
                else byUrl[key] = s;
            }
    }

    /// <summary>A URL without what does not change the page: scheme, www., a trailing slash.</summary>
    private static string UrlKey(string url)
    {
        var u = new Uri(url);
        string path = u.AbsolutePath.TrimEnd('/');
        return $"{u.Host.ToLowerInvariant().Replace("www.", "")}{path}{u.Query}";
    }
}
