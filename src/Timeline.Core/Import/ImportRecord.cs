namespace Timeline.Core.Import;

/// <summary>The formats <c>timeline import</c> reads.</summary>
public enum ImportFormat { Csv, TimelineJs, Acled }

/// <summary>A record's date as the import writes it (EDTF), its value, the comment beside it; or why the row is refused.</summary>
public readonly record struct ImportDate(string? Text, Dates.EdtfDate? Value, string? Comment, string? Problem);

/// <summary>A row that did not become an event: where it is in the input and why.</summary>
public sealed record ImportProblem(int Row, string Message);

/// <summary>A place as a row names it: a name, perhaps coordinates and the names of the divisions that hold it.</summary>
public sealed record PlaceCell(string Name, double? Latitude, double? Longitude, IReadOnlyList<string> Within, string? Precision = null);

/// <summary>A citation as a row gives it: an address, a publisher, or both.</summary>
public sealed record SourceCell(string? Url, string? Publisher);

/// <summary>
/// One input row (a spreadsheet row, a TimelineJS slide, an ACLED event) as read, before any matching: the cells
/// the language has keys for, and the others as (column, value) pairs for the event's notes.
/// </summary>
public sealed class ImportRecord
{
    /// <summary>Where the row is: its line in a CSV file (the first line of a quoted field that spans several), or the slide's number.</summary>
    public required int Row { get; init; }
    public string? Id { get; set; }
    public string? Date { get; set; }
    public string? EndDate { get; set; }
    /// <summary>The date as the input shows it to readers ("late 2016"): kept as a comment beside the date.</summary>
    public string? DisplayDate { get; set; }
    /// <summary>ACLED's time precision: 1 the day, 2 the week of the day, 3 the month of the day.</summary>
    public string? TimePrecision { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public List<PlaceCell> Places { get; } = new();
    public List<string> Actors { get; } = new();
    public List<SourceCell> Sources { get; } = new();
    public string? Fatalities { get; set; }
    public string? Status { get; set; }
    public List<string> Tags { get; } = new();
    public string? MediaUrl { get; set; }
    public string? MediaCaption { get; set; }
    public string? MediaCredit { get; set; }
    public List<(string Column, string Value)> Notes { get; } = new();

    public bool IsEmpty => Id is null && Date is null && EndDate is null && Title is null && Summary is null && Places.Count == 0
        && Actors.Count == 0 && Sources.Count == 0 && Fatalities is null && Tags.Count == 0 && MediaUrl is null && Notes.Count == 0;
}

/// <summary>What a reader made of a file: its records, the rows it could not read, and a title if the file has one.</summary>
public sealed record ImportInput(IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportProblem> Problems, string? Title = null,
    string? Description = null);
