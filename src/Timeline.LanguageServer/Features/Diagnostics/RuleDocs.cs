using Timeline.Core.Checks;

namespace Timeline.LanguageServer;

/// <summary>Where a rule's page is published: the one place that knows the address.</summary>
public static class RuleDocs
{
    private const string Base = "https://github.com/timeline-lang/timeline/blob/main/docs/rules/";

    public static string Url(Rule rule) => $"{Base}{rule.Code}.md";
}
