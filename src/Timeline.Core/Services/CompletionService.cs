using Timeline.Core.Checks;
using Timeline.Core.Dates;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Names;
using Timeline.Core.Project;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

public enum CompletionKind { Key, Value, Place, Actor, Source, Event, Date, Rule }

public sealed record CompletionItem(
    string Label, CompletionKind Kind, string InsertText, TextSpan ReplaceSpan,
    string? Detail = null, string? Documentation = null, string? FilterText = null, string? SortText = null, bool Preselect = false);

public sealed record CompletionResult(IReadOnlyList<CompletionItem> Items, bool IsIncomplete)
{
    public static readonly CompletionResult Empty = new(Array.Empty<CompletionItem>(), false);
}

/// <summary>
/// Completion at the caret, whose place in the YAML structure the reader gives (<see cref="Syntax.CaretReading"/>),
/// so that it works while the file is broken: the keys allowed at that spot, enum values, place, actor, source
/// and event ids (matched by any name, alias or transliteration), dates. What it inserts is never itself an
/// error: where a list is expected, an item goes in as a list.
/// </summary>
public static class CompletionService
{
    public const int MaxItems = 100;
    private static readonly string[] BooleanValues = ["true", "false"];

    public static CompletionResult Complete(FileModel file, SymbolTable symbols, int offset, DateOnly? today = null)
    {
        var root = LanguageSchema.RootOf(file.Kind);
        if (root is null) return CompletionResult.Empty;
        if (file.Kind == FileKind.Timeline && QuoteServices.Complete(file, symbols, offset) is { } sentences) return sentences;
        var ctx = CaretContext.Find(file.Source, offset, file.Layout);
        if (ctx is null) return CompletionResult.Empty;
        var shape = Resolve(root, ctx.Path);
        // "- sar" under places: is a value; "- ti" under events: is an item's first key.
        if (ctx.BareItem && shape is ObjectShape) ctx = ctx.AsKey();
        // A word alone below a list's key ("use:" then "  bu"): the list's first item, written as a block item.
        if (ctx.IsKey && shape is ListShape { Item: not ObjectShape } list && ctx.SiblingKeys.Count == 0 && !ctx.InFlow
            && SyntaxQueries.ScalarOf(list.Item) is ScalarShape item)
            return AsBlockItems(Values(file, symbols, item, ctx, today ?? DateOnly.FromDateTime(DateTime.Now)));
        if (ctx.IsKey)
        {
            return shape switch
            {
                ObjectShape obj => Keys(obj, ctx),
                ChoiceShape c => Keys(c.Object, ctx),
                MapShape => RuleKeys(ctx),
                _ => CompletionResult.Empty,
            };
        }
        var scalar = shape switch
        {
            ListShape l => SyntaxQueries.ScalarOf(l.Item) as ScalarShape,
            _ => SyntaxQueries.ScalarOf(shape) as ScalarShape,
        };
        if (shape is MapShape ms) scalar = ms.Value;
        if (scalar is null) return CompletionResult.Empty;
        var values = Values(file, symbols, scalar, ctx, today ?? DateOnly.FromDateTime(DateTime.Now));
        // A value where a list is expected is an error ("'use' expects a list"): the item goes in as a list of one.
        return shape is ListShape ? AsList(values) : values;
    }

    private static CompletionResult AsBlockItems(CompletionResult values) =>
        new(values.Items.Select(i => i with { InsertText = $"- {i.InsertText}", FilterText = i.FilterText ?? i.Label }).ToList(),
            values.IsIncomplete);

    private static CompletionResult AsList(CompletionResult values) =>
        new(values.Items.Select(i => i with { InsertText = $"[{i.InsertText}]", FilterText = i.FilterText ?? i.Label }).ToList(),
            values.IsIncomplete);

    /// <summary>The shape at a path of keys ("[]" for a list item).</summary>
    public static Shape? Resolve(Shape root, IReadOnlyList<string> path)
    {
        Shape? s = root;
        foreach (var seg in path)
        {
            if (s is null) return null;
            if (seg == "[]")
                s = s switch { ListShape l => l.Item, OneOrListShape o => o.Item, _ => null };
            else
                s = s switch
                {
                    ObjectShape o => o[seg]?.Shape,
                    ChoiceShape c => c.Object[seg]?.Shape,
                    MapShape m => m.Value,
                    _ => null,
                };
        }
        return s;
    }

