using Timeline.Core.Checks;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

/// <summary>A place in a file: a path and a span of it.</summary>
public sealed record Location(string Path, TextSpan Span);

public sealed record HoverResult(string Markdown, TextSpan Span);

/// <summary>An id under the caret: a definition or a reference, its kind and where it is.</summary>
public sealed record SymbolAt(SymbolKind Kind, string Id, TextSpan Span, bool IsDefinition);

public sealed record FileEdits(string Path, IReadOnlyList<TextEdit> Edits);

public sealed record RenameResult(IReadOnlyList<FileEdits> Files, string? Error);

public sealed record DocumentSymbol(string Name, string Detail, SymbolKind Kind, TextSpan Span, TextSpan SelectionSpan);

public sealed record WorkspaceSymbol(string Name, string Detail, SymbolKind Kind, Location Location);

public sealed record InlayHint(int Offset, string Label, string Tooltip);

public sealed record DocumentLink(TextSpan Span, string Target, string Tooltip);

public sealed record FoldingRange(int StartLine, int EndLine);

/// <summary>The editor's questions, answered in offsets on a file model and its project's symbols.</summary>
public static class LanguageServices
{
    // ---------------- hover ----------------

    public static HoverResult? Hover(FileModel file, SymbolTable symbols, int offset)
    {
        var ctx = SyntaxQueries.At(file.Document, file.Kind, offset);
        if (ctx is null) return null;
        if (ctx.IsKey)
        {
            if (ctx.Owner is { } owner && ctx.Entry?.KeyText is { } k && owner[k] is { } field)
                return new HoverResult(Cards.Field(field, owner), ctx.Node.Span);
            return null;
        }
        if (ctx.Node is not ScalarNode s || s.IsNull) return null;
        if (ctx.Entry?.KeyText == "quote") return QuoteServices.Hover(file, symbols, offset);
        if (SymbolUnder(file, symbols, offset) is { } sym && symbols.Find(sym.Kind, sym.Id) is { } def)
            return new HoverResult(Card(symbols, def), s.Span);
        switch (ctx.Shape)
        {
            case ScalarShape { Kind: ScalarKind.Date }:
                var reading = DateReader.Read(s.Value, file.Timezone);
                if (reading.Value is { } d)
                {
                    string note = reading.Problem is { } p ? "\n\n" + p.Message : "";
                    return new HoverResult(Cards.Date(d) + note, s.Span);
                }
                if (reading.Problem is { } problem) return new HoverResult(problem.Message, s.Span);
                return null;
            case ScalarShape { Kind: ScalarKind.Count }:
                return Counts.Parse(s.Value) is { } c ? new HoverResult(Cards.Count(c), s.Span) : null;
            case ScalarShape { Kind: ScalarKind.Integer } when ctx.Entry?.KeyText is "killed" or "injured" or "displaced" or "detained":
                return Counts.Parse(s.Value) is { } n ? new HoverResult(Cards.Count(n), s.Span) : null;
            case ScalarShape { Kind: ScalarKind.Enum } when FieldOf(ctx) is { } f:
                return new HoverResult($"**{s.Value}** — {f.Description}", s.Span);
            case ScalarShape { Kind: ScalarKind.Reference or ScalarKind.Group }:
                return new HoverResult($"`{s.Value}` is not defined in the project", s.Span);
        }
        return null;
    }

    private static Field? FieldOf(NodeContext ctx) => ctx.Owner is { } o && ctx.Entry?.KeyText is { } k ? o[k] : null;

    public static string Card(SymbolTable symbols, Definition def) => def switch
    {
        PlaceDef p => Cards.Place(symbols, p),
        ActorDef a => Cards.Actor(symbols, a),
        SourceDef s => Cards.Source(s),
        EventDef e => Cards.Event(symbols, e),
        _ => def.Id,
    };

    // ---------------- symbols under the caret ----------------

    /// <summary>The id under the caret: a reference in a value, or a definition's own id.</summary>
    public static SymbolAt? SymbolUnder(FileModel file, SymbolTable symbols, int offset)
    {
        foreach (var r in file.References)
            if (r.Span.Touches(offset)) return new SymbolAt(r.Kind, r.Id, r.Span, false);
        foreach (var d in file.Definitions)
            if (d.IdSpan.Touches(offset) && d.Id.Length > 0) return new SymbolAt(d.Kind, d.Id, d.IdSpan, true);
        return null;
    }

    public static IReadOnlyList<Location> Definition(FileModel file, SymbolTable symbols, int offset)
    {
        // On a quote: the snapshot, at the passage.
        if (SymbolUnder(file, symbols, offset) is not { } sym) return QuoteServices.Definition(file, symbols, offset);
        // A built-in place may be written by its geonames: id: its definition is the one found.
        if (symbols.Find(sym.Kind, sym.Id) is { } found && found.Id != sym.Id) return new[] { new Location(found.Path, found.IdSpan) };
        return symbols.All(sym.Kind).Where(d => d.Id == sym.Id).Select(d => new Location(d.Path, d.IdSpan)).ToList();
    }

