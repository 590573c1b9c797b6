using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>What a stretch of text means in the language, beyond the YAML it is written in.</summary>
public enum SemanticTokenKind { Date, Place, Actor, Source, Event, RuleCode, Quote }

[Flags]
public enum SemanticTokenModifiers
{
    None = 0,
    /// <summary>The id where it is defined, not a use of it.</summary>
    Declaration = 1,
    /// <summary>A use of an id that a catalog defines (a built-in or a GeoNames gazetteer), not the project.</summary>
    Catalog = 2,
}

/// <summary>A token: where it is (never its quotes), what it is.</summary>
public readonly record struct SemanticToken(TextSpan Span, SemanticTokenKind Kind, SemanticTokenModifiers Modifiers);

/// <summary>
/// The tokens an editor colours by meaning: dates, ids by kind (definitions marked), the rule codes of
/// suppression comments, and quotes. Read from the file's model, so they are there while the file
/// is broken elsewhere; in document order, never overlapping.
/// </summary>
public static class SemanticTokens
{

    /// <summary>The tokens of a file that touch <paramref name="range"/> (all of them when null).</summary>
    public static IReadOnlyList<SemanticToken> Of(FileModel file, SymbolTable? symbols, TextSpan? range = null)
    {
        var text = file.Source;
        var all = new List<SemanticToken>();
        void Add(TextSpan span, SemanticTokenKind kind, SemanticTokenModifiers modifiers = SemanticTokenModifiers.None)
        {
            if (span.Length > 0 && (range is not { } r || (span.End > r.Start && span.Start < r.End) || (r.Length == 0 && span.Touches(r.Start))))
                all.Add(new SemanticToken(span, kind, modifiers));
        }
        void AddScalar(ScalarNode? node, SemanticTokenKind kind)
        {
            if (node is { IsNull: false }) Add(Content(text, node), kind);
        }

        foreach (var d in file.Definitions)
            if (d.Id.Length > 0) Add(SyntaxQueries.InnerSpan(text, d.IdSpan), KindOf(d.Kind), SemanticTokenModifiers.Declaration);
        foreach (var reference in file.References)
        {
            bool fromCatalog = symbols?.Find(reference.Kind, reference.Id) is { FromCatalog: true };
            var modifiers = fromCatalog ? SemanticTokenModifiers.Catalog : SemanticTokenModifiers.None;
            Add(SyntaxQueries.InnerSpan(text, reference.Span), KindOf(reference.Kind), modifiers);
        }
        foreach (var s in file.Sources)
        {
            AddScalar(s.Published?.Node, SemanticTokenKind.Date);
            AddScalar(s.Captured?.Node, SemanticTokenKind.Date);
        }
        foreach (var e in file.Events)
        {
            AddScalar(e.Date?.Node, SemanticTokenKind.Date);
            foreach (var c in e.Claims)
            {
                AddScalar(c.Date?.Node, SemanticTokenKind.Date);
                AddScalar(c.QuoteNode, SemanticTokenKind.Quote);
            }
            foreach (var citation in e.AllCitations()) AddScalar(citation.QuoteNode, SemanticTokenKind.Quote);
        }
        foreach (var code in SuppressedCodes(text, range)) Add(code, SemanticTokenKind.RuleCode);

        all.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        // A scalar is one token: should two readings ever claim the same text, the first one stands.
        var tokens = new List<SemanticToken>(all.Count);
        foreach (var t in all)
            if (tokens.Count == 0 || t.Span.Start >= tokens[^1].Span.End) tokens.Add(t);
        return tokens;
    }

    public static SemanticTokenKind KindOf(SymbolKind kind) => kind switch
    {
        SymbolKind.Place => SemanticTokenKind.Place,
        SymbolKind.Actor => SemanticTokenKind.Actor,
        SymbolKind.Source => SemanticTokenKind.Source,
        _ => SemanticTokenKind.Event,
    };

    /// <summary>Where a scalar's content stands: without its quotes, or from the line after a block scalar's indicator.</summary>
    private static TextSpan Content(SourceText text, ScalarNode node)
    {
        var span = node.Span;
        if (node.Style is not (ScalarStyle.Literal or ScalarStyle.Folded)) return SyntaxQueries.InnerSpan(text, span);
        int line = text.LineOf(span.Start);
        int start = line + 1 < text.LineCount ? text.LineStart(line + 1) : span.End;
        while (start < span.End && text[start] is ' ' or '\t') start++;
        return start < span.End ? new TextSpan(start, span.End) : new TextSpan(span.End, span.End);
    }

    /// <summary>The rule codes and names of <c># timeline-ignore</c> comments, as the suppressions read them.</summary>
    private static IEnumerable<TextSpan> SuppressedCodes(SourceText text, TextSpan? range)
    {
        int first = range is { } r ? text.LineOf(r.Start) : 0;
        int last = range is { } q ? text.LineOf(Math.Min(q.End, text.Length)) : text.LineCount - 1;
        return Suppressions.Codes(text, first, last).Select(c => c.Span);
    }
}