    private static CompletionResult Keys(ObjectShape obj, CaretContext ctx)
    {
        var items = new List<CompletionItem>();
        int i = 0;
        foreach (var f in obj.Fields.OrderBy(f => f.Required ? 0 : 1))
        {
            i++;
            if (ctx.SiblingKeys.Contains(f.Name)) continue;
            string insert = ctx.InFlow ? $"{f.Name}: " : f.Shape switch
            {
                ListShape { Item: ObjectShape } => $"{f.Name}:",
                ObjectShape => $"{f.Name}:",
                _ => $"{f.Name}: ",
            };
            items.Add(new CompletionItem(f.Name, CompletionKind.Key, insert, ctx.Token, f.Required ? "required" : null,
                f.Description, SortText: $"{(f.Required ? 0 : 1)}{i:00}"));
        }
        return new CompletionResult(items, false);
    }

    private static CompletionResult RuleKeys(CaretContext ctx) =>
        new(Rules.All.Where(r => !ctx.SiblingKeys.Contains(r.Name) && !ctx.SiblingKeys.Contains(r.Code))
            .Select(r => new CompletionItem(r.Name, CompletionKind.Rule, r.Name + ": ", ctx.Token, r.Code,
                r.Description, $"{r.Name} {r.Code}")).ToList(), false);

    private static CompletionResult Values(FileModel file, SymbolTable symbols, ScalarShape shape, CaretContext ctx, DateOnly today)
    {
        switch (shape.Kind)
        {
            case ScalarKind.Enum:
                return new(shape.Values.Select((v, i) =>
                    new CompletionItem(v, CompletionKind.Value, v, ctx.Token, null, shape.Description, SortText: $"{i:00}")).ToList(), false);
            case ScalarKind.Boolean:
                return new(BooleanValues.Select(v => new CompletionItem(v, CompletionKind.Value, v, ctx.Token)).ToList(), false);
            case ScalarKind.Reference:
                return Symbols(file, symbols, shape.Refers!.Value, ctx);
            case ScalarKind.Group:
                {
                    var words = LanguageSchema.FigureGroups.Select((v, i) =>
                        new CompletionItem(v, CompletionKind.Value, v, ctx.Token, null, shape.Description, SortText: $"0{i}")).ToList();
                    var actors = Symbols(file, symbols, SymbolKind.Actor, ctx);
                    return new(words.Concat(actors.Items).ToList(), actors.IsIncomplete);
                }
            case ScalarKind.Date:
                return DateValues(file, symbols, ctx, today);
            case ScalarKind.CatalogName:
                return new(Catalogs.BuiltinCatalogs.Names.Select(k => new CompletionItem(k, CompletionKind.Value, k, ctx.Token)).ToList(), false);
            default:
                return CompletionResult.Empty;
        }
    }

    private static CompletionResult DateValues(FileModel file, SymbolTable symbols, CaretContext ctx, DateOnly today)
    {
        var items = new List<CompletionItem>();
        var ev = file.Events.FirstOrDefault(e => e.Span.Touches(ctx.Token.Start)) ?? file.Events.LastOrDefault(e => e.Span.Start <= ctx.Token.Start);
        if (ev is not null)
            foreach (var c in ev.AllCitations())
                if (symbols.Find<SourceDef>(SymbolKind.Source, c.Source.Id) is { PublishedDay: { } day } src)
                {
                    string iso = DateReader.Iso(day);
                    if (items.Any(i => i.InsertText == iso)) continue;
                    items.Add(new CompletionItem(iso, CompletionKind.Date, iso, ctx.Token, $"published date of {src.Id}",
                        $"{new DateTime(day.Year, day.Month, day.Day):dddd d MMMM yyyy}: when {src.DisplayName} published it", SortText: "0" + iso));
                }
        string t = DateReader.Iso(today);
        items.Add(new CompletionItem(t, CompletionKind.Date, t, ctx.Token, "today", null, SortText: "1"));
        return new CompletionResult(items, false);
    }

    private static CompletionResult Symbols(FileModel file, SymbolTable symbols, SymbolKind kind, CaretContext ctx)
    {
        string typed = ctx.TokenText;
        var used = file.ReferencedIds(kind);
        IEnumerable<(Definition Def, string? Matched, int Rank)> found;
        bool incomplete;
        if (typed.Length == 0)
        {
            var index = symbols.Index(kind);
            found = index.Browse(MaxItems, d => used.Contains(d.Id)).Select((d, i) => (d, (string?)null, i));
            incomplete = index.Count > MaxItems;
        }
        else
        {
            var matches = symbols.Index(kind).Search(typed, MaxItems, fuzzy: true, preferred: d => used.Contains(d.Id));
            found = matches.Select((m, i) => (m.Item, (string?)m.MatchedName, i));
            incomplete = true; // the client asks again as the writer types: names match by transliteration, not by prefix
        }
        // An event does not refer to itself.
        var self = kind == SymbolKind.Event ? file.Events.FirstOrDefault(e => e.Span.Touches(ctx.Token.Start))?.Id : null;
        var items = new List<CompletionItem>();
        foreach (var (def, matched, rank) in found)
        {
            if (def.Id == self) continue;
            var (label, detail, doc) = Describe(symbols, def, matched);
            items.Add(new CompletionItem(label, KindOf(kind), symbols.ReferenceId(def), ctx.Token, detail, doc,
                FilterText: typed.Length > 0 ? typed : def.Id + " " + label, SortText: $"{rank:0000}"));
        }
        return new CompletionResult(items, incomplete);
    }

