using System.Globalization;
using System.Text;
using Timeline.Cli;
using Timeline.Cli.Commands;
using Timeline.Core.Language;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Import;

/// <summary>An ACLED export (the codebook's columns, 500 generated rows from several countries) imports and checks.</summary>
public class AcledImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-acled-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    /// <summary>ACLED's columns, in its export's order.</summary>
    public static readonly string[] Columns =
    {
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    };

    private sealed record Site(string Iso3, int Iso, string Region, string Country, string Admin1, string Admin2, string Location,
        double Lat, double Lon, string Actor1, string Actor2);

    private static readonly Site[] Sites =
    {
        new("SYR", 760, "Middle East", "Syria", "Aleppo", "Jebel Saman", "Aleppo", 36.2021, 37.1343,
            "Military Forces of Syria (2000-2024)", "Hayat Tahrir al-Sham"),
        new("SYR", 760, "Middle East", "Syria", "Idleb", "Idleb", "Saraqab", 35.8623, 36.8006,
            "Hayat Tahrir al-Sham", "Military Forces of Russia (2000-)"),
        new("UKR", 804, "Europe", "Ukraine", "Kharkivska", "Kharkivskyi", "Kharkiv", 49.9935, 36.2304,
            "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"),
        new("SDN", 729, "Northern Africa", "Sudan", "Khartoum", "Um Durman", "Omdurman", 15.6445, 32.4777,
            "Rapid Support Forces", "Military Forces of Sudan (2019-)"),
        new("NGA", 566, "Western Africa", "Nigeria", "Borno", "Maiduguri", "Maiduguri", 11.8469, 13.1571,
            "Islamic State West Africa Province", "Military Forces of Nigeria (2023-)"),
        new("MEX", 484, "Caribbean and Central America", "Mexico", "Guerrero", "Acapulco de Juarez", "Acapulco", 16.8634, -99.8901,
            "Unidentified Gang (Mexico)", "Civilians (Mexico)"),
        // A village no catalog holds: a stub with its coordinates, in its governorate.
        new("SYR", 760, "Middle East", "Syria", "Aleppo", "Jebel Saman", "Kafr Imaginary", 36.3101, 36.9902,
            "Syrian National Army", "Military Forces of Syria (2000-2024)"),
    };

    private static readonly (string Type, string Sub)[] Types =
    {
        ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Protests", "Peaceful protest"),
    };

    /// <summary>An ACLED-layout CSV of <paramref name="rows"/> rows, the same for the same count.</summary>
    public static string Generate(int rows)
    {
        var sb = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        var start = new DateOnly(2024, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            var site = Sites[i % Sites.Length];
            var (type, sub) = Types[i % Types.Length];
            var day = start.AddDays(i % 330);
            // ACLED's exports have written the date both ways.
            string date = i % 2 == 0 ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            int precision = i % 10 == 0 ? 2 : i % 25 == 0 ? 3 : 1;
            int fatalities = i % 4 == 0 ? 0 : i % 7;
            string notes = $"On {day:d MMMM yyyy}, {site.Actor1} and {site.Actor2} clashed in {site.Location}, \"{site.Admin1}\". {fatalities} reported.";
            string[] cells =
            {
                $"{site.Iso3}{10000 + i}", date, day.Year.ToString(CultureInfo.InvariantCulture), precision.ToString(CultureInfo.InvariantCulture),
                "Political violence", type, sub, site.Actor1, i % 3 == 0 ? "Civilians (International); Journalists (International)" : "",
                "1", site.Actor2, "", "2", "12", i % 5 == 0 ? "Civilian targeting" : "", site.Iso.ToString(CultureInfo.InvariantCulture),
                site.Region, site.Country, site.Admin1, site.Admin2, "", site.Location,
                site.Lat.ToString(CultureInfo.InvariantCulture), site.Lon.ToString(CultureInfo.InvariantCulture), "1",
                i % 2 == 0 ? "Reuters; Local Source" : "Agence France Presse", "Mixed", notes,
                fatalities.ToString(CultureInfo.InvariantCulture), i % 6 == 0 ? "crowd size=no report" : "", "1718000000",
            };
            sb.Append(string.Join(',', cells.Select(Csv))).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Csv(string s) => s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    [Fact]
    public void Five_hundred_acled_rows_import_as_five_hundred_events_that_check()
    {
        string file = Path.Combine(_dir, "acled-export.csv");
        File.WriteAllText(file, Generate(500));
        var o = new StringWriter();
        var e = new StringWriter();
        int code = ImportCommand.Run("acled", file, null, Array.Empty<string>(), _dir, o, e);
        string output = o.ToString();
        Assert.True(code == CommandLine.Ok, output + e);
        Assert.Contains("500 rows: 500 events, 0 refused", output);
        Assert.Contains("Check: 0 errors", output);

        string folder = Path.Combine(_dir, "acled-export");
        var project = ProjectLoader.Load(PhysicalFileSystem.Instance, folder);
        var events = project.Files.Where(f => f.Kind == FileKind.Timeline).SelectMany(f => f.Events).ToList();
        Assert.Equal(500, events.Count);
        // event_id_cnty is the id and a tag; the date is of ACLED's precision.
        var first = events.Single(x => x.Id == "syr10000");
        Assert.Contains("SYR10000", first.Tags);
        Assert.Equal("2023-12-29/2024-01-04", first.Date!.Text); // time precision 2: the week around 1 January
        Assert.Equal("2024-01-02", events.Single(x => x.Id == "syr10001").Date!.Text); // "2 January 2024"
        // Places matched worldwide by name and coordinates; an unknown village made a stub in its governorate.
        Assert.Equal("aleppo-sy", first.Places[0].Place.Id);
        Assert.Equal("kharkiv-ua", events.Single(x => x.Id == "ukr10002").Places[0].Place.Id); // Kharkiv
        var stubs = project.Files.Single(f => f.Kind == FileKind.Places).Places;
        var village = Assert.Single(stubs, p => p.Name == "Kafr Imaginary");
        Assert.Equal("aleppo-governorate", village.In?.Id); // builtin:levant's, which builtin:world's yields to
        Assert.Equal(36.3101, village.Latitude);
        // Fatalities with their source; the columns the language has no key for in the notes.
        var withDead = events.First(x => x.Casualties.Count > 0);
        Assert.NotNull(withDead.Casualties[0].Source);
        Assert.Contains("disorder_type: Political violence", first.Notes);
        Assert.Contains("Civilians (International)", string.Join(",", project.Files.Single(f => f.Kind == FileKind.Actors).Actors.Select(a => a.Name)));
    }
}
