using Timeline.Cli;
using Timeline.Cli.Commands;
using Timeline.Core.Dates;
using Timeline.Core.Export;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Import;

/// <summary>
/// The example exported to CSV and to TimelineJS and imported back into a copy of its project (its timeline taken
/// out, its places, actors and sources kept) gives the same events, dates, places and actors.
/// </summary>
public class ImportRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-import-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    private static Chronology Example()
    {
        var project = ProjectAnalyzer.Analyze(ProjectLoader.Load(PhysicalFileSystem.Instance, Path.Combine(Repo.Root, "examples", "aleppo-2024")));
        return Chronology.From(project);
    }

    /// <summary>A copy of the example without its timeline: what an import into the project matches against.</summary>
    private string CopyOfExampleWithoutTimeline()
    {
        string from = Path.Combine(Repo.Root, "examples", "aleppo-2024"), to = Path.Combine(_dir, "project");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Delete(Path.Combine(to, "aleppo-2024.timeline.yaml"));
        return to;
    }

    private (string Project, Dictionary<string, EventDef> Events, string Out) ImportBack(string format, string exported)
    {
        string project = CopyOfExampleWithoutTimeline();
        var o = new StringWriter();
        var e = new StringWriter();
        int code = ImportCommand.Run(format, exported, Path.Combine(project, "imported.timeline.yaml"), Array.Empty<string>(), _dir, o, e);
        Assert.True(code is CommandLine.Ok or CommandLine.Problems, e.ToString());
        Assert.Contains("0 refused", o.ToString());
        var loaded = ProjectLoader.Load(PhysicalFileSystem.Instance, project);
        var events = loaded.Files.Where(f => f.Kind == FileKind.Timeline).SelectMany(f => f.Events).ToDictionary(x => x.Id);
        return (project, events, o.ToString());
    }

    private string Export(string format, string extension)
    {
        string file = Path.Combine(_dir, "example." + extension);
        File.WriteAllText(file, Exporters.Write(Example(), Exporters.Parse(format)!.Value));
        return file;
    }

    [Fact]
    public void Csv_export_imported_back_gives_the_same_events_dates_places_and_actors()
    {
        var example = Example();
        var (_, events, output) = ImportBack("csv", Export("csv", "csv"));
        Assert.Equal(example.Events.Select(x => x.Event.Id).Order(), events.Keys.Order());
        Assert.Contains("places: ", output);
        foreach (var original in example.Events)
        {
            var imported = events[original.Event.Id];
            // A CSV row holds the first day and ACLED's time precision: the day is the same, or lies in the original's span.
            var date = imported.Date!.Value!;
            var was = original.Date!;
            if (was is { IsInterval: false, Precision: DatePrecision.Day }) Assert.Equal(was.Text.TrimEnd('?', '~', '%'), imported.Date.Text);
            else Assert.InRange(date.Earliest.Date.AddDays(3), was.Earliest.Date, was.Latest);
            // The row's place is the first located place of the event (ACLED's one location).
            var locations = example.Locate(original);
            var first = locations.FirstOrDefault(l => l.HasCoordinates) ?? (locations.Count > 0 ? locations[0] : null);
            Assert.Equal(first?.Id, imported.Places.Count > 0 ? imported.Places[0].Place.Id : null);
            Assert.Equal(original.Actors.Select(a => a.Id).Order(), imported.Actors.Select(a => a.Id).Order());
        }
    }

    [Fact]
    public void TimelineJs_export_imported_back_gives_the_same_events_dates_places_and_actors()
    {
        var example = Example();
        var (_, events, _) = ImportBack("timelinejs", Export("timelinejs", "json"));
        Assert.Equal(example.Events.Select(x => x.Event.Id).Order(), events.Keys.Order());
        foreach (var original in example.Events)
        {
            var imported = events[original.Event.Id];
            // Both read on the wall clock: TimelineJS shows times in the project's zone, as the timeline writes them.
            var was = Edtf.Parse(original.Event.Date!.Text, out _)!;
            var now = imported.Date!.Value!;
            Assert.Equal(was.Earliest, now.Earliest);
            Assert.Equal(was.Latest, now.Latest);
            Assert.Equal(original.Title, imported.Title);
            Assert.Equal(original.Places.Select(p => p.Id).Order(), imported.Places.Select(p => p.Place.Id).Order());
            Assert.Equal(original.Actors.Select(a => a.Id).Order(), imported.Actors.Select(a => a.Id).Order());
        }
    }
}
