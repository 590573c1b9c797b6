using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Services;

public sealed record CodeAction(
    string Title, string Kind, IReadOnlyList<FileEdits> Edits, IReadOnlyList<Diagnostic> Fixes,
    bool IsPreferred = false, string? CreateFile = null)
{
    /// <summary>What the editor runs once the edits are made, if anything.</summary>
    public FixCommand? Command { get; init; }

    /// <summary>The new text to show and select once the edits are made (a stub's value to check), if any.</summary>
    public FixSelection? Select { get; init; }
}

/// <summary>A source made from a link: the action, the new source's id and the file it is written in.</summary>
public sealed record SourceFromUrl(CodeAction Action, string Id, string Path);

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
                    f.IsPreferred, f.CreateFile)
                { Command = f.Command, Select = f.Select });
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
            int floor = i == 0 ? src.LineOf(root.Find("events")!.Value.KeySpan.Start) + 1
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

    /// <summary>
    /// Adds a stub for an unknown place, actor or source to the file where such things live, complete: every
    /// required field filled (a source's publisher from its id, its published day the citing event's, marked
    /// inferred with "?"), so the stub brings no new error. A source goes into the citing timeline's own list
    /// when it has one, at the end nearest the event.
    /// </summary>
    public static CodeAction? CreateStub(FileModel file, ProjectResult project, Diagnostic d, SymbolKind kind)
    {
        string id = file.Source.Substring(d.Span.Start, d.Span.Length).Trim('"', '\'');
        if (!StructureValidator.IsValidId(id)) return null;
        var fields = kind == SymbolKind.Source
            ? SourceFields(id, Titled(id), InferredDay(file, d.Span.Start), url: null)
            : new[] { $"id: {id}", $"name: {Titled(id)}" };
        return Stub(file, project, d, kind, id, fields, null);
    }

    /// <summary>
    /// A source made from a link written where a source id belongs: its id from the site and the path, the
    /// link as its url, its publisher the site's name, its published day a date in the path (else the citing
    /// event's, inferred); the link is replaced by the id.
    /// </summary>
    public static SourceFromUrl? CreateSourceFromUrl(FileModel file, ProjectResult project, Diagnostic d)
    {
        var span = SyntaxQueries.InnerSpan(file.Source, d.Span);
        string link = file.Source.Substring(span.Start, span.Length);
        if (SourceLinks.HttpUrl(link) is not { } url) return null;
        string id = SourceLinks.FreeId(Capture.SourceIds.Make(url, null), project.Symbols);
        string published = Capture.PageMetadata.DayInPath(url) is { } day ? Dates.DateReader.Iso(day) + "?" : InferredDay(file, d.Span.Start) ?? "";
        var fields = SourceFields(id, SourceLinks.Publisher(url), published.Length > 0 ? published : null, url.AbsoluteUri);
        return Stub(file, project, d, SymbolKind.Source, id, fields, new TextEdit(span, id), "Create a source from this URL") is { } action
            ? new SourceFromUrl(action, id, action.CreateFile ?? action.Edits.Select(e => e.Path).FirstOrDefault(p => p != file.Path) ?? file.Path)
            : null;
    }

    private static string[] SourceFields(string id, string publisher, string? published, string? url)
    {
        var fields = new List<string> { $"id: {id}", $"publisher: {YamlScalars.Write(publisher)}" };
        if (published is not null) fields.Add($"published: {published}");
        if (url is not null) fields.Add($"url: {YamlScalars.Write(url)}");
        return fields.ToArray();
    }

    /// <summary>The day of the event around an offset, as an inferred publication day (2024-11-29?), or null.</summary>
    private static string? InferredDay(FileModel file, int offset) =>
        file.Events.FirstOrDefault(e => e.Span.Contains(offset))?.Date?.Value is { IsDayPrecisionOrFiner: true } date
            ? Dates.DateReader.Iso(DateOnly.FromDateTime(date.Earliest)) + "?" : null;

    private static CodeAction? Stub(FileModel file, ProjectResult project, Diagnostic d, SymbolKind kind, string id,
        IReadOnlyList<string> fields, TextEdit? replace, string? title = null)
    {
        var (listKey, fileKind, defaultName) = kind switch
        {
            SymbolKind.Place => ("places", FileKind.Places, "gazetteer.places.yaml"),
            SymbolKind.Actor => ("actors", FileKind.Actors, "actors.actors.yaml"),
            _ => ("sources", FileKind.Sources, "sources.sources.yaml"),
        };
        string what = kind.Word();
        var here = replace is null ? Array.Empty<TextEdit>() : new[] { replace };

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
            var edits = new List<FileEdits> { new(path, new[] { new TextEdit(new TextSpan(0, 0), content) }) };
            if (replace is not null) edits.Add(new FileEdits(file.Path, here));
            return new CodeAction(title ?? $"Create {what} '{id}' in a new file {defaultName}", QuickFix, edits, new[] { d }, false, path)
            { Select = SelectField(edits, path, edits[0].Edits[0], fields) };
        }
        var edit = target == file ? InsertNear(target, listKey, fields, d.Span.Start) : AppendToList(target, listKey, fields);
        if (edit is null) return null;
        var fileEdits = target == file
            ? new[] { new FileEdits(file.Path, here.Append(edit).OrderBy(e => e.Span.Start).ToList()) }
            : replace is null ? new[] { new FileEdits(target.Path, new[] { edit }) }
            : new[] { new FileEdits(file.Path, here), new FileEdits(target.Path, new[] { edit }) };
        return new CodeAction(title ?? $"Create {what} '{id}' in {Path.GetFileName(target.Path)}", QuickFix, fileEdits, new[] { d })
        { Select = SelectField(fileEdits, target.Path, edit, fields) };
    }

    /// <summary>
    /// The value of a stub's second field (a source's publisher, a place's or an actor's name: the guess the writer
    /// should check), as a span of its file once every edit of that file is made.
    /// </summary>
    private static FixSelection? SelectField(IReadOnlyList<FileEdits> edits, string path, TextEdit insertion, IReadOnlyList<string> fields)
    {
        if (fields.Count < 2 || fields[1].IndexOf(": ", StringComparison.Ordinal) is var colon && colon < 0) return null;
        // The field's line comes after the id's (the stub is written whole, its fields one a line).
        int afterId = insertion.NewText.IndexOf(fields[0], StringComparison.Ordinal) + fields[0].Length;
        int field = insertion.NewText.IndexOf(fields[1], afterId, StringComparison.Ordinal);
        if (field < 0) return null;
        // Edits of the same file before the insertion move it by what they add or remove.
        int shift = edits.Where(f => f.Path == path).SelectMany(f => f.Edits)
            .Where(e => !ReferenceEquals(e, insertion) && e.Span.Start < insertion.Span.Start).Sum(e => e.NewText.Length - e.Span.Length);
        int start = insertion.Span.Start + shift + field + colon + 2;
        return new FixSelection(path, new TextSpan(start, start + fields[1].Length - colon - 2));
    }

    /// <summary>
    /// A new item of a root list in the file being edited, at the end of the list nearest <paramref name="offset"/>:
    /// its first place when the list comes after the offset, else its last (the sources: list above the events).
    /// </summary>
    private static TextEdit? InsertNear(FileModel target, string listKey, IReadOnlyList<string> fields, int offset)
    {
        var src = target.Source;
        if (target.Document.Root is MappingNode root && root[listKey] is SequenceNode { IsFlow: false, Items.Count: > 0 } seq
            && seq.Items[0].Span.Start > offset && OnItsDashLine(src, seq.Items[0]))
        {
            int dashCol = ColumnOfDash(src, seq.Items[0]);
            int keyCol = seq.Items[0].Span.Start - src.LineStart(src.LineOf(seq.Items[0].Span.Start));
            int at = src.LineStart(src.LineOf(seq.Items[0].Span.Start));
            string item = new string(' ', dashCol) + "-" + new string(' ', keyCol - dashCol - 1)
                + string.Join(src.NewLine + new string(' ', keyCol), fields) + src.NewLine;
            return new TextEdit(new TextSpan(at, at), item);
        }
        return AppendToList(target, listKey, fields);
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
                int from = entry.Value is ScalarNode ? entry.KeySpan.End + 1
                    : entry.Value.Span.Start - (src[entry.Value.Span.Start - 1] == ' ' ? 1 : 0);
                int to = entry.Value is ScalarNode ? entry.KeySpan.End + 1 : entry.Value.Span.End;
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