    private static CompletionKind KindOf(SymbolKind k) => k switch
    {
        SymbolKind.Place => CompletionKind.Place,
        SymbolKind.Actor => CompletionKind.Actor,
        SymbolKind.Source => CompletionKind.Source,
        _ => CompletionKind.Event,
    };

    /// <summary>A symbol's completion label, detail and card.</summary>
    public static (string Label, string Detail, string Doc) Describe(SymbolTable symbols, Definition def, string? matched)
    {
        string also = matched is not null && matched != def.Id && matched != def.DisplayName ? $" ({matched})" : "";
        switch (def)
        {
            case PlaceDef p:
                var chain = symbols.Chain(p);
                string label = chain.Count > 0
                    ? $"{p.DisplayName}{also} — {string.Join(" › ", chain.Select(c => c.DisplayName))}" : p.DisplayName + also;
                return (label, $"{p.Id}{(p.PlaceKind is null ? "" : " · " + p.PlaceKind)}", Cards.Place(symbols, p));
            case ActorDef a:
                return ($"{a.DisplayName}{also}", $"{a.Id}{(a.ActorKind is null ? "" : " · " + a.ActorKind)}", Cards.Actor(symbols, a));
            case SourceDef s:
                return ($"{s.DisplayName}, {s.Published?.Text ?? "undated"}{also}", s.Id, Cards.Source(s));
            case EventDef e:
                return ($"{e.DisplayName}", $"{e.Id} · {e.Date?.Text}", Cards.Event(symbols, e));
            default:
                return (def.Id, def.Id, def.Id);
        }
    }
}

/// <summary>
/// Where the caret stands: the word under it, read from the caret's line, and its place in the YAML
/// structure (the path of keys to it, key or value, the keys beside it), asked of the reader.
/// </summary>
public sealed class CaretContext
{
    public required IReadOnlyList<string> Path { get; init; }
    public required bool IsKey { get; init; }
    public required TextSpan Token { get; init; }
    public required string TokenText { get; init; }
    public required IReadOnlySet<string> SiblingKeys { get; init; }
    public bool InFlow { get; init; }

    /// <summary>A block list item that is a bare word ("- aleppo" under places:, "- ti" under events:).</summary>
    public bool BareItem { get; init; }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '\''
        || char.IsSurrogate(c) || c > 127 && !char.IsWhiteSpace(c) && c != '،';

    public static CaretContext? Find(SourceText source, int offset, IReadOnlyList<Syntax.Segment>? layout = null)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        int line = source.LineOf(offset);
        int ls = source.LineStart(line), le = source.LineEnd(line);
        if (offset > le) offset = le;
        // The caret's line alone, in place: offsets below are the file's, so `text` is read at offset - ls.
        var text = source.LineSpan(line);
        if (text[..(offset - ls)].TrimStart().StartsWith('#')) return null;

        // The word under the caret: it may hold hyphens, colons (geonames:1) and non-Latin letters.
        int ts = offset;
        while (ts > ls && IsWordChar(text[ts - 1 - ls])) ts--;
        int te = offset;
        while (te < le && IsWordChar(text[te - ls])) te++;
        // A key's colon is not part of the word.
        if (te > ts && text[te - 1 - ls] == ':') te--;
        if (ts < offset && text[(ts - ls)..(offset - ls)].IndexOf(": ", StringComparison.Ordinal) >= 0) ts = offset;
        string tokenText = text[(ts - ls)..(offset - ls)].ToString();
        if (tokenText.EndsWith(':')) return null; // just typed a key's colon
        var token = new TextSpan(ts, te);
        if (Syntax.CaretReading.At(source, token, layout) is not { } place) return null;
        return new CaretContext
        {
            Path = place.Path, IsKey = place.IsKey, Token = token, TokenText = tokenText,
            SiblingKeys = place.SiblingKeys, InFlow = place.InFlow, BareItem = place.BareItem,
        };
    }

    public CaretContext AsKey() =>
        new() { Path = Path, IsKey = true, Token = Token, TokenText = TokenText, SiblingKeys = SiblingKeys, InFlow = InFlow };
}
