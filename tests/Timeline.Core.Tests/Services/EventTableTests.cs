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

    // Event `titled` gets an x in its title; all of them a y with `everyTitle`.
    private static string Text(int events, int titled, bool everyTitle = false) => "title: T\ntimezone: +02:00\nevents:\n" + string.Concat(
        Enumerable.Range(0, events).Select(i => $"  - id: e{i}\n    date: 2024-11-29T10:00\n"
            + $"    title: t{i}{(i == titled ? "x" : "")}{(everyTitle ? "y" : "")}\n" + (i % 997 == 5 ? "    part_of: e0\n" : "")));

    private static SymbolTable SameAsFresh(TimelineWorkspace ws, string text, int events)
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
        Assert.Equal(freshTable.Count(SymbolKind.Event), table.Count(SymbolKind.Event));
        Assert.Same(model.Events[7], table.Index(SymbolKind.Event).Search("e7", 1).Single().Item);
        return table;
    }

    [Fact]
    public void Events_edited_one_by_one_and_all_at_once_are_found_as_a_fresh_table_finds_them()
    {
        const int events = 5000;
        var ws = new TimelineWorkspace(new MemoryFileSystem());
        ws.SetFolders(["/p"]);
        ws.Open(Path, Text(events, -1), 1);
        ws.Analyze(Path);
        // One event at a time: the table before is shared, the edited events kept beside it.
        int version = 2;
        int kept = 0;
        foreach (int titled in new[] { 3, 4000, 7 })
        {
            string text = Text(events, titled);
            ws.Change(Path, text, version++);
            Assert.Equal(++kept, SameAsFresh(ws, text, events).EventsKeptBeside);
        }
        // Every event's title changed at once: more than a table keeps beside the shared one, so it gets one of its own.
        string all = Text(events, 7, everyTitle: true);
        ws.Change(Path, all, version++);
        var folded = SameAsFresh(ws, all, events);
        Assert.True(folded.EventsFolded);
        Assert.Equal(0, folded.EventsKeptBeside);
        string after = Text(events, 8, everyTitle: true);
        ws.Change(Path, after, version);
        Assert.Equal(2, SameAsFresh(ws, after, events).EventsKeptBeside);
    }
}