    public static IReadOnlyList<Location> References(FileModel file, SymbolTable symbols, int offset, bool includeDeclaration)
    {
        if (SymbolUnder(file, symbols, offset) is not { } sym) return Array.Empty<Location>();
        var result = new List<Location>();
        // A built-in place is referred to by its readable id and by its geonames: id alike.
        var target = symbols.Find(sym.Kind, sym.Id);
        bool Same(string id) => id == sym.Id || target is not null && ReferenceEquals(symbols.Find(sym.Kind, id), target);
        if (includeDeclaration)
            result.AddRange(symbols.All(sym.Kind).Where(d => Same(d.Id)).Select(d => new Location(d.Path, d.IdSpan)));
        result.AddRange(symbols.References.Where(r => r.Kind == sym.Kind && Same(r.Id)).Select(r => new Location(r.Path, r.Span)));
        return result.OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start).ToList();
    }

    // ---------------- rename ----------------

    /// <summary>Where a rename at the caret would edit (the id without quotes), or why it cannot.</summary>
    public static (TextSpan Span, string Placeholder)? PrepareRename(FileModel file, SymbolTable symbols, int offset, out string? error)
    {
        error = null;
        if (SymbolUnder(file, symbols, offset) is not { } sym)
        {
            error = "Only ids can be renamed: put the caret on an id or a reference to one.";
            return null;
        }
        if (sym.Id.StartsWith(Catalogs.GeoNames.IdPrefix, StringComparison.Ordinal) || symbols.Find(sym.Kind, sym.Id) is { FromCatalog: true })
        {
            error = "Places and actors from a catalog keep their catalog ids: only the project's own ids can be renamed.";
            return null;
        }
        var inner = SyntaxQueries.InnerSpan(file.Source, sym.Span);
        return (inner, file.Source.Substring(inner.Start, inner.Length));
    }

    /// <summary>Renames an id everywhere in the project: its definitions and every reference, nothing else.</summary>
    public static RenameResult Rename(FileModel file, ProjectResult project, int offset, string newId)
    {
        var symbols = project.Symbols;
        if (PrepareRename(file, symbols, offset, out var error) is null) return new RenameResult(Array.Empty<FileEdits>(), error);
        var sym = SymbolUnder(file, symbols, offset)!;
        if (!StructureValidator.IsValidId(newId))
            return new RenameResult(Array.Empty<FileEdits>(),
                $"'{newId}' is not a valid id: lower-case letters and digits in words joined by hyphens, at most 64 characters.");
        if (newId != sym.Id && symbols.Find(sym.Kind, newId) is not null)
            return new RenameResult(Array.Empty<FileEdits>(), $"The project already has a {sym.Kind.Word()} '{newId}'.");
        var spans = symbols.All(sym.Kind).Where(d => d.Id == sym.Id).Select(d => (d.Path, d.IdSpan))
            .Concat(symbols.References.Where(r => r.Kind == sym.Kind && r.Id == sym.Id).Select(r => (r.Path, r.Span)));
        var edits = new List<FileEdits>();
        foreach (var g in spans.GroupBy(p => p.Path))
        {
            if (!project.Sources.TryGetValue(g.Key, out var text)) continue;
            edits.Add(new FileEdits(g.Key,
                g.Select(p => new TextEdit(SyntaxQueries.InnerSpan(text, p.Item2), newId)).DistinctBy(e => e.Span)
                .OrderBy(e => e.Span.Start).ToList()));
        }
        return new RenameResult(edits, null);
    }

    // ---------------- symbols ----------------

    public static IReadOnlyList<DocumentSymbol> DocumentSymbols(FileModel file)
    {
        var list = new List<DocumentSymbol>();
        foreach (var e in file.Events.Where(e => e.Id.Length > 0)
                     .OrderBy(e => e.Date?.Value?.Earliest ?? DateTime.MaxValue)
                         .ThenBy(e => e.Date?.Value?.Latest ?? DateTime.MaxValue).ThenBy(e => e.Span.Start))
            list.Add(new DocumentSymbol(e.Title ?? e.Id, e.Date?.Text ?? "undated", SymbolKind.Event, Around(e), e.IdSpan));
        foreach (var s in file.Sources)
            list.Add(new DocumentSymbol(s.Publisher ?? s.Id, s.Published is { } p ? $"{s.Id} · {p.Text}" : s.Id,
                SymbolKind.Source, Around(s), s.IdSpan));
        foreach (var p in file.Places)
            list.Add(new DocumentSymbol(p.DisplayName, $"{p.Id}{(p.PlaceKind is null ? "" : " · " + p.PlaceKind)}",
                SymbolKind.Place, Around(p), p.IdSpan));
        foreach (var a in file.Actors)
            list.Add(new DocumentSymbol(a.DisplayName, $"{a.Id}{(a.ActorKind is null ? "" : " · " + a.ActorKind)}",
                SymbolKind.Actor, Around(a), a.IdSpan));
        return list;
    }

    /// <summary>A definition's whole range, which always holds its id (a syntax error can cut the mapping short).</summary>
    private static TextSpan Around(Definition d)
    {
        var (span, id) = (d.Span, d.IdSpan);
        return new TextSpan(Math.Min(span.Start, id.Start), Math.Max(span.End, id.End));
    }

    /// <summary>The longest workspace symbol query searched; a longer one matches nothing.</summary>
    public const int MaxSymbolQuery = 256;

    public static IReadOnlyList<WorkspaceSymbol> WorkspaceSymbols(SymbolTable symbols, string query, int limit = 200)
    {
        var result = new List<WorkspaceSymbol>();
        // No name is that long, and the fuzzy step's cost grows with the query: a pasted page must not hold the server.
        if (query.Length > MaxSymbolQuery) return result;
        foreach (SymbolKind kind in Enum.GetValues<SymbolKind>())
        {
            IEnumerable<Definition> defs = query.Length == 0
                ? symbols.Own(kind).Take(limit)
                : symbols.Index(kind).Search(query, limit).Select(m => m.Item);
            foreach (var d in defs)
                result.Add(new WorkspaceSymbol(d.DisplayName, d.Id, kind, new Location(d.Path, d.IdSpan)));
        }
        return result.Take(limit).ToList();
    }

    // ---------------- inlay hints, links, folding ----------------

    public static IReadOnlyList<InlayHint> InlayHints(FileModel file, SymbolTable symbols, TextSpan range)
    {
        var hints = new List<InlayHint>();
        IEnumerable<DateValue> Dates()
        {
            foreach (var s in file.Sources) if (s.Published is { } p) yield return p;
            foreach (var e in file.Events)
            {
                if (e.Date is { } d) yield return d;
                foreach (var c in e.Claims) if (c.Date is { } cd) yield return cd;
            }
        }
        foreach (var d in Dates())
        {
            if (!range.Touches(d.Node.Span.End)) continue;
            if (d.Value is { IsInterval: false } v && v.Start!.Precision == DatePrecision.Day
                && !v.Start.HasUnspecified && v.Start.Year is >= 1 and <= 9999)
            {
                var day = new DateTime((int)v.Start.Year, v.Start.Month!.Value, v.Start.Day!.Value);
                hints.Add(new InlayHint(d.Node.Span.End, day.DayOfWeek.ToString(), v.Describe()));
            }
        }
        foreach (var r in file.References)
        {
            if (r.Kind != SymbolKind.Place || !r.Id.StartsWith(Catalogs.GeoNames.IdPrefix, StringComparison.Ordinal)
                || !range.Touches(r.Span.End)) continue;
            if (symbols.Find<PlaceDef>(SymbolKind.Place, r.Id) is { } p)
                hints.Add(new InlayHint(r.Span.End, p.DisplayName,
                    string.Join(" › ", new[] { p.DisplayName }.Concat(symbols.Chain(p).Select(c => c.DisplayName)))));
        }
        return hints.OrderBy(h => h.Offset).ToList();
    }

    public static IReadOnlyList<DocumentLink> Links(FileModel file, string projectRoot)
    {
        var links = new List<DocumentLink>();
        foreach (var n in file.Document.AllNodes())
        {
            if (n is not MappingNode m) continue;
            foreach (var entry in m.Entries)
                if (entry.KeyText is "url" or "archived" && entry.Value is ScalarNode { IsNull: false } s && StructureValidator.IsHttpUrl(s.Value))
                    links.Add(new DocumentLink(SyntaxQueries.InnerSpan(file.Source, s.Span), s.Value, "Open the page"));
        }
        if (file.Config is { } cfg)
            foreach (var (path, span) in cfg.Gazetteers)
            {
                string full = Path.GetFullPath(Path.Combine(projectRoot, path));
                if (Checker.IsUnder(full, Path.GetFullPath(projectRoot)))
                    links.Add(new DocumentLink(SyntaxQueries.InnerSpan(file.Source, span), new Uri(full).AbsoluteUri, "Open the gazetteer"));
            }
        return links;
    }

    public static IReadOnlyList<FoldingRange> Folding(FileModel file)
    {
        var ranges = new List<FoldingRange>();
        var src = file.Source;
        void Add(TextSpan span)
        {
            int a = src.LineOf(span.Start), b = src.LineOf(Math.Max(span.Start, span.End - 1));
            if (b > a) ranges.Add(new FoldingRange(a, b));
        }
        if (file.Document.Root is MappingNode root)
            foreach (var e in root.Entries)
            {
                if (e.Value is not SequenceNode { IsFlow: false } seq) continue;
                Add(new TextSpan(e.KeySpan.Start, seq.Span.End));
                foreach (var item in seq.Items) if (item is MappingNode { IsFlow: false }) Add(item.Span);
            }
        foreach (var ev in file.Events)
            if (ev.Node is { } m)
                foreach (var e in m.Entries)
                    if (e.Value is SequenceNode { IsFlow: false } or MappingNode { IsFlow: false }) Add(new TextSpan(e.KeySpan.Start,
                        e.Value.Span.End));
        return ranges.Distinct().OrderBy(r => r.StartLine).ToList();
    }
}
