using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

public sealed record CodeAction(
    string Title, string Kind, IReadOnlyList<FileEdits> Edits, IReadOnlyList<Diagnostic> Fixes,
    bool IsPreferred = false, string? CreateFile = null);

/// <summary>
/// Quick fixes and source actions. Every edit is minimal: it replaces only the text it must,
/// keeps comments and the file's line endings, and never reformats.
/// </summary>
public static class CodeActions
{
    public const string QuickFix = "quickfix";
    public const string SortEventsKind = "source.sortEvents";

    public static IReadOnlyList<CodeAction> For(FileModel file, ProjectResult project, TextSpan range, IReadOnlyList<Diagnostic>? diagnostics = null)
    {
        var actions = new List<CodeAction>();
        diagnostics ??= project.For(file.Path);
        foreach (var d in diagnostics)
        {
            if (!(d.Span.Touches(range.Start) || range.Touches(d.Span.Start) || (d.Span.Start <= range.Start && d.Span.End >= range.End))) continue;
            foreach (var f in d.Fixes)
                actions.Add(new CodeAction(f.Title, QuickFix, new[] { new FileEdits(f.Path ?? file.Path, f.Edits) }, new[] { d }, f.IsPreferred));
            // The fixes a rule makes only when asked: its own business, not this list's.
            foreach (var f in Rules.Of(d.Rule).FixesOnRequest(d, new FixRequest(file, project)))
                actions.Add(new CodeAction(f.Title, f.Kind, f.Edits.Select(e => new FileEdits(e.Path, e.Edits)).ToList(), new[] { d },
                    f.IsPreferred, f.CreateFile));
        }
        if (!actions.Any(a => a.Title == SortTitle) && SortEvents(file) is { } s) actions.Add(s);
        return actions;
    }

    private const string SortTitle = "Sort the events by date";

    /// <summary>Reorders the events of a timeline by earliest then latest date, moving whole items with their comments.</summary>
    public static CodeAction? SortEvents(FileModel file)
    {
        if (file.Kind != FileKind.Timeline || file.Document.Root is not MappingNode root
            || root["events"] is not SequenceNode { IsFlow: false } seq || seq.Items.Count < 2)
            return null;
        var src = file.Source;
        // Each item from its first line, comment lines right above its dash included: a comment goes with the event below it.
        var starts = new List<int>(seq.Items.Count);
        for (int i = 0; i < seq.Items.Count; i++)
        {
            // Never above the end of the item before (a block scalar's lines may begin with '#').
            int floor = i == 0 ? src.LineOf(root.Find("events")!.Key.Span.Start) + 1
                : src.LineOf(Math.Max(seq.Items[i - 1].Span.Start, seq.Items[i - 1].Span.End - 1)) + 1;
            starts.Add(src.LineStart(FirstLineWithComments(src, src.LineOf(seq.Items[i].Span.Start), floor)));
        }
        int lastLine = src.LineOf(Math.Max(seq.Items[^1].Span.Start, seq.Items[^1].Span.End - 1));
        int end = lastLine + 1 < src.LineCount ? src.LineStart(lastLine + 1) : src.Length;
        var byNode = new Dictionary<YamlNode, EventDef>(ReferenceEqualityComparer.Instance);
        foreach (var e in file.Events) if (e.Node is not null) byNode.TryAdd(e.Node, e);
        var keys = new List<(DateTime Earliest, DateTime Latest, int Index)>();
        for (int i = 0; i < seq.Items.Count; i++)
        {
            var d = byNode.GetValueOrDefault(seq.Items[i])?.Date?.Value;
            keys.Add((d?.Earliest ?? DateTime.MaxValue, d?.Latest ?? DateTime.MaxValue, i));
        }
        var order = keys.OrderBy(b => b.Earliest).ThenBy(b => b.Latest).ThenBy(b => b.Index).Select(b => b.Index).ToList();
        if (order.SequenceEqual(Enumerable.Range(0, keys.Count))) return null;
        // Out of order: only now is the text of each item taken.
        var blocks = new string[starts.Count];
        for (int i = 0; i < blocks.Length; i++) blocks[i] = src.Substring(starts[i], (i + 1 < starts.Count ? starts[i + 1] : end) - starts[i]);
        string nl = src.NewLine;
        bool endsWithNewline = blocks[^1].EndsWith('\n') || blocks[^1].EndsWith('\r');
        string joined = string.Concat(order.Select(i => blocks[i].EndsWith('\n') || blocks[i].EndsWith('\r') ? blocks[i] : blocks[i] + nl));
        if (!endsWithNewline && joined.EndsWith(nl, StringComparison.Ordinal)) joined = joined[..^nl.Length];
        var edit = new TextEdit(new TextSpan(starts[0], end), joined);
        return new CodeAction(SortTitle, SortEventsKind, new[] { new FileEdits(file.Path, new[] { edit }) }, Array.Empty<Diagnostic>());
    }

