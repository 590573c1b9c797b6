using Timeline.Core.Checks;
using Timeline.Core.Text;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>A core diagnostic as LSP shows it: its rule's code, page and editor tags, and what the code actions need.</summary>
internal static class DiagnosticConversion
{
    public static Protocol.Diagnostic ToLsp(Lsp lsp, Core.Checks.Diagnostic d, SourceText text) => new(
        lsp.Range(text, d.Span),
        d.Severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Information,
        },
        d.Code,
        PageOf(d.Rule),
        "timeline",
        d.Message,
        Tags(d.Rule.Tags),
        d.Suggestions.Count > 0 || d.Fixes.Count > 0
            ? new DiagnosticData(d.Name, d.Suggestions.ToArray(),
                d.Fixes.Select(f => new DiagnosticFix(f.Title, f.Edits.Select(e => lsp.Edit(text, e)).ToArray())).ToArray())
            : null);

    // Each rule's page, made once: a keystroke in a file of 10,000 findings converted them all, each making its
    // page's address anew (a tenth of the conversion).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CodeDescription> Pages = new(StringComparer.Ordinal);

    private static CodeDescription PageOf(Rule rule) =>
        Pages.GetOrAdd(rule.Code, static (_, r) => new CodeDescription(RuleDocs.Url(r)), rule);

    /// <summary>The editor tags a rule declares: drawn faded (unnecessary) or struck through (deprecated).</summary>
    private static DiagnosticTag[]? Tags(RuleTags tags)
    {
        if (tags == RuleTags.None) return null;
        var list = new List<DiagnosticTag>(2);
        if (tags.HasFlag(RuleTags.Unnecessary)) list.Add(DiagnosticTag.Unnecessary);
        if (tags.HasFlag(RuleTags.Deprecated)) list.Add(DiagnosticTag.Deprecated);
        return list.ToArray();
    }
}
