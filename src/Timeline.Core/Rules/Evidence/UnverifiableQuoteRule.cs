namespace Timeline.Core.Checks;

/// <summary>TL311 unverifiable-quote: a quote whose source has no snapshot (a warning with require-snapshots: true).</summary>
public sealed class UnverifiableQuoteRule : EventRule
{
    public static readonly Rule Rule = new("TL311", "unverifiable-quote", Severity.Info,
        "A quote whose source has no snapshot to check it against.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A quote that no snapshot backs is the writer's memory of the page: nobody can check it word for word, and the page may change or vanish.";

    public override string HowToFix =>
        "Take a snapshot of the page (`timeline capture URL --id ID --add-to FILE`), or keep the words as says: (a paraphrase). " +
        "require-snapshots: true in timeline.config.yaml makes this a warning.";

    public override Severity SeverityIn(Model.ProjectConfig config) =>
        config.RequireSnapshots ? Severity.Warning : Descriptor.DefaultSeverity;

    public override void Check(EventCheck check)
    {
        foreach (var (citation, quote) in Quotes.Of(check.Event))
        {
            if (check.SourceOf(citation) is not { } source || source.Snapshot is { Length: > 0 }) continue;
            // One message per source, made once (a project without snapshots has this finding on every quote).
            check.Report(Rule, quote.Span, Syntax.StringPool.Message("this quote cannot be verified: the source '", source.Id,
                "' has no snapshot; take one with `timeline capture`, or write the words as says: (a paraphrase)"));
        }
    }
}
