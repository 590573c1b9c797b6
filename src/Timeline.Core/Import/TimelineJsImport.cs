using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Timeline.Core.Import;

/// <summary>
/// Reads TimelineJS: its JSON (a title slide and events, each with start and end dates, a display date, a headline
/// and text, media and a group) and the Google-sheet layout TimelineJS documents (Year, Month, Day, Time, End Year,
/// ..., Display Date, Headline, Text, Media, Media Credit, Media Caption, Type, Group), as CSV or TSV. Slides become
/// events; the group becomes a tag. In a slide's text, paragraphs beginning "Where:", "Who:" and "Sources:" (as
/// Timeline's own export writes them) give places, actors and sources.
/// </summary>
public static partial class TimelineJsImport
{
    public static ImportInput Read(string text, out string? error)
    {
        error = null;
        string t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return t.StartsWith('{') ? ReadJson(t, out error) : ReadSheet(Table.Read(text), out error);
    }

    private static ImportInput ReadJson(string text, out string? error)
    {
        error = null;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException ex)
        {
            error = $"the file is not TimelineJS JSON: {ex.Message}";
            return new ImportInput(Array.Empty<ImportRecord>(), Array.Empty<ImportProblem>());
        }
        using (doc)
        {
            var root = doc.RootElement;
            string? title = null, description = null;
            if (root.TryGetProperty("title", out var titleSlide) && titleSlide.ValueKind == JsonValueKind.Object
                && titleSlide.TryGetProperty("text", out var tt) && tt.ValueKind == JsonValueKind.Object)
            {
                title = PlainText(Str(tt, "headline"));
                description = PlainText(Str(tt, "text"));
            }
            var records = new List<ImportRecord>();
            var problems = new List<ImportProblem>();
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                error = "the file has no \"events\" list: it is not TimelineJS JSON";
                return new ImportInput(records, problems);
            }
            int n = 0;
            foreach (var slide in events.EnumerateArray())
            {
                n++;
                if (slide.ValueKind != JsonValueKind.Object) { problems.Add(new ImportProblem(n, "the slide is not an object")); continue; }
                var r = new ImportRecord { Row = n, Id = Str(slide, "unique_id") };
                r.Date = slide.TryGetProperty("start_date", out var sd) ? JsonDate(sd) : null;
                r.EndDate = slide.TryGetProperty("end_date", out var ed) ? JsonDate(ed) : null;
                r.DisplayDate = Str(slide, "display_date") ?? (sd.ValueKind == JsonValueKind.Object ? Str(sd, "display_date") : null);
                if (slide.TryGetProperty("text", out var st) && st.ValueKind == JsonValueKind.Object)
                {
                    r.Title = PlainText(Str(st, "headline"));
                    ReadSlideText(r, Str(st, "text"));
                }
                if (slide.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Object)
                {
                    r.MediaUrl = Str(media, "url");
                    r.MediaCaption = PlainText(Str(media, "caption"));
                    r.MediaCredit = PlainText(Str(media, "credit"));
                }
                if (PlainText(Str(slide, "group")) is { } group && group != "untagged") r.Tags.Add(group);
                foreach (var p in slide.EnumerateObject())
                    if (p.Name is "background" or "autolink" or "type" && p.Value.ValueKind != JsonValueKind.Null)
                        r.Notes.Add((p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
                records.Add(r);
            }
            return new ImportInput(records, problems, title, description);
        }
    }

    private static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>A TimelineJS date object as EDTF, to the precision it gives: "2016", "2016-09", "2024-11-29T06:30".</summary>
    private static string? JsonDate(JsonElement d) =>
        d.ValueKind != JsonValueKind.Object ? null
            : Compose(Str(d, "year"), Str(d, "month"), Str(d, "day"), Str(d, "hour"), Str(d, "minute"), Str(d, "second"));

    private static string? Compose(string? year, string? month, string? day, string? hour, string? minute, string? second)
    {
        if (!int.TryParse(year, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int y)) return year;
        string s = y < 0 ? "-" + (-y).ToString("0000", CultureInfo.InvariantCulture) : y.ToString("0000", CultureInfo.InvariantCulture);
        if (!int.TryParse(month, CultureInfo.InvariantCulture, out int mo)) return s;
        s += "-" + mo.ToString("00", CultureInfo.InvariantCulture);
        if (!int.TryParse(day, CultureInfo.InvariantCulture, out int dd)) return s;
        s += "-" + dd.ToString("00", CultureInfo.InvariantCulture);
        if (!int.TryParse(hour, CultureInfo.InvariantCulture, out int h)) return s;
        int.TryParse(minute, CultureInfo.InvariantCulture, out int mi);
        s += $"T{h:00}:{mi:00}";
        if (int.TryParse(second, CultureInfo.InvariantCulture, out int sec)) s += $":{sec:00}";
        return s;
    }