    /// <summary>The line of an item's dash, or of the comment lines right above it (no blank line between).</summary>
    private static int FirstLineWithComments(SourceText src, int dashLine, int floor)
    {
        int line = dashLine;
        // A comment indented deeper than the dash belongs to the keys of the item above.
        int dashColumn = src.LineText(dashLine).Length - src.LineText(dashLine).TrimStart().Length;
        while (line > floor && src.LineText(line - 1) is var above && above.TrimStart() is { Length: > 0 } text && text[0] == '#'
               && above.Length - text.Length <= dashColumn)
            line--;
        return line;
    }

    /// <summary>Adds a stub for an unknown place, actor or source to the file where such things live.</summary>
    public static CodeAction? CreateStub(FileModel file, ProjectResult project, Diagnostic d, SymbolKind kind)
    {
        string id = file.Source.Substring(d.Span.Start, d.Span.Length).Trim('"', '\'');
        if (!StructureValidator.IsValidId(id)) return null;
        var (listKey, fileKind, defaultName) = kind switch
        {
            SymbolKind.Place => ("places", FileKind.Places, "gazetteer.places.yaml"),
            SymbolKind.Actor => ("actors", FileKind.Actors, "actors.actors.yaml"),
            _ => ("sources", FileKind.Sources, "sources.sources.yaml"),
        };
        string name = Titled(id);
        string[] fields = kind == SymbolKind.Source ? new[] { $"id: {id}", "publisher: ", "published: " } : new[] { $"id: {id}", $"name: {name}" };
        string what = kind.Word();

        // Sources live in the timeline that cites them when it has a sources: list; places and actors in their own files.
        FileModel? target = null;
        if (kind == SymbolKind.Source && file.Kind == FileKind.Timeline && file.Document.Root is MappingNode r
            && r["sources"] is SequenceNode { IsFlow: false })
            target = file;
        target ??= project.Project.Files.Where(f => f.Kind == fileKind)
            .OrderBy(f => Path.GetDirectoryName(f.Path) == Path.GetDirectoryName(file.Path) ? 0 : 1)
                .ThenBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
        if (target is null)
        {
            string path = Path.Combine(project.Project.Root, defaultName);
            string content = $"{listKey}:\n  - {string.Join("\n    ", fields)}\n";
            return new CodeAction($"Create {what} '{id}' in a new file {defaultName}", QuickFix,
                new[] { new FileEdits(path, new[] { new TextEdit(new TextSpan(0, 0), content) }) }, new[] { d }, false, path);
        }
        var edit = AppendToList(target, listKey, fields);
        if (edit is null) return null;
        return new CodeAction($"Create {what} '{id}' in {Path.GetFileName(target.Path)}", QuickFix,
            new[] { new FileEdits(target.Path, new[] { edit }) }, new[] { d });
    }

