using System.Text;
using Timeline.Cli;
using Timeline.Cli.Commands;
using Timeline.Core.Catalogs;
using Timeline.Core.Import;
using Timeline.Core.Language;
using Timeline.Core.Model;
using Timeline.Core.Project;
using YamlDotNet.RepresentationModel;

namespace Timeline.Core.Tests.Import;

/// <summary>timeline import at its boundaries: what a spreadsheet may hold, what is refused and why, what is never overwritten.</summary>
public class ImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-import-unit-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    private (int Code, string Out, string Err) Import(string format, string name, string content, string? output = null,
        params string[] maps)
    {
        string file = Path.Combine(_dir, name);
        if (!File.Exists(file)) File.WriteAllText(file, content, new UTF8Encoding(true));
        var o = new StringWriter();
        var e = new StringWriter();
        int code = ImportCommand.Run(format, name, output, maps, _dir, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private List<EventDef> Events(string folder) =>
        ProjectLoader.Load(PhysicalFileSystem.Instance, Path.Combine(_dir, folder)).Files
            .Where(f => f.Kind == FileKind.Timeline).SelectMany(f => f.Events).ToList();

    [Fact]
    public void A_spreadsheet_with_a_bom_crlf_quoted_line_breaks_and_usual_headers_becomes_events_and_refused_rows()
    {
        string csv =
            "Start Date,Headline,Description,Location,Lat,Lng,Actors,Source URL,Killed,Desk note\r\n" +
            "2024-11-29,Fighters enter Aleppo,\"First line,\r\nsecond line\",Aleppo,36.2021,37.1343,Hayat Tahrir al-Sham; Russia," +
            "https://example.org/news/fighters-enter-aleppo,4,checked twice\r\n" +
            "29/11/2024,A day-first date,,Lyon,45.75,4.85,,,,\r\n" +
            "yesterday,A relative date,,,,,,,,\r\n" +
            "03/04/2024,An ambiguous date,,,,,,,,\r\n" +
            ",No date at all,,,,,,,,\r\n" +
            "2024-12-01,,,,,,,,,\r\n";
        var (code, output, err) = Import("csv", "desk sheet.csv", csv);
        Assert.True(code is CommandLine.Ok or CommandLine.Problems, err);
        Assert.Contains("6 rows: 3 events, 3 refused", output);
        // Rows are counted by their line: the quoted line break makes the first row two lines.
        Assert.Contains("refused row 6: the date '03/04/2024' cannot be read", output);
        Assert.Contains("refused row 7: the row has no date", output);
        Assert.Contains("refused row 8: the row has no title", output);

        var events = Events("desk-sheet");
        var first = events[0];
        Assert.Equal("First line,\nsecond line", first.Summary);
        Assert.Equal(new[] { "aleppo-sy" }, first.Places.Select(p => p.Place.Id));
        Assert.Equal(new[] { "hts", "russia" }, first.Actors.Select(a => a.Id));
        Assert.Equal("Desk note: checked twice", first.Notes);
        Assert.Single(first.Casualties);
        Assert.Equal("2024-11-29", events[1].Date!.Text);
        Assert.Equal("lyon-fr", events[1].Places[0].Place.Id); // Lyon, from builtin:world
        Assert.Equal("yesterday", events[2].Date!.Text);
        string timeline = File.ReadAllText(Path.Combine(_dir, "desk-sheet", "desk-sheet.timeline.yaml"));
        Assert.Contains("date: yesterday   # TODO: \"yesterday\" is relative; write the date it means", timeline);
        Assert.Contains("date: 2024-11-29   # \"29/11/2024\" in the input", timeline);
        Assert.Contains("url: https://example.org/news/fighters-enter-aleppo", timeline);
        string config = File.ReadAllText(Path.Combine(_dir, "desk-sheet", "timeline.config.yaml"));
        Assert.Contains("builtin:world", config);
    }

    [Fact]
    public void A_tsv_with_columns_mapped_by_hand_imports_and_a_bad_map_is_a_usage_error()
    {
        string tsv = "Quand\tQuoi\tOù\tRemarque\n2024-11-27\tOffensive begins\tIdlib\tfrom the wire\n";
        var (code, output, err) = Import("csv", "feuille.tsv", tsv, null, "Quand=date", "Quoi=title", "Où=place");
        Assert.True(code is CommandLine.Ok or CommandLine.Problems, err);
        Assert.Contains("1 row: 1 event, 0 refused", output);
        var e = Assert.Single(Events("feuille"));
        Assert.Equal("Offensive begins", e.Title);
        Assert.Equal("Remarque: from the wire", e.Notes);

        (code, _, err) = Import("csv", "feuille.tsv", tsv, "other", "Quand=when");
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("'when' is not a key", err);
        (code, _, err) = Import("csv", "feuille.tsv", tsv, "other", "Nowhere=date");
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("there is no column 'Nowhere'", err);
        Assert.False(Directory.Exists(Path.Combine(_dir, "other")));
    }

    [Fact]
    public void An_import_never_overwrites()
    {
        string csv = "date,title\n2024-11-29,One event\n";
        Assert.NotEqual(CommandLine.UsageError, Import("csv", "once.csv", csv).Code);
        string timeline = Path.Combine(_dir, "once", "once.timeline.yaml");
        string before = File.ReadAllText(timeline);
        var (code, _, err) = Import("csv", "once.csv", csv);
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains("exists already", err);
        // Named with -o as a timeline file in an existing project: matched against it, and refused if the file exists.
        (code, _, err) = Import("csv", "once.csv", csv, "once/once.timeline.yaml");
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Equal(before, File.ReadAllText(timeline));
        var (added, output, _) = Import("csv", "once.csv", csv, "once/more.timeline.yaml");
        Assert.Equal(CommandLine.Problems, added); // the same event id twice in one project is TL205: reported, not hidden
        Assert.Contains("in the project at once", output);
        Assert.False(File.Exists(Path.Combine(_dir, "once", "more.places.yaml")));
    }

    [Fact]
    public void A_timelinejs_sheet_gives_dates_display_text_media_and_the_title()
    {
        string sheet =
            "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption," +
            "Media Thumbnail,Type,Group,Background\n" +
            ",,,,,,,,,The Aleppo week,<p>What the desk followed</p>,,,,,title,,\n" +
            "2024,11,27,6:30,,,,,Wednesday dawn,Offensive begins,<p>Fighters move.</p><p>Where: Aleppo</p>," +
            "https://example.org/a.jpg,AFP,A road,,,Offensive,\n" +
            "2016,9,,,2016,12,,,late 2016,The 2016 battle,,,,,,,Background,#000\n";
        var (code, output, err) = Import("timelinejs", "sheet.csv", sheet);
        Assert.True(code is CommandLine.Ok or CommandLine.Problems, err);
        Assert.Contains("2 rows: 2 events, 0 refused", output);
        string text = File.ReadAllText(Path.Combine(_dir, "sheet", "sheet.timeline.yaml"));
        Assert.Contains("title: The Aleppo week", text);
        Assert.Contains("date: 2024-11-27T06:30   # \"Wednesday dawn\"", text);
        Assert.Contains("date: 2016-09/2016-12   # \"late 2016\"", text);
        // In date order: the 2016 battle first.
        var events = Events("sheet");
        Assert.Equal("The 2016 battle", events[0].Title);
        Assert.Equal("Background: #000", events[0].Notes);
        Assert.Equal("https://example.org/a.jpg", events[1].MediaUrl);
        Assert.Equal("aleppo-sy", events[1].Places[0].Place.Id);
        Assert.Equal(new[] { "Offensive" }, events[1].Tags);
    }

    [Fact]
    public void A_large_import_is_split_into_timelines_in_date_order_with_the_sources_in_a_file_of_their_own()
    {
        var records = Enumerable.Range(0, Importer.EventsPerFile + 1).Select(i =>
        {
            string date = new DateOnly(2024, 1, 1).AddDays(-i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var r = new ImportRecord { Row = i + 2, Date = date, Title = $"Event {i}" };
            r.Sources.Add(new SourceCell(null, "Desk"));
            return r;
        }).ToList();
        var empty = new ProjectSnapshot { Root = _dir, Files = Array.Empty<Timeline.Core.Checks.FileModel>() };
        var result = new Importer(new SymbolTable(empty), ImportFormat.Csv).Run(new ImportInput(records, Array.Empty<ImportProblem>()), "Big");
        Assert.Equal(2, result.Timelines.Count);
        Assert.Contains("title: Big (1 of 2)", result.Timelines[0]);
        Assert.DoesNotContain("sources:\n", result.Timelines[0]);
        Assert.Contains("id: desk", result.Sources);
        // The earliest event (the last row) opens the first part; the latest is alone in the second.
        Assert.Contains($"title: Event {Importer.EventsPerFile}\n", result.Timelines[0]);
        Assert.Contains("title: Event 0\n", result.Timelines[1]);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("a: b")]
    [InlineData("#hash")]
    [InlineData("- dash")]
    [InlineData("[x]")]
    [InlineData("line one\nline two")]
    [InlineData("  leading")]
    [InlineData("trailing ")]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("tab\there")]
    [InlineData("quote \" and \\ backslash")]
    [InlineData("عربي 🙂")]
    public void The_writer_keeps_every_text_as_it_was(string text)
    {
        var map = new YamlMap(LanguageSchema.Event, new (string, YamlValue)[]
        {
            ("title", new YamlText(text)), ("id", new YamlText("an-id")),
            ("tags", new YamlList(new YamlValue[] { new YamlText(text), new YamlText("plain") })),
        });
        string yaml = CanonicalYaml.Write(map, "a header");
        Assert.StartsWith("# a header\nid: an-id\ntitle:", yaml); // the schema's key order
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(text, ((YamlScalarNode)root["title"]).Value);
        Assert.Equal(text, ((YamlScalarNode)((YamlSequenceNode)root["tags"])[0]).Value);
    }

    [Fact]
    public void Builtin_world_reads_cleanly_with_every_country_its_divisions_and_the_large_cities()
    {
        var world = Assert.Single(BuiltinCatalogs.Get(BuiltinCatalogs.World)!);
        Assert.Empty(world.Diagnostics);
        Assert.InRange(world.Places.Count, 30_000, 40_000);
        Assert.Equal(250, world.Places.Count(p => p.PlaceKind == "country"));
        var byId = world.Places.ToDictionary(p => p.Id);
        // Kharkiv lies in its oblast, which lies in Ukraine.
        var kharkiv = byId["kharkiv-ua"];
        var oblast = byId[kharkiv.InId!];
        Assert.Equal("governorate", oblast.PlaceKind);
        Assert.Equal("Ukraine", byId[oblast.InId!].Name);
        Assert.True(world.Places.Count(p => p.InId is null) == 250, "only the countries lie in nothing");
    }
}
