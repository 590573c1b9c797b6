using System.Globalization;
using System.Text;

namespace Timeline.Core.Checks;

/// <summary>
/// The documentation page of each rule, made from the rule itself (what, why, how to fix) and two
/// of its samples (one where it fires, one where it does not): docs/rules/TLxxx.md. A test keeps
/// the committed pages what this makes.
/// </summary>
public static class RuleDocs
{
    /// <summary>Where the pages are published: the one place that knows it.</summary>
    public const string BaseUrl = "https://github.com/timeline-lang/timeline/blob/main/docs/rules/";

    /// <summary>The page of a rule (an editor's link on each diagnostic; SARIF's helpUri).</summary>
    public static string Url(Rule rule) =>
        // Made once per rule: every diagnostic an editor is sent carries it (10,000 of them on each keystroke in a large file).
        Urls.GetOrAdd(rule.Code, code => $"{BaseUrl}{code}.md");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Urls = new(StringComparer.Ordinal);

    private static readonly Dictionary<RulePass, string> PassWords = new()
    {
        [RulePass.Reading] = "while the file is read",
        [RulePass.File] = "on each file, at every change of it",
        [RulePass.Event] = "on each event (kept while the event's text, the project's outline and its snapshots are unchanged)",
        [RulePass.Reference] = "on each reference that no definition answers",
        [RulePass.Project] = "on the whole project",
    };

    /// <summary>The page of a rule, with a sample where it fires and one where it does not (YAML, as written).</summary>
    public static string Page(LanguageRule rule, string firesExample, string passesExample)
    {
        var r = rule.Descriptor;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {r.Code} {r.Name}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{r.Description}\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Default severity: **{r.DefaultSeverity.ToString().ToLowerInvariant()}**. Checked {PassWords[rule.Pass]}.");
        if (r.Tags != RuleTags.None) md.Append(CultureInfo.InvariantCulture,
            $" An editor shows it as {(r.Tags.HasFlag(RuleTags.Unnecessary) ? "unnecessary (faded)" : "deprecated (struck through)")}.");
        md.Append("\n\n## Why\n\n").Append(rule.Why).Append("\n\n");
        md.Append("## Example\n\nIt fires here (each finding is written under the line it concerns):\n\n");
        md.Append("```yaml\n").Append(firesExample.TrimEnd()).Append("\n```\n\n");
        md.Append("It does not fire here:\n\n");
        md.Append("```yaml\n").Append(passesExample.TrimEnd()).Append("\n```\n\n");
        md.Append("## How to fix\n\n").Append(rule.HowToFix).Append("\n\n");
        md.Append("## How to silence\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"On one line and the next: a comment `# timeline-ignore {r.Code}` (or `# timeline-ignore {r.Name}`).\n\n");
        md.Append("In a whole project, in `timeline.config.yaml`:\n\n");
        md.Append(CultureInfo.InvariantCulture, $"```yaml\nrules:\n  {r.Name}: off   # or error, warning, info\n```\n\n");
        md.Append(CultureInfo.InvariantCulture, $"In VS Code, for yourself: the setting `timeline.rules` (`{{\"{r.Name}\": \"off\"}}`).\n");
        return md.ToString();
    }

    /// <summary>The index of the pages: every rule with its name, severity and one line.</summary>
    public static string Index(IEnumerable<LanguageRule> rules)
    {
        var md = new StringBuilder("# Rules\n\nEvery check of the language, with its page.\n\n| code | name | default | what |\n|---|---|---|---|\n");
        foreach (var rule in rules)
        {
            var r = rule.Descriptor;
            md.Append(CultureInfo.InvariantCulture,
                $"| [{r.Code}]({r.Code}.md) | {r.Name} | {r.DefaultSeverity.ToString().ToLowerInvariant()} | {r.Description} |\n");
        }
        return md.ToString();
    }
}