    /// <summary>Whether the text is empty or ends with a line break (an item appended at its end needs none before it).</summary>
    private static bool EndsWithLineBreak(SourceText src) => src.Length == 0 || src[src.Length - 1] is '\n' or '\r';

    private static string Titled(string id) =>
        string.Join(' ', id.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>An insertion of a new item at the end of a root key's block list (or of the key and list at the end of the file).</summary>
    public static TextEdit? AppendToList(FileModel target, string listKey, IReadOnlyList<string> fields)
    {
        var src = target.Source;
        string nl = src.NewLine;
        if (target.Document.Root is MappingNode root && root.Find(listKey) is { } entry)
        {
            if (entry.Value is SequenceNode { IsFlow: false, Items.Count: > 0 } seq)
            {
                int dashCol = ColumnOfDash(src, seq.Items[0]);
                // The new item's keys line up with the first item's ("-   id:" as well as "- id:").
                int keyCol = seq.Items[0] is MappingNode { IsFlow: false } first && OnItsDashLine(src, first)
                    ? first.Span.Start - src.LineStart(src.LineOf(first.Span.Start)) : dashCol + 2;
                if (keyCol <= dashCol + 1) keyCol = dashCol + 2;
                int lastLine = src.LineOf(Math.Max(seq.Items[^1].Span.Start, seq.Items[^1].Span.End - 1));
                int at = lastLine + 1 < src.LineCount ? src.LineStart(lastLine + 1) : src.Length;
                string pad = new(' ', dashCol);
                string item = pad + "-" + new string(' ', keyCol - dashCol - 1) + string.Join(nl + new string(' ', keyCol), fields) + nl;
                if (at == src.Length && !EndsWithLineBreak(src)) item = nl + item;
                return new TextEdit(new TextSpan(at, at), item);
            }
            if (entry.Value is ScalarNode { IsEmpty: true } || entry.Value is SequenceNode { IsFlow: true, Items.Count: 0 })
            {
                // "places:" or "places: []": the list starts here.
                int from = entry.Value is ScalarNode ? entry.Key.Span.End + 1
                    : entry.Value.Span.Start - (src[entry.Value.Span.Start - 1] == ' ' ? 1 : 0);
                int to = entry.Value is ScalarNode ? entry.Key.Span.End + 1 : entry.Value.Span.End;
                string indent = IndentUnit(src);
                string item = nl + indent + "- " + string.Join(nl + indent + "  ", fields);
                return new TextEdit(new TextSpan(from, to), item);
            }
            return null;
        }
        string prefix = !EndsWithLineBreak(src) ? nl : "", step = IndentUnit(src);
        return new TextEdit(new TextSpan(src.Length, src.Length), $"{prefix}{listKey}:{nl}{step}- {string.Join(nl + step + "  ", fields)}{nl}");
    }

    /// <summary>The file's step of indentation: the least indentation of a line that has some (two spaces in a file with none).</summary>
    private static string IndentUnit(SourceText src)
    {
        int unit = int.MaxValue;
        for (int line = 0; line < src.LineCount; line++)
        {
            string text = src.LineText(line);
            int n = text.Length - text.TrimStart(' ').Length;
            if (n > 0 && n < text.Length && text[n] != '#') unit = Math.Min(unit, n);
        }
        return new string(' ', unit == int.MaxValue ? 2 : unit);
    }

    /// <summary>Whether an item's mapping begins on the line of its dash ("- id: x", not "-" then "id: x" below).</summary>
    private static bool OnItsDashLine(SourceText src, YamlNode item)
    {
        int lineStart = src.LineStart(src.LineOf(item.Span.Start));
        return src.Substring(lineStart, item.Span.Start - lineStart).Trim() == "-";
    }

    private static int ColumnOfDash(SourceText src, YamlNode item)
    {
        int line = src.LineOf(item.Span.Start);
        string l = src.LineText(line);
        int i = l.IndexOf('-');
        return i < 0 ? 2 : i;
    }
}
