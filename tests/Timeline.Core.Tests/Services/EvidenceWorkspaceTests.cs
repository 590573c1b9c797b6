using Timeline.Core.Project;
using Timeline.Core.Services;

namespace Timeline.Core.Tests.Services;

/// <summary>Snapshots in the editor's workspace: read once, read again when they change on disk, plain text when opened.</summary>
public class EvidenceWorkspaceTests
{
    private const string Timeline = """
        title: T
        sources:
          - id: npa
            publisher: North Press Agency
            published: 2024-11-29
            snapshot: snapshots/npa.txt
        events:
          - id: e1
            date: 2024-11-29
            title: Opposition factions claim entry into western Aleppo
            sources:
              - source: npa
                quote: we have successfully advanced into Aleppo's western districts
        """;

    private const string Snapshot = "Headline\n\n“For the first time in years, we have successfully advanced into " +
        "Aleppo’s western districts,” a commander said.\n";

    private static (MemoryFileSystem Fs, TimelineWorkspace Ws) Open()
    {
        var fs = new MemoryFileSystem(new Dictionary<string, string>
        {
            ["/p/timeline.config.yaml"] = "require-snapshots: true\n",
            ["/p/a.timeline.yaml"] = Timeline,
            ["/p/snapshots/npa.txt"] = Snapshot,
        });
        var ws = new TimelineWorkspace(fs);
        ws.SetFolders(new[] { "/p" });
        ws.Open("/p/a.timeline.yaml", Timeline, 1);
        return (fs, ws);
    }

    [Fact]
    public void An_edit_to_a_snapshot_on_disk_checks_its_quotes_again()
    {
        var (fs, ws) = Open();
        Assert.Empty(ws.Analyze("/p/a.timeline.yaml").Result.For("/p/a.timeline.yaml"));
        fs.Set("/p/snapshots/npa.txt", Snapshot.Replace("successfully ", ""));
        // Until the editor says the file changed, the snapshot read before stands.
        Assert.Empty(ws.Analyze("/p/a.timeline.yaml").Result.For("/p/a.timeline.yaml"));
        ws.FileChangedOnDisk("/p/snapshots/npa.txt");
        var found = ws.Analyze("/p/a.timeline.yaml").Result.For("/p/a.timeline.yaml");
        Assert.Equal("TL308", Assert.Single(found).Code);
    }

    [Fact]
    public void A_snapshot_is_read_once_while_it_is_unchanged()
    {
        var (_, ws) = Open();
        var first = ws.Analyze("/p/a.timeline.yaml").Result.Project.Evidence.Snapshots.Single();
        ws.Change("/p/a.timeline.yaml", Timeline.Replace("title: Opposition", "title: The opposition"), 2);
        var second = ws.Analyze("/p/a.timeline.yaml").Result.Project.Evidence.Snapshots.Single();
        Assert.Same(first, second);
    }

    [Fact]
    public void A_snapshot_open_in_the_editor_is_plain_text_with_no_diagnostics_of_its_own()
    {
        var (_, ws) = Open();
        var doc = ws.Open("/p/snapshots/npa.txt", "a: [unclosed\n\tnot yaml: at all: {", 1);
        Assert.Empty(doc.Model.Diagnostics);
        Assert.Empty(ws.Analyze("/p/snapshots/npa.txt").Result.For("/p/snapshots/npa.txt"));
    }
}
