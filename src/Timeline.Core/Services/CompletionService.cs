using System.Buffers;
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
/// Completion from the text around the caret, not from the tree, so that it works while the
/// file is broken: the keys allowed at that spot, enum values, place, actor, source and event
/// ids (matched by any name, alias or transliteration), dates.
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
        var ctx = CaretContext.Find(file.Source, offset, ItemSegmentAt(file, offset));
        if (ctx is null) return CompletionResult.Empty;
        var shape = Resolve(root, ctx.Path);
        // "- sar" under places: is a value; "- ti" under events: is an item's first key.
        if (ctx.IsKey && ctx.ItemValuePossible && shape is ScalarShape or ChoiceShape && !ctx.InFlow)
            ctx = ctx.AsValue();
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
        return Values(file, symbols, scalar, ctx, today ?? DateOnly.FromDateTime(DateTime.Now));
    }

    /// <summary>The root list item the offset is in, when the file was read by segments: its list key and first line.</summary>
    internal static (string ListKey, int FirstLine)? ItemSegmentAt(FileModel file, int offset)
    {
        // The segments as this version was split: their places are this version's, whatever came after it.
        if (file.Layout is not { Count: > 0 } segs) return null;
        int lo = 0, hi = segs.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (segs[mid].Start <= offset) lo = mid; else hi = mid - 1;
        }
        var seg = segs[lo];
        if (seg.Role != Syntax.SegmentRole.Item || seg.ListKey is null || offset > seg.End) return null;
        return (seg.ListKey, file.Source.LineOf(seg.Start));
    }

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
            items.Add(new CompletionItem(label, KindOf(kind), def.Id, ctx.Token, detail, doc,
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

/// <summary>Where the caret stands, read from the text: the path of keys to its mapping, and whether it is at a key or a value.</summary>
public sealed class CaretContext
{
    private static readonly SearchValues<char> FlowOpeners = SearchValues.Create("[{");

    public required IReadOnlyList<string> Path { get; init; }
    public required bool IsKey { get; init; }
    public required TextSpan Token { get; init; }
    public required string TokenText { get; init; }
    public required HashSet<string> SiblingKeys { get; init; }
    public bool InFlow { get; init; }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '\''
        || char.IsSurrogate(c) || c > 127 && !char.IsWhiteSpace(c) && c != '،';

    public static CaretContext? Find(SourceText source, int offset, (string ListKey, int FirstLine)? item = null)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        int line = source.LineOf(offset);
        int ls = source.LineStart(line), le = source.LineEnd(line);
        if (offset > le) offset = le;
        // The caret's line alone, in place: offsets below are the file's, so `text` is read at offset - ls.
        var text = source.LineSpan(line);
        string before = text[..(offset - ls)].ToString();
        if (before.TrimStart().StartsWith('#')) return null;

        // The token under the caret: a word that may hold hyphens, colons (geonames:1) and non-Latin letters.
        int ts = offset;
        while (ts > ls && IsWordChar(text[ts - 1 - ls])) ts--;
        int te = offset;
        while (te < le && IsWordChar(text[te - ls])) te++;
        // A key's colon is not part of the token.
        if (te > ts && text[te - 1 - ls] == ':') te--;
        if (ts < offset && text[(ts - ls)..(offset - ls)].IndexOf(": ", StringComparison.Ordinal) >= 0) ts = offset;
        var token = new TextSpan(ts, te);
        string tokenText = text[(ts - ls)..(offset - ls)].ToString();
        if (tokenText.EndsWith(':')) return null; // just typed a key's colon

        int indent = 0;
        while (indent < before.Length && before[indent] == ' ') indent++;
        int contentCol = indent;
        bool dash = false;
        while (contentCol < before.Length && before[contentCol] == '-' && (contentCol + 1 == before.Length || before[contentCol + 1] == ' '))
        {
            dash = true;
            contentCol = Math.Min(before.Length, contentCol + 2);
            while (contentCol < before.Length && before[contentCol] == ' ') contentCol++;
        }
        string content = before[contentCol..];

        // Inside a flow collection on this line?
        var flow = FlowContext(content);
        int keyColon = KeyColonIndex(content);
        var path = new List<string>();
        var siblings = new HashSet<string>(StringComparer.Ordinal);
        if (keyColon < 0 && flow is null)
        {
            // At a key, or at a list item's value: which it is depends on the list's shape.
            int keyIndent = dash ? contentCol : indent;
            if (content.Length > 0 && content != tokenText) return null; // text before the caret that is not a key
            Ancestors(source, line, keyIndent, dash ? indent : -1, item, path, siblings);
            // The caller decides between key and item value by the shape; mark a list item that is still a bare word.
            return new CaretContext
            {
                Path = path, IsKey = true, Token = token, TokenText = tokenText,
                SiblingKeys = siblings, ItemValuePossible = dash
            };
        }
        int keyCol = dash ? contentCol : indent;
        Ancestors(source, line, keyCol, dash ? indent : -1, item, path, siblings);
        if (keyColon >= 0)
        {
            string key = content[..keyColon].Trim().Trim('"', '\'');
            path.Add(key);
            if (flow is null) return new CaretContext { Path = path, IsKey = false, Token = token, TokenText = tokenText, SiblingKeys = siblings };
        }
        // Flow: walk the open brackets after the key.
        foreach (var step in flow!.Steps) path.Add(step);
        if (flow.AtKey)
            return new CaretContext { Path = path, IsKey = true, Token = token, TokenText = tokenText, SiblingKeys = flow.Keys, InFlow = true };
        if (flow.ValueKey is { } vk) path.Add(vk);
        return new CaretContext { Path = path, IsKey = false, Token = token, TokenText = tokenText, SiblingKeys = siblings, InFlow = true };
    }

    /// <summary>A list item that may be a scalar value rather than a key ("- aleppo" under places:).</summary>
    public bool ItemValuePossible { get; init; }

    public CaretContext AsValue() =>
        new() { Path = Path, IsKey = false, Token = Token, TokenText = TokenText, SiblingKeys = SiblingKeys, InFlow = InFlow };

    private static int KeyColonIndex(string content)
    {
        bool inQuote = false;
        char q = '\0';
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (inQuote) { if (c == q) inQuote = false; continue; }
            if (c is '"' or '\'') { inQuote = true; q = c; continue; }
            if (c is '[' or '{') return -1;
            if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' ')) return i;
        }
        return -1;
    }

    private sealed record Flow(List<string> Steps, bool AtKey, string? ValueKey, HashSet<string> Keys);

    /// <summary>The open flow brackets of the line's value before the caret: [ gives a list item, { a mapping.</summary>
    private static Flow? FlowContext(string content)
    {
        int start = content.AsSpan().IndexOfAny(FlowOpeners);
        if (start < 0) return null;
        var stack = new List<(char Open, int At)>();
        bool inQuote = false;
        char q = '\0';
        for (int i = start; i < content.Length; i++)
        {
            char c = content[i];
            if (inQuote) { if (c == q) inQuote = false; continue; }
            if (c is '"' or '\'') { inQuote = true; q = c; continue; }
            if (c is '[' or '{') stack.Add((c, i));
            else if (c is ']' or '}' && stack.Count > 0) stack.RemoveAt(stack.Count - 1);
        }
        if (stack.Count == 0) return null;
        var steps = new List<string>();
        for (int k = 0; k < stack.Count; k++)
        {
            var (open, at) = stack[k];
            int end = k + 1 < stack.Count ? stack[k + 1].At : content.Length;
            string inner = content[(at + 1)..end];
            if (open == '[') { steps.Add("[]"); continue; }
            // In a mapping: the last "key:" after the last comma at this level.
            string segment = LastTopLevelPart(inner);
            int colon = KeyColonIndex(segment);
            if (k == stack.Count - 1)
            {
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var part in SplitTopLevel(inner))
                {
                    int c2 = KeyColonIndex(part);
                    if (c2 > 0) keys.Add(part[..c2].Trim());
                }
                if (colon < 0) return new Flow(steps, true, null, keys);
                return new Flow(steps, false, segment[..colon].Trim(), keys);
            }
            if (colon >= 0) steps.Add(segment[..colon].Trim());
        }
        return new Flow(steps, false, null, new HashSet<string>());
    }

    private static IEnumerable<string> SplitTopLevel(string s)
    {
        int depth = 0, last = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] is '[' or '{') depth++;
            else if (s[i] is ']' or '}') depth--;
            else if (s[i] == ',' && depth == 0) { yield return s[last..i]; last = i + 1; }
        }
        yield return s[last..];
    }

    private static string LastTopLevelPart(string s) => SplitTopLevel(s).Last().TrimStart();

    /// <summary>
    /// Walks up from a line to find the keys that enclose it. <paramref name="keyIndent"/> is
    /// the column of the current mapping's keys; <paramref name="dashColumn"/> is the column
    /// of the dash when the current line opens a list item, else -1; <paramref name="item"/> is the
    /// root list item holding the line, when the file was read by segments (the walk stops at its first line).
    /// </summary>
    private static void Ancestors(SourceText source, int line, int keyIndent, int dashColumn, (string ListKey, int FirstLine)? item,
        List<string> path, HashSet<string> siblings)
    {
        var reversed = new List<string>();
        int target = keyIndent;
        // Keys after the caret's line in the same mapping count as siblings too.
        for (int l = line + 1; l < source.LineCount; l++)
        {
            var (ind, dashCol, key) = Parse(source.LineSpan(l));
            if (ind < 0) continue;
            int kc = dashCol >= 0 ? dashCol + 2 : ind;
            if (ind < target || (dashCol >= 0 && dashCol < target)) break;
            if (kc == target && dashCol < 0 && key is not null) siblings.Add(key);
        }
        bool inItem = dashColumn >= 0;   // our mapping is a list item opened on the caret's line
        bool collecting = !inItem;       // still collecting sibling keys above the caret
        if (inItem) { reversed.Add("[]"); target = dashColumn; }
        // Within an item of a root list, the walk ends at the item's first line: above it are other items.
        int stop = item is { } it && it.FirstLine <= line ? it.FirstLine : 0;
        if (item is not null && stop == line && dashColumn >= 0)
        {
            reversed.Add(item.Value.ListKey);
            reversed.Reverse();
            path.AddRange(reversed);
            return;
        }
        for (int l = line - 1; l >= stop; l--)
        {
            var (ind, dashCol, key) = Parse(source.LineSpan(l));
            if (ind < 0) continue;
            int kc = dashCol >= 0 ? dashCol + 2 : ind;
            if (!inItem && kc == target && key is not null)
            {
                if (collecting) siblings.Add(key);
                if (dashCol >= 0 && dashCol + 2 == target)
                {
                    // This line opens the list item our mapping belongs to.
                    reversed.Add("[]");
                    inItem = true;
                    collecting = false;
                    target = dashCol;
                }
                continue;
            }
            if (inItem && dashCol == target) continue; // an earlier item of the same list
            if (kc < target || (inItem && ind < target) || (dashCol >= 0 && dashCol < target && !inItem))
            {
                if (key is null) { if (dashCol >= 0 && dashCol < target) { reversed.Add("[]"); target = dashCol; inItem = true; } continue; }
                reversed.Add(key);
                collecting = false;
                if (dashCol >= 0) { reversed.Add("[]"); target = dashCol; inItem = true; }
                else { target = ind; inItem = false; }
                if (target == 0 && dashCol < 0) break;
            }
        }
        if (item is { } seg && stop > 0)
        {
            // The walk ended on the item's own first line: its list is the root key.
            if (!inItem) reversed.Add("[]");
            reversed.Add(seg.ListKey);
        }
        reversed.Reverse();
        path.AddRange(reversed);
    }

    /// <summary>A line's indentation, the column of its list dash (or -1), and the key it opens (or null). Blank and comment lines give -1.</summary>
    private static (int Indent, int DashCol, string? Key) Parse(ReadOnlySpan<char> text)
    {
        int s = 0, e = text.Length;
        int i = s;
        while (i < e && text[i] == ' ') i++;
        if (i == e || text[i] == '#' || text[i] == '\t') return (-1, -1, null); // blank, comment, or broken (tab) indentation
        int indent = i - s;
        int dashCol = -1;
        if (text[i] == '-' && (i + 1 == e || text[i + 1] == ' '))
        {
            dashCol = i - s;
            i++;
            while (i < e && text[i] == ' ') i++;
        }
        int colon = -1;
        bool inQuote = false;
        char q = '\0';
        for (int j = i; j < e; j++)
        {
            char c = text[j];
            if (inQuote) { if (c == q) inQuote = false; continue; }
            if (c is '"' or '\'' && j == i) { inQuote = true; q = c; continue; }
            if (c is '[' or '{' && j == i) break;
            if (c == '#' && j > i && text[j - 1] == ' ') break;
            if (c == ':' && (j + 1 == e || text[j + 1] == ' ')) { colon = j; break; }
        }
        string? key = colon > i ? text[i..colon].Trim().Trim("\"'").ToString() : null;
        return (indent, dashCol, key);
    }
}
