using Timeline.Core.Text;

namespace Timeline.Core.Evidence;

/// <summary>What a run of a word-level diff between a quote and a passage is.</summary>
public enum DiffKind
{
    /// <summary>The same in both (under the matching rules); the text is the snapshot's.</summary>
    Same,
    /// <summary>In the quote only; the text is the quote's.</summary>
    OnlyInQuote,
    /// <summary>In the snapshot only; the text is the snapshot's.</summary>
    OnlyInSnapshot,
    /// <summary>Snapshot text that an ellipsis or a bracketed insertion of the quote stands for: not a difference.</summary>
    Elided,
}

/// <summary>A run of a word-level diff.</summary>
public readonly record struct DiffRun(DiffKind Kind, string Text);

/// <summary>
/// The result of looking for a quote in a snapshot. When found, <see cref="Passage"/> is the matched passage
/// (gaps included). When not found, it is the closest passage, if any passage is close at all, with the
/// <see cref="Diff"/> between the quote and it and a short sentence saying how they differ.
/// </summary>
/// <param name="Found">True when the quote is in the snapshot under the matching rules.</param>
/// <param name="Passage">
/// The passage's span in <see cref="SnapshotText.Text"/>: the match, or the closest passage; null when nothing is close.
/// </param>
/// <param name="PassageText">The passage's text (what a quick fix writes in place of the quote).</param>
/// <param name="Diff">Runs from the quote's start to its end against the closest passage; empty when found or when nothing is close.</param>
/// <param name="Difference">
/// A sentence for a message, e.g. "the snapshot has 'at least 27 civilians' where the quote has '27 civilians'"; null when found.
/// </param>
public sealed record QuoteMatch(bool Found, TextSpan? Passage, string? PassageText, IReadOnlyList<DiffRun> Diff, string? Difference)
{
    internal static QuoteMatch Match(TextSpan span, string text) => new(true, span, text, [], null);

    internal static readonly QuoteMatch NothingClose = new(false, null, null, [], "no passage of the snapshot is close to the quote");

    internal static readonly QuoteMatch TooLong = new(false, null, null, [], "the quote is too long to look for its closest passage");

    internal static readonly QuoteMatch Empty = new(false, null, null, [], "the quote has no words");
}
