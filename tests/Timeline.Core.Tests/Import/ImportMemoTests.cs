using Timeline.Core.Catalogs;
using Timeline.Core.Import;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Import;

/// <summary>
/// The import asks the name index once per name as written, memoises each citation's source, and may read the dates
/// before the catalogs are ready: none of that may change an answer a row gets.
/// </summary>
public class ImportMemoTests
{
    private static SymbolTable Builtins() => new(new ProjectSnapshot
    {
        Root = Path.GetTempPath(), Files = Array.Empty<Timeline.Core.Checks.FileModel>(),
        Catalogs = BuiltinCatalogs.Names.SelectMany(n => BuiltinCatalogs.Get(n, BuiltinCatalogs.Names)!).ToList(),
    });

    private static ImportRecord Row(int row, string place, double? lat, double? lon, string date = "2024-11-29")
    {
        var r = new ImportRecord { Row = row, Date = date, Title = $"Row {row} in {place}" };
        r.Places.Add(new PlaceCell(place, lat, lon, Array.Empty<string>()));
        r.Sources.Add(new SourceCell($"https://news.example.org/{row % 2}", null));
        return r;
    }

    [Fact]
    public void A_name_asked_again_with_other_coordinates_is_matched_by_its_own_coordinates()
    {
        // Aleppo at Aleppo, then "Aleppo" 300 km away (no place of the name near it: a stub), then at Aleppo again.
        var records = new List<ImportRecord> { Row(2, "Aleppo", 36.2021, 37.1343), Row(3, "Aleppo", 33.5, 36.3), Row(4, "Aleppo", 36.2, 37.13) };
        var result = new Importer(Builtins(), ImportFormat.Csv).Run(new ImportInput(records, Array.Empty<ImportProblem>()), "Memo");
        string text = result.Timelines[0];
        Assert.Equal(2, Count(text, "places: [aleppo-sy]"));
        Assert.Equal(1, result.Summary.PlacesCreated);
        Assert.Contains("name: Aleppo\n", result.Places);
        Assert.Equal(2, result.Summary.Sources);
    }

    [Fact]
    public void Dates_read_beforehand_give_the_files_that_dates_read_row_by_row_give()
    {
        var records = new List<ImportRecord>
        {
            Row(2, "Idlib", null, null, "29/11/2024"), Row(3, "Kharkiv", 49.99, 36.23, "yesterday"), Row(4, "Lyon", null, null, "2024-13-01"),
            Row(5, "Aleppo", null, null, "2024-11-30 14:30"), Row(6, "Mosul", null, null, "late 2016"),
        };
        var input = new ImportInput(records, Array.Empty<ImportProblem>());
        var symbols = Builtins();
        var inline = new Importer(symbols, ImportFormat.Csv).Run(input, "Dates");
        var beforehand = new Importer(symbols, ImportFormat.Csv).Run(input, "Dates", Importer.ReadDates(records));
        Assert.Equal(inline.Timelines, beforehand.Timelines);
        Assert.Equal(inline.Places, beforehand.Places);
        Assert.Equal(inline.Summary.Refused, beforehand.Summary.Refused);
        Assert.NotEmpty(inline.Summary.Refused);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
