using Timeline.Core.Project;
using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>TL308 quote-not-found: a quote is not in the cited source's snapshot.</summary>
public sealed class QuoteNotFoundRule : EventRule
{
    public static readonly Rule Rule = new("TL308", "quote-not-found", Severity.Error,
        "A quote is not in the cited source's snapshot.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "A quote puts words in a source's mouth: if the source does not print them, the chronology misattributes. " +
        "Matching forgives only what typing changes (whitespace, quotation marks, dashes); an ellipsis stands for a gap " +
        "within a paragraph, and [bracketed words] for up to six words of the writer's.";

    public override string HowToFix =>
        "Apply the fix to replace the quote with the closest passage of the snapshot, shown in the message with what differs; " +
        "or cite the source that does print the words; or keep your words as says: (a paraphrase).";

    /// <summary>How much of the closest passage a message shows.</summary>
    private const int ShownCharacters = 160;

    public override void Check(EventCheck check)
    {
        foreach (var (citation, quote) in Quotes.Of(check.Event))
        {
            if (check.SourceOf(citation) is not { } source) continue;
            if (check.Evidence.SnapshotOf(source) is not { Problem: SnapshotProblem.None } snapshot) continue;
            var match = snapshot.Text.Matcher.Find(quote.Value);
            if (match.Found) continue;
            string message = $"this quote is not in the snapshot of '{source.Id}' ({source.Snapshot})";
            if (match.PassageText is not { } passage)
            {
                check.Report(Rule, quote.Span, message + "; no passage of the snapshot is close to it");
                continue;
            }
            string shown = passage.Length <= ShownCharacters ? passage : passage[..ShownCharacters].TrimEnd() + "…";
            check.Report(Rule, quote.Span, $"{message}; the closest passage is “{shown}”: {match.Difference}",
                new[] { Fix.Replace("Replace the quote with the snapshot's passage", quote.Span, YamlScalars.Write(passage), true) });
        }
    }
}