    /// <summary>The Google-sheet layout: a "title" row gives the timeline's title; an "era" row is kept as an event.</summary>
    private static ImportInput ReadSheet(Table table, out string? error)
    {
        error = null;
        int Col(string name) => table.Header.Select(Table.Fold).ToList().IndexOf(name);
        int year = Col("year"), headline = Col("headline");
        if (year < 0 && headline < 0)
        {
            error = "the file is neither TimelineJS JSON nor its sheet layout (no Year or Headline column)";
            return new ImportInput(Array.Empty<ImportRecord>(), Array.Empty<ImportProblem>());
        }
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in new[] { "year", "month", "day", "time", "endyear", "endmonth", "endday", "endtime", "displaydate",
                     "headline", "text", "media", "mediacredit", "mediacaption", "mediathumbnail", "type", "group", "background" })
            known[name] = Col(name);
        var records = new List<ImportRecord>();
        var problems = new List<ImportProblem>();
        string? title = null, description = null;
        foreach (var (line, cells) in table.Rows)
        {
            string? Cell(string name) => known[name] is int i and >= 0 && i < cells.Length && cells[i].Trim() is { Length: > 0 } v ? v : null;
            if (Cell("type")?.ToLowerInvariant() == "title" && title is null)
            {
                title = PlainText(Cell("headline"));
                description = PlainText(Cell("text"));
                continue;
            }
            var r = new ImportRecord { Row = line };
            r.Date = Compose(Cell("year"), Cell("month"), Cell("day"), null, null, null) is { } date ? WithTime(date, Cell("time")) : null;
            r.EndDate = Compose(Cell("endyear"), Cell("endmonth"), Cell("endday"), null, null, null) is { } end
                ? WithTime(end, Cell("endtime")) : null;
            r.DisplayDate = Cell("displaydate");
            r.Title = PlainText(Cell("headline"));
            ReadSlideText(r, Cell("text"));
            r.MediaUrl = Cell("media");
            r.MediaCaption = PlainText(Cell("mediacaption"));
            r.MediaCredit = PlainText(Cell("mediacredit"));
            if (PlainText(Cell("group")) is { } group) r.Tags.Add(group);
            if (Cell("type") is { } type) r.Notes.Add(("Type", type));
            if (Cell("background") is { } bg) r.Notes.Add(("Background", bg));
            if (Cell("mediathumbnail") is { } thumb) r.Notes.Add(("Media Thumbnail", thumb));
            for (int i = 0; i < cells.Length; i++)
                if (!known.ContainsValue(i) && cells[i].Trim() is { Length: > 0 } v)
                    r.Notes.Add((i < table.Header.Count ? table.Header[i] : $"column {i + 1}", v));
            if (r.IsEmpty) { problems.Add(new ImportProblem(line, "the row is empty")); continue; }
            records.Add(r);
        }
        return new ImportInput(records, problems, title, description);
    }

    /// <summary>A sheet's time ("6:30", "06:30 PM") after its date.</summary>
    private static string WithTime(string date, string? time)
    {
        if (time is null || date.Length != 10) return date;
        string[] formats = { "H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "h:mm tt", "h:mm:ss tt", "hh:mm tt" };
        return DateTime.TryParseExact(time.Trim().ToUpperInvariant(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? date + "T" + t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture)
            : date;
    }

    [GeneratedRegex(@"<p>(?<p>.*?)</p>|<ul>.*?</ul>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"<a\s[^>]*href=""(?<u>[^""]*)""[^>]*>(?<t>.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>The slide's text: "Where:", "Who:" and "Sources:" paragraphs as places, actors and sources; the rest as the summary.</summary>
    private static void ReadSlideText(ImportRecord r, string? html)
    {
        if (html is null) return;
        var rest = new List<string>();
        var paragraphs = Paragraph().Matches(html);
        if (paragraphs.Count == 0) { r.Summary = PlainText(html); return; }
        foreach (Match m in paragraphs)
        {
            string inner = m.Groups["p"].Success ? m.Groups["p"].Value : m.Value;
            string text = PlainText(inner) ?? "";
            if (text.StartsWith("Where: ", StringComparison.Ordinal))
                foreach (var name in text["Where: ".Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    r.Places.Add(new PlaceCell(name, null, null, Array.Empty<string>()));
            else if (text.StartsWith("Who: ", StringComparison.Ordinal))
                r.Actors.AddRange(SpreadsheetImport.SplitList(text["Who: ".Length..]));
            else if (text.StartsWith("Sources: ", StringComparison.Ordinal))
            {
                foreach (var item in inner["Sources: ".Length..].Split("; ", StringSplitOptions.RemoveEmptyEntries))
                {
                    var link = Link().Match(item);
                    r.Sources.Add(link.Success
                        ? new SourceCell(WebUtility.HtmlDecode(link.Groups["u"].Value), PlainText(link.Groups["t"].Value))
                        : new SourceCell(null, PlainText(item)));
                }
            }
            else if (rest.Count == 0 && r.Status is null && inner.StartsWith("<strong>", StringComparison.OrdinalIgnoreCase)
                && Language.LanguageSchema.EventStatuses.Contains(text.ToLowerInvariant()))
                r.Status = text.ToLowerInvariant();
            else if (text.Length > 0) rest.Add(text);
        }
        if (rest.Count > 0) r.Summary = string.Join("\n\n", rest);
    }

    /// <summary>HTML as plain text: tags dropped, entities decoded, spaces collapsed; null when nothing is left.</summary>
    public static string? PlainText(string? html)
    {
        if (html is null) return null;
        string s = WebUtility.HtmlDecode(Tag().Replace(html.Replace("</li>", "\n", StringComparison.OrdinalIgnoreCase), " "));
        s = string.Join('\n', s.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0));
        return s.Length == 0 ? null : s;
    }
}
