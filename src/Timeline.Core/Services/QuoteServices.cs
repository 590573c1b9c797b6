using System.Globalization;
using System.Text;
using Timeline.Core.Checks;
using Timeline.Core.Evidence;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>A quote under the caret: its value, the source it cites, and that source's snapshot when it has one.</summary>
/// <param name="Value">The quote's scalar (null while the value is still empty).</param>
/// <param name="ValueSpan">Where the value stands, or would stand, in the file.</param>
public sealed record QuoteSite(ScalarNode? Value, TextSpan ValueSpan, SourceDef? Source, SnapshotFile? Snapshot)
{
    /// <summary>The snapshot when it could be read.</summary>
    public SnapshotFile? Readable => Snapshot is { Problem: SnapshotProblem.None } s ? s : null;
}

/// <summary>
/// The editor's features on quotes: hover shows the passage in its paragraph, definition opens the
/// snapshot at the passage, completion offers the snapshot's sentences that hold the words typed.
/// </summary>
public static class QuoteServices
{
    /// <summary>The quote at an offset: a quote: value of a citation, a claim or a figure's citation.</summary>
    public static QuoteSite? At(FileModel file, SymbolTable symbols, int offset)
    {
        // Events stand in file order: the one that may hold the caret is the last to start at or before it
        // (found by halving, since completion asks on every keystroke in files of thousands of events).
        var events = file.Events;
        int lo = 0, hi = events.Count - 1, at = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].Span.Start <= offset) { at = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = at; i >= 0 && i >= at - 1; i--)
            if (events[i].Node is { } node && Near(node, file.Source, offset)) return Find(node, file.Source, symbols, offset);
        return null;
    }

    /// <summary>
    /// Whether the offset is in a node, or just after it on its last line: an empty value being typed
    /// ("quote: ‸") lies past the span of the mappings around it.
    /// </summary>
    private static bool Near(YamlNode node, SourceText text, int offset) =>
        node.Span.Touches(offset) || (offset >= node.Span.Start && offset <= text.Length && text.LineOf(offset) == text.LineOf(node.Span.End));

    private static QuoteSite? Find(YamlNode node, SourceText text, SymbolTable symbols, int offset)
    {
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries)
                {
                    if (e.KeyText == "quote" && OnValue(e, text, offset))
                    {
                        var source = SourceOf(m) is { } id ? symbols.Find<SourceDef>(SymbolKind.Source, id) : null;
                        var value = e.Value as ScalarNode;
                        var span = value is { IsEmpty: false } ? value.Span
                            : new TextSpan(Math.Min(offset, text.Length), Math.Min(offset, text.Length));
                        return new QuoteSite(value is { IsEmpty: false } ? value : null, span, source,
                            source is null ? null : symbols.Evidence.SnapshotOf(source));
                    }
                    if (Near(e.Value, text, offset) && Find(e.Value, text, symbols, offset) is { } inner) return inner;
                }
                return null;
            case SequenceNode s:
                foreach (var item in s.Items)
                    if (Near(item, text, offset) && Find(item, text, symbols, offset) is { } inner) return inner;
                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether the caret is on the entry's value, or after its key on the same line while the value is empty.</summary>
    private static bool OnValue(YamlEntry e, SourceText text, int offset)
    {
        if (e.Value is ScalarNode { IsEmpty: false } v) return v.Span.Touches(offset);
        if (e.Value is not ScalarNode) return false;
        int keyEnd = e.KeySpan.End;
        return offset > keyEnd && text.LineOf(offset) == text.LineOf(keyEnd);
    }

    /// <summary>The source id a mapping cites: its source: (an id, or a citation with source:).</summary>
    private static string? SourceOf(MappingNode m) => m["source"] switch
    {
        ScalarNode { IsNull: false } s => s.Value,
        MappingNode c when c["source"] is ScalarNode { IsNull: false } s => s.Value,
        _ => null,
    };

    // ---------------- hover ----------------

    public static HoverResult? Hover(FileModel file, SymbolTable symbols, int offset)
    {
        if (At(file, symbols, offset) is not { Value: { } value, Source: { } source } site) return null;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"**{Markdown(source.Title ?? source.DisplayName)}** — {Markdown(source.DisplayName)}");
        if (source.Captured is { } captured) md.Append(CultureInfo.InvariantCulture, $", captured {captured.Text}");
        md.Append("\n\n");
        if (site.Readable is not { } snapshot)
        {
            md.Append(site.Snapshot is null
                ? "This source has no snapshot: the quote cannot be verified (TL311)."
                : $"The snapshot `{source.Snapshot}` cannot be read (TL306).");
            return new HoverResult(md.ToString(), value.Span);
        }
        var text = snapshot.Text.Text;
        var match = snapshot.Text.Matcher.Find(value.Value);
        if (match.Passage is not { } passage)
        {
            md.Append(CultureInfo.InvariantCulture, $"Not in the snapshot `{source.Snapshot}`, and no passage of it is close.");
            return new HoverResult(md.ToString(), value.Span);
        }
        if (!match.Found) md.Append(CultureInfo.InvariantCulture,
            $"Not in the snapshot `{source.Snapshot}`; the closest passage: {match.Difference}.\n\n");
        var paragraph = ParagraphOf(text, passage);
        md.Append("> ")
          .Append(Markdown(text.Text[paragraph.Start..passage.Start]))
          .Append("**").Append(Markdown(text.Text[passage.Start..passage.End]).Trim()).Append("**")
          .Append(Markdown(text.Text[passage.End..paragraph.End]));
        md.Append(CultureInfo.InvariantCulture, $"\n\n`{source.Snapshot}`");
        return new HoverResult(md.ToString(), value.Span);
    }

    private static TextSpan ParagraphOf(SnapshotText text, TextSpan passage)
    {
        foreach (var p in text.Paragraphs)
            if (p.Start <= passage.Start && passage.Start <= p.End) return new TextSpan(p.Start, Math.Max(p.End, passage.End));
        return passage;
    }

    /// <summary>Text shown as is in Markdown (the exports' escaping), on one line.</summary>
    private static string Markdown(string s) => Export.Exporters.Md(s.ReplaceLineEndings(" "));

    // ---------------- definition ----------------

    /// <summary>The snapshot, with the quoted passage (or the closest one) selected.</summary>
    public static IReadOnlyList<Location> Definition(FileModel file, SymbolTable symbols, int offset)
    {
        if (At(file, symbols, offset) is not { Value: { } value, Readable: { } snapshot }) return Array.Empty<Location>();
        var text = snapshot.Text.Text;
        var match = snapshot.Text.Matcher.Find(value.Value);
        var span = match.Passage is { } p
            ? new TextSpan(text.ToOriginal(p.Start), Math.Max(text.ToOriginal(p.Start), text.ToOriginal(p.End)))
            : new TextSpan(0, 0);
        return new[] { new Location(snapshot.Path, span) };
    }

    // ---------------- completion ----------------

    /// <summary>The most sentences offered at once.</summary>
    private const int MaxSentences = 30;

    /// <summary>
    /// Inside a quote: the sentences of the cited source's snapshot that hold every word typed so far
    /// (case, diacritics and transliteration aside; the last word may be a beginning). Null when the caret is not in a quote.
    /// </summary>
    public static CompletionResult? Complete(FileModel file, SymbolTable symbols, int offset)
    {
        // Just after "quote:", nothing is offered yet: a sentence there would run into the key.
        if (offset > 0 && offset <= file.Source.Length && file.Source[offset - 1] == ':') return null;
        if (At(file, symbols, offset) is not { } site) return null;
        if (site.Readable is not { } snapshot) return CompletionResult.Empty;
        string typed = site.Value is { } v ? Unquoted(file.Source.Substring(v.Span.Start, Math.Max(0, offset - v.Span.Start))) : "";
        var want = NameNormalizer.Words(typed);
        bool lastIsPrefix = typed.Length > 0 && !char.IsWhiteSpace(typed[^1]);
        var items = new List<CompletionItem>();
        foreach (var (sentence, have) in snapshot.Text.Sentences)
        {
            bool all = true;
            for (int i = 0; i < want.Count && all; i++)
            {
                bool prefix = lastIsPrefix && i == want.Count - 1;
                all = have.Any(h => prefix ? h.StartsWith(want[i], StringComparison.Ordinal) : h == want[i]);
            }
            if (!all) continue;
            string label = sentence.Length <= 80 ? sentence : sentence[..79].TrimEnd() + "…";
            items.Add(new CompletionItem(label, CompletionKind.Value, YamlScalars.Write(sentence), site.ValueSpan,
                site.Source?.Id, sentence, FilterText: typed.Length > 0 ? typed + " " + sentence : sentence, SortText: $"{items.Count:0000}"));
            if (items.Count == MaxSentences) break;
        }
        // The list narrows as the writer types: asked again for every word.
        return new CompletionResult(items, true);
    }

    private static string Unquoted(string s) => s.TrimStart().TrimStart('"', '\'');
}
