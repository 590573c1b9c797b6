using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Timeline.Core.Dates;
using Timeline.Core.Language;
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

    public static string Write(Chronology c, ExportFormat format)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(c, format, text);
        return text.ToString();
    }

    /// <summary>
    /// The export written as it is made: the CSV's rows, the Markdown's sections and the HTML page's parts go out one
    /// by one, never held whole as a string (the page of 100,000 events is 100 MB of text).
    /// </summary>
    public static void Write(Chronology c, ExportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ExportFormat.TimelineJs: output.Write(TimelineJs(c)); break;
            case ExportFormat.GeoJson: output.Write(GeoJson(c)); break;
            case ExportFormat.Csv: Csv(c, output); break;
            case ExportFormat.Markdown: Markdown(c, output); break;
            default: HtmlExporter.Write(c, output); break;
        }
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    private static string H(string s) => WebUtility.HtmlEncode(s);

    // ---------------- TimelineJS ----------------

    /// <summary>A TimelineJS3 date object: year, month, day, hour, minute as far as the precision goes.</summary>
    private static JsonObject? TjsDate(EdtfPoint? p, bool end, TimeSpan zone)
    {
        if (p is null || p.Year is < 1 or > 9999) return null;
        var t = end ? p.Latest : p.Earliest;
        if (p.Precision >= DatePrecision.Minute) t += zone; // times were read into UTC: shown on the project's clock
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
            var start = d is null ? null : d.StartKind == IntervalEnd.Point ? TjsDate(d.Start, false, c.Zone) : TjsDate(d.End, false, c.Zone);
            if (start is null) continue; // TimelineJS needs a start year
            var slide = new JsonObject
            {
                ["unique_id"] = e.Event.Id,
                ["start_date"] = start,
                ["display_date"] = e.DisplayDate,
                ["text"] = new JsonObject { ["headline"] = H(e.Title), ["text"] = SlideText(c, e) },
                // One kind of word in the group row: the event's first tag, or "untagged".
                ["group"] = H(e.Event.Tags.Count > 0 ? Prose.OneLine(e.Event.Tags[0]) : "untagged"),
            };
            if (d is { IsInterval: true, EndKind: IntervalEnd.Point } && TjsDate(d.End, true, c.Zone) is { } endDate) slide["end_date"] = endDate;
            if (Prose.SafeUrl(e.Event.MediaUrl) is { } url)
                slide["media"] = new JsonObject
                {
                    ["url"] = url, ["caption"] = H(e.Event.MediaCaption ?? ""), ["credit"] = H(e.Event.MediaCredit ?? ""),
                };
            events.Add(slide);
        }
        var title = new StringBuilder();
        if (c.Description is { } desc) title.Append(CultureInfo.InvariantCulture, $"<p>{H(Prose.OneLine(desc))}</p>");
        if (Byline(c) is { Length: > 0 } by) title.Append(CultureInfo.InvariantCulture, $"<p>{H(by)}</p>");
        var root = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = new JsonObject { ["headline"] = H(c.Title), ["text"] = title.ToString() } },
            ["events"] = events,
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// When the chronology last changed and what it is made of, as one line:
    /// "Compiled by the Aleppo desk. Last changed 21 November 2026. 18 events from 5 sources."
    /// </summary>
    public static string Byline(Chronology c)
    {
        var parts = new List<string>();
        if (c.CompiledBy is { } by) parts.Add($"Compiled by {Prose.OneLine(by).TrimEnd('.')}.");
        if (c.LastChanged is { } t) parts.Add($"Last changed {t.UtcDateTime.Day} {Edtf.MonthName(t.UtcDateTime.Month)} {t.UtcDateTime.Year}.");
        int n = c.Events.Count, s = c.CitedSources().Count;
        parts.Add($"{n} event{(n == 1 ? "" : "s")} from {s} source{(s == 1 ? "" : "s")}.");
        return string.Join(' ', parts);
    }

    /// <summary>Whose words an event reports, with where they are reported: "SANA says …, as reported by Gossipify."</summary>
    internal static IEnumerable<(string Sentence, SourceDef? Source)> ClaimLines(Chronology c, ChronologyEvent e) =>
        e.Claims.Select(p => (Prose.ClaimSentence(p.Claim, p.By, Chronology.ActorText(p.By)), p.Source));

    internal static IEnumerable<(string Sentence, SourceDef? Source)> FigureLines(Chronology c, ChronologyEvent e) =>
        e.Figures.Where(p => p.Figure.Count is not null).Select(p => (Prose.FigureSentence(p.Figure,
            p.Figure.GroupActor is { } ga ? Chronology.ActorText(c.Symbols.Find<ActorDef>(SymbolKind.Actor, ga.Id)) : null, c.EventTitle), p.Source));

    /// <summary>The status a reader is told about: every status but "reported".</summary>
    internal static string? StatusWord(string status) => status switch
    {
        "disputed" => "Disputed",
        "claimed" => "Claimed, not confirmed",
        "denied" => "Denied",
        "retracted" => "Retracted",
        "confirmed" => "Confirmed",
        _ => null,
    };

    private static string SlideText(Chronology c, ChronologyEvent e)
    {
        var sb = new StringBuilder();
        if (StatusWord(e.Event.Status) is { } status) sb.Append(CultureInfo.InvariantCulture, $"<p><strong>{H(status)}</strong></p>");
        if (e.Event.Summary is { } s) sb.Append(CultureInfo.InvariantCulture, $"<p>{H(Prose.OneLine(s))}</p>");
        var places = c.Locate(e);
        if (places.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"<p>Where: {H(string.Join(", ", places.Select(p => p.Name)))}</p>");
        if (e.Actors.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"<p>Who: {H(string.Join("; ", e.Actors.Select(a => Chronology.ActorText(a.Actor))))}</p>");
        var lines = ClaimLines(c, e).Concat(FigureLines(c, e)).ToList();
        if (lines.Count > 0)
        {
            sb.Append("<ul>");
            foreach (var (line, src) in lines)
                sb.Append("<li>").Append(H(Prose.Sentence(line)))
                  .Append(src is null ? "" : $" <span class=\"via\">(reported by {H(c.SourceLabel(src))})</span>").Append("</li>");
            sb.Append("</ul>");
        }
        if (e.Sources.Count > 0)
        {
            sb.Append("<p>Sources: ");
            var distinct = e.Sources.Where(p => p.Source is not null).DistinctBy(p => p.Source!.Id);
            sb.Append(string.Join("; ", distinct.Select(p => SourceLink(c, p.Source!))));
            sb.Append("</p>");
        }
        return sb.ToString();
    }

    /// <summary>A source's name, linked when it has an http(s) address.</summary>
    private static string SourceLink(Chronology c, SourceDef s) =>
        Prose.SafeUrl(s.Url) is { } u ? $"<a href=\"{H(u)}\">{H(c.SourceLabel(s))}</a>" : H(c.SourceLabel(s));

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // ---------------- GeoJSON ----------------

    /// <summary>
    /// RFC 7946: a FeatureCollection with one Point feature per event place that has coordinates, its own or those
    /// of the nearest enclosing place (then approximate, with ACLED's geo precision 2 or 3); longitude first.
    /// </summary>
    public static string GeoJson(Chronology c)
    {
        var features = new JsonArray();
        foreach (var e in c.Events)
            foreach (var loc in c.Locate(e))
            {
                if (!loc.HasCoordinates) continue;
                features.Add(new JsonObject
                {
                    ["type"] = "Feature",
                    ["id"] = $"{e.Event.Id}/{loc.Id}",
                    ["geometry"] = new JsonObject
                    {
                        ["type"] = "Point", ["coordinates"] = new JsonArray(Math.Round(loc.Longitude!.Value, 6), Math.Round(loc.Latitude!.Value, 6)),
                    },
                    ["properties"] = new JsonObject
                    {
                        ["event"] = e.Event.Id,
                        ["title"] = e.Title,
                        ["date"] = e.Event.Date?.Text,
                        ["display_date"] = e.DisplayDate,
                        ["earliest"] = e.Date is { } d && Prose.LocalBound(d, false, c.Zone) is { } a ? Prose.Iso(a) : null,
                        ["latest"] = e.Date is { } d2 && Prose.LocalBound(d2, true, c.Zone) is { } b ? Prose.Iso(b) : null,
                        ["status"] = e.Event.Status,
                        ["place"] = loc.Id,
                        ["place_name"] = loc.Name,
                        ["located_at"] = loc.Located is { } at && at != loc.Place ? Chronology.PlaceText(at) : null,
                        ["precision"] = e.Places.First(p => p.Id == loc.Id).Precision ?? "exact",
                        ["geo_precision"] = loc.GeoPrecision,
                        ["sources"] = new JsonArray(
                            e.Sources.Where(s => s.Source is not null).Select(s => (JsonNode)c.SourceLabel(s.Source!)).ToArray()),
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

    /// <summary>
    /// One row per event in the spirit of ACLED's columns; RFC 4180 (CRLF, quoted fields), UTF-8. Fatalities are
    /// coded as ACLED codes them and empty when no figure was reported; dates are days in the project's time zone.
    /// </summary>
    public static string Csv(Chronology c) => Write(c, ExportFormat.Csv);

    private static void Csv(Chronology c, TextWriter output)
    {
        output.Write(string.Join(',', CsvColumns));
        output.Write("\r\n");
        foreach (var e in c.Events)
        {
            var d = e.Date;
            var locations = c.Locate(e);
            var first = locations.FirstOrDefault(l => l.HasCoordinates) ?? (locations.Count > 0 ? locations[0] : null);
            var chain = first?.Place is { } fp ? new[] { fp }.Concat(c.Symbols.Chain(fp)).ToList() : new List<PlaceDef>();
            string? admin1 = chain.FirstOrDefault(p => p.PlaceKind == "governorate") is { } g ? Chronology.PlaceText(g) : null;
            string? country = chain.FirstOrDefault(p => p.PlaceKind == "country") is { } k ? Chronology.PlaceText(k) : null;
            var actors = e.Actors.Select(a => Chronology.ActorText(a.Actor)).ToList();
            var row = new[]
            {
                e.Event.Id,
                d is not null && Prose.LocalBound(d, false, c.Zone) is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                TimePrecision(d),
                e.Event.Status,
                actors.ElementAtOrDefault(0) ?? "",
                actors.ElementAtOrDefault(1) ?? "",
                string.Join("; ", actors),
                first?.Name ?? "",
                admin1 ?? "",
                country ?? "",
                first?.Latitude is { } lat ? lat.ToString("0.#####", CultureInfo.InvariantCulture) : "",
                first?.Longitude is { } lon ? lon.ToString("0.#####", CultureInfo.InvariantCulture) : "",
                first is { HasCoordinates: true } ? first.GeoPrecision.ToString(CultureInfo.InvariantCulture) : "",
                string.Join("; ", e.Sources.Where(x => x.Source is not null).Select(x => c.SourceLabel(x.Source!)).Distinct()),
                CsvNotes(c, e, first),
                Chronology.Fatalities(e)?.ToString(CultureInfo.InvariantCulture) ?? "",
            };
            output.Write(string.Join(',', row.Select(CsvField)));
            output.Write("\r\n");
        }
    }

    /// <summary>ACLED's notes: what happened, then what the coded columns leave out (the words of a vague count, an approximate place).</summary>
    private static string CsvNotes(Chronology c, ChronologyEvent e, Location? first)
    {
        var notes = new StringBuilder(e.Title);
        if (e.Event.Summary is { } s) notes.Append(" — ").Append(Prose.OneLine(s));
        if (StatusWord(e.Event.Status) is { } status && e.Event.Status != "confirmed")
            notes.Append(" [").Append(status.ToLowerInvariant()).Append(']');
        foreach (var (line, _) in FigureLines(c, e)) notes.Append(". ").Append(line.TrimEnd('.'));
        foreach (var (f, _) in e.Figures)
            if (f.Measure == "killed" && f.Count is { Form: CountForm.Vague } v)
                notes.Append(CultureInfo.InvariantCulture,
                    $". Fatalities coded {Prose.AcledCount(v)} for “{Prose.OneLine(v.Text)}”, as ACLED codes it");
        if (first is { Located: { } at } && at != first.Place)
            notes.Append(CultureInfo.InvariantCulture, $". Located at {Chronology.PlaceText(at)}, which contains {first.Name}");
        return notes.Append('.').ToString().Replace("..", ".", StringComparison.Ordinal);
    }

    /// <summary>ACLED's time precision: 1 the day is known, 2 within a week, 3 a month or more.</summary>
    public static string TimePrecision(EdtfDate? d)
    {
        if (d is null || d.Earliest == DateTime.MinValue || d.Latest == DateTime.MaxValue) return "3";
        var span = d.Latest - d.Earliest;
        return span < TimeSpan.FromDays(1) ? "1" : span < TimeSpan.FromDays(7) ? "2" : "3";
    }

    /// <summary>The characters that make RFC 4180 quote a field.</summary>
    private static readonly SearchValues<char> CsvQuoted = SearchValues.Create(",\"\r\n");

    private static string CsvField(string s) =>
        s.AsSpan().IndexOfAny(CsvQuoted) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    // ---------------- Markdown ----------------

    /// <summary>
    /// CommonMark with footnotes: the title, description and byline; each event under its date, its claims and figures
    /// as sentences with a footnote per citation (the source and the words it is quoted by); the sources in full at the end.
    /// Every piece of the writer's text is escaped: it can open no tag, link, heading, list or table cell.
    /// </summary>
    public static string Markdown(Chronology c) => Write(c, ExportFormat.Markdown);

    private static void Markdown(Chronology c, TextWriter output)
    {
        output.Write($"# {Md(c.Title)}\n\n");
        if (c.Description is { } desc) foreach (var para in Paragraphs(desc)) output.Write(Md(para) + "\n\n");
        output.Write("*" + Md(Byline(c)) + "*\n\n");
        var notes = new List<(SourceDef Source, string? Quote)>();
        var numbers = new Dictionary<(string, string), int>();
        string Note(SourceDef? s, string? quote)
        {
            if (s is null) return "";
            var key = (s.Id, quote is null ? "" : Prose.Unquote(Prose.OneLine(quote)));
            if (!numbers.TryGetValue(key, out int n)) { notes.Add((s, key.Item2.Length == 0 ? null : key.Item2)); numbers[key] = n = notes.Count; }
            return $"[^{n}]";
        }
        foreach (var e in c.Events)
        {
            output.Write($"## {Md(e.DisplayDate)} — {Md(e.Title)}\n\n");
            var intro = new List<string>();
            if (StatusWord(e.Event.Status) is { } status) intro.Add($"**{status}.**");
            var places = c.Locate(e);
            if (places.Count > 0) intro.Add("Where: " + string.Join("; ", places.Select(l => Md(PlaceWithChain(c, l)))) + ".");
            if (e.Actors.Count > 0) intro.Add("Who: " + string.Join(", ", e.Actors.Select(a => Md(Chronology.ActorText(a.Actor)))) + ".");
            if (intro.Count > 0) output.Write(string.Join(' ', intro) + "\n\n");
            if (e.Event.Summary is { } s) foreach (var para in Paragraphs(s)) output.Write(Md(para) + "\n\n");
            var cited = e.Claims.Select(p => (Line: Prose.ClaimSentence(p.Claim, p.By, Chronology.ActorText(p.By)), p.Source, p.Claim.Source?.Quote))
                .Concat(e.Figures.Where(p => p.Figure.Count is not null)
                    .Zip(FigureLines(c, e), (p, l) => (l.Sentence, p.Source, p.Figure.Source?.Quote)))
                .ToList();
            foreach (var (line, src, quote) in cited) output.Write($"- {Md(Prose.Sentence(line))}{Note(src, quote)}\n");
            if (cited.Count > 0) output.Write('\n');
            var sources = e.Sources.Where(p => p.Source is not null).ToList();
            // Each source named once, with a note for each passage it is cited for.
            if (sources.Count > 0)
                output.Write("Sources: " + string.Join("; ", sources.GroupBy(p => p.Source!).Select(g =>
                    Md(c.SourceLabel(g.Key)) + string.Concat(g.Select(p => Note(p.Source, p.Citation.Quote))))) + ".\n\n");
        }
        var all = c.CitedSources();
        if (all.Count > 0)
        {
            output.Write("## Sources\n\n");
            foreach (var s in all) output.Write("- " + MdSource(c, s) + "\n");
            output.Write('\n');
        }
        foreach (var (s, i) in notes.Select((n, i) => (n, i + 1)))
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"[^{i}]: {MdSource(c, s.Source)}{(s.Quote is { } q ? $": “{Md(q)}”" : "")}\n"));
    }

    private static string MdSource(Chronology c, SourceDef s)
    {
        var text = Md(Prose.SourceInFull(s, c.UntitledLabel(s)));
        if (Prose.SafeUrl(s.Url) is { } u) text += $", <{u}>";
        if (Prose.SafeUrl(s.Archived) is { } a) text += $" (archived: <{a}>)";
        return text;
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.Trim(), @"\n\s*\n").Select(Prose.OneLine).Where(p => p.Length > 0);

    /// <summary>A place with the two places it lies in, and where it is drawn when that is elsewhere.</summary>
    private static string PlaceWithChain(Chronology c, Location l)
    {
        if (l.Place is null) return l.Name;
        var chain = c.Symbols.Chain(l.Place);
        return chain.Count == 0 ? l.Name : $"{l.Name} ({string.Join(", ", chain.Take(2).Select(Chronology.PlaceText))})";
    }

    /// <summary>
    /// The writer's text made inert in CommonMark: backslash before every character that could open emphasis, code,
    /// a link, an HTML tag, an entity or a table cell, and before what would open a heading, list or quote at a line's start.
    /// </summary>
    public static string Md(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char ch in Prose.OneLine(text))
        {
            if (char.IsControl(ch)) continue;
            if ("\\`*_[]<>|~&!#$".Contains(ch)) sb.Append('\\');
            sb.Append(ch);
        }
        if (sb.Length > 0 && "+-=".Contains(sb[0])) sb.Insert(0, '\\');
        var m = System.Text.RegularExpressions.Regex.Match(sb.ToString(), @"^\d{1,9}(?=[.)])");
        if (m.Success) sb.Insert(m.Length, '\\');
        return sb.ToString();
    }
}
