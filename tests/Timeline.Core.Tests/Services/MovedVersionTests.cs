using Timeline.Core.Project;
using Timeline.Core.Services;

namespace Timeline.Core.Tests.Services;

/// <summary>
/// A new version of a document shares the segments the edit did not touch with the version it was made from, and
/// moves their anchors to where they now stand. A check of the earlier version that reads positions after that (a check
/// that was running when the change came) places its findings for the later text: these tests make that interleaving
/// deterministic, and check that the earlier version says it moved on and that no finding made from it is kept.
/// </summary>
public class MovedVersionTests
{
    private const string Path = "/p/a.timeline.yaml";
    private static readonly string Example = File.ReadAllText(Repo.Path("examples", "aleppo-2024", "aleppo-2024.timeline.yaml"));

    private static string Render(ProjectResult r, string path) =>
        string.Join("\n", r.For(path).Select(d => $"{d.Code} {d.Span} {d.Message}"));

    private static string Fresh(string text)
    {
        var ws = new TimelineWorkspace(new MemoryFileSystem());
        ws.SetFolders(["/p"]);
        ws.Open(Path, text, 1);
        return Render(ws.Analyze(Path).Result, Path);
    }

    // A line inserted before the events: every event segment is reused, moved.
    private static string Moved(string text) => text.Insert(text.IndexOf("events:", StringComparison.Ordinal), "# a note\n");

    [Fact]
    public void A_check_of_a_version_after_a_later_one_moved_its_segments_is_known_to_be_of_neither()
    {
        var ws = new TimelineWorkspace(new MemoryFileSystem());
        ws.SetFolders(["/p"]);
        var first = ws.Open(Path, Example, 1);
        var project = ws.Analyze(Path).Result.Project;
        Assert.False(first.Model.MovedOn);

        var second = ws.Change(Path, Moved(Example), 2);
        // The check of version 1 reads its positions now, as one running when the change came does.
        var late = ProjectAnalyzer.Analyze(project, null);
        Assert.NotEqual(Fresh(Example), Render(late, Path)); // placed for the other text: the race, made deterministic
        Assert.True(first.Model.MovedOn);
        Assert.False(second.Model.MovedOn);
        Assert.Equal(Fresh(Moved(Example)), Render(ws.Analyze(Path).Result, Path));
    }

    [Fact]
    public void A_syntax_message_naming_a_line_names_the_line_where_its_segment_now_stands()
    {
        // An unclosed flow mapping: its message names the line it opened on.
        int at = Example.IndexOf("tags: [aleppo-city]", StringComparison.Ordinal);
        string broken = Example[..at] + "tags: {aleppo-city" + Example[(at + "tags: [aleppo-city]".Length)..];
        var ws = new TimelineWorkspace(new MemoryFileSystem());
        ws.SetFolders(["/p"]);
        ws.Open(Path, broken, 1);
        ws.Analyze(Path);
        ws.Change(Path, Moved(broken), 2);
        Assert.Equal(Fresh(Moved(broken)), Render(ws.Analyze(Path).Result, Path));
    }
}
