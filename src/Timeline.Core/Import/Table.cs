using nietras.SeparatedValues;

namespace Timeline.Core.Import;

/// <summary>
/// A spreadsheet as read: its header and its rows with the line each starts on. CSV and TSV (the separator is found
/// from the header: comma, tab, semicolon or bar), UTF-8 with or without a byte order mark, quoted fields with line
/// breaks and doubled quotes, rows longer or shorter than the header. Read with Sep.
/// </summary>
public sealed class Table
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<(int Line, string[] Cells)> Rows { get; init; }

    public static Table Read(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) return new Table { Header = Array.Empty<string>(), Rows = Array.Empty<(int, string[])>() };
        var rows = new List<(int, string[])>();
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
        var header = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            // A quoted line break is the file's (CRLF or LF); the text keeps LF, as every Timeline file does.
            for (int i = 0; i < cells.Length; i++) cells[i] = row[i].ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
            rows.Add((row.LineNumberFrom, cells));
        }
        return new Table { Header = header, Rows = rows };
    }

    /// <summary>A header's name folded for matching: lower-case letters and digits only ("Start_Date" → "startdate").</summary>
    public static string Fold(string column) =>
        string.Concat(column.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
