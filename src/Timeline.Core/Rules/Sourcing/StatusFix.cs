using Timeline.Core.Model;

namespace Timeline.Core.Checks;

/// <summary>The fix that sets an event's status: the value replaced, or a status line added.</summary>
internal static class StatusFix
{
    public static Fix? Set(FileModel file, EventDef ev, string value)
    {
        if (ev.StatusNode is { } existing) return Fix.Replace($"Set status: {value}", existing.Span, value, true);
        if (ev.Node is not { Entries.Count: > 0 } m || m.IsFlow) return null;
        // On a line of its own after the title (else the date, else the first key), indented as that key.
        var after = m.Find("title") ?? m.Find("date") ?? m.Entries[0];
        var src = file.Source;
        int line = src.LineOf(after.Value.Span.End) + 1;
        int keyColumn = after.KeySpan.Start - src.LineStart(src.LineOf(after.KeySpan.Start));
        string entry = new string(' ', keyColumn) + $"status: {value}";
        int at = line < src.LineCount ? src.LineStart(line) : src.Length;
        bool atUnterminatedEnd = at == src.Length && src.Length > 0 && src[src.Length - 1] != '\n';
        string text = atUnterminatedEnd ? src.NewLine + entry : entry + src.NewLine;
        return new Fix($"Set status: {value}", new[] { new TextEdit(new Text.TextSpan(at, at), text) }, null, true);
    }
}
