using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using Timeline.Core.Services;

namespace Timeline.Core.Tests.Services;

/// <summary>
/// A keystroke's table of definitions shares the events' table of the version before and keeps the events made anew
/// beside it; many of them are folded into a table of its own. Either way it finds what a fresh table finds.
/// </summary>
public class EventTableTests
{
    private const string Path = "/p/a.timeline.yaml";

    private static string Text(int events, string timezone, int titled) => $"title: T\ntimezone: {timezone}\nevents:\n" + string.Concat(
        Enumerable.Range(0, events).Select(i => $"  - id: e{i}\n    date: 2024-11-29T10:00\n    title: t{i}{(i == titled ? "x" : "")}\n"
            + (i % 997 == 5 ? "    part_of: e0\n" : "")));

    private static void SameAsFresh(TimelineWorkspace ws, string text, int events)
    {
        var table = ws.Analyze(Path).Result.Symbols;
        var fresh = new TimelineWorkspace(new MemoryFileSystem());
        fresh.SetFolders(["/p"]);
        fresh.Open(Path, text, 1);
        var freshTable = fresh.Analyze(Path).Result.Symbols;
        var model = ws.Document(Path)!.Model;
        for (int i = 0; i < events; i++)
        {
            var found = table.Find(SymbolKind.Event, "e" + i);
            Assert.Same(model.Events[i], found);
            Assert.Equal(((EventDef)freshTable.Find(SymbolKind.Event, "e" + i)!).Title, ((EventDef)found!).Title);
        }
        Assert.Equal(freshTable.Own(SymbolKind.Event).Select(d => ((EventDef)d).Title), table.Own(SymbolKind.Event).Select(d => ((EventDef)d).Title));
        Assert.Same(model.Events[7], table.Index(SymbolKind.Event).Search("e7", 1).Single().Item);
    }

    [Fact]
    public void Events_edited_one_by_one_and_all_at_once_are_found_as_a_fresh_table_finds_them()
    {
        const int events = 5000;
        var ws = new TimelineWorkspace(new MemoryFileSystem());
        ws.SetFolders(["/p"]);
        ws.Open(Path, Text(events, "+02:00", -1), 1);
        ws.Analyze(Path);
        // One event at a time: the table before is shared, the edited events kept beside it.
        int version = 2;
        foreach (int titled in new[] { 3, 4000, 7 })
        {
            string text = Text(events, "+02:00", titled);
            ws.Change(Path, text, version++);
            SameAsFresh(ws, text, events);
        }
        // Every event read again (another timezone): more than the table keeps beside it, so it gets a table of its own.
        string all = Text(events, "+03:00", 7);
        ws.Change(Path, all, version++);
        SameAsFresh(ws, all, events);
        string after = Text(events, "+03:00", 8);
        ws.Change(Path, after, version);
        SameAsFresh(ws, after, events);
    }
}
