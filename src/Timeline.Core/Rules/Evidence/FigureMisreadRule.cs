using Timeline.Core.Evidence;
using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>TL309 figure-misread: a figure's count disagrees with the count in its citation's quote.</summary>
public sealed class FigureMisreadRule : EventRule
{
    public static readonly Rule Rule = new("TL309", "figure-misread", Severity.Warning,
        "A figure's count disagrees with the count in its citation's quote.");

    public override Rule Descriptor => Rule;

    public override string Why =>
        "\"At least 27\" is not 27: a count stripped of its qualifier, or misread from its quote, changes every total " +
        "and comparison made with it. Spelled numbers (\"four civilians\") and vague words (\"dozens\") are read too.";

    public override string HowToFix =>
        "Apply the fix: it writes the count as the quote gives it (at least 27). If the quote is about another " +
        "count, quote the words that give this one.";

    public override void Check(EventCheck check)
    {
        foreach (var figure in check.Event.Casualties)
        {
            if (figure.Measure is not { } measure || figure.Count is not { } count) continue;
            if (figure.Source?.QuoteNode is not { IsNull: false } quote) continue;
            if (CountReader.Read(quote.Value, measure) is not { } quoted || !CountReader.Disagrees(count, quoted.Count)) continue;
            if (figure.Node.Find(measure)?.Value is not ScalarNode written) continue;
            check.Report(Rule, written.Span,
                $"the figure says {measure}: {count.Text}, but its quote says '{quoted.Text}' " +
                $"(“{quote.Value.Substring(quoted.Span.Start, quoted.Span.Length)}”); write {measure}: {quoted.Text}",
                // Offered, not preferred: the reader takes the number nearest the measure's word, which a quote
                // of several counts can mislead. Certain only when the quote gives no other count.
                new[] { Fix.Replace($"Change to '{quoted.Text}'", written.Span, YamlScalars.Write(quoted.Text)) with { IsCertain = quoted.IsSole } });
        }
    }
}
