using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Core.Dates;
using Timeline.Core.Model;
using Timeline.Core.Project;

namespace Timeline.Core.Export;

public enum ExportFormat { TimelineJs, GeoJson, Csv, Markdown, Html }

/// <summary>Writes a chronology as TimelineJS JSON, GeoJSON, CSV (ACLED columns), Markdown or a self-contained HTML page.</summary>
public static class Exporters
{
    public static ExportFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "timelinejs" => ExportFormat.TimelineJs,
        "geojson" => ExportFormat.GeoJson,
        "csv" => ExportFormat.Csv,
        "markdown" or "md" => ExportFormat.Markdown,
        "html" => ExportFormat.Html,
        _ => null,
    };

    public static string Write(Chronology c, ExportFormat format) => format switch
    {
        ExportFormat.TimelineJs => TimelineJs(c),
        ExportFormat.GeoJson => GeoJson(c),
        ExportFormat.Csv => Csv(c),
        ExportFormat.Markdown => Markdown(c),
        _ => HtmlExporter.Write(c),
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string H(string s) => WebUtility.HtmlEncode(s);

    // ---------------- TimelineJS ----------------

    /// <summary>A TimelineJS3 date object: year, month, day, hour, minute as far as the precision goes.</summary>
    private static JsonObject? TjsDate(EdtfPoint? p, bool end)
    {
        if (p is null || p.Year is < 1 or > 9999) return null;
        var t = end ? p.Latest : p.Earliest;
        var o = new JsonObject { ["year"] = t.Year };
        if (p.Precision >= DatePrecision.Season && !(p.HasUnspecified && p.Month is null)) o["month"] = t.Month;
        if (p.Precision >= DatePrecision.Day && !p.HasUnspecified) o["day"] = t.Day;
        if (p.Precision >= DatePrecision.Minute) { o["hour"] = t.Hour; o["minute"] = t.Minute; }
        if (p.Precision == DatePrecision.Second) o["second"] = t.Second;
        return o;
    }

    public static string TimelineJs(Chronology c)
    {
        var events = new JsonArray();
        foreach (var e in c.Events)
        {
            var d = e.Date;
            var start = d is null ? null : d.StartKind == IntervalEnd.Point ? TjsDate(d.Start, false) : TjsDate(d.End, false);
            if (start is null) continue; // TimelineJS needs a start year
            var slide = new JsonObject
            {
                ["unique_id"] = e.Event.Id,
                ["start_date"] = start,
                ["display_date"] = e.DisplayDate,
                ["text"] = new JsonObject { ["headline"] = H(e.Title), ["text"] = SlideText(c, e) },
                ["group"] = e.Event.Tags.FirstOrDefault() ?? (e.Event.Status is "disputed" or "claimed" or "denied" ? e.Event.Status : "reported"),
            };
            if (d is { IsInterval: true, EndKind: IntervalEnd.Point } && TjsDate(d.End, true) is { } endDate) slide["end_date"] = endDate;
            if (e.Event.MediaUrl is { } url)
                slide["media"] = new JsonObject { ["url"] = url, ["caption"] = e.Event.MediaCaption ?? "", ["credit"] = e.Event.MediaCredit ?? "" };
            events.Add(slide);
        }
        var root = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = new JsonObject { ["headline"] = H(c.Title), ["text"] = H(c.Description ?? "") } },
            ["events"] = events,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    private static string SlideText(Chronology c, ChronologyEvent e)
    {
        var sb = new StringBuilder();
        if (e.Event.Status is "disputed" or "claimed" or "denied" or "retracted" or "confirmed") sb.Append($"<p><strong>{H(Cap(e.Event.Status))}</strong></p>");
        if (e.Event.Summary is { } s) sb.Append($"<p>{H(s)}</p>");
        if (e.Places.Count > 0) sb.Append($"<p>Where: {H(string.Join(", ", e.Places.Select(p => p.Place?.DisplayName ?? p.Id)))}</p>");
        if (e.Claims.Count > 0)
        {
            sb.Append("<ul>");
            foreach (var (cl, by, src) in e.Claims)
                sb.Append($"<li>{H(by?.DisplayName ?? cl.By?.Id ?? "?")} {H(cl.Stance ?? "")}{(cl.Says is { } says ? ": “" + H(says) + "”" : "")}{(src is null ? "" : $" ({H(src.DisplayName)})")}</li>");
            sb.Append("</ul>");
        }
        foreach (var (f, src) in e.Figures)
            if (f.Count is { } n) sb.Append($"<p>{H(Cap(f.Measure ?? "figure"))}: {H(n.Text)}{(f.Group is { } g ? " " + H(g) : "")}{(f.Includes is { } inc ? ", including " + H(inc) : "")}{(src is null ? "" : $" ({H(src.DisplayName)})")}</p>");
        if (e.Sources.Count > 0)
        {
            sb.Append("<p>Sources: ");
            sb.Append(string.Join("; ", e.Sources.Select(p => p.Source is { } s2
                ? (s2.Url is { } u ? $"<a href=\"{H(u)}\">{H(s2.DisplayName)}</a>" : H(s2.DisplayName)) + (s2.Published is { } pd ? ", " + H(pd.Text) : "")
                : H(p.Citation.Source.Id))));
            sb.Append("</p>");
        }
        return sb.ToString();
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // ---------------- GeoJSON ----------------

    /// <summary>RFC 7946: a FeatureCollection with one Point feature per event place that has coordinates, longitude first.</summary>
    public static string GeoJson(Chronology c)
    {
        var features = new JsonArray();
        foreach (var e in c.Events)
            foreach (var (place, id, precision) in e.Places)
            {
                if (place is not { Latitude: { } lat, Longitude: { } lon }) continue;
                features.Add(new JsonObject
                {
                    ["type"] = "Feature",
                    ["id"] = $"{e.Event.Id}/{id}",
                    ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(Math.Round(lon, 6), Math.Round(lat, 6)) },
                    ["properties"] = new JsonObject
                    {
                        ["event"] = e.Event.Id,
                        ["title"] = e.Title,
                        ["date"] = e.Event.Date?.Text,
                        ["display_date"] = e.DisplayDate,
                        ["earliest"] = e.Date is { } d && d.Earliest != DateTime.MinValue ? d.Earliest.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
                        ["latest"] = e.Date is { } d2 && d2.Latest != DateTime.MaxValue ? d2.Latest.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null,
                        ["status"] = e.Event.Status,
                        ["place"] = id,
                        ["place_name"] = place.DisplayName,
                        ["precision"] = precision ?? "exact",
                        ["sources"] = new JsonArray(e.Sources.Select(s => (JsonNode)(s.Source?.DisplayName ?? s.Citation.Source.Id)).ToArray()),
                    },
                });
            }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(Indented) + "\n";
    }

    // ---------------- CSV ----------------

    public static readonly string[] CsvColumns =
    {
        "event_id", "event_date", "time_precision", "status", "actor1", "actor2", "actors",
        "location", "admin1", "country", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    };

    /// <summary>One row per event in the spirit of ACLED's columns; RFC 4180 (CRLF, quoted fields), UTF-8.</summary>
    public static string Csv(Chronology c)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var e in c.Events)
        {
            var d = e.Date;
            var first = e.Places.FirstOrDefault();
            var chain = first.Place is null ? new List<PlaceDef>() : new[] { first.Place }.Concat(c.Symbols.Chain(first.Place)).ToList();
            string? admin1 = chain.FirstOrDefault(p => p.PlaceKind == "governorate")?.DisplayName;
            string? country = chain.FirstOrDefault(p => p.PlaceKind == "country")?.DisplayName;
            var actors = e.Actors.Select(a => a.Actor?.DisplayName ?? a.Id).ToList();
            string notes = e.Title + (e.Event.Summary is { } s ? " — " + s.Trim() : "") + (e.Event.Status is "disputed" ? " [disputed]" : "");
            var row = new[]
            {
                e.Event.Id,
                d is null || d.Earliest == DateTime.MinValue ? "" : d.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimePrecision(d),
                e.Event.Status,
                actors.ElementAtOrDefault(0) ?? "",
                actors.ElementAtOrDefault(1) ?? "",
                string.Join("; ", actors),
                first.Place?.DisplayName ?? first.Id ?? "",
                admin1 ?? "",
                country ?? "",
                first.Place?.Latitude is { } lat ? lat.ToString("0.#####", CultureInfo.InvariantCulture) : "",
                first.Place?.Longitude is { } lon ? lon.ToString("0.#####", CultureInfo.InvariantCulture) : "",
                first.Id is null ? "" : GeoPrecision(first.Place, first.Precision),
                string.Join("; ", e.Sources.Select(x => x.Source?.DisplayName ?? x.Citation.Source.Id).Distinct()),
                notes,
                Chronology.Fatalities(e)?.ToString(CultureInfo.InvariantCulture) ?? "0",
            };
            sb.Append(string.Join(',', row.Select(CsvField))).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>ACLED's time precision: 1 the day is known, 2 within a week, 3 a month or more.</summary>
    public static string TimePrecision(EdtfDate? d)
    {
        if (d is null || d.Earliest == DateTime.MinValue || d.Latest == DateTime.MaxValue) return "3";
        var span = d.Latest - d.Earliest;
        return span < TimeSpan.FromDays(1) ? "1" : span < TimeSpan.FromDays(7) ? "2" : "3";
    }

    /// <summary>ACLED's geo precision: 1 the place itself, 2 near it (or a part of a town), 3 a larger area.</summary>
    public static string GeoPrecision(PlaceDef? p, string? precision) => precision switch
    {
        "near" => "2",
        "area" => "3",
        _ => p?.PlaceKind is "country" or "governorate" or "district" or "subdistrict" or "region" ? "3" : "1",
    };

    private static string CsvField(string s) =>
        s.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    // ---------------- Markdown ----------------

    public static string Markdown(Chronology c)
    {
        var sb = new StringBuilder();
        sb.Append($"# {c.Title}\n\n");
        if (c.Description is { } desc) sb.Append(desc.Trim()).Append("\n\n");
        var sources = c.CitedSources();
        var number = sources.Select((s, i) => (s.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);
        string Note(string? id) => id is not null && number.TryGetValue(id, out int n) ? $"[^{n}]" : "";
        foreach (var e in c.Events)
        {
            sb.Append($"## {e.DisplayDate} — {e.Title}\n\n");
            if (e.Event.Status != "reported") sb.Append($"**{Cap(e.Event.Status)}.** ");
            if (e.Places.Count > 0) sb.Append("Where: ").Append(string.Join(", ", e.Places.Select(p => PlaceText(c, p.Place, p.Id)))).Append(". ");
            if (e.Actors.Count > 0) sb.Append("Who: ").Append(string.Join(", ", e.Actors.Select(a => a.Actor?.DisplayName ?? a.Id))).Append('.');
            sb.Append("\n\n");
            if (e.Event.Summary is { } s) sb.Append(s.Trim()).Append("\n\n");
            foreach (var (cl, by, src) in e.Claims)
                sb.Append($"- {by?.DisplayName ?? cl.By?.Id} **{cl.Stance}**{(cl.Says is { } says ? ": “" + says.Trim() + "”" : "")}{Note(src?.Id ?? cl.Source?.Source.Id)}\n");
            foreach (var (f, src) in e.Figures)
                if (f.Count is { } n) sb.Append($"- {Cap(f.Measure ?? "figure")}: {n.Text}{(f.Group is { } g ? " " + g : "")}{(f.Includes is { } inc ? ", including " + inc : "")}{(f.Overlaps.Count > 0 ? $" (may include the figures of {string.Join(", ", f.Overlaps.Select(o => o.Id))})" : "")}{Note(src?.Id ?? f.Source?.Source.Id)}\n");
            if (e.Claims.Count > 0 || e.Figures.Count > 0) sb.Append('\n');
            if (e.Sources.Count > 0) sb.Append("Sources: ").Append(string.Join(" ", e.Sources.Select(x => Note(x.Source?.Id ?? x.Citation.Source.Id)))).Append("\n\n");
        }
        if (sources.Count > 0)
        {
            foreach (var s in sources)
            {
                sb.Append($"[^{number[s.Id]}]: {s.DisplayName}");
                if (s.Title is { } t) sb.Append($", “{t}”");
                if (s.Author is { } a) sb.Append($", by {a}");
                if (s.Via is { } v) sb.Append($" (copy of {v})");
                if (s.Published is { } p) sb.Append($", {p.Value?.Describe() ?? p.Text}");
                if (s.Url is { } u) sb.Append($", <{u}>");
                sb.Append(".\n");
            }
        }
        return sb.ToString();
    }

    private static string PlaceText(Chronology c, PlaceDef? p, string id)
    {
        if (p is null) return id;
        var chain = c.Symbols.Chain(p);
        return chain.Count == 0 ? p.DisplayName : $"{p.DisplayName} ({string.Join(", ", chain.Take(2).Select(x => x.DisplayName))})";
    }
}
